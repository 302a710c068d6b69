#include "walker.hpp"

#include <charconv>
#include <heymilo/json_writer.hpp>

namespace heymilo::detail {
namespace {

// Scans a key's raw text (after its opening quote). Returns false when it holds an escape,
// which only simdjson's unescaping can decode.
bool plain_key(const char* raw, std::string_view& key) noexcept {
  const char* end = raw;
  while (*end != '"' && *end != '\\') ++end;
  key = {raw, static_cast<std::size_t>(end - raw)};
  return *end == '"';
}

int find_field(const StructInfo& info, std::string_view key, std::size_t hint) noexcept {
  // Documents usually list fields in the docs' order: try the one after the last first.
  if (hint < info.fields.size() && info.fields[hint].name == key) return static_cast<int>(hint);
  return info.find(key);
}

void append_number(std::string& out, double value) {
  char text[32];
  auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  out.append(text, end);
}

}  // namespace

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
    default:
      return schema::to_string(kind);
  }
}

std::int64_t Walker::offset_of(const char* where) const noexcept {
  if (where < input_.data() || where > input_.data() + input_.size()) return -1;
  return where - input_.data();
}

std::string& Walker::raise(ErrorCode code, const PathNode* path, const char* where) {
  return buffers_.errors.raise(code, path, offset_of(where));
}

bool Walker::fail_json(simdjson::error_code code, const PathNode* path, const char* where) {
  if (where == nullptr) {
    const char* location = nullptr;
    if (doc_.current_location().get(location) == simdjson::SUCCESS) where = location;
  }
  if (code == simdjson::DEPTH_ERROR) {
    raise(ErrorCode::too_deep, path, where)
        .append("nesting deeper than ")
        .append(std::to_string(options_.max_depth));
    return false;
  }
  raise(ErrorCode::invalid_json, path, where).append(simdjson::error_message(code));
  return false;
}

bool Walker::enter(std::size_t depth, std::string_view token, const PathNode* path) {
  if (depth <= options_.max_depth) return true;
  raise(ErrorCode::too_deep, path, token.data())
      .append("nesting deeper than the limit of ")
      .append(std::to_string(options_.max_depth));
  return false;
}

ScratchBuffer& Walker::scratch(std::size_t level) {
  if (buffers_.scratch.size() <= level) buffers_.scratch.resize(level + 1);
  return buffers_.scratch[level];
}

bool Walker::check_end() {
  const char* rest = nullptr;
  if (doc_.current_location().get(rest) != simdjson::SUCCESS) return true;  // at the end
  raise(ErrorCode::invalid_json, nullptr, rest).append("unexpected content after the JSON value");
  return false;
}

bool Walker::read_root_object(const StructInfo& info, void* out) {
  od::json_type type;
  if (auto error = doc_.type().get(type)) return fail_json(error, nullptr, input_.data());
  std::string_view token;
  if (auto error = doc_.raw_json_token().get(token)) return fail_json(error, nullptr, nullptr);
  if (type != od::json_type::object) {
    raise(ErrorCode::wrong_type, nullptr, token.data())
        .append("expected an object, got ")
        .append(name(json_type(token.front())));
    return false;
  }
  od::object object;
  if (auto error = doc_.get_object().get(object)) return fail_json(error, nullptr, token.data());
  return read_object(object, token.data(), info, static_cast<std::byte*>(out), nullptr, 1) &&
         check_end();
}

bool Walker::read_root_array(const StructInfo& element, std::span<const Webhook>& out) {
  od::json_type type;
  if (auto error = doc_.type().get(type)) return fail_json(error, nullptr, input_.data());
  std::string_view token;
  if (auto error = doc_.raw_json_token().get(token)) return fail_json(error, nullptr, nullptr);
  if (type != od::json_type::array) {
    raise(ErrorCode::wrong_type, nullptr, token.data())
        .append("expected an array, got ")
        .append(name(json_type(token.front())));
    return false;
  }
  od::array array;
  if (auto error = doc_.get_array().get(array)) return fail_json(error, nullptr, token.data());
  FieldInfo list;  // the root array as if it were a field of webhooks
  list.kind = Kind::array;
  list.element_kind = Kind::object;
  list.nested = &schema::describe<Webhook>;
  const void* data = nullptr;
  std::size_t count = 0;
  if (!read_array(array, Kind::object, list, element.size, nullptr, 1, data, count)) return false;
  out = {static_cast<const Webhook*>(data), count};
  return check_end();
}

