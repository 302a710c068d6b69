#pragma once
// Where the parser is in the document, and the errors and warnings it reports. The path is a chain
// of nodes on the walker's stack, turned into a JSON Pointer only when an error is raised, so that
// a valid document never pays for it.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <heymilo/error.hpp>

namespace heymilo::detail {

// One step of the path: an object member's decoded key or an array element's index. Three
// words, as one is written for every member the walk reads.
struct PathNode {
  PathNode(const PathNode* parent, std::string_view key) noexcept
      : parent(parent), key_data(key.data()), size_or_index(key.size()) {}
  PathNode(const PathNode* parent, std::size_t index) noexcept
      : parent(parent), size_or_index(index) {}

  bool is_index() const noexcept { return key_data == nullptr; }
  std::string_view key() const noexcept { return {key_data, size_or_index}; }
  std::size_t index() const noexcept { return size_or_index; }

  const PathNode* parent;
  const char* key_data = nullptr;  // null for an element (a key's text is never null)
  std::size_t size_or_index;
};

// A list of reports (errors or warnings) with their JSON Pointers and messages. Each entry's
// strings keep their memory across parses, so a warm list allocates nothing.
template <class Code, class Report>
class ReportList {
 public:
  void clear() noexcept { count_ = 0; }
  std::size_t count() const noexcept { return count_; }
  // Starts a new report and returns its message to append to.
  std::string& add(Code code, const PathNode* at, std::int64_t offset);
  // The same, for a member `key` of the object at `at`.
  std::string& add_member(Code code, const PathNode* at, std::string_view key,
                          std::int64_t offset) {
    std::string& message = add(code, at, offset);
    append_pointer_token(entries_[count_ - 1].path, key);
    return message;
  }
  void drop_last() noexcept { --count_; }
  Code last_code() const noexcept { return entries_[count_ - 1].code; }
  std::int64_t last_offset() const noexcept { return entries_[count_ - 1].offset; }
  // The finished reports; their strings live here until the next add().
  std::span<const Report> reports();

 private:
  struct Entry {
    Code code{};
    std::int64_t offset = -1;
    std::string path, message;
  };
  std::vector<Entry> entries_;  // grows to the most reports a parse has had
  std::vector<Report> finished_;
  std::size_t count_ = 0;
};

// The errors of a parse: one by default, up to Options::max_errors (contract rule 15).
class ErrorState {
 public:
  void set_limit(std::size_t limit) noexcept { limit_ = limit < 1 ? 1 : limit; }
  bool collecting() const noexcept { return limit_ > 1; }
  void clear() noexcept {
    list_.clear();
    had_field_error_ = false;
  }
  std::size_t count() const noexcept { return list_.count(); }
  bool full() const noexcept { return list_.count() >= limit_; }
  // Whether a field-level error was raised since clear(), also one a whole-input error
  // then replaced.
  bool had_field_error() const noexcept { return had_field_error_; }

  // Adds an error and returns its message to append to. A whole-input error replaces the
  // list (it is a document's only error); at the limit, the last error is replaced.
  std::string& raise(ErrorCode code, const PathNode* at, std::int64_t offset);
  // The same, for a member `key` of the object at `at` (a missing field).
  std::string& raise_member(ErrorCode code, const PathNode* at, std::string_view key,
                            std::int64_t offset);

  // The last error's code and offset (count() > 0).
  ErrorCode code() const noexcept { return list_.last_code(); }
  std::int64_t offset() const noexcept { return list_.last_offset(); }
  // The finished errors; their strings live here until the next raise().
  std::span<const Error> errors() { return list_.reports(); }
  const Error& error() { return errors().front(); }

 private:
  void make_room(ErrorCode code) noexcept;

  ReportList<ErrorCode, Error> list_;
  std::size_t limit_ = 1;
  bool had_field_error_ = false;
};

using WarningList = ReportList<WarningCode, Warning>;

}  // namespace heymilo::detail
