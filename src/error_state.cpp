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

template <class Code, class Report>
std::string& ReportList<Code, Report>::add(Code code, const PathNode* at, std::int64_t offset) {
  if (count_ == entries_.size()) entries_.emplace_back();
  Entry& entry = entries_[count_++];
  entry.code = code;
  entry.offset = offset;
  entry.path.clear();
  append_pointer(entry.path, at);
  entry.message.clear();
  return entry.message;
}

template <class Code, class Report>
std::span<const Report> ReportList<Code, Report>::reports() {
  if (finished_.size() < count_) finished_.resize(count_);
  for (std::size_t i = 0; i < count_; ++i) {
    const Entry& entry = entries_[i];
    finished_[i] = {entry.code, entry.path, entry.offset, entry.message};
  }
  return {finished_.data(), count_};
}

template class ReportList<ErrorCode, Error>;
template class ReportList<WarningCode, Warning>;

void ErrorState::make_room(ErrorCode code) noexcept {
  if (is_whole_input(code)) {
    list_.clear();
    return;
  }
  had_field_error_ = true;
  // The walk stops at the limit; this keeps the list within it whatever raises.
  if (list_.count() >= limit_) list_.drop_last();
}

std::string& ErrorState::raise(ErrorCode code, const PathNode* at, std::int64_t offset) {
  make_room(code);
  return list_.add(code, at, offset);
}

std::string& ErrorState::raise_member(ErrorCode code, const PathNode* at, std::string_view key,
                                      std::int64_t offset) {
  make_room(code);
  return list_.add_member(code, at, key, offset);
}

}  // namespace heymilo::detail