bool Walker::read_key(od::field& field, const PathNode* path, std::string_view& key) {
  const char* raw = field.key().raw();
  if (plain_key(raw, key)) return true;
  if (auto error = field.unescaped_key().get(key)) return fail_json(error, path, raw - 1);
  return true;
}

bool Walker::read_object(od::object& object, const char* start, const StructInfo& info,
                         std::byte* out, const PathNode* path, std::size_t depth) {
  info.construct(out);
  std::uint64_t seen = 0;
  std::size_t hint = 0;
  Deferred deferred;
  for (auto member : object) {
    od::field field;
    if (auto error = std::move(member).get(field)) return fail_json(error, path, nullptr);
    std::string_view key;
    if (!read_key(field, path, key)) return false;
    const PathNode node{path, key};
    const int index = find_field(info, key, hint);
    if (index < 0) {
      if (!validate_value(field.value(), &node, depth)) return false;
      continue;
    }
    const std::uint64_t bit = std::uint64_t{1} << index;
    if (seen & bit) {
      std::string& message = raise(ErrorCode::duplicate_key, &node, field.key().raw() - 1);
      message.append("key \"").append(key).append("\" occurs more than once");
      return false;
    }
    seen |= bit;
    hint = static_cast<std::size_t>(index) + 1;
    if (!read_field(field.value(), info.fields[index], out, &node, depth, deferred)) return false;
  }
  const std::uint64_t required =
      options_.mode == Mode::strict ? info.strict_required : info.lenient_required;
  if (const std::uint64_t missing = required & ~seen) {
    const FieldInfo& field = info.fields[std::countr_zero(missing)];
    buffers_.errors.raise_member(ErrorCode::missing_field, path, field.name, offset_of(start))
        .append("required field \"")
        .append(field.name)
        .append("\" is missing");
    return false;
  }
  return deferred.field == nullptr || check_deferred(deferred, info, out, path);
}

bool Walker::read_field(od::value& value, const FieldInfo& field, std::byte* object,
                        const PathNode* path, std::size_t depth, Deferred& deferred) {
  const std::string_view token = value.raw_json_token();
  auto* presence = reinterpret_cast<Presence*>(object + field.offset);
  void* slot = object + field.value_offset;
  if (field.nullable && !token.empty() && token.front() == 'n') {
    bool is_null = false;
    if (auto error = value.is_null().get(is_null)) return fail_json(error, path, token.data());
    if (!is_null) return fail_json(simdjson::N_ATOM_ERROR, path, token.data());
    *presence = Presence::null;
    return true;
  }
  if (!read_value(value, token, field.kind, field, slot, path, depth)) return false;
  *presence = Presence::present;
  if (field.check == Check::none || passes_check(field, slot)) return true;
  if (!field.waived_by.empty()) {  // decided when the object ends and the sibling is known
    deferred = {&field, token};
    return true;
  }
  return check_value(field, slot, token, path);
}

