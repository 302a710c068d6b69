#include "error_state.hpp"

namespace heymilo::detail {
namespace {
void append_pointer(std::string& path, const PathNode* node) {
  if (node == nullptr) return;
  append_pointer(path, node->parent);
  if (node->is_index()) {
    path += '/';
    path += std::to_string(node->index());
  } else {
    append_pointer_token(path, node->key());
  }
}
}  // namespace

std::string& ErrorState::raise(ErrorCode code, const PathNode* at, std::int64_t offset) {
  error_.code = code;
  error_.offset = offset;
  path_.clear();
  append_pointer(path_, at);
  message_.clear();
  return message_;
}

std::string& ErrorState::raise_member(ErrorCode code, const PathNode* at, std::string_view key,
                                      std::int64_t offset) {
  std::string& message = raise(code, at, offset);
  append_pointer_token(path_, key);
  return message;
}

const Error& ErrorState::error() noexcept {
  error_.path = path_;
  error_.message = message_;
  return error_;
}

}  // namespace heymilo::detail
