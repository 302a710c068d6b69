#include "path_pattern.hpp"

#include <algorithm>

namespace heymilo::cli {
namespace {
bool all_digits(std::string_view token) {
  return !token.empty() &&
         std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

std::string path_pattern(std::string_view pointer, bool last_is_key) {
  std::string pattern;
  pattern.reserve(pointer.size());
  std::size_t at = 0;
  while (at < pointer.size()) {  // at a '/'
    const std::size_t end = std::min(pointer.find('/', at + 1), pointer.size());
    const std::string_view token = pointer.substr(at + 1, end - at - 1);
    const bool last = end == pointer.size();
    pattern += '/';
    if (all_digits(token) && !(last && last_is_key)) {
      pattern += '*';
    } else {
      pattern += token;
    }
    at = end;
  }
  return pattern;
}

}  // namespace heymilo::cli
