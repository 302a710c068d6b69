#include "corpus.hpp"

namespace heymilo::corpus {
namespace {
// A string no document holds: control characters around the token's index.
std::string placeholder(std::size_t index) {
  return "\x01\x02" + std::to_string(index) + "\x02\x01";
}
}  // namespace

test::Json RawTokens::value(std::string raw) {
  raw_.push_back(std::move(raw));
  return {placeholder(raw_.size() - 1)};
}

std::string RawTokens::key(std::string raw) {
  raw_.push_back(std::move(raw));
  return placeholder(raw_.size() - 1);
}

std::string RawTokens::write(const test::Json& json) const {
  std::string text = test::to_json(json);
  for (std::size_t i = 0; i < raw_.size(); ++i) {
    const std::string written = test::to_json(test::Json{placeholder(i)});
    for (auto at = text.find(written); at != std::string::npos;
         at = text.find(written, at + raw_[i].size()))
      text.replace(at, written.size(), raw_[i]);
  }
  return text;
}

}  // namespace heymilo::corpus
