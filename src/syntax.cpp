// JSON syntax beyond stage 1's checks: values the tables do not describe (unknown members,
// opaque values), and the whole document when an error of another kind must first prove it
// is JSON at all (contract rule 1).
#include "token_reads.hpp"

namespace heymilo::detail {

std::string_view Walker::read_key(Cursor& at, const PathNode* path) {
  if (at.peek() != '"') {
    fail_syntax_at(at, path, "expected a string as the member's key");
    return {};
  }
  const char* quote = at.here();
  ++at.next;
  if (at.peek() != ':') {
    fail_syntax_at(at, path, "expected ':' after the key");
    return {};
  }
  const char* close = token_text::closing_quote(at.here());
  ++at.next;
  return {quote + 1, static_cast<std::size_t>(close - quote - 1)};
}

bool Walker::validate_value(Cursor& at, const PathNode* path, std::size_t depth) {
  const char* start = at.here();
  switch (json_type(at.peek())) {
    case JsonType::object: {
      if (!enter(depth + 1, start, path)) return false;
      ++at.next;
      if (at.peek() == '}') {
        ++at.next;
        return true;
      }
      for (;;) {
        std::string_view key = read_key(at, path);
        if (key.data() == nullptr) return false;
        key = decode_key(key, path);
        if (key.data() == nullptr) return false;
        const PathNode node{path, key};
        if (!validate_value(at, &node, depth + 1)) return false;
        const char separator = at.peek();
        if (separator != ',' && separator != '}')
          return fail_syntax_at(at, path, "expected ',' or '}' after an object member");
        ++at.next;
        if (separator == '}') return true;
      }
    }
    case JsonType::array: {
      if (!enter(depth + 1, start, path)) return false;
      ++at.next;
      if (at.peek() == ']') {
        ++at.next;
        return true;
      }
      for (std::size_t index = 0;; ++index) {
        const PathNode node{path, index};
        if (!validate_value(at, &node, depth + 1)) return false;
        const char separator = at.peek();
        if (separator != ',' && separator != ']')
          return fail_syntax_at(at, path, "expected ',' or ']' after an array element");
        ++at.next;
        if (separator == ']') return true;
      }
    }
    case JsonType::string: {
      std::string_view text;
      return read_string(at, path, text);
    }
    case JsonType::number:
      return read_any_number(at, path);
    case JsonType::boolean: {
      bool flag;
      return read_boolean(at, path, flag);
    }
    case JsonType::null:
      return read_null(at, path);
    case JsonType::invalid:
      break;
  }
  return fail_syntax(path, start, "expected a JSON value");
}

const std::uint32_t* Walker::skip_valid_value(Cursor at, const PathNode* path, std::size_t depth) {
  // What the check decodes (keys for error paths, strings to check their escapes) is not kept:
  // the space goes back, so that stepping over many values cannot outgrow the buffer.
  const std::size_t strings_used = strings_used_;
  const bool valid = validate_value(at, path, depth);
  strings_used_ = strings_used;
  return valid ? at.next : nullptr;
}

// A root scalar is its whole token, with nothing after it to end a number or a literal.
bool Walker::validate_root_scalar(Cursor& at) {
  const char* start = at.here();
  const char first = at.peek();
  ++at.next;
  if (first == '"') {  // its end is the input's, not a next token's
    const char* end = token_text::end_before(next_start(at)) - 1;
    std::string_view text;
    if (!decode_string(start + 1, end, nullptr, text)) return false;
    return check_end(at);
  }
  const std::string_view token = scalar_text(at, start);
  bool valid = false;
  switch (json_type(first)) {
    case JsonType::number:
      valid = is_json_number(token);
      break;
    case JsonType::boolean:
      valid = token == "true" || token == "false";
      break;
    case JsonType::null:
      valid = token == "null";
      break;
    case JsonType::object:
    case JsonType::array:
    case JsonType::string:
    case JsonType::invalid:
      return fail_syntax(nullptr, start, "expected a JSON value");
  }
  if (!valid) return fail_syntax(nullptr, start, "invalid number or literal");
  return check_end(at);
}

bool Walker::validate_document() {
  Cursor at = start();
  syntax_only_ = true;
  const char first = at.peek();
  if (first != '{' && first != '[') return validate_root_scalar(at);
  if (!root_is_closed(first)) return false;
  return validate_value(at, nullptr, 0) && check_end(at);
}

// Every read inside a container may look at the token after its value without checking for
// the end of the input: the last token closes the root, so there always is one.
bool Walker::root_is_closed(char open) {
  const char close = open == '{' ? '}' : ']';
  if (json_[end_[-1]] == close) return true;
  // Which is wrong: content after the root, or a root never closed? Count the brackets: a
  // closer of the root's kind that ends it before the last token means content follows.
  std::size_t depth = 0;
  for (const std::uint32_t* token = begin_; token + 1 < end_; ++token) {
    const char c = json_[*token];
    if (c == '{' || c == '[') ++depth;
    if ((c == '}' || c == ']') && --depth == 0) {
      if (c != close) break;
      return fail_syntax(nullptr, json_ + token[1], "unexpected content after the JSON value");
    }
  }
  return fail_syntax(
      nullptr, json_ + end_[-1],
      open == '{' ? "the root object is not closed" : "the root array is not closed");
}

bool Walker::check_end(Cursor at) {
  if (at.next == end_) return true;
  return fail_syntax_at(at, nullptr, "unexpected content after the JSON value");
}

}  // namespace heymilo::detail
