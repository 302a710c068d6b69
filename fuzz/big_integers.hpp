#pragma once
// Numbers the library and simdjson's DOM read differently. A documented `number` field takes
// any number a double holds (contract rule 4), also digits alone outside [-2^63, 2^64), which
// the DOM refuses, and it calls a number beyond the double range out_of_range; unknown
// fields and raw JSON reject both as invalid JSON, like the DOM. Rewriting each such integer
// as a decimal ("...0" + ".0") turns it into a double for the DOM too, so the differential
// target can still compare every value; rewriting every such number as 0 tells whether they
// are all the DOM has against a text (the parse target).

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <system_error>

namespace heymilo::fuzz {

namespace detail {
inline bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// RFC 8259's number grammar.
inline bool is_json_number(std::string_view token) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < token.size() && is_digit(token[i])) ++i;
    return i > start;
  };
  if (i < token.size() && token[i] == '-') ++i;
  if (i < token.size() && token[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < token.size() && token[i] == '.' && (++i, !digits())) return false;
  if (i < token.size() && (token[i] == 'e' || token[i] == 'E')) {
    ++i;
    if (i < token.size() && (token[i] == '+' || token[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == token.size();
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

// A well-formed number that a double does not hold.
inline bool overflows_double(std::string_view token) {
  return is_json_number(token) && std::isinf(std::strtod(std::string(token).c_str(), nullptr));
}

// `json` (text well-formed but for numbers) with every number token outside strings
// replaced by `rewrite(token)`.
template <class Rewrite>
std::string rewrite_numbers(std::string_view json, Rewrite rewrite) {
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
    } else if (is_number_char(c)) {
      std::size_t end = i;
      while (end < json.size() && is_number_char(json[end])) ++end;
      out += rewrite(json.substr(i, end - i));
      i = end;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}
}  // namespace detail

// `json` (text the library accepted, so well-formed) with ".0" after every big integer
// outside strings.
inline std::string big_integers_as_decimals(std::string_view json) {
  return detail::rewrite_numbers(json, [](std::string_view token) {
    return std::string(token) + (detail::is_big_integer(token) ? ".0" : "");
  });
}

// `json` with every big integer and every well-formed number beyond the double range
// outside strings written as 0.
inline std::string numbers_out_of_range_as_zeros(std::string_view json) {
  return detail::rewrite_numbers(json, [](std::string_view token) {
    const bool out_of_range = detail::is_big_integer(token) || detail::overflows_double(token);
    return out_of_range ? std::string("0") : std::string(token);
  });
}

}  // namespace heymilo::fuzz
