#include "log.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include <heymilo/json_writer.hpp>

#include "json_line.hpp"
#include "timestamp.hpp"

namespace heymilo::receiver {
namespace {
void append_time(std::string& out) {
  out += "{\"time\":";
  append_json_string(out, utc_timestamp(std::chrono::system_clock::now()));
}
}  // namespace

std::string format_request_line(const RequestLog& log, std::chrono::duration<double> latency) {
  std::string out;
  append_time(out);
  out += ",\"method\":";
  append_json_string(out, log.method);
  out += ",\"path\":";
  append_json_string(out, log.path);
  out.append(",\"status\":").append(std::to_string(log.status));
  out += ",\"outcome\":";
  append_json_string(out, to_string(log.outcome));
  out += ",\"event\":";
  if (log.event) {
    append_json_string(out, to_string(*log.event));
  } else {
    out += "null";
  }
  out += ",\"interview_id\":";
  if (!log.interview_id.empty()) {
    append_json_string(out, log.interview_id);
  } else {
    out += "null";
  }
  out += ",\"error_code\":";
  if (log.error_code) {
    append_json_string(out, to_string(*log.error_code));
    out += ",\"error_path\":";
    append_json_string(out, log.error_path);
  } else {
    out += "null,\"error_path\":null";
  }
  if (log.errors) out.append(",\"errors\":").append(std::to_string(log.errors));
  if (!log.warnings.empty()) {
    out += ",\"warnings\":[";
    for (const RequestLog::LoggedWarning& warning : log.warnings) {
      if (&warning != log.warnings.data()) out += ',';
      out += "{\"code\":";
      append_json_string(out, to_string(warning.code));
      out += ",\"path\":";
      append_json_string(out, warning.path);
      out += '}';
    }
    out += ']';
  }
  if (log.warnings_left_out)
    out.append(",\"warnings_left_out\":").append(std::to_string(log.warnings_left_out));
  if (log.body_differs) out += ",\"body_differs\":true";
  out.append(",\"bytes\":").append(std::to_string(log.bytes));
  char latency_ms[32];
  std::snprintf(latency_ms, sizeof latency_ms, "%.3f", latency.count() * 1e3);
  out.append(",\"latency_ms\":").append(latency_ms).append("}\n");
  return out;
}

std::string format_message_line(std::string_view level, std::string_view message) {
  return json_line({{"time", utc_timestamp(std::chrono::system_clock::now())},
                    {"level", level},
                    {"message", message}});
}

void write_log(std::string_view line) {
  while (!line.empty()) {
    const ssize_t written = ::write(STDERR_FILENO, line.data(), line.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;  // nowhere to log: drop the line rather than block a request
    line.remove_prefix(static_cast<std::size_t>(written));
  }
}

}  // namespace heymilo::receiver