bool Walker::read_value(od::value& value, std::string_view token, Kind kind, const FieldInfo& field,
                        void* slot, const PathNode* path, std::size_t depth) {
  const JsonType type = token.empty() ? JsonType::invalid : json_type(token.front());
  if (type == JsonType::invalid) {
    raise(ErrorCode::invalid_json, path, token.data()).append("expected a JSON value");
    return false;
  }
  switch (kind) {
    case Kind::string:
      if (type != JsonType::string) break;
      return read_string(value, token, path, *static_cast<std::string_view*>(slot));
    case Kind::number:
      if (type != JsonType::number) break;
      return read_number(value, token, path, *static_cast<double*>(slot));
    case Kind::integer:
      if (type != JsonType::number) break;
      return read_integer(value, token, path, *static_cast<std::int64_t*>(slot));
    case Kind::boolean:
      if (type != JsonType::boolean) break;
      if (auto error = value.get_bool().get(*static_cast<bool*>(slot)))
        return fail_json(error, path, token.data());
      return true;
    case Kind::object: {
      if (type != JsonType::object) break;
      if (!enter(depth + 1, token, path)) return false;
      od::object object;
      if (auto error = value.get_object().get(object)) return fail_json(error, path, token.data());
      return read_object(object, token.data(), field.nested(), static_cast<std::byte*>(slot), path,
                         depth + 1);
    }
    case Kind::raw_object:
      if (type != JsonType::object) break;
      return read_raw(value, token, path, depth, static_cast<RawObject*>(slot)->json);
    case Kind::raw_json:
      return read_raw(value, token, path, depth, static_cast<RawJson*>(slot)->json);
    case Kind::array: {
      if (type != JsonType::array) break;
      if (!enter(depth + 1, token, path)) return false;
      od::array array;
      if (auto error = value.get_array().get(array)) return fail_json(error, path, token.data());
      const void* data = nullptr;
      std::size_t count = 0;
      if (!read_array(array, field.element_kind, field, field.element_size, path, depth + 1, data,
                      count))
        return false;
      field.set_span(slot, data, count);
      return true;
    }
  }
  raise(ErrorCode::wrong_type, path, token.data())
      .append("expected ")
      .append(expected_name(kind))
      .append(", got ")
      .append(name(type));
  return false;
}

bool Walker::read_array(od::array& array, Kind kind, const FieldInfo& field,
                        std::size_t element_size, const PathNode* path, std::size_t depth,
                        const void*& data, std::size_t& count) {
  // Elements collect in this nesting level's scratch buffer: an element's own arrays use
  // the next level, so the element being read never moves.
  ScratchBuffer& elements = scratch(array_level_);
  elements.clear();
  ++array_level_;
  count = 0;
  bool ok = true;
  for (auto item : array) {
    od::value value;
    PathNode node{path, {}, count, true};
    if (auto error = item.get(value)) {
      ok = fail_json(error, &node, nullptr);
      break;
    }
    void* slot = elements.append(element_size);
    if (!read_value(value, value.raw_json_token(), kind, field, slot, &node, depth)) {
      ok = false;
      break;
    }
    ++count;
  }
  --array_level_;
  if (ok) data = buffers_.arena.copy(elements.data(), elements.size());
  return ok;
}

bool Walker::read_string(od::value& value, std::string_view token, const PathNode* path,
                         std::string_view& out) {
  token = trim_json_whitespace(token);
  const std::string_view body = token.substr(1, token.size() - 2);
  if (std::memchr(body.data(), '\\', body.size()) == nullptr) {
    // No escapes: stage 1 has checked its UTF-8 and control characters, so the input's own
    // bytes are the value. Consume it without copying.
    od::raw_json_string raw;
    if (auto error = value.get_raw_json_string().get(raw))
      return fail_json(error, path, token.data());
    out = body;
    return true;
  }
  if (auto error = value.get_string().get(out)) return fail_json(error, path, token.data());
  return true;
}

bool Walker::read_number(od::value& value, std::string_view token, const PathNode* path,
                         double& out) {
  if (value.get_double().get(out) == simdjson::SUCCESS) return true;
  token = trim_json_whitespace(token);
  if (!is_json_number(token)) return fail_json(simdjson::NUMBER_ERROR, path, token.data());
  raise(ErrorCode::out_of_range, path, token.data()).append(token).append(" overflows a double");
  return false;
}

bool Walker::read_integer(od::value& value, std::string_view token, const PathNode* path,
                          std::int64_t& out) {
  if (value.get_int64().get(out) == simdjson::SUCCESS) return true;
  // 7.0, 7e0 and 1e2 are integers too (JSON Schema's meaning); get_int64 reads only digits.
  double number = 0;
  if (!read_number(value, token, path, number)) return false;
  token = trim_json_whitespace(token);
  constexpr double kLimit = 9223372036854775808.0;  // 2^63
  if (number != std::floor(number)) {
    raise(ErrorCode::out_of_range, path, token.data()).append(token).append(" is not an integer");
    return false;
  }
  if (number < -kLimit || number >= kLimit) {
    raise(ErrorCode::out_of_range, path, token.data())
        .append(token)
        .append(" does not fit in a 64-bit integer");
    return false;
  }
  out = static_cast<std::int64_t>(number);
  return true;
}

