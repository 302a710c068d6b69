// The table walk: one pass over the tokens that reads each member into the view its plan
// (walk_plan.hpp) describes, checking types, presence and duplicates as it goes. The values of
// unknown members go to syntax.cpp, rule checks to rules.hpp, the errors to walk_errors.cpp.
#include <array>
#include <bit>
#include <cstring>

#include "rules.hpp"
#include "token_reads.hpp"

namespace heymilo::detail {

using tables::Check;

namespace {
// What read_object and read_array return after raising an error: no position.
const std::uint32_t* failed(bool /*raised*/) noexcept { return nullptr; }
}  // namespace

void WalkBuffers::reserve_strings(std::size_t size) {
  // A string can be decoded twice: by a read that fails, then by the syntax check that steps
  // over the bad value; and decode_string_body writes whole 32-byte blocks.
  const std::size_t needed = 2 * size + 32;
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
      backslash_(json_),
      options_(options),
      buffers_(buffers) {}

ElementStore& Walker::elements(std::size_t level) {
  std::vector<std::unique_ptr<ElementStore>>& stores = buffers_.elements;
  while (stores.size() <= level) stores.push_back(std::make_unique<ElementStore>());
  return *stores[level];
}

bool Walker::read_root_object(const StructPlan& plan, void* out) {
  Cursor at = start();
  if (at.peek() != '{') return fail_wrong_type(at.here(), "an object", nullptr);
  if (!root_is_closed('{')) return false;
  ++at.next;
  at.next = read_members(at, plan, static_cast<std::byte*>(out), nullptr, 1);
  return at.next != nullptr && check_end(at);
}

bool Walker::read_root_array(const StructPlan& webhook, std::span<const Webhook>& out) {
  Cursor at = start();
  if (at.peek() != '[') return fail_wrong_type(at.here(), "an array", nullptr);
  if (!root_is_closed('[')) return false;
  ++at.next;
  FieldPlan list;  // the root array as if it were a field of webhooks
  list.kind = Kind::array;
  list.element_kind = Kind::object;
  list.element_size = sizeof(Webhook);
  list.nested = &webhook;
  const void* data = nullptr;
  std::size_t count = 0;
  at.next = read_array(at, list, nullptr, 1, data, count);
  if (at.next == nullptr) return false;
  out = {static_cast<const Webhook*>(data), count};
  return check_end(at);
}

int Walker::find_field(const StructPlan& plan, std::string_view& key, const PathNode* path) {
  key = decode_key(key, path);
  if (key.data() == nullptr) return -2;
  return plan.find(key);
}

const std::uint32_t* Walker::read_object(Cursor at, const StructPlan& plan, std::byte* out,
                                         const PathNode* path, std::size_t depth) {
  return read_members(at, plan, out, path, depth);
}

const std::uint32_t* Walker::read_members(Cursor at, const StructPlan& plan, std::byte* out,
                                          const PathNode* path, std::size_t depth) {
  const std::uint32_t* const open = at.next - 1;  // the '{'
  std::uint64_t seen = 0;
  // Documents usually follow the table's order: the field after the last one read is tried
  // first (past the last field, the entry that matches no key).
  const FieldPlan* expected = plan.fields.data();
  PendingWaivers pending;
  if (at.peek() == '}') {
    ++at.next;
  } else {
    for (;;) {
      const char* quote = at.here();
      if (*quote != '"')
        return failed(fail_syntax_at(at, path, "expected a string as the member's key"));
      const FieldPlan* field = expected;
      std::string_view key;
      if (starts_member(*expected, quote + 1)) {
        // The colon right after the closing quote is the next token.
        at.next += 2;
        key = {quote + 1, expected->name_size};
      } else {
        ++at.next;
        if (at.peek() != ':') return failed(fail_syntax_at(at, path, "expected ':' after the key"));
        key = {quote + 1,
               static_cast<std::size_t>(token_text::closing_quote(at.here()) - quote - 1)};
        ++at.next;
        const int index = find_field(plan, key, path);
        if (index == -2) return nullptr;
        field = index < 0 ? nullptr : &plan.fields[static_cast<std::size_t>(index)];
      }
      const PathNode node{path, key};
      if (field == nullptr) {
        if (depth == 1 && stop_events_ != 0) {  // a root key of another event ends this walk
          stopped_at_ = event_key(key) & stop_events_;
          if (stopped_at_ != 0) return nullptr;
        }
        if (options_.drift) warn_unknown_field(plan, &node, quote);
        at.next = skip_valid_value(at, &node, depth);
        if (at.next == nullptr) return nullptr;
      } else if (seen & field->bit) {
        fail_duplicate(&node, quote);
        at.next = carry_on(token_of(quote) + 2, &node, depth);
        if (at.next == nullptr) return nullptr;
      } else {
        seen |= field->bit;
        expected = field + 1;
        // On failure only `expected`, `out` and the node are used, so that nothing else need
        // live through the read.
        if (!read_field(at, *field, out, &node, depth, pending)) {
          at.next = carry_on_field(*(expected - 1), out, &node, depth);
          if (at.next == nullptr) return nullptr;
        }
      }
      const char separator = at.peek();
      if (separator == ',') {
        ++at.next;
        continue;
      }
      if (separator != '}')
        return failed(fail_syntax_at(at, path, "expected ',' or '}' after an object member"));
      ++at.next;
      break;
    }
  }
  const std::uint64_t required =
      options_.mode == Mode::strict ? plan.info->strict_required : plan.info->lenient_required;
  if (const std::uint64_t missing = required & ~seen)
    if (!fail_missing_fields(plan, missing, path, at.json + *open)) return nullptr;
  // Fields the object left out are value-initialised (all zero: absent, empty, 0).
  for (std::uint64_t absent = plan.all & ~seen; absent != 0; absent &= absent - 1) {
    const FieldPlan& field = plan.fields[std::countr_zero(absent)];
    std::memset(out + field.offset, 0, field.extent);
  }
  if (pending.count != 0 && !check_waivers(pending, plan, out, path)) return nullptr;
  // (With Options::max_errors > 1 both report each error and go on while errors are kept.)
  return at.next;
}

bool Walker::read_field(Cursor& at, const FieldPlan& field, std::byte* object, const PathNode* path,
                        std::size_t depth, PendingWaivers& pending) {
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
  if (field.info->waiver >= 0) {  // decided when the object ends and the sibling is known
    pending.entries[pending.count++] = {field.info, token.data(), token.size()};
    return true;
  }
  return fail_check(*field.info, slot, token, path);
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
      if (!token_text::starts_number(first)) break;
      return read_number(at, path, *static_cast<double*>(slot));
    case Kind::integer:
      if (!token_text::starts_number(first)) break;
      return read_integer(at, path, *static_cast<std::int64_t*>(slot));
    case Kind::boolean:
      if (first != 't' && first != 'f') break;
      return read_boolean(at, path, *static_cast<bool*>(slot));
    case Kind::object: {
      if (first != '{') break;
      if (!enter(depth + 1, at.here(), path)) return false;
      const std::uint32_t* end = read_object({at.json, at.next + 1}, *field.nested,
                                             static_cast<std::byte*>(slot), path, depth + 1);
      if (end == nullptr) return false;
      at.next = end;
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
      const std::uint32_t* end =
          read_array({at.json, at.next + 1}, field, path, depth + 1, data, count);
      if (end == nullptr) return false;
      at.next = end;
      field.info->set_span(slot, data, count);
      return true;
    }
  }
  if (json_type(first) == JsonType::invalid)
    return fail_syntax_at(at, path, "expected a JSON value");
  return fail_wrong_type(at.here(), expected_name(kind), path);
}

const std::uint32_t* Walker::read_array(Cursor at, const FieldPlan& field, const PathNode* path,
                                        std::size_t depth, const void*& data, std::size_t& count) {
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
        at.next = carry_on(error_token(), &node, depth);
        if (at.next == nullptr) {
          ok = false;
          break;
        }
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
  if (!ok) return nullptr;
  data = elements.finish();
  return at.next;
}

bool Walker::read_raw(Cursor& at, const PathNode* path, std::size_t depth, std::string_view& out) {
  const char* start = at.here();
  at.next = skip_valid_value(at, path, depth);
  if (at.next == nullptr) return false;
  out = scalar_text(at, start);
  return true;
}

Cursor Walker::start() noexcept {
  backslash_ = json_;
  strings_used_ = 0;
  syntax_only_ = false;
  return {json_, begin_};
}

std::string_view Walker::scalar_text(Cursor at, const char* start) const noexcept {
  return {start, static_cast<std::size_t>(token_text::end_before(next_start(at)) - start)};
}

}  // namespace heymilo::detail
