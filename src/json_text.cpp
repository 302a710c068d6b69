#include "json_text.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>

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

namespace {
// The bytes of a URL is_http_url looks for, as masks over 16 bytes (bit i: byte i).
struct UrlBytes {
  std::uint32_t banned;         // control characters, space, DEL
  std::uint32_t authority_end;  // '/', '?', '#'
  std::uint32_t userinfo_end;   // '@'
  std::uint32_t port;           // ':'
};

#if defined(__SSE2__)
UrlBytes url_bytes(const char* at) noexcept {
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  const auto mask = [](__m128i bytes) {
    return static_cast<std::uint32_t>(_mm_movemask_epi8(bytes));
  };
  const auto equal = [&](char c) { return _mm_cmpeq_epi8(block, _mm_set1_epi8(c)); };
  const __m128i up_to_space = _mm_cmpeq_epi8(_mm_min_epu8(block, _mm_set1_epi8(0x20)), block);
  return {mask(_mm_or_si128(up_to_space, equal(0x7f))),
          mask(_mm_or_si128(_mm_or_si128(equal('/'), equal('?')), equal('#'))), mask(equal('@')),
          mask(equal(':'))};
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
  }
  return found;
}
#endif

// The length of the "http://" or "https://" that starts `url` (scheme in any case), or 0.
std::size_t scheme_length(std::string_view url) noexcept {
  // ASCII case folding; std::tolower is a locale lookup per call.
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  std::size_t i = 0;
  for (const char expected : std::string_view("http")) {
    if (i == url.size() || lower(url[i]) != expected) return 0;
    ++i;
  }
  if (i < url.size() && lower(url[i]) == 's') ++i;
  return url.substr(i, 3) == "://" ? i + 3 : 0;
}
}  // namespace

// 16 bytes at a time (this runs on every webhook document): the authority ends at the first
// '/', '?' or '#'; the host starts after its last '@' and ends at the first ':' after that
// (outside an IPv6 literal's brackets).
bool is_http_url(std::string_view url) noexcept {
  const std::size_t scheme = scheme_length(url);
  if (scheme == 0) return false;
  constexpr std::size_t npos = std::string_view::npos;
  std::size_t host = scheme, port = npos, authority_end = npos;
  for (std::size_t at = scheme; at < url.size(); at += 16) {
    const std::uint32_t in_url = at + 16 <= url.size() ? 0xFFFF : (1u << (url.size() - at)) - 1;
    const UrlBytes found = url_bytes(url.data() + at);
    if (found.banned & in_url) return false;
    if (authority_end != npos) continue;
    const std::uint32_t ends = found.authority_end & in_url;
    const std::uint32_t authority = ends ? (ends & (0u - ends)) - 1 : in_url;  // bits before it
    std::uint32_t ports = found.port & authority;
    if (const std::uint32_t ats = found.userinfo_end & authority) {
      const int last = std::bit_width(ats) - 1;
      host = at + static_cast<std::size_t>(last) + 1;
      port = npos;
      ports &= ~((2u << last) - 1);  // only a ':' after the '@' starts a port
    }
    if (port == npos && ports) port = at + static_cast<std::size_t>(std::countr_zero(ports));
    if (ends) authority_end = at + static_cast<std::size_t>(std::countr_zero(ends));
  }
  authority_end = std::min(authority_end, url.size());
  if (host < authority_end && url[host] == '[') {
    const std::size_t close = url.substr(0, authority_end).find(']', host);
    return close != npos && close > host + 1;
  }
  return std::min(port, authority_end) > host;
}

}  // namespace heymilo::detail
