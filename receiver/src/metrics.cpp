#include "metrics.hpp"

#include <cstdio>
#include <set>

#include "path_pattern.hpp"  // tools/cli: the patterns of `heymilo validate --summary`

namespace heymilo::receiver {
namespace {

constexpr std::string_view kOutcomeNames[kOutcomes] = {
    "accepted",
    "duplicate",
    "rejected",
    "too_large",
    "unsupported_media_type",
    "unauthorized",
    "method_not_allowed",
    "not_found",
    "bad_request",
    "timeout",
    "store_failed",
    "health",
    "metrics",
};

constexpr auto relaxed = std::memory_order_relaxed;

void add(std::string& out, std::string_view name, std::string_view help, std::string_view type) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void sample(std::string& out, std::string_view name, std::string_view labels, double value) {
  char number[32];
  std::snprintf(number, sizeof number, "%.17g", value);
  out.append(name);
  if (!labels.empty()) out.append("{").append(labels).append("}");
  out.append(" ").append(number).append("\n");
}

// A label value in the text format: backslash, double quote and newline escaped.
std::string label_value(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}
}  // namespace

std::string_view to_string(Outcome outcome) noexcept {
  return kOutcomeNames[static_cast<std::size_t>(outcome)];
}

void Metrics::count_request(std::optional<Document> event, Outcome outcome,
                            std::chrono::duration<double> latency) noexcept {
  const std::size_t row = event && *event <= Document::report_available
                              ? static_cast<std::size_t>(*event)
                              : kEvents - 1;
  requests_[row][static_cast<std::size_t>(outcome)].fetch_add(1, relaxed);
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && latency.count() > kBuckets[bucket]) ++bucket;
  latency_buckets_[bucket].fetch_add(1, relaxed);
  latency_count_.fetch_add(1, relaxed);
  latency_micros_.fetch_add(static_cast<std::uint64_t>(latency.count() * 1e6), relaxed);
}

void Metrics::count_error(ErrorCode code) noexcept {
  errors_[static_cast<std::size_t>(code)].fetch_add(1, relaxed);
}

void Metrics::count_unknown_fields(std::span<const Warning> warnings) {
  std::set<std::string> patterns;  // each once a payload
  for (const Warning& warning : warnings)
    if (warning.code == WarningCode::unknown_field)
      patterns.insert(cli::path_pattern(warning.path, true));
  if (patterns.empty()) return;
  const std::lock_guard lock(unknown_fields_mutex_);
  for (const std::string& pattern : patterns) {
    if (auto found = unknown_fields_.find(pattern); found != unknown_fields_.end()) {
      ++found->second;
    } else if (unknown_fields_.size() < kMaxFieldPatterns && pattern.size() <= kMaxPatternBytes) {
      unknown_fields_.emplace(pattern, 1);
    } else {
      ++unknown_fields_other_;
    }
  }
}

void Metrics::count_duplicate(bool body_differs) noexcept {
  duplicates_.fetch_add(1, relaxed);
  if (body_differs) duplicates_differing_.fetch_add(1, relaxed);
}

void Metrics::count_commit(std::size_t batch) noexcept {
  commits_.fetch_add(1, relaxed);
  committed_requests_.fetch_add(batch, relaxed);
}

void Metrics::count_handler_run(bool ok) noexcept {
  handler_runs_.fetch_add(1, relaxed);
  if (!ok) handler_failures_.fetch_add(1, relaxed);
}

std::string Metrics::text() const {
  std::string out;
  constexpr std::string_view kRequests = "heymilo_receiver_requests_total";
  add(out, kRequests, "Requests by payload event (none when not known) and outcome.", "counter");
  for (std::size_t event = 0; event < kEvents; ++event) {
    const std::string_view event_name =
        event + 1 < kEvents ? to_string(static_cast<Document>(event)) : "none";
    for (std::size_t outcome = 0; outcome < kOutcomes; ++outcome) {
      const std::string labels = "event=\"" + std::string(event_name) + "\",outcome=\"" +
                                 std::string(kOutcomeNames[outcome]) + "\"";
      sample(out, kRequests, labels, static_cast<double>(requests_[event][outcome].load(relaxed)));
    }
  }
  constexpr std::string_view kErrors = "heymilo_receiver_payload_errors_total";
  add(out, kErrors, "Invalid payloads by the contract's error code.", "counter");
  for (std::size_t code = 0; code < errors_.size(); ++code) {
    const std::string labels =
        "code=\"" + std::string(to_string(static_cast<ErrorCode>(code))) + "\"";
    sample(out, kErrors, labels, static_cast<double>(errors_[code].load(relaxed)));
  }
  constexpr std::string_view kUnknown = "heymilo_receiver_unknown_fields_total";
  add(out, kUnknown,
      "Payloads carrying an unknown field (--drift), by its path pattern; \"other\" past the "
      "first " +
          std::to_string(kMaxFieldPatterns) + " patterns.",
      "counter");
  {
    const std::lock_guard lock(unknown_fields_mutex_);
    for (const auto& [pattern, count] : unknown_fields_)
      sample(out, kUnknown, "path=\"" + label_value(pattern) + "\"", static_cast<double>(count));
    if (unknown_fields_other_)
      sample(out, kUnknown, "path=\"other\"", static_cast<double>(unknown_fields_other_));
  }
  const auto counter = [&](std::string_view name, std::string_view help, const Counter& value) {
    add(out, name, help, "counter");
    sample(out, name, "", static_cast<double>(value.load(relaxed)));
  };
  counter("heymilo_receiver_duplicates_total",
          "Deliveries of an (event, interview_id) already stored.", duplicates_);
  counter("heymilo_receiver_duplicates_differing_total",
          "Duplicates whose body differs from the stored one.", duplicates_differing_);
  counter("heymilo_receiver_store_commits_total", "Group commits (one sync each).", commits_);
  counter("heymilo_receiver_store_committed_requests_total", "Requests answered by those commits.",
          committed_requests_);
  counter("heymilo_receiver_handler_runs_total", "Runs of the --exec handler.", handler_runs_);
  counter("heymilo_receiver_handler_failures_total",
          "Handler runs that exited non-zero, were killed or could not start.", handler_failures_);
  constexpr std::string_view kLatency = "heymilo_receiver_request_duration_seconds";
  add(out, kLatency, "From the request's headers read to its response written.", "histogram");
  std::uint64_t cumulative = 0;
  for (std::size_t bucket = 0; bucket <= kBuckets.size(); ++bucket) {
    cumulative += latency_buckets_[bucket].load(relaxed);
    char bound[32];
    if (bucket < kBuckets.size()) {
      std::snprintf(bound, sizeof bound, "%g", kBuckets[bucket]);
    } else {
      std::snprintf(bound, sizeof bound, "+Inf");
    }
    sample(out, std::string(kLatency) + "_bucket", "le=\"" + std::string(bound) + "\"",
           static_cast<double>(cumulative));
  }
  sample(out, std::string(kLatency) + "_sum", "",
         static_cast<double>(latency_micros_.load(relaxed)) / 1e6);
  sample(out, std::string(kLatency) + "_count", "",
         static_cast<double>(latency_count_.load(relaxed)));
  return out;
}

}  // namespace heymilo::receiver
