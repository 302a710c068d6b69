#pragma once
// Writing JSON text: strings with a choice of escaping (so generated documents carry `\u`
// escapes as real senders write them) and numbers in a platform-independent form.

#include <cstdint>
#include <string>
#include <string_view>

namespace heymilo::generator {

enum class Escape : std::uint8_t {
  minimal,  // only what JSON requires: `"`, `\` and control characters
  unicode,  // also every non-ASCII character as \uXXXX (surrogate pairs above U+FFFF)
  slashes,  // minimal, plus `/` as `\/` (as PHP's json_encode writes URLs)
};

// Appends the escaped contents of the UTF-8 `text`, without quotes.
void append_escaped(std::string& out, std::string_view text, Escape escape);

// Appends `"text"`.
inline void append_quoted(std::string& out, std::string_view text, Escape escape) {
  out += '"';
  append_escaped(out, text, escape);
  out += '"';
}

void append_integer(std::string& out, std::int64_t value);
// The shortest text that reads back as `value` (std::to_chars: the same on every platform).
void append_double(std::string& out, double value);

}  // namespace heymilo::generator
