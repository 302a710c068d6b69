#pragma once
// Where the parser is in the document and the one error it reports. The path is a chain of
// nodes on the walker's stack, turned into a JSON Pointer only when an error is raised, so
// that a valid document never pays for it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

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

class ErrorState {
 public:
  // Starts the error (replacing any earlier one) and returns its message to append to.
  std::string& raise(ErrorCode code, const PathNode* at, std::int64_t offset);
  // The same, for a member `key` of the object at `at` (a missing field).
  std::string& raise_member(ErrorCode code, const PathNode* at, std::string_view key,
                            std::int64_t offset);

  ErrorCode code() const noexcept { return error_.code; }
  // The finished error; its strings live here until the next raise().
  const Error& error() noexcept;

 private:
  Error error_;
  std::string path_;
  std::string message_;
};

}  // namespace heymilo::detail
