#include "outcome.hpp"

#include <heymilo/json_writer.hpp>

namespace heymilo::cli {
namespace {
void append_input(std::string& out, const Outcome& outcome) {
  out += outcome.input;
  if (outcome.line) out.append(":").append(std::to_string(outcome.line));
}
}  // namespace

void append_plain(std::string& out, const Outcome& outcome) {
  if (outcome.valid()) {
    append_input(out, outcome);
    out.append(": ok (").append(outcome.event ? to_string(*outcome.event) : "").append(")\n");
  }
  for (const Error& error : outcome.errors) {
    append_input(out, outcome);
    out.append(": ").append(to_string(error.code)).append(" at ").append(error.path);
    out.append(": ").append(error.message).append("\n");
  }
  for (const Warning& warning : outcome.warnings) {
    append_input(out, outcome);
    out.append(": warning ").append(to_string(warning.code)).append(" at ");
    out.append(warning.path).append("\n");
  }
}

namespace {
template <class Report>
void append_reports(std::string& out, std::span<const Report> reports) {
  out += '[';
  for (const Report& report : reports) {
    if (&report != reports.data()) out += ',';
    out += "{\"code\":";
    append_json_string(out, to_string(report.code));
    out += ",\"path\":";
    append_json_string(out, report.path);
    out.append(",\"offset\":").append(std::to_string(report.offset));
    out += ",\"message\":";
    append_json_string(out, report.message);
    out += '}';
  }
  out += ']';
}
}  // namespace

void append_json_line(std::string& out, const Outcome& outcome, bool with_warnings) {
  out += "{\"input\":";
  append_json_string(out, outcome.input);
  if (outcome.line) out.append(",\"line\":").append(std::to_string(outcome.line));
  out.append(",\"valid\":").append(outcome.valid() ? "true" : "false");
  out += ",\"event\":";
  if (outcome.event) {
    append_json_string(out, to_string(*outcome.event));
  } else {
    out += "null";
  }
  out += ",\"errors\":";
  append_reports(out, outcome.errors);
  if (with_warnings) {
    out += ",\"warnings\":";
    append_reports(out, outcome.warnings);
  }
  out += "}\n";
}

TooLarge::TooLarge(std::uint64_t size, std::size_t limit, std::string_view what)
    : message("the " + std::string(what) + " is " + std::to_string(size) +
              " bytes, more than the limit of " + std::to_string(limit)),
      error{ErrorCode::too_large, "", -1, message} {}

}  // namespace heymilo::cli
