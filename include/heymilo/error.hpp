#pragma once
// Errors: every failed parse carries one, with a code from the contract (rule 12), a JSON
// Pointer to the offending value, a byte offset into the input and a message.

#include <cstdint>
#include <string>
#include <string_view>

#include <heymilo/export.hpp>

namespace heymilo {

enum class ErrorCode : std::uint8_t {
  invalid_json,
  too_deep,
  too_large,
  wrong_type,
  missing_field,
  duplicate_key,
  out_of_range,
  invalid_value,
  unknown_event,
};

// The contract's spelling of the code, e.g. "out_of_range".
HEYMILO_API std::string_view to_string(ErrorCode code) noexcept;

struct Error {
  ErrorCode code = ErrorCode::invalid_json;
  std::string_view path;     // RFC 6901 JSON Pointer; "" is the root
  std::int64_t offset = -1;  // byte offset into the input, -1 when not known
  std::string_view message;  // for a person: what was found and what was expected
};

// Whether an error of this code is a whole document's only error (contract rule 15): the
// input is not JSON, too deep, too large, or of no known event.
constexpr bool is_whole_input(ErrorCode code) noexcept {
  return code == ErrorCode::invalid_json || code == ErrorCode::too_deep ||
         code == ErrorCode::too_large || code == ErrorCode::unknown_event;
}

// What a valid document may still carry (contract rule 16, Options::drift).
enum class WarningCode : std::uint8_t {
  unknown_field,  // a key the declaration of its typed object does not have
};

HEYMILO_API std::string_view to_string(WarningCode code) noexcept;

struct Warning {
  WarningCode code = WarningCode::unknown_field;
  std::string_view path;     // RFC 6901 JSON Pointer of the key
  std::int64_t offset = -1;  // byte offset of the key's opening quote
  std::string_view message;
};

// Appends "/" and `token` escaped for a JSON Pointer ("~" as "~0", "/" as "~1"): how an
// error's path names an object member.
HEYMILO_API void append_pointer_token(std::string& pointer, std::string_view token);

// "PATH: CODE: MESSAGE", e.g. "/summary/match_score: out_of_range: 101 is outside 0..100".
HEYMILO_API std::string to_string(const Error& error);

}  // namespace heymilo
