#pragma once
// Checks on JSON text that simdjson does not make in the form the contract needs.

#include <cstdint>
#include <string_view>

namespace heymilo::detail {

// True when `text` is a number by RFC 8259's grammar (whatever its magnitude).
bool is_json_number(std::string_view text) noexcept;

// What a JSON number token says as an integer (contract rule 4: its value, not a double's).
enum class Integral : std::uint8_t { value, fraction, out_of_int64 };
// Reads `number` (is_json_number) exactly from its digits: 1.0000000000000001 has a fraction
// and 9223372036854775807.0 is int64's largest, where a double would round both.
Integral integral_value(std::string_view number, std::int64_t& out) noexcept;

// An absolute http:// or https:// URL (scheme in any case) with a non-empty host and no
// whitespace or control characters (ASCII's, C1's, or Unicode's white space). Reads `url` 16 bytes
// at a time: up to 15 bytes past its end must be readable (the parser's padded input and string
// buffer have them).
bool is_http_url(std::string_view url) noexcept;

}  // namespace heymilo::detail
