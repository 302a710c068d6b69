#pragma once
// Rule 11 as the contract words it, written out apart from the library: the event a root's
// keys name. The tests and the parse fuzzer check the library's detection against it.

#include <optional>
#include <string_view>

#include <heymilo/detail/tables.hpp>

namespace heymilo::test {

// `keys`: the root's keys, decoded, in any order (a range of things that convert to
// std::string_view).
template <class Keys>
std::optional<Document> event_named_by(const Keys& keys) {
  bool report = false, completed = false, started = false;
  for (std::string_view key : keys) {
    report |= key == "report_url" || key == "agentic_data" || key == "interview_data_model";
    completed |= key == "workflow_completed" || key == "completion_timestamp" ||
                 key == "parent_conversation_id";
    started |= key == "metadata";
  }
  if (report) return Document::report_available;
  if (completed) return Document::interview_completed;
  if (started) return Document::interview_started;
  return std::nullopt;
}

}  // namespace heymilo::test
