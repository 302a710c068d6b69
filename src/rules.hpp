#pragma once
// The value rules of contract rule 9 (tables::Check) as the walk tests them, inlined into it;
// the messages of a value that fails one are in rules.cpp.

#include <cstdint>
#include <cstring>
#include <string_view>

#include "json_text.hpp"
#include "walker.hpp"

namespace heymilo::detail {
namespace rules {

// The `Word` at `at` in `text` (unaligned).
template <class Word>
Word word_at(std::string_view text, std::size_t at) noexcept {
  Word value;
  std::memcpy(&value, text.data() + at, sizeof value);
  return value;
}

// a == b without a call to memcmp (enum values are short): words of 8 or 4 bytes, the last
// overlapping the one before.
inline bool same_text(std::string_view a, std::string_view b) noexcept {
  const std::size_t size = a.size();
  if (size != b.size()) return false;
  if (size < 4) {
    unsigned differ = 0;
    for (std::size_t i = 0; i < size; ++i) differ |= static_cast<unsigned char>(a[i] ^ b[i]);
    return differ == 0;
  }
  if (size < 8) {
    using Word = std::uint32_t;
    return ((word_at<Word>(a, 0) ^ word_at<Word>(b, 0)) |
            (word_at<Word>(a, size - 4) ^ word_at<Word>(b, size - 4))) == 0;
  }
  using Word = std::uint64_t;
  Word differ = 0;
  for (std::size_t at = 0; at + 8 < size; at += 8)
    differ |= word_at<Word>(a, at) ^ word_at<Word>(b, at);
  return (differ | (word_at<Word>(a, size - 8) ^ word_at<Word>(b, size - 8))) == 0;
}

}  // namespace rules

inline bool Walker::passes_check(const FieldPlan& field, const void* slot) const noexcept {
  using tables::Check;
  const auto number = [&] {
    return field.kind == Kind::integer
               ? static_cast<double>(*static_cast<const std::int64_t*>(slot))
               : *static_cast<const double*>(slot);
  };
  const auto text = [&] { return *static_cast<const std::string_view*>(slot); };
  switch (field.check) {
    case Check::none:
      return true;
    case Check::range:
      return number() >= field.min && number() <= field.max;
    case Check::range_or_sentinel:
      return number() == field.sentinel || (number() >= field.min && number() <= field.max);
    case Check::one_of:
      for (std::string_view allowed : field.info->allowed)
        if (rules::same_text(text(), allowed)) return true;
      return false;
    case Check::non_empty:
      return !text().empty();
    case Check::http_url:
      return is_http_url(text());
  }
  return true;
}

}  // namespace heymilo::detail
