#include "json_text.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace heymilo::detail {
namespace {
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Skips one or more digits; false when there is none.
bool digits(std::string_view text, std::size_t& i) noexcept {
  const std::size_t start = i;
  while (i < text.size() && is_digit(text[i])) ++i;
  return i > start;
}
}  // namespace

bool is_json_number(std::string_view text) noexcept {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  if (i < text.size() && text[i] == '0') {
    ++i;
  } else if (!digits(text, i)) {
    return false;
  }
  if (i < text.size() && text[i] == '.' && !digits(text, ++i)) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digits(text, i)) return false;
  }
  return i == text.size();
}

Integral integral_value(std::string_view number, std::int64_t& out) noexcept {
  const bool negative = number.front() == '-';
  number.remove_prefix(negative ? 1 : 0);
  const std::size_t exponent_at = std::min(number.find_first_of("eE"), number.size());
  const std::string_view mantissa = number.substr(0, exponent_at);
  const std::size_t dot = std::min(mantissa.find('.'), mantissa.size());
  const std::string_view whole = mantissa.substr(0, dot);
  const std::string_view fraction = mantissa.substr(std::min(dot + 1, mantissa.size()));
  // The digits of whole and fraction in a row; the decimal point after `point` of them.
  const auto digit = [&](std::int64_t i) {
    const auto at = static_cast<std::size_t>(i);
    return at < whole.size() ? whole[at] - '0' : fraction[at - whole.size()] - '0';
  };
  const auto digit_count = static_cast<std::int64_t>(whole.size() + fraction.size());
  std::int64_t exponent = 0;
  if (exponent_at < number.size()) {
    std::size_t at = exponent_at + 1;
    const bool down = number[at] == '-';
    if (number[at] == '-' || number[at] == '+') ++at;
    // Far enough: an input (simdjson takes less than 4 GiB) has fewer digits than this.
    constexpr std::int64_t kFar = std::int64_t{1} << 40;
    for (; at < number.size() && exponent < kFar; ++at) exponent = exponent * 10 + number[at] - '0';
    if (down) exponent = -exponent;
  }
  const std::int64_t point = static_cast<std::int64_t>(whole.size()) + exponent;
  std::int64_t first = 0, last = digit_count - 1;  // the first and last non-zero digits
  while (first < digit_count && digit(first) == 0) ++first;
  if (first == digit_count) return out = 0, Integral::value;
  while (digit(last) == 0) --last;
  if (last >= point) return Integral::fraction;
  if (point - first > 19) return Integral::out_of_int64;
  std::uint64_t magnitude = 0;
  for (std::int64_t i = first; i < point; ++i)
    magnitude = magnitude * 10 + static_cast<std::uint64_t>(i < digit_count ? digit(i) : 0);
  constexpr auto kInt64Max = static_cast<std::uint64_t>(INT64_MAX);
  if (magnitude > kInt64Max + (negative ? 1 : 0)) return Integral::out_of_int64;
  out = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
  return Integral::value;
}

