// Contract rule 11: which event a payload is, from its root object's keys: the fields marked
// identifies_event() in the events' root tables (tables/event_roots.hpp), the events in
// tables::kEventPrecedence.
#include "event_keys.hpp"
#include "walker.hpp"

namespace heymilo::detail {
namespace {

// Whether no key of an event is a field of the root of an event it outranks: a walk as the
// later event stops at the keys it does not know only (Parser::Impl::walk_detected).
constexpr bool keys_unknown_to_later_roots() {
  bool unknown = true;
  tables::declare::for_each_event_table([&](std::size_t rank, const auto& table) {
    for (const EventKey& key : kEventKeys)
      if (key.rank < rank)
        for (const FieldInfo& field : table.fields) unknown &= field.name != key.name;
  });
  return unknown;
}
static_assert(keys_unknown_to_later_roots(),
              "a key that identifies an event is a field of a later event's root");

}  // namespace

unsigned event_key(std::string_view key) noexcept {
  for (const EventKey& known : kEventKeys)
    if (key == known.name) return 1u << known.rank;
  return 0;
}

// Steps over one value without checking it (the walk that follows detection does).
bool Walker::skip_value(Cursor& at) {
  const std::uint32_t* token = at.next;
  std::size_t open = 0;
  do {
    if (token == end_) {
      at.next = token;
      return fail_syntax_at(at, nullptr, "the document ended early");
    }
    const char c = json_[*token++];
    open += c == '{' || c == '[';
    open -= c == '}' || c == ']';
  } while (open > 0);
  at.next = token;
  return true;
}

bool Walker::detect_event(Document& event) {
  Cursor at = start();
  if (at.peek() != '{') return fail_wrong_type(at.here(), "an object", nullptr);
  if (!root_is_closed('{')) return false;
  ++at.next;
  unsigned events = 0;
  for (char separator = at.peek() == '}' ? '}' : ','; separator == ',';) {
    std::string_view key = read_key(at, nullptr);
    if (key.data() == nullptr) return false;
    key = decode_key(key, nullptr);
    if (key.data() == nullptr) return false;
    events |= event_key(key);
    // A key of the first event (bit 0) decides: the rest need not be looked at (the walk
    // checks it all).
    if (events & 1u) break;
    if (!skip_value(at)) return false;
    separator = at.peek();
    ++at.next;
  }
  if (events != 0) {
    event = first_event(events);
    return true;
  }
  std::string& message = raise(ErrorCode::unknown_event, nullptr, json_ + *begin_)  // the '{'
                             .append("the root has none of the keys that identify an event (");
  for (const EventKey& known : kEventKeys) message.append(known.name).append(", ");
  message.replace(message.size() - 2, 2, ")");
  return false;
}

}  // namespace heymilo::detail
