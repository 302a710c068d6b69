#include "json_out.hpp"

#include <charconv>

namespace heymilo::generator {
namespace {
constexpr char kHex[] = "0123456789abcdef";

void append_u_escape(std::string& out, std::uint32_t unit) {
  const char text[] = {
      '\\',           'u', kHex[(unit >> 12) & 15], kHex[(unit >> 8) & 15], kHex[(unit >> 4) & 15],
      kHex[unit & 15]};
  out.append(text, sizeof text);
}

// Decodes the UTF-8 sequence starting at text[i] (the input is our own, well-formed text)
// and advances i past it.
std::uint32_t decode_utf8(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  const unsigned char lead = byte(i);
  int length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  std::uint32_t code = lead & (0x7f >> length);
  for (int k = 1; k < length; ++k) code = (code << 6) | (byte(i + k) & 0x3f);
  i += length;
  return code;
}
}  // namespace

void append_escaped(std::string& out, std::string_view text, Escape escape) {
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      if (escape != Escape::unicode) {
        out += c;
        ++i;
        continue;
      }
      const std::uint32_t code = decode_utf8(text, i);
      if (code >= 0x10000) {
        append_u_escape(out, 0xd800 + ((code - 0x10000) >> 10));
        append_u_escape(out, 0xdc00 + ((code - 0x10000) & 0x3ff));
      } else {
        append_u_escape(out, code);
      }
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '/':
        out += escape == Escape::slashes ? "\\/" : "/";
        break;
      default:
        if (u < 0x20) {
          append_u_escape(out, u);
        } else {
          out += c;
        }
    }
    ++i;
  }
}

void append_integer(std::string& out, std::int64_t value) {
  char text[24];
  const auto result = std::to_chars(text, text + sizeof text, value);
  out.append(text, result.ptr);
}

void append_double(std::string& out, double value) {
  char text[32];
  const auto result = std::to_chars(text, text + sizeof text, value);
  out.append(text, result.ptr);
}

}  // namespace heymilo::generator
