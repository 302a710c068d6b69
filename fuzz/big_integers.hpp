#pragma once
// The one place the library accepts what simdjson's DOM rejects: a documented `number`
// field takes any number a double holds (contract rule 4), also digits alone outside
// [-2^63, 2^64), which the DOM refuses (unknown fields and raw JSON reject them like the
// DOM). Rewriting each such integer as a decimal ("...0" + ".0") turns it into a double for
// the DOM too, so the differential target can still compare every value.

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

namespace heymilo::fuzz {

namespace detail {
inline bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// Digits alone (with an optional minus) that neither int64 nor uint64 holds.
inline bool is_big_integer(std::string_view token) {
  const std::string_view digits = token.starts_with('-') ? token.substr(1) : token;
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos)
    return false;
  const char* end = token.data() + token.size();
  std::int64_t signed_value;
  std::uint64_t unsigned_value;
  return std::from_chars(token.data(), end, signed_value).ec != std::errc() &&
         std::from_chars(token.data(), end, unsigned_value).ec != std::errc();
}
}  // namespace detail

// `json` (text the library accepted, so well-formed) with ".0" after every big integer
// outside strings.
inline std::string big_integers_as_decimals(std::string_view json) {
  std::string out;
  out.reserve(json.size() + 16);
  bool in_string = false;
  for (std::size_t i = 0; i < json.size();) {
    const char c = json[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < json.size()) out += json[++i];
      in_string = c != '"';
      ++i;
    } else if (c == '"') {
      in_string = true;
      out += c;
      ++i;
    } else if (detail::is_number_char(c)) {
      std::size_t end = i;
      while (end < json.size() && detail::is_number_char(json[end])) ++end;
      const std::string_view token = json.substr(i, end - i);
      out += token;
      if (detail::is_big_integer(token)) out += ".0";
      i = end;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

}  // namespace heymilo::fuzz
