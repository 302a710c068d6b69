// The out-of-line parts of reading a token (token_reads.hpp): strings with escapes, and
// numbers that need more than simdjson's fast path.
#include "token_reads.hpp"

#include "string_scan.hpp"

namespace heymilo::detail {

bool Walker::decode_string(const char* body, const char* end, const PathNode* path,
                           std::string_view& out) {
  char* const decoded = buffers_.strings.get() + strings_used_;
  const char* to = decode_string_body(body, end, decoded);
  if (to == nullptr)
    return fail_syntax(path, body - 1, "invalid escape sequence or lone surrogate in a string");
  const auto size = static_cast<std::size_t>(to - decoded);
  out = {decoded, size};
  strings_used_ += size;
  return true;
}

std::string_view Walker::decode_key(std::string_view raw, const PathNode* path) {
  std::string_view key;
  if (!string_value(raw.data(), raw.data() + raw.size(), path, key)) return {};
  return key;
}

// 7.0, 7e0 and 1e2 are integers too (JSON Schema's meaning); parse_integer reads only digits.
bool Walker::read_integral_number(const PathNode* path, std::string_view token, std::int64_t& out) {
  if (!is_json_number(token)) return fail_syntax(path, token.data(), "invalid number");
  switch (integral_value(token, out)) {
    case Integral::value:
      return true;
    case Integral::fraction:
      raise(ErrorCode::out_of_range, path, token.data()).append(token).append(" is not an integer");
      return false;
    case Integral::out_of_int64:
      break;
  }
  raise(ErrorCode::out_of_range, path, token.data())
      .append(token)
      .append(" does not fit in a 64-bit integer");
  return false;
}

}  // namespace heymilo::detail
