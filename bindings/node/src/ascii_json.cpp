#include "ascii_json.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "../../common/to_native.hpp"

namespace heymilo::bindings::node {
namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101, kHighBits = 0x8080808080808080;

// The 8 bytes of `text` from `at` (there must be 8), the first one lowest.
static_assert(std::endian::native == std::endian::little);
std::uint64_t word_at(std::string_view text, std::size_t at) {
  std::uint64_t word;
  std::memcpy(&word, text.data() + at, sizeof word);
  return word;
}

// What an ASCII JSON string must escape: control characters, '"', '\\' and non-ASCII. In a
// byte, and marked (0x80) in the bytes of a word (SWAR, as find_to_escape needs). Lambdas
// rather than functions, so that the templates below inline them.
constexpr auto kToEscapeIn = [](std::uint64_t word) {
  const auto any_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighBits; };
  const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighBits;
  return below_space | any_zero(word ^ (kOnes * '"')) | any_zero(word ^ (kOnes * '\\')) |
         (word & kHighBits);
};
constexpr auto kToEscape = [](unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
};

void append_unit(std::string& out, std::uint32_t unit) {
  static constexpr char kHex[] = "0123456789abcdef";
  const char escape[6] = {
      '\\', 'u', kHex[unit >> 12], kHex[(unit >> 8) & 15], kHex[(unit >> 4) & 15], kHex[unit & 15]};
  out.append(escape, sizeof escape);
}

// Escapes the UTF-8 sequence at text[at] (valid: the library checked the input's UTF-8) and
// returns its length.
std::size_t append_code_point(std::string& out, std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  const std::size_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  std::uint32_t code_point = lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i)
    code_point = (code_point << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
  if (code_point < 0x10000) {
    append_unit(out, code_point);
  } else {
    code_point -= 0x10000;
    append_unit(out, 0xD800 + (code_point >> 10));
    append_unit(out, 0xDC00 + (code_point & 0x3FF));
  }
  return length;
}

// Escapes an ASCII character that a JSON string cannot hold as itself ('"' and '\\' after a
// backslash, control characters as \u00XX: JSON.parse reads any form); returns 1.
std::size_t append_escape(std::string& out, unsigned char c) {
  if (c == '"' || c == '\\') {
    out += '\\';
    out += static_cast<char>(c);
  } else {
    append_unit(out, c);
  }
  return 1;
}

// The first byte from `at` on that `picks` picks, or text.size(). `flags` marks in a word the
// bytes `picks` may pick: never fewer, and in error only above a marked one (it borrows).
template <class Flags, class Picks>
std::size_t find_to_escape(std::string_view text, std::size_t at, Flags flags, Picks picks) {
  const std::size_t size = text.size();
  if (size < 8) {
    while (at < size && !picks(static_cast<unsigned char>(text[at]))) ++at;
    return at;
  }
  while (at < size) {
    // Eight bytes at `at`, or the last eight, with those before `at` shifted out.
    const std::size_t word = std::min(at, size - 8);
    const std::uint64_t marked = flags(word_at(text, word)) >> (8 * (at - word));
    if (marked == 0) {
      at = word + 8;
      continue;
    }
    at += static_cast<std::size_t>(std::countr_zero(marked)) / 8;
    if (picks(static_cast<unsigned char>(text[at]))) return at;
    ++at;
  }
  return size;
}

// Appends `text` with the bytes that `picks` picks escaped (see find_to_escape).
template <class Flags, class Picks>
void append_escaped(std::string& out, std::string_view text, Flags flags, Picks picks) {
  std::size_t run = 0;  // where the text not yet appended starts
  for (std::size_t at = find_to_escape(text, 0, flags, picks); at < text.size();
       at = find_to_escape(text, run, flags, picks)) {
    out.append(text.data() + run, at - run);
    const auto c = static_cast<unsigned char>(text[at]);
    run = at + (c < 0x80 ? append_escape(out, c) : append_code_point(out, text, at));
  }
  out.append(text.data() + run, text.size() - run);
}

void append_string(std::string& out, std::string_view text) {
  out += '"';
  append_escaped(out, text, kToEscapeIn, kToEscape);
  out += '"';
}

// Opaque values are JSON text from the input, whose strings are escaped already: only
// non-ASCII characters are left to escape.
void append_raw(std::string& out, std::string_view json) {
  append_escaped(
      out, json, [](std::uint64_t word) { return word & kHighBits; },
      [](unsigned char c) { return c >= 0x80; });
}

template <class Number>
void append_number(std::string& out, Number value) {
  // A double in its shortest round-trip form, which JSON.parse reads back exactly.
  char text[32];
  out.append(text, std::to_chars(text, text + sizeof text, value).ptr);
}

// A to_native.hpp Builder that writes the text as the walk goes.
class Writer {
 public:
  struct Value {};
  struct Object {
    bool first = true;
  };
  struct Array {};

  explicit Writer(std::string& out) : out_(out) {}

  Value null() { return literal("null"); }
  Value string(std::string_view text) {
    append_string(out_, text);
    return {};
  }
  Value number(double value) {
    append_number(out_, value);
    return {};
  }
  Value integer(std::int64_t value) {
    append_number(out_, value);
    return {};
  }
  Value boolean(bool value) { return literal(value ? "true" : "false"); }
  Value raw_json(std::string_view json) {
    append_raw(out_, json);
    return {};
  }

  Object object() {
    out_ += '{';
    return {};
  }
  template <class Make>
  void set(Object& object, const tables::FieldInfo& field, Make make) {
    if (!object.first) out_ += ',';
    object.first = false;
    // Names are the docs' keys, in [a-z0-9_]: nothing to escape.
    out_ += '"';
    out_ += field.name;
    out_ += "\":";
    make();
  }
  Value finish(Object) { return literal("}"); }

  Array array(std::size_t) {
    out_ += '[';
    return {};
  }
  template <class Make>
  void set(Array&, std::size_t index, Make make) {
    if (index) out_ += ',';
    make();
  }
  Value finish(Array) { return literal("]"); }

 private:
  Value literal(std::string_view text) {
    out_ += text;
    return {};
  }

  std::string& out_;
};

}  // namespace

void append_ascii_json(std::string& out, const AnyDocument& document) {
  Writer writer(out);
  document_to_native(writer, document);
}

}  // namespace heymilo::bindings::node