bool Walker::read_raw(od::value& value, std::string_view token, const PathNode* path,
                      std::size_t depth, std::string_view& out) {
  if (!validate_value(value, path, depth)) return false;
  const char* end = nullptr;
  if (doc_.current_location().get(end) != simdjson::SUCCESS) end = input_.data() + input_.size();
  out = trim_json_whitespace({token.data(), static_cast<std::size_t>(end - token.data())});
  return true;
}

bool Walker::passes_check(const FieldInfo& field, const void* slot) const noexcept {
  if (field.check == Check::range || field.check == Check::speech_score) {
    const double number = field.kind == Kind::integer
                              ? static_cast<double>(*static_cast<const std::int64_t*>(slot))
                              : *static_cast<const double*>(slot);
    if (field.check == Check::speech_score) return number == -1 || number >= 0;
    return number >= field.min && number <= field.max;
  }
  const std::string_view text = *static_cast<const std::string_view*>(slot);
  switch (field.check) {
    case Check::one_of:
      for (std::string_view allowed : field.allowed)
        if (text == allowed) return true;
      return false;
    case Check::non_empty:
      return !text.empty();
    case Check::http_url:
      return is_http_url(text);
    default:
      return true;
  }
}

bool Walker::fail_out_of_range(const FieldInfo& field, std::string_view token,
                               const PathNode* path) {
  token = trim_json_whitespace(token);
  std::string& message = raise(ErrorCode::out_of_range, path, token.data());
  message.append(token);
  if (field.check == Check::speech_score) {
    message.append(" is neither -1 nor >= 0");
  } else if (std::isinf(field.max)) {
    message.append(" is below the minimum of ");
    append_number(message, field.min);
  } else {
    message.append(" is outside ");
    append_number(message, field.min);
    message.append("..");
    append_number(message, field.max);
  }
  return false;
}

bool Walker::check_value(const FieldInfo& field, const void* slot, std::string_view token,
                         const PathNode* path) {
  if (field.kind != Kind::string) return fail_out_of_range(field, token, path);
  std::string& message = raise(ErrorCode::invalid_value, path, trim_json_whitespace(token).data());
  const std::string_view text = *static_cast<const std::string_view*>(slot);
  append_json_string(message, text);
  switch (field.check) {
    case Check::one_of:
      message.append(" is not one of");
      for (std::string_view allowed : field.allowed) message.append(" ").append(allowed);
      break;
    case Check::non_empty:
      message.assign("must not be empty");
      break;
    default:
      message.append(" is not an absolute http(s) URL with a host");
      break;
  }
  return false;
}

bool Walker::check_deferred(const Deferred& deferred, const StructInfo& info,
                            const std::byte* object, const PathNode* path) {
  const int sibling = info.find(deferred.field->waived_by);
  const FieldInfo& waiver = info.fields[sibling];
  if (schema::presence_of(waiver, object) == Presence::present &&
      *static_cast<const bool*>(schema::value_of(waiver, object)))
    return true;
  const PathNode node{path, deferred.field->name};
  return fail_out_of_range(*deferred.field, deferred.token, &node);
}

