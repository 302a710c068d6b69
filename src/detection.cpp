// Contract rule 11: which event a payload is, from its root object's keys. The keys are
// declared on the fields (identifies_event() in the events' root tables), the events' order in
// tables::kEventPrecedence.
#include <variant>

#include "walker.hpp"

namespace heymilo::detail {

unsigned event_key(std::string_view key) noexcept {
  unsigned identified = 0;
  for (const Document event : tables::kEventPrecedence)
    tables::for_each_event_key(event, [&](const FieldInfo& field) {
      if (field.name == key) identified = event_bit(event);
    });
  return identified;
}

bool has_event_key(const AnyDocument& view) noexcept {
  const void* root = std::visit([](const auto* typed) -> const void* { return typed; }, view);
  bool has = false;
  tables::for_each_event_key(document_of(view), [&](const FieldInfo& field) {
    has |= tables::presence_of(field, root) != Presence::absent;
  });
  return has;
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
  if (!root_is_closed(at, '{')) return false;
  ++at.next;
  unsigned events = 0;
  for (char separator = at.peek() == '}' ? '}' : ','; separator == ',';) {
    std::string_view key = read_key(at, nullptr);
    if (key.data() == nullptr) return false;
    key = decode_key(key, nullptr);
    if (key.data() == nullptr) return false;
    events |= event_key(key);
    // A key of the first event decides: the rest need not be looked at (the walk checks it all).
    if (events & event_bit(tables::kEventPrecedence[0])) break;
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
  for (const Document known : tables::kEventPrecedence)
    tables::for_each_event_key(
        known, [&](const FieldInfo& field) { message.append(field.name).append(", "); });
  message.replace(message.size() - 2, 2, ")");
  return false;
}

}  // namespace heymilo::detail
