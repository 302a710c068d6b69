#include "args.hpp"

#include <charconv>
#include <limits>
#include <utility>

namespace heymilo::cli {

bool ArgCursor::at_positional() const {
  const std::string_view arg = args_[next_];
  return only_positional_ || arg == "-" || !arg.starts_with('-');
}

std::string_view ArgCursor::take_flag() {
  std::string_view arg = args_[next_++];
  inline_value_.reset();
  if (arg == "--") {
    only_positional_ = true;
    return arg;
  }
  if (const auto equals = arg.find('='); arg.starts_with("--") && equals != arg.npos) {
    inline_value_ = arg.substr(equals + 1);
    arg = arg.substr(0, equals);
  }
  return arg;
}

std::string_view ArgCursor::value(std::string_view flag) {
  if (inline_value_) return *std::exchange(inline_value_, std::nullopt);
  if (done()) fail("flag '" + std::string(flag) + "' needs a value");
  return args_[next_++];
}

void ArgCursor::no_value(std::string_view flag) {
  if (inline_value_) fail("flag '" + std::string(flag) + "' takes no value");
}

void ArgCursor::unknown(std::string_view flag) const {
  fail("unknown flag '" + std::string(flag) + "'");
}

void ArgCursor::fail(const std::string& message) const {
  throw UsageError("heymilo " + std::string(command_) + ": " + message + " (see 'heymilo " +
                   std::string(command_) + " --help')");
}

std::uint64_t parse_count(const ArgCursor& cursor, std::string_view flag, std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size())
    cursor.fail("flag '" + std::string(flag) + "' needs a non-negative integer, not '" +
                std::string(text) + "'");
  return value;
}

std::size_t parse_size(const ArgCursor& cursor, std::string_view flag, std::string_view text) {
  constexpr std::pair<std::string_view, int> kSuffixes[] = {
      {"KiB", 10}, {"KB", 10}, {"K", 10},   {"k", 10},  {"MiB", 20}, {"MB", 20},
      {"M", 20},   {"m", 20},  {"GiB", 30}, {"GB", 30}, {"G", 30},   {"g", 30}};
  int shift = 0;
  std::string_view digits = text;
  for (const auto& [suffix, bits] : kSuffixes) {
    if (text.size() > suffix.size() && text.ends_with(suffix)) {
      digits = text.substr(0, text.size() - suffix.size());
      shift = bits;
      break;
    }
  }
  const std::uint64_t count = parse_count(cursor, flag, digits);
  if (count > (std::numeric_limits<std::size_t>::max() >> shift))
    cursor.fail("flag '" + std::string(flag) + "': " + std::string(text) + " is too large");
  return static_cast<std::size_t>(count << shift);
}

std::optional<Document> parse_event(const ArgCursor& cursor, std::string_view text,
                                    bool allow_auto) {
  if (allow_auto && text == "auto") return std::nullopt;
  if (const auto document = document_from_string(text)) return document;
  std::string names;
  for (Document document : kAllDocuments)
    names.append(names.empty() ? "" : ", ").append(to_string(document));
  if (allow_auto) names += ", auto";
  cursor.fail("unknown event '" + std::string(text) + "' (one of: " + names + ")");
}

bool take_parser_flag(ArgCursor& cursor, std::string_view flag, std::optional<Document>& event,
                      Options& parser) {
  if (flag == "--event") {
    event = parse_event(cursor, cursor.value(flag), true);
  } else if (flag == "--max-bytes") {
    parser.max_bytes = parse_size(cursor, flag, cursor.value(flag));
  } else if (flag == "--max-depth") {
    parser.max_depth = parse_count(cursor, flag, cursor.value(flag));
    if (parser.max_depth == 0) cursor.fail("flag '--max-depth' must be at least 1");
  } else if (flag == "--lenient") {
    cursor.no_value(flag);
    parser.mode = Mode::lenient;
  } else {
    return false;
  }
  return true;
}

}  // namespace heymilo::cli
