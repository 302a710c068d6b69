#pragma once
// The log: one JSON object per line on stderr, written with one write(2) so that lines from
// several threads never interleave.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <heymilo/document.hpp>
#include <heymilo/error.hpp>

#include "metrics.hpp"

namespace heymilo::receiver {

// What one request did, filled in as it goes.
struct RequestLog {
  std::string method;
  std::string path;  // without the query, which may hold the token
  unsigned status = 0;
  Outcome outcome = Outcome::bad_request;
  std::optional<Document> event;
  std::string interview_id;
  std::optional<ErrorCode> error_code;
  std::string error_path;
  std::size_t errors = 0;  // reported with a rejected payload (--max-errors)
  // --drift: the first kMaxLoggedWarnings warnings, and how many were left out; a path is
  // cut to kMaxLoggedPathBytes (at a UTF-8 character's start): a key may be megabytes long.
  struct LoggedWarning {
    WarningCode code;
    std::string path;
  };
  static constexpr std::size_t kMaxLoggedWarnings = 10;
  static constexpr std::size_t kMaxLoggedPathBytes = 256;
  std::vector<LoggedWarning> warnings;
  std::size_t warnings_left_out = 0;
  std::uint64_t bytes = 0;    // body bytes read
  bool body_differs = false;  // a duplicate whose body differs from the stored one
};

// {"time":..,"method":..,"path":..,"status":..,"outcome":..,"event":..,"interview_id":..,
//  "error_code":..,"error_path":..,"errors":N,"warnings":[{"code":..,"path":..}],
//  "warnings_left_out":N,"bytes":..,"latency_ms":..}; "errors" only for a rejected payload,
//  "warnings" only when there are some, "warnings_left_out" only when not 0; ends with a
//  newline.
std::string format_request_line(const RequestLog& log, std::chrono::duration<double> latency);

// {"time":..,"level":..,"message":..}; ends with a newline.
std::string format_message_line(std::string_view level, std::string_view message);

// Writes one line to stderr.
void write_log(std::string_view line);

inline void log_message(std::string_view level, std::string_view message) {
  write_log(format_message_line(level, message));
}

}  // namespace heymilo::receiver
