#include "summary.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>
#include <vector>

#include <heymilo/json_writer.hpp>

#include "path_pattern.hpp"

namespace heymilo::cli {
namespace {

// Entries by count, largest first, then by key.
template <class Key>
std::vector<std::pair<Key, std::uint64_t>> by_count(const std::map<Key, std::uint64_t>& counts) {
  std::vector<std::pair<Key, std::uint64_t>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return sorted;
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", whole ? 100.0 * part / whole : 0.0);
  return text;
}

double share(std::uint64_t part, std::uint64_t whole) {
  return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

std::string event_label(const std::string& event) { return event.empty() ? "unknown" : event; }

}  // namespace

template <class Key>
void Summary::Table<Key>::add(const Key& key, std::uint64_t n) {
  if (auto found = counts.find(key); found != counts.end()) {
    found->second += n;
  } else if (counts.size() < kMaxPatterns) {
    counts.emplace(key, n);
  } else {
    other += n;
    ++other_patterns;  // an upper bound: a pattern past the cap is not remembered
  }
}

void Summary::add(const Outcome& outcome) {
  const EventName event(outcome.event ? to_string(*outcome.event) : "");
  Verdicts& verdicts = documents_[event];
  ++(outcome.valid() ? verdicts.valid : verdicts.invalid);
  for (const Error& error : outcome.errors)
    errors_.add({std::string(to_string(error.code)), path_pattern(error.path, false)});
  // Each pattern once a document: the share is of documents, not of occurrences.
  std::set<std::string> carried;
  for (const Warning& warning : outcome.warnings) carried.insert(path_pattern(warning.path, true));
  for (const std::string& pattern : carried) unknown_fields_.add({event, pattern});
}

std::string Summary::plain() const {
  std::uint64_t valid = 0, invalid = 0;
  for (const auto& [event, verdicts] : documents_)
    valid += verdicts.valid, invalid += verdicts.invalid;
  std::string out = "documents: " + std::to_string(valid + invalid) + " (" + std::to_string(valid) +
                    " valid, " + std::to_string(invalid) + " invalid)\n";
  for (const auto& [event, verdicts] : documents_)
    out += "  " + event_label(event) + ": " + std::to_string(verdicts.valid) + " valid, " +
           std::to_string(verdicts.invalid) + " invalid\n";
  out += "errors by code and path:\n";
  for (const auto& [key, count] : by_count(errors_.counts))
    out += "  " + std::to_string(count) + " " + key.first + " at " + key.second + "\n";
  if (errors_.other_patterns)
    out += "  " + std::to_string(errors_.other) + " in " + std::to_string(errors_.other_patterns) +
           " other patterns (past the " + std::to_string(kMaxPatterns) + " kept)\n";
  out += "unknown fields by path (documents carrying them, share of the event's):\n";
  for (const auto& [key, count] : by_count(unknown_fields_.counts)) {
    const auto found = documents_.find(key.first);
    const std::uint64_t of = found->second.valid + found->second.invalid;
    out += "  " + std::to_string(count) + " " + event_label(key.first) + " " + key.second + " (" +
           percent(count, of) + ")\n";
  }
  if (unknown_fields_.other_patterns)
    out += "  " + std::to_string(unknown_fields_.other) + " in " +
           std::to_string(unknown_fields_.other_patterns) + " other patterns (past the " +
           std::to_string(kMaxPatterns) + " kept)\n";
  return out;
}

std::string Summary::json() const {
  std::uint64_t valid = 0, invalid = 0;
  for (const auto& [event, verdicts] : documents_)
    valid += verdicts.valid, invalid += verdicts.invalid;
  std::string out = "{\"documents\":" + std::to_string(valid + invalid) +
                    ",\"valid\":" + std::to_string(valid) +
                    ",\"invalid\":" + std::to_string(invalid) + ",\"events\":[";
  bool first = true;
  for (const auto& [event, verdicts] : documents_) {
    if (!first) out += ',';
    first = false;
    out += "{\"event\":";
    if (event.empty()) {
      out += "null";
    } else {
      append_json_string(out, event);
    }
    out += ",\"valid\":" + std::to_string(verdicts.valid) +
           ",\"invalid\":" + std::to_string(verdicts.invalid) + "}";
  }
  out += "],\"errors\":[";
  first = true;
  for (const auto& [key, count] : by_count(errors_.counts)) {
    if (!first) out += ',';
    first = false;
    out += "{\"code\":";
    append_json_string(out, key.first);
    out += ",\"path\":";
    append_json_string(out, key.second);
    out += ",\"count\":" + std::to_string(count) + "}";
  }
  out += "],\"unknown_fields\":[";
  first = true;
  for (const auto& [key, count] : by_count(unknown_fields_.counts)) {
    if (!first) out += ',';
    first = false;
    const auto found = documents_.find(key.first);
    const std::uint64_t of = found->second.valid + found->second.invalid;
    out += "{\"event\":";
    if (key.first.empty()) {
      out += "null";
    } else {
      append_json_string(out, key.first);
    }
    out += ",\"path\":";
    append_json_string(out, key.second);
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, share(count, of)).ptr;
    out += ",\"documents\":" + std::to_string(count) + ",\"share\":" + std::string(text, end) + "}";
  }
  out += "],\"other_patterns\":{\"errors\":" + std::to_string(errors_.other) +
         ",\"unknown_fields\":" + std::to_string(unknown_fields_.other) + "}}\n";
  return out;
}

}  // namespace heymilo::cli
