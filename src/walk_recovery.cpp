// What the walk does besides validating in the default mode, kept out of walker.cpp's hot
// path: carrying on after a field-level error (contract rule 15) and noting unknown keys
// (rule 16).
#include <algorithm>
#include <bit>
#include <cstring>

#include <heymilo/json_writer.hpp>

#include "walker.hpp"

namespace heymilo::detail {

bool Walker::may_carry_on() const noexcept {
  const ErrorState& errors = buffers_.errors;
  return errors.collecting() && !errors.full() && !is_whole_input(errors.code());
}

const std::uint32_t* Walker::carry_on(const std::uint32_t* value, const PathNode* path,
                                      std::size_t depth) {
  if (!may_carry_on() || value >= end_) return nullptr;
  // From here on, values are judged as the default mode's check of the whole input judges
  // them (numbers beyond int64 in unknown fields pass), so that a later problem can never
  // turn the first error into another.
  syntax_only_ = true;
  return skip_valid_value({json_, value}, path, depth);
}

const std::uint32_t* Walker::carry_on_field(const FieldPlan& field, std::byte* object,
                                            const PathNode* path, std::size_t depth) {
  const std::uint32_t* next = carry_on(error_token(), path, depth);
  if (next != nullptr)
    std::memset(object + field.offset, 0, field.extent);  // what it held is no value
  return next;
}

const std::uint32_t* Walker::token_of(const char* where) const noexcept {
  return std::lower_bound(begin_, end_, static_cast<std::uint32_t>(where - json_));
}

const std::uint32_t* Walker::error_token() const noexcept {
  return token_of(json_ + buffers_.errors.offset());
}

bool Walker::fail_missing_fields(const StructPlan& plan, std::uint64_t missing,
                                 const PathNode* path, const char* where) {
  for (; missing != 0; missing &= missing - 1) {
    fail_missing(plan.info->fields[std::countr_zero(missing)], path, where);
    if (!may_carry_on()) return false;
  }
  return true;
}

void Walker::warn_unknown_field(const StructPlan& plan, const PathNode* key, const char* quote) {
  WarningList& warnings = buffers_.warnings;
  if (warnings.count() >= kMaxWarnings) return;
  std::string& message = warnings.add(WarningCode::unknown_field, key, offset_of(quote));
  append_json_string(message, key->key());
  message.append(" is not a field of ").append(plan.info->name);
}

}  // namespace heymilo::detail
