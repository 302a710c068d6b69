// Contract rule 11: which event a payload is, from its root object's keys.
#include <utility>

#include "walker.hpp"

namespace heymilo::detail {
namespace {

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

}  // namespace

unsigned event_key(std::string_view key) noexcept {
  for (const auto& [name, kind] : kEventKeys)
    if (key == name) return kind;
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
  unsigned keys = 0;
  for (char separator = at.peek() == '}' ? '}' : ','; separator == ',';) {
    std::string_view key = read_key(at, nullptr);
    if (key.data() == nullptr) return false;
    key = decode_key(key, nullptr);
    if (key.data() == nullptr) return false;
    keys |= event_key(key);
    // A report key decides: the rest need not be looked at (the walk checks it all).
    if (keys & kReportKey) break;
    if (!skip_value(at)) return false;
    separator = at.peek();
    ++at.next;
  }
  if (keys != 0) {
    event = keys & kReportKey      ? Document::report_available
            : keys & kCompletedKey ? Document::interview_completed
                                   : Document::interview_started;
    return true;
  }
  std::string& message = raise(ErrorCode::unknown_event, nullptr, json_ + *begin_)  // the '{'
                             .append("the root has none of the keys that identify an event (");
  for (const auto& [name, kind] : kEventKeys) message.append(name).append(", ");
  message.replace(message.size() - 2, 2, ")");
  return false;
}

}  // namespace heymilo::detail