namespace {
// The bytes of a URL is_http_url looks for, as masks over 16 bytes (bit i: byte i).
struct UrlBytes {
  std::uint32_t banned;         // control characters, space, DEL
  std::uint32_t authority_end;  // '/', '?', '#'
  std::uint32_t userinfo_end;   // '@'
  std::uint32_t port;           // ':'
  std::uint32_t non_ascii;      // bytes of UTF-8 sequences, looked at by unicode_banned
};

#if defined(__SSE2__)
__m128i block_at(const char* at) noexcept {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
}
std::uint32_t mask(__m128i bytes) noexcept {
  return static_cast<std::uint32_t>(_mm_movemask_epi8(bytes));
}
std::uint32_t banned_bytes(__m128i block) noexcept {
  const __m128i up_to_space = _mm_cmpeq_epi8(_mm_min_epu8(block, _mm_set1_epi8(0x20)), block);
  return mask(_mm_or_si128(up_to_space, _mm_cmpeq_epi8(block, _mm_set1_epi8(0x7f))));
}
// Banned bytes, and bytes of UTF-8 sequences (in the high half): one test for both.
std::uint32_t unusual_bytes(const char* at) noexcept {
  const __m128i block = block_at(at);
  return banned_bytes(block) | mask(block) << 16;
}
UrlBytes url_bytes(const char* at) noexcept {
  const __m128i block = block_at(at);
  const auto equal = [&](char c) { return _mm_cmpeq_epi8(block, _mm_set1_epi8(c)); };
  return {banned_bytes(block), mask(_mm_or_si128(_mm_or_si128(equal('/'), equal('?')), equal('#'))),
          mask(equal('@')), mask(equal(':')), mask(block)};
}
#else
UrlBytes url_bytes(const char* at) noexcept {
  UrlBytes found{};
  for (std::uint32_t i = 0, bit = 1; i < 16; ++i, bit <<= 1) {
    const auto c = static_cast<unsigned char>(at[i]);
    if (c <= 0x20 || c == 0x7f) found.banned |= bit;
    if (c == '/' || c == '?' || c == '#') found.authority_end |= bit;
    if (c == '@') found.userinfo_end |= bit;
    if (c == ':') found.port |= bit;
    if (c >= 0x80) found.non_ascii |= bit;
  }
  return found;
}
std::uint32_t unusual_bytes(const char* at) noexcept {
  const UrlBytes found = url_bytes(at);
  return found.banned | found.non_ascii << 16;
}
#endif

// The 8 bytes at `text` as one word, the first byte lowest (the order a load gives on
// little-endian machines; `word_of` spells constants in it).
std::uint64_t load_word(const char* text) noexcept {
  std::uint64_t word;
  std::memcpy(&word, text, sizeof word);
  if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
  return word;
}
constexpr std::uint64_t word_of(std::string_view eight) noexcept {
  std::uint64_t word = 0;
  for (std::size_t i = 0; i < 8; ++i)
    word |= std::uint64_t{static_cast<unsigned char>(eight[i])} << 8 * i;
  return word;
}

// The length of the "http://" or "https://" that starts `url` (scheme in any case), or 0.
// A compare of 8-byte words for each scheme (a URL with a host has at least 8 bytes):
// setting bit 5 of a letter lower-cases it, and only its upper case turns into it.
std::size_t scheme_length(std::string_view url) noexcept {
  if (url.size() < 8) return 0;
  const std::uint64_t word = load_word(url.data());
  constexpr std::uint64_t kLower5 = word_of({"\x20\x20\x20\x20\x20\0\0\0", 8});
  constexpr std::uint64_t kFirst7 = word_of({"\xff\xff\xff\xff\xff\xff\xff\0", 8});
  constexpr std::uint64_t kLower4 = word_of({"\x20\x20\x20\x20\0\0\0\0", 8});
  if ((word | kLower5) == word_of("https://")) return 8;
  if (((word & kFirst7) | kLower4) == word_of({"http://\0", 8})) return 7;
  return 0;
}
// Whether valid UTF-8 `text` holds a C1 control character (U+0080..U+009F) or a character
// Unicode calls white space (U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029,
// U+202F, U+205F, U+3000): what a URL may not hold beyond ASCII's. Only URLs with non-ASCII
// bytes come here.
bool unicode_banned(std::string_view text) noexcept {
  for (std::size_t at = 0; at < text.size();) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80) {
      ++at;
      continue;
    }
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    char32_t c = lead & (0x7F >> length);
    for (std::size_t i = 1; i < length && at + i < text.size(); ++i)
      c = c << 6 | (static_cast<unsigned char>(text[at + i]) & 0x3F);
    at += length;
    if (c <= 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
        c == 0x202F || c == 0x205F || c == 0x3000)
      return true;
  }
  return false;
}
}  // namespace

// 16 bytes at a time (this runs on every webhook document): the authority ends at the first
// '/', '?' or '#'; the host starts after its last '@' and ends at the first ':' after that
// (outside an IPv6 literal's brackets). Past the authority only banned bytes are looked for.
bool is_http_url(std::string_view url) noexcept {
  const std::size_t scheme = scheme_length(url);
  if (scheme == 0) return false;
  constexpr std::size_t npos = std::string_view::npos;
  const std::size_t size = url.size();
  const auto in_url = [size](std::size_t at) {  // the bits of the block at `at` inside the URL
    return size - at >= 16 ? 0xFFFFu : (1u << (size - at)) - 1;
  };
  std::size_t at = scheme, host = scheme, port = npos, authority_end = size;
  std::uint32_t non_ascii = 0;
  for (; at < size; at += 16) {
    const std::uint32_t inside = in_url(at);
    const UrlBytes found = url_bytes(url.data() + at);
    if (found.banned & inside) return false;
    non_ascii |= found.non_ascii & inside;
    const std::uint32_t ends = found.authority_end & inside;
    const std::uint32_t authority = ends ? (ends & (0u - ends)) - 1 : inside;  // bits before it
    std::uint32_t ports = found.port & authority;
    if (const std::uint32_t ats = found.userinfo_end & authority) {
      const int last = std::bit_width(ats) - 1;
      host = at + static_cast<std::size_t>(last) + 1;
      port = npos;
      ports &= ~((2u << last) - 1);  // only a ':' after the '@' starts a port
    }
    if (port == npos && ports) port = at + static_cast<std::size_t>(std::countr_zero(ports));
    if (ends) {
      authority_end = at + static_cast<std::size_t>(std::countr_zero(ends));
      at += 16;
      break;
    }
  }
  // The rest: whole blocks, then the URL's last 16 bytes, which may overlap a block already
  // looked at (any rest starts a block past the authority's, so the URL is that long).
  for (; at + 16 < size; at += 16) {
    const std::uint32_t unusual = unusual_bytes(url.data() + at);
    if (unusual & 0xFFFF) return false;
    non_ascii |= unusual;
  }
  if (at < size) {
    const std::uint32_t unusual = unusual_bytes(url.data() + size - 16);
    if (unusual & 0xFFFF) return false;
    non_ascii |= unusual;
  }
  if (non_ascii && unicode_banned(url)) return false;
  if (host < authority_end && url[host] == '[') {
    const std::size_t close = url.substr(0, authority_end).find(']', host);
    return close != npos && close > host + 1;
  }
  return std::min(port, authority_end) > host;
}

}  // namespace heymilo::detail
