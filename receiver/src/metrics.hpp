#pragma once
// Counters for GET /metrics, in Prometheus' text format. Lock-free: every request thread
// adds to them.

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>

#include <heymilo/document.hpp>
#include <heymilo/error.hpp>

namespace heymilo::receiver {

// How a request ended; its name is the `outcome` label and the log's "outcome".
enum class Outcome : std::uint8_t {
  accepted,
  duplicate,
  rejected,
  too_large,
  unsupported_media_type,
  unauthorized,
  method_not_allowed,
  not_found,
  bad_request,  // not HTTP we could read
  timeout,      // dropped at the whole-request deadline, unanswered
  store_failed,
  health,
  metrics,
};
inline constexpr std::size_t kOutcomes = 13;
std::string_view to_string(Outcome outcome) noexcept;

class Metrics {
 public:
  // `event`: the payload's event when known.
  void count_request(std::optional<Document> event, Outcome outcome,
                     std::chrono::duration<double> latency) noexcept;
  void count_error(ErrorCode code) noexcept;
  // --drift: a payload's unknown fields, each path pattern (`heymilo validate --summary`'s)
  // once. At most kMaxFieldPatterns patterns get a label, each at most kMaxPatternBytes long:
  // the rest count under path="other", so that the exposition stays bounded.
  void count_unknown_fields(std::span<const Warning> warnings);
  static constexpr std::size_t kMaxFieldPatterns = 1000;
  static constexpr std::size_t kMaxPatternBytes = 256;
  void count_duplicate(bool body_differs) noexcept;
  void count_commit(std::size_t batch) noexcept;
  void count_handler_run(bool ok) noexcept;

  // The whole exposition, "# HELP"/"# TYPE" lines included.
  std::string text() const;

  // Upper bounds of the latency histogram's buckets, in seconds (+Inf implied).
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};

 private:
  using Counter = std::atomic<std::uint64_t>;
  static constexpr std::size_t kEvents = 4;  // the three payloads, then "none"
  std::array<std::array<Counter, kOutcomes>, kEvents> requests_{};
  std::array<Counter, 9> errors_{};
  Counter duplicates_{0};
  Counter duplicates_differing_{0};
  Counter commits_{0};
  Counter committed_requests_{0};
  Counter handler_runs_{0};
  Counter handler_failures_{0};
  std::array<Counter, kBuckets.size() + 1> latency_buckets_{};  // last: +Inf
  Counter latency_count_{0};
  Counter latency_micros_{0};
  mutable std::mutex unknown_fields_mutex_;  // drift is rare: a lock is cheap enough
  std::map<std::string, std::uint64_t, std::less<>> unknown_fields_;
  std::uint64_t unknown_fields_other_ = 0;
};

}  // namespace heymilo::receiver
