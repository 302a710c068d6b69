#pragma once
// Reading one token: strings (kept in the input when they hold no escape), numbers, literals
// (simdjson's parsers, through simdjson_adapter.hpp). Inlined into the table walk (walk.cpp)
// and the syntax check (syntax.cpp).

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "json_text.hpp"
#include "walker.hpp"

namespace heymilo::detail {
namespace token_text {

inline bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A number's first character, in two compares instead of a jump.
inline bool starts_number(char c) noexcept { return (c >= '0' && c <= '9') || c == '-'; }

// The end of the token before `next`: whitespace between tokens stepped over.
inline const char* end_before(const char* next) noexcept {
  while (is_space(next[-1])) --next;
  return next;
}

// The closing quote of the string token before `next` (only whitespace lies between).
inline const char* closing_quote(const char* next) noexcept {
  do --next;
  while (*next != '"');
  return next;
}

// simdjson 3.0.1's header-compiled number parser misreads some numbers with more than 19
// significant digits (0.922337203685477580879 comes out as 7.9e-20; its DOM parser, built
// into the shared library, reads it right). std::from_chars rounds correctly, so long
// numbers are read again with it. Found by the differential fuzzer.
inline void reread_long_number(std::string_view token, double& out) noexcept {
  if (token.size() <= 19) return;
  double exact = 0;
  if (std::from_chars(token.data(), token.data() + token.size(), exact).ec == std::errc())
    out = exact;
}

}  // namespace token_text

inline const char* Walker::find_backslash(const char* from) const noexcept {
  const char* end = json_ + input_.size();
  const void* found = std::memchr(from, '\\', static_cast<std::size_t>(end - from));
  return found ? static_cast<const char*>(found) : end;
}

inline bool Walker::read_string(Cursor& at, const PathNode* path, std::string_view& out) {
  const char* body = at.here() + 1;
  ++at.next;
  return string_value(body, token_text::closing_quote(at.here()), path, out);
}

inline bool Walker::string_value(const char* body, const char* end, const PathNode* path,
                                 std::string_view& out) {
  // Without escapes the input's own bytes are the value: stage 1 has checked their UTF-8
  // and that no control character is left unescaped.
  if (body > backslash_) backslash_ = find_backslash(body);
  if (end <= backslash_) {
    out = {body, static_cast<std::size_t>(end - body)};
    return true;
  }
  return decode_string(body, end, path, out);
}

inline bool Walker::read_number(Cursor& at, const PathNode* path, double& out) {
  using namespace token_text;
  const char* start = at.here();
  ++at.next;
  if (!parse_double(start, out)) return fail_number(path, scalar_text(at, start));
  reread_long_number(scalar_text(at, start), out);
  return true;
}

inline bool Walker::read_integer(Cursor& at, const PathNode* path, std::int64_t& out) {
  using namespace token_text;
  const char* start = at.here();
  ++at.next;
  if (parse_int64(start, out)) return true;
  return read_integral_number(path, scalar_text(at, start), out);
}

inline bool Walker::read_any_number(Cursor& at, const PathNode* path) {
  using namespace token_text;
  // Numbers beyond the double or 64-bit integer range are rejected like simdjson's DOM
  // parser rejects them (README), except when only the syntax is in question.
  const char* start = at.here();
  ++at.next;
  if (is_dom_number(start)) return true;
  if (syntax_only_ && is_json_number(scalar_text(at, start))) return true;
  return fail_syntax(path, start, "invalid number");
}

inline bool Walker::read_boolean(Cursor& at, const PathNode* path, bool& out) {
  using namespace token_text;
  const char* start = at.here();
  out = *start == 't';
  if (out ? !is_true_literal(start) : !is_false_literal(start))
    return fail_syntax(path, start, "invalid literal: expected true or false");
  ++at.next;
  return true;
}

inline bool Walker::read_null(Cursor& at, const PathNode* path) {
  using namespace token_text;
  const char* start = at.here();
  if (!is_null_literal(start)) return fail_syntax(path, start, "invalid literal: expected null");
  ++at.next;
  return true;
}

}  // namespace heymilo::detail
