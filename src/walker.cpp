#include "walker.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <utility>

#include <heymilo/json_writer.hpp>

#include "json_text.hpp"
#include "string_scan.hpp"

namespace heymilo::detail {
namespace {

using schema::Check;
bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// json_type(c) == JsonType::number, in two compares instead of a jump.
bool starts_number(char c) noexcept { return (c >= '0' && c <= '9') || c == '-'; }

// The end of the token before `next`: whitespace between tokens stepped over.
const char* end_before(const char* next) noexcept {
  while (is_space(next[-1])) --next;
  return next;
}

// The closing quote of the string token before `next` (only whitespace lies between).
const char* closing_quote(const char* next) noexcept {
  do --next;
  while (*next != '"');
  return next;
}

// The `Word` at `at` in `text` (unaligned).
template <class Word>
Word word_at(std::string_view text, std::size_t at) noexcept {
  Word value;
  std::memcpy(&value, text.data() + at, sizeof value);
  return value;
}

// a == b without a call to memcmp (enum values are short): words of 8 or 4 bytes, the last
// overlapping the one before.
bool same_text(std::string_view a, std::string_view b) noexcept {
  const std::size_t size = a.size();
  if (size != b.size()) return false;
  if (size < 4) {
    unsigned differ = 0;
    for (std::size_t i = 0; i < size; ++i) differ |= static_cast<unsigned char>(a[i] ^ b[i]);
    return differ == 0;
  }
  if (size < 8) {
    using Word = std::uint32_t;
    return ((word_at<Word>(a, 0) ^ word_at<Word>(b, 0)) |
            (word_at<Word>(a, size - 4) ^ word_at<Word>(b, size - 4))) == 0;
  }
  using Word = std::uint64_t;
  Word differ = 0;
  for (std::size_t at = 0; at + 8 < size; at += 8)
    differ |= word_at<Word>(a, at) ^ word_at<Word>(b, at);
  return (differ | (word_at<Word>(a, size - 8) ^ word_at<Word>(b, size - 8))) == 0;
}

// The root keys rule 11 decides by, with their kinds.
constexpr std::pair<std::string_view, unsigned> kEventKeys[] = {
    {"report_url", kReportKey},
    {"agentic_data", kReportKey},
    {"interview_data_model", kReportKey},
    {"workflow_completed", kCompletedKey},
    {"completion_timestamp", kCompletedKey},
    {"parent_conversation_id", kCompletedKey},
    {"metadata", kStartedKey},
};

// The kind of root key `key` (decoded) is, or 0.
unsigned event_key(std::string_view key) noexcept {
  for (const auto& [name, kind] : kEventKeys)
    if (key == name) return kind;
  return 0;
}

void append_number(std::string& out, double value) {
  char text[32];
  auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  out.append(text, end);
}

}  // namespace

void WalkBuffers::reserve_strings(std::size_t size) {
  const std::size_t needed = size + 32;  // decode_string_body writes whole 32-byte blocks
  if (strings_capacity >= needed) return;
  strings = std::make_unique_for_overwrite<char[]>(needed);
  strings_capacity = needed;
}

std::size_t Walker::find_sentinel(std::string_view input) noexcept {
  static constexpr auto kTokenByte = [] {  // starts a value, or is a separator or a closer
    std::array<bool, 256> table{};
    for (unsigned char c : std::string_view("{[\"tfn-0123456789,:}]")) table[c] = true;
    return table;
  }();
  for (std::size_t at = 0; at < input.size(); ++at)
    if (!kTokenByte[static_cast<unsigned char>(input[at])]) return at;
  return std::string_view::npos;
}

Walker::Walker(std::span<const std::uint32_t> tokens, std::string_view input,
               const Options& options, WalkBuffers& buffers) noexcept
    : input_(input),
      json_(input.data()),
      begin_(tokens.data()),
      end_(tokens.data() + tokens.size()),
      next_(begin_),
      backslash_(json_),
      options_(options),
      buffers_(buffers) {}

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

std::string_view Walker::scalar_text(const char* start) const noexcept {
  return scalar_text(cursor(), start);
}

std::string_view Walker::scalar_text(Cursor at, const char* start) const noexcept {
  return {start, static_cast<std::size_t>(end_before(next_start(at)) - start)};
}

void Walker::rewind() noexcept {
  next_ = begin_;
  backslash_ = json_;
  strings_used_ = 0;
}

std::int64_t Walker::offset_of(const char* where) const noexcept {
  if (where < input_.data() || where > input_.data() + input_.size()) return -1;
  return where - input_.data();
}

std::string& Walker::raise(ErrorCode code, const PathNode* path, const char* where) {
  return buffers_.errors.raise(code, path, offset_of(where));
}

bool Walker::fail_syntax(const PathNode* path, const char* where, std::string_view message) {
  if (next_ >= end_ && where == here()) {  // the sentinel: the tokens ran out
    where = json_ + input_.size();
    message = "the document ended early";
  }
  raise(ErrorCode::invalid_json, path, where).append(message);
  return false;
}

bool Walker::fail_syntax_at(Cursor at, const PathNode* path, std::string_view message) {
  next_ = at.next;
  return fail_syntax(path, here(), message);
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

ElementStore& Walker::elements(std::size_t level) {
  std::vector<std::unique_ptr<ElementStore>>& stores = buffers_.elements;
  while (stores.size() <= level) stores.push_back(std::make_unique<ElementStore>());
  return *stores[level];
}

// Every read inside a container may look at the token after its value without checking for
// the end of the input: the last token closes the root, so there always is one.
bool Walker::closes_root(char open) {
  const char close = open == '{' ? '}' : ']';
  if (json_[end_[-1]] == close) return true;
  // Which is wrong: content after the root, or a root never closed? Count the brackets: a
  // closer of the root's kind that ends it before the last token means content follows.
  std::size_t depth = 0;
  for (const std::uint32_t* token = next_; token + 1 < end_; ++token) {
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

bool Walker::check_end() {
  if (next_ == end_) return true;
  return fail_syntax(nullptr, here(), "unexpected content after the JSON value");
}

bool Walker::read_root_object(const StructPlan& plan, void* out) {
  if (peek() != '{') return fail_wrong_type(here(), "an object", nullptr);
  if (!closes_root('{')) return false;
  return read_object({json_, next_ + 1}, plan, static_cast<std::byte*>(out), nullptr, 1) &&
         check_end();
}

bool Walker::read_root_array(const StructPlan& webhook, std::span<const Webhook>& out) {
  if (peek() != '[') return fail_wrong_type(here(), "an array", nullptr);
  if (!closes_root('[')) return false;
  FieldPlan list;  // the root array as if it were a field of webhooks
  list.kind = Kind::array;
  list.element_kind = Kind::object;
  list.element_size = sizeof(Webhook);
  list.nested = &webhook;
  const void* data = nullptr;
  std::size_t count = 0;
  if (!read_array({json_, next_ + 1}, list, nullptr, 1, data, count)) return false;
  out = {static_cast<const Webhook*>(data), count};
  return check_end();
}

std::string_view Walker::read_key(const PathNode* path) {
  if (peek() != '"') {
    fail_syntax(path, here(), "expected a string as the member's key");
    return {};
  }
  const char* quote = here();
  ++next_;
  if (peek() != ':') {
    fail_syntax(path, here(), "expected ':' after the key");
    return {};
  }
  const char* close = closing_quote(here());
  ++next_;
  return {quote + 1, static_cast<std::size_t>(close - quote - 1)};
}

std::string_view Walker::decode_key(std::string_view raw, const PathNode* path) {
  std::string_view key;
  if (!string_value(raw.data(), raw.data() + raw.size(), path, key)) return {};
  return key;
}

int Walker::find_field(const StructPlan& plan, std::string_view& key, const PathNode* path) {
  key = decode_key(key, path);
  if (key.data() == nullptr) return -2;
  return plan.find(key);
}

bool Walker::read_object(Cursor at, const StructPlan& plan, std::byte* out, const PathNode* path,
                         std::size_t depth) {
  const std::uint32_t* const open = at.next - 1;  // the '{'
  std::uint64_t seen = 0;
  // Documents usually follow the table's order: the field after the last one read is tried
  // first (past the last field, the entry that matches no key).
  const FieldPlan* expected = plan.fields.data();
  Deferred deferred;
  if (at.peek() == '}') {
    ++at.next;
  } else {
    for (;;) {
      const char* quote = at.here();
      if (*quote != '"') return fail_syntax_at(at, path, "expected a string as the member's key");
      const FieldPlan* field = expected;
      std::string_view key;
      if (starts_member(*expected, quote + 1)) {
        // The colon right after the closing quote is the next token.
        at.next += 2;
        key = {quote + 1, expected->name_size};
      } else {
        ++at.next;
        if (at.peek() != ':') return fail_syntax_at(at, path, "expected ':' after the key");
        key = {quote + 1, static_cast<std::size_t>(closing_quote(at.here()) - quote - 1)};
        ++at.next;
        const int index = find_field(plan, key, path);
        if (index == -2) return false;
        field = index < 0 ? nullptr : &plan.fields[static_cast<std::size_t>(index)];
      }
      const PathNode node{path, key};
      if (field == nullptr) {
        if (depth == 1 && stop_kinds_ != 0) {  // a root key of another event ends this walk
          stopped_at_ = event_key(key) & stop_kinds_;
          if (stopped_at_ != 0) return false;
        }
        next_ = at.next;
        if (!validate_value(&node, depth)) return false;
        at.next = next_;
      } else {
        if (seen & field->bit) return fail_duplicate(&node, quote);
        seen |= field->bit;
        expected = field + 1;
        if (!read_field(at, *field, out, &node, depth, deferred)) return false;
      }
      const char separator = at.peek();
      if (separator == ',') {
        ++at.next;
        continue;
      }
      if (separator != '}')
        return fail_syntax_at(at, path, "expected ',' or '}' after an object member");
      ++at.next;
      break;
    }
  }
  const std::uint64_t required =
      options_.mode == Mode::strict ? plan.info->strict_required : plan.info->lenient_required;
  if (const std::uint64_t missing = required & ~seen)
    return fail_missing(plan.info->fields[std::countr_zero(missing)], path, at.json + *open);
  // Fields the object left out are value-initialised (all zero: absent, empty, 0).
  for (std::uint64_t absent = plan.all & ~seen; absent != 0; absent &= absent - 1) {
    const FieldPlan& field = plan.fields[std::countr_zero(absent)];
    std::memset(out + field.offset, 0, field.extent);
  }
  if (deferred.field != nullptr && !check_deferred(deferred, plan, out, path)) return false;
  next_ = at.next;
  return true;
}

bool Walker::read_field(Cursor& at, const FieldPlan& field, std::byte* object, const PathNode* path,
                        std::size_t depth, Deferred& deferred) {
  auto* presence = reinterpret_cast<Presence*>(object + field.offset);
  if (field.unchecked_string && at.peek() == '"') {  // most members: one test instead of four
    if (!read_string(at, path, *reinterpret_cast<std::string_view*>(object + field.value_offset)))
      return false;
    *presence = Presence::present;
    return true;
  }
  if (field.nullable && at.peek() == 'n') {
    if (!read_null(at, path)) return false;
    std::memset(object + field.offset, 0, field.extent);
    *presence = Presence::null;
    return true;
  }
  const char* start = at.here();
  void* slot = object + field.value_offset;
  if (!read_value(at, field.kind, field, slot, path, depth)) return false;
  *presence = Presence::present;
  if (field.check == Check::none || passes_check(field, slot)) return true;
  const std::string_view token = scalar_text(at, start);
  if (!field.info->waived_by.empty()) {  // decided when the object ends and the sibling is known
    deferred = {field.info, token};
    return true;
  }
  return check_value(*field.info, slot, token, path);
}

bool Walker::read_value(Cursor& at, Kind kind, const FieldPlan& field, void* slot,
                        const PathNode* path, std::size_t depth) {
  const char first = at.peek();
  // Most values are strings: they skip the jump table, whose indirect branch predicts worse.
  if (kind == Kind::string && first == '"')
    return read_string(at, path, *static_cast<std::string_view*>(slot));
  switch (kind) {
    case Kind::string:
      break;
    case Kind::number:
      if (!starts_number(first)) break;
      return read_number(at, path, *static_cast<double*>(slot));
    case Kind::integer:
      if (!starts_number(first)) break;
      return read_integer(at, path, *static_cast<std::int64_t*>(slot));
    case Kind::boolean:
      if (first != 't' && first != 'f') break;
      return read_boolean(at, path, *static_cast<bool*>(slot));
    case Kind::object: {
      if (first != '{') break;
      if (!enter(depth + 1, at.here(), path)) return false;
      if (!read_object({at.json, at.next + 1}, *field.nested, static_cast<std::byte*>(slot), path,
                       depth + 1))
        return false;
      at.next = next_;
      return true;
    }
    case Kind::raw_object:
      if (first != '{') break;
      return read_raw(at, path, depth, static_cast<RawObject*>(slot)->json);
    case Kind::raw_json:
      return read_raw(at, path, depth, static_cast<RawJson*>(slot)->json);
    case Kind::array: {
      if (first != '[') break;
      if (!enter(depth + 1, at.here(), path)) return false;
      const void* data = nullptr;
      std::size_t count = 0;
      if (!read_array({at.json, at.next + 1}, field, path, depth + 1, data, count)) return false;
      at.next = next_;
      field.info->set_span(slot, data, count);
      return true;
    }
  }
  if (json_type(first) == JsonType::invalid)
    return fail_syntax_at(at, path, "expected a JSON value");
  return fail_wrong_type(at.here(), expected_name(kind), path);
}

bool Walker::read_array(Cursor at, const FieldPlan& field, const PathNode* path, std::size_t depth,
                        const void*& data, std::size_t& count) {
  // Elements go to this nesting level's store; an element's own arrays use the next level.
  ElementStore& elements = this->elements(array_level_);
  elements.begin();
  ++array_level_;
  count = 0;
  bool ok = true;
  if (at.peek() == ']') {
    ++at.next;
  } else {
    for (;;) {
      const PathNode node{path, count};
      void* slot = elements.append(field.element_size);
      if (!read_value(at, field.element_kind, field, slot, &node, depth)) {
        ok = false;
        break;
      }
      ++count;
      const char separator = at.peek();
      if (separator == ',') {
        ++at.next;
        continue;
      }
      if (separator != ']') {
        ok = fail_syntax_at(at, path, "expected ',' or ']' after an array element");
        break;
      }
      ++at.next;
      break;
    }
  }
  --array_level_;
  if (!ok) return false;
  data = elements.finish();
  next_ = at.next;
  return true;
}

bool Walker::read_string(Cursor& at, const PathNode* path, std::string_view& out) {
  const char* body = at.here() + 1;
  ++at.next;
  return string_value(body, closing_quote(at.here()), path, out);
}

bool Walker::string_value(const char* body, const char* end, const PathNode* path,
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

const char* Walker::find_backslash(const char* from) const noexcept {
  const char* end = json_ + input_.size();
  const void* found = std::memchr(from, '\\', static_cast<std::size_t>(end - from));
  return found ? static_cast<const char*>(found) : end;
}

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

// simdjson 3.0.1's header-compiled number parser misreads some numbers with more than 19
// significant digits (0.922337203685477580879 comes out as 7.9e-20; its DOM parser, built
// into the shared library, reads it right). std::from_chars rounds correctly, so long
// numbers are read again with it. Found by the differential fuzzer.
static void reread_long_number(std::string_view token, double& out) noexcept {
  if (token.size() <= 19) return;
  double exact = 0;
  if (std::from_chars(token.data(), token.data() + token.size(), exact).ec == std::errc())
    out = exact;
}

bool Walker::read_number(Cursor& at, const PathNode* path, double& out) {
  const char* start = at.here();
  ++at.next;
  if (!parse_double(start, out)) return fail_number(path, scalar_text(at, start));
  reread_long_number(scalar_text(at, start), out);
  return true;
}

bool Walker::read_integer(Cursor& at, const PathNode* path, std::int64_t& out) {
  const char* start = at.here();
  ++at.next;
  if (parse_int64(start, out)) return true;
  return read_integral_number(path, scalar_text(at, start), out);
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

bool Walker::read_boolean(Cursor& at, const PathNode* path, bool& out) {
  const char* start = at.here();
  out = *start == 't';
  if (out ? !is_true_literal(start) : !is_false_literal(start))
    return fail_syntax(path, start, "invalid literal: expected true or false");
  ++at.next;
  return true;
}

bool Walker::read_null(Cursor& at, const PathNode* path) {
  const char* start = at.here();
  if (!is_null_literal(start)) return fail_syntax(path, start, "invalid literal: expected null");
  ++at.next;
  return true;
}

bool Walker::read_raw(Cursor& at, const PathNode* path, std::size_t depth, std::string_view& out) {
  const char* start = at.here();
  next_ = at.next;
  if (!validate_value(path, depth)) return false;
  at.next = next_;
  out = scalar_text(at, start);
  return true;
}

bool Walker::passes_check(const FieldPlan& field, const void* slot) const noexcept {
  const auto number = [&] {
    return field.kind == Kind::integer
               ? static_cast<double>(*static_cast<const std::int64_t*>(slot))
               : *static_cast<const double*>(slot);
  };
  const auto text = [&] { return *static_cast<const std::string_view*>(slot); };
  switch (field.check) {
    case Check::none:
      return true;
    case Check::range:
      return number() >= field.min && number() <= field.max;
    case Check::speech_score:
      return number() == -1 || number() >= 0;
    case Check::one_of:
      for (std::string_view allowed : field.info->allowed)
        if (same_text(text(), allowed)) return true;
      return false;
    case Check::non_empty:
      return !text().empty();
    case Check::http_url:
      return is_http_url(text());
  }
  return true;
}

bool Walker::fail_out_of_range(const FieldInfo& field, std::string_view token,
                               const PathNode* path) {
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
  std::string& message = raise(ErrorCode::invalid_value, path, token.data());
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

bool Walker::check_deferred(const Deferred& deferred, const StructPlan& plan,
                            const std::byte* object, const PathNode* path) {
  const FieldInfo& waiver = plan.info->fields[plan.find(deferred.field->waived_by)];
  if (schema::presence_of(waiver, object) == Presence::present &&
      *static_cast<const bool*>(schema::value_of(waiver, object)))
    return true;
  const PathNode node{path, deferred.field->name};
  return fail_out_of_range(*deferred.field, deferred.token, &node);
}

bool Walker::validate_number(const PathNode* path) {
  // Numbers beyond the double or 64-bit integer range are rejected like simdjson's DOM
  // parser rejects them (README), except when only the syntax is in question.
  const char* start = here();
  ++next_;
  if (is_dom_number(start)) return true;
  if (syntax_only_ && is_json_number(scalar_text(start))) return true;
  return fail_syntax(path, start, "invalid number");
}

bool Walker::validate_value(const PathNode* path, std::size_t depth) {
  const char* start = here();
  switch (json_type(peek())) {
    case JsonType::object: {
      if (!enter(depth + 1, start, path)) return false;
      ++next_;
      if (peek() == '}') {
        ++next_;
        return true;
      }
      for (;;) {
        std::string_view key = read_key(path);
        if (key.data() == nullptr) return false;
        key = decode_key(key, path);
        if (key.data() == nullptr) return false;
        const PathNode node{path, key};
        if (!validate_value(&node, depth + 1)) return false;
        const char separator = peek();
        if (separator != ',' && separator != '}')
          return fail_syntax(path, here(), "expected ',' or '}' after an object member");
        ++next_;
        if (separator == '}') return true;
      }
    }
    case JsonType::array: {
      if (!enter(depth + 1, start, path)) return false;
      ++next_;
      if (peek() == ']') {
        ++next_;
        return true;
      }
      for (std::size_t index = 0;; ++index) {
        const PathNode node{path, index};
        if (!validate_value(&node, depth + 1)) return false;
        const char separator = peek();
        if (separator != ',' && separator != ']')
          return fail_syntax(path, here(), "expected ',' or ']' after an array element");
        ++next_;
        if (separator == ']') return true;
      }
    }
    case JsonType::string: {
      std::string_view text;
      return at_member([&](Cursor& at) { return read_string(at, path, text); });
    }
    case JsonType::number:
      return validate_number(path);
    case JsonType::boolean: {
      bool flag;
      return at_member([&](Cursor& at) { return read_boolean(at, path, flag); });
    }
    case JsonType::null:
      return at_member([&](Cursor& at) { return read_null(at, path); });
    case JsonType::invalid:
      break;
  }
  return fail_syntax(path, start, "expected a JSON value");
}

// A root scalar is its whole token, with nothing after it to end a number or a literal.
bool Walker::validate_root_scalar() {
  const char* start = here();
  const char first = peek();
  if (first == '"') {  // its end is the input's, not a next token's
    ++next_;
    const char* end = end_before(next_start(cursor())) - 1;
    std::string_view text;
    if (!decode_string(start + 1, end, nullptr, text)) return false;
    return check_end();
  }
  ++next_;
  const std::string_view token = scalar_text(start);
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
    default:
      return fail_syntax(nullptr, start, "expected a JSON value");
  }
  if (!valid) return fail_syntax(nullptr, start, "invalid number or literal");
  return check_end();
}

bool Walker::validate_document() {
  rewind();
  syntax_only_ = true;
  const char first = peek();
  if (first != '{' && first != '[') return validate_root_scalar();
  if (!closes_root(first)) return false;
  return validate_value(nullptr, 0) && check_end();
}

// Steps over one value without checking it (the walk that follows detection does).
bool Walker::skip_value() {
  const std::uint32_t* token = next_;  // in a register: the member would be stored every token
  std::size_t open = 0;
  do {
    if (token == end_) {
      next_ = token;
      return fail_syntax(nullptr, here(), "the document ended early");
    }
    const char c = json_[*token++];
    open += c == '{' || c == '[';
    open -= c == '}' || c == ']';
  } while (open > 0);
  next_ = token;
  return true;
}

bool Walker::detect_event(Document& event) {
  if (peek() != '{') return fail_wrong_type(here(), "an object", nullptr);
  if (!closes_root('{')) return false;
  ++next_;
  unsigned keys = 0;
  for (char separator = peek() == '}' ? '}' : ','; separator == ',';) {
    std::string_view key = read_key(nullptr);
    if (key.data() == nullptr) return false;
    key = decode_key(key, nullptr);
    if (key.data() == nullptr) return false;
    keys |= event_key(key);
    // A report key decides: the rest need not be looked at (the walk checks it all).
    if (keys & kReportKey) break;
    if (!skip_value()) return false;
    separator = peek();
    ++next_;
  }
  rewind();
  if (keys != 0) {
    event = keys & kReportKey      ? Document::report_available
            : keys & kCompletedKey ? Document::interview_completed
                                   : Document::interview_started;
    return true;
  }
  std::string& message = raise(ErrorCode::unknown_event, nullptr, here())  // the root's '{'
                             .append("the root has none of the keys that identify an event (");
  for (const auto& [name, kind] : kEventKeys) message.append(name).append(", ");
  message.replace(message.size() - 2, 2, ")");
  return false;
}

}  // namespace heymilo::detail
