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

struct PathNode {
  const PathNode* parent = nullptr;
  std::string_view key;   // an object member's decoded key, or
  std::size_t index = 0;  // an array element's index when is_index
  bool is_index = false;
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
