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
  append_input(out, outcome);
  if (!outcome.error) {
    out.append(": ok (").append(outcome.event ? to_string(*outcome.event) : "").append(")\n");
    return;
  }
  const Error& error = *outcome.error;
  out.append(": ").append(to_string(error.code)).append(" at ").append(error.path);
  out.append(": ").append(error.message).append("\n");
}

void append_json_line(std::string& out, const Outcome& outcome) {
  out += "{\"input\":";
  append_json_string(out, outcome.input);
  if (outcome.line) out.append(",\"line\":").append(std::to_string(outcome.line));
  out.append(",\"valid\":").append(outcome.error ? "false" : "true");
  out += ",\"event\":";
  if (outcome.event) {
    append_json_string(out, to_string(*outcome.event));
  } else {
    out += "null";
  }
  out += ",\"errors\":[";
  if (const Error* error = outcome.error) {
    out += "{\"code\":";
    append_json_string(out, to_string(error->code));
    out += ",\"path\":";
    append_json_string(out, error->path);
    out.append(",\"offset\":").append(std::to_string(error->offset));
    out += ",\"message\":";
    append_json_string(out, error->message);
    out += '}';
  }
  out += "]}\n";
}

TooLarge::TooLarge(std::uint64_t size, std::size_t limit, std::string_view what)
    : message("the " + std::string(what) + " is " + std::to_string(size) +
              " bytes, more than the limit of " + std::to_string(limit)),
      error{ErrorCode::too_large, "", -1, message} {}

}  // namespace heymilo::cli