bool Walker::validate_value(od::value& value, const PathNode* path, std::size_t depth) {
  const std::string_view token = value.raw_json_token();
  switch (token.empty() ? JsonType::invalid : json_type(token.front())) {
    case JsonType::object: {
      if (!enter(depth + 1, token, path)) return false;
      od::object object;
      if (auto error = value.get_object().get(object)) return fail_json(error, path, token.data());
      for (auto member : object) {
        od::field field;
        if (auto error = std::move(member).get(field)) return fail_json(error, path, nullptr);
        std::string_view key;
        if (!read_key(field, path, key)) return false;
        const PathNode node{path, key};
        if (!validate_value(field.value(), &node, depth + 1)) return false;
      }
      return true;
    }
    case JsonType::array: {
      if (!enter(depth + 1, token, path)) return false;
      od::array array;
      if (auto error = value.get_array().get(array)) return fail_json(error, path, token.data());
      std::size_t index = 0;
      for (auto item : array) {
        const PathNode node{path, {}, index++, true};
        od::value element;
        if (auto error = item.get(element)) return fail_json(error, &node, nullptr);
        if (!validate_value(element, &node, depth + 1)) return false;
      }
      return true;
    }
    case JsonType::string: {
      std::string_view text;
      return read_string(value, token, path, text);
    }
    case JsonType::number: {
      // Numbers beyond the double or 64-bit integer range are rejected like simdjson's DOM
      // parser rejects them (README), except when only the syntax is in question.
      od::number number;
      if (auto error = value.get_number().get(number)) {
        if (syntax_only_ && is_json_number(trim_json_whitespace(token))) return true;
        return fail_json(error, path, token.data());
      }
      return true;
    }
    case JsonType::boolean: {
      bool flag;
      if (auto error = value.get_bool().get(flag)) return fail_json(error, path, token.data());
      return true;
    }
    case JsonType::null: {
      bool is_null = false;
      if (auto error = value.is_null().get(is_null)) return fail_json(error, path, token.data());
      return is_null || fail_json(simdjson::N_ATOM_ERROR, path, token.data());
    }
    case JsonType::invalid:
      break;
  }
  raise(ErrorCode::invalid_json, path, token.data()).append("expected a JSON value");
  return false;
}

bool Walker::validate_document() {
  doc_.rewind();
  syntax_only_ = true;
  od::json_type type;
  if (auto error = doc_.type().get(type)) return fail_json(error, nullptr, input_.data());
  simdjson::error_code error = simdjson::SUCCESS;
  switch (type) {
    case od::json_type::object:
    case od::json_type::array: {
      od::value root;
      if ((error = doc_.get_value().get(root))) break;
      if (!validate_value(root, nullptr, 0)) return false;
      return check_end();
    }
    case od::json_type::number: {
      std::string_view token;
      error = doc_.raw_json_token().get(token);
      if (!error && !is_json_number(trim_json_whitespace(token))) error = simdjson::NUMBER_ERROR;
      break;
    }
    case od::json_type::string:
      error = doc_.get_string().error();
      break;
    case od::json_type::boolean:
      error = doc_.get_bool().error();
      break;
    case od::json_type::null: {
      bool is_null = false;
      error = doc_.is_null().get(is_null);
      if (!error && !is_null) error = simdjson::N_ATOM_ERROR;
      break;
    }
  }
  if (error) return fail_json(error, nullptr, nullptr);
  return check_end();
}

bool Walker::detect_event(Document& event) {
  od::json_type type;
  if (auto error = doc_.type().get(type)) return fail_json(error, nullptr, input_.data());
  if (type != od::json_type::object) {
    std::string_view token;
    if (auto error = doc_.raw_json_token().get(token)) return fail_json(error, nullptr, nullptr);
    raise(ErrorCode::wrong_type, nullptr, token.data())
        .append("expected an object, got ")
        .append(name(json_type(token.front())));
    return false;
  }
  od::object root;
  if (auto error = doc_.get_object().get(root)) return fail_json(error, nullptr, nullptr);
  bool report = false, completed = false, started = false;
  for (auto member : root) {
    od::field field;
    if (auto error = std::move(member).get(field)) return fail_json(error, nullptr, nullptr);
    std::string_view key;
    if (!read_key(field, nullptr, key)) return false;
    report |= key == "report_url" || key == "agentic_data" || key == "interview_data_model";
    completed |= key == "workflow_completed" || key == "completion_timestamp" ||
                 key == "parent_conversation_id";
    started |= key == "metadata";
  }
  doc_.rewind();
  if (report || completed || started) {
    event = report      ? Document::report_available
            : completed ? Document::interview_completed
                        : Document::interview_started;
    return true;
  }
  raise(ErrorCode::unknown_event, nullptr, input_.data())
      .append(
          "the root has none of the keys that identify an event (report_url, agentic_data, "
          "interview_data_model, workflow_completed, completion_timestamp, "
          "parent_conversation_id, metadata)");
  return false;
}

}  // namespace heymilo::detail
