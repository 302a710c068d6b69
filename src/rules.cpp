// The messages of a value that breaks its field's rule (contract rule 9), and the rule a
// boolean sibling may waive, decided when the object ends.
#include <charconv>
#include <cmath>
#include <string>

#include <heymilo/json_writer.hpp>

#include "rules.hpp"

namespace heymilo::detail {
namespace {

using tables::Check;

void append_number(std::string& out, double value) {
  char text[32];
  auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  out.append(text, end);
}

}  // namespace

bool Walker::fail_out_of_range(const FieldInfo& field, std::string_view token,
                               const PathNode* path) {
  std::string& message = raise(ErrorCode::out_of_range, path, token.data());
  message.append(token);
  if (field.check == Check::range_or_sentinel) {
    message.append(" is neither ");
    append_number(message, field.sentinel);
    message.append(std::isinf(field.max) ? " nor >= " : " nor within ");
    append_number(message, field.min);
    if (!std::isinf(field.max)) {
      message.append("..");
      append_number(message, field.max);
    }
  } else if (std::isinf(field.max)) {
    message.append(" is below the minimum of ");
    append_number(message, field.min);
  } else {
    message.append(" is outside ");
    append_number(message, field.min);
    message.append("..");
    append_number(message, field.max);
  }
  return false;
}

bool Walker::fail_check(const FieldInfo& field, const void* slot, std::string_view token,
                        const PathNode* path) {
  if (field.kind != Kind::string) return fail_out_of_range(field, token, path);
  std::string& message = raise(ErrorCode::invalid_value, path, token.data());
  const std::string_view text = *static_cast<const std::string_view*>(slot);
  append_json_string(message, text);
  switch (field.check) {
    case Check::one_of:
      message.append(" is not one of");
      for (std::string_view allowed : field.allowed) message.append(" ").append(allowed);
      break;
    case Check::non_empty:
      message.assign("must not be empty");
      break;
    case Check::http_url:
      message.append(
          " is not an absolute http(s) URL with a host and no whitespace or control character");
      break;
    case Check::none:   // always passes
    case Check::range:  // a number: fail_out_of_range
    case Check::range_or_sentinel:
      break;
  }
  return false;
}

bool Walker::check_waivers(const PendingWaivers& pending, const StructPlan& plan,
                           const std::byte* object, const PathNode* path) {
  for (std::size_t i = 0; i < pending.count; ++i) {
    const FieldInfo& field = *pending.entries[i].field;
    const FieldInfo& waiver = plan.info->fields[static_cast<std::size_t>(field.waiver)];
    if (tables::presence_of(waiver, object) == Presence::present &&
        *static_cast<const bool*>(tables::value_of(waiver, object)))
      continue;
    const PathNode node{path, field.name};
    fail_out_of_range(field, {pending.entries[i].token, pending.entries[i].token_size}, &node);
    if (!may_carry_on()) return false;  // Options::max_errors > 1: the next waived field
  }
  return true;
}

}  // namespace heymilo::detail
