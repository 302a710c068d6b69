#pragma once
// Checks on JSON text that simdjson does not make in the form the contract needs.

#include <string_view>

namespace heymilo::detail {

// True when `text` is a number by RFC 8259's grammar (whatever its magnitude).
bool is_json_number(std::string_view text) noexcept;

// An absolute http:// or https:// URL (scheme in any case) with a non-empty host and no
// whitespace or control characters. Reads `url` 16 bytes at a time: up to 15 bytes past its
// end must be readable (the parser's padded input and string buffer have them).
bool is_http_url(std::string_view url) noexcept;

}  // namespace heymilo::detail
