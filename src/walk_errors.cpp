// The errors a walk raises: each sets the parser's one error, with its path, its offset and
// its message, and returns false. Kept out of the walk's hot code.
#include <string>

#include "json_text.hpp"
#include "walker.hpp"

namespace heymilo::detail {

Walker::JsonType Walker::json_type(char first) noexcept {
  switch (first) {
    case '{':
      return JsonType::object;
    case '[':
      return JsonType::array;
    case '"':
      return JsonType::string;
    case 't':
    case 'f':
      return JsonType::boolean;
    case 'n':
      return JsonType::null;
    case '-':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
      return JsonType::number;
    default:
      return JsonType::invalid;
  }
}

std::string_view Walker::name(JsonType type) noexcept {
  constexpr std::string_view kNames[] = {"object",  "array", "string",      "number",
                                         "boolean", "null",  "invalid JSON"};
  return kNames[static_cast<std::size_t>(type)];
}

std::string_view Walker::expected_name(Kind kind) noexcept {
  switch (kind) {
    case Kind::raw_object:
    case Kind::object:
      return "object";
    case Kind::raw_json:
      return "any JSON value";
    case Kind::string:
    case Kind::number:
    case Kind::integer:
    case Kind::boolean:
    case Kind::array:
      break;
  }
  return tables::to_string(kind);
}

std::int64_t Walker::offset_of(const char* where) const noexcept {
  if (where < input_.data() || where > input_.data() + input_.size()) return -1;
  return where - input_.data();
}

std::string& Walker::raise(ErrorCode code, const PathNode* path, const char* where) {
  return buffers_.errors.raise(code, path, offset_of(where));
}

bool Walker::fail_syntax(const PathNode* path, const char* where, std::string_view message) {
  // The sentinel after the last token (no token starts there): the tokens ran out.
  if (where == json_ + *end_) {
    where = json_ + input_.size();
    message = "the document ended early";
  }
  raise(ErrorCode::invalid_json, path, where).append(message);
  return false;
}

bool Walker::fail_syntax_at(Cursor at, const PathNode* path, std::string_view message) {
  return fail_syntax(path, at.here(), message);
}

bool Walker::fail_wrong_type(const char* where, std::string_view expected, const PathNode* path) {
  raise(ErrorCode::wrong_type, path, where)
      .append("expected ")
      .append(expected)
      .append(", got ")
      .append(name(json_type(*where)));
  return false;
}

bool Walker::fail_too_deep(const char* where, const PathNode* path) {
  raise(ErrorCode::too_deep, path, where)
      .append("nesting deeper than the limit of ")
      .append(std::to_string(options_.max_depth));
  return false;
}

bool Walker::fail_duplicate(const PathNode* path, const char* where) {
  raise(ErrorCode::duplicate_key, path, where)
      .append("key \"")
      .append(path->key())
      .append("\" occurs more than once");
  return false;
}

bool Walker::fail_missing(const FieldInfo& field, const PathNode* path, const char* where) {
  buffers_.errors.raise_member(ErrorCode::missing_field, path, field.name, offset_of(where))
      .append("required field \"")
      .append(field.name)
      .append("\" is missing");
  return false;
}

bool Walker::fail_number(const PathNode* path, std::string_view token) {
  if (!is_json_number(token)) return fail_syntax(path, token.data(), "invalid number");
  raise(ErrorCode::out_of_range, path, token.data()).append(token).append(" overflows a double");
  return false;
}

}  // namespace heymilo::detail
