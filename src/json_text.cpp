#include "json_text.hpp"

#include <algorithm>

namespace heymilo::detail {
namespace {
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Skips one or more digits; false when there is none.
bool digits(std::string_view text, std::size_t& i) noexcept {
  const std::size_t start = i;
  while (i < text.size() && is_digit(text[i])) ++i;
  return i > start;
}
}  // namespace

std::string_view trim_json_whitespace(std::string_view token) noexcept {
  while (!token.empty() && is_space(token.back())) token.remove_suffix(1);
  return token;
}

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

bool is_http_url(std::string_view url) noexcept {
  // Without an early exit, so that the compiler vectorises it.
  unsigned char bad_char = 0;
  for (const char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    bad_char |= (byte <= 0x20) | (byte == 0x7f);
  }
  if (bad_char) return false;
  // ASCII case folding: a scheme is ASCII, and std::tolower is a locale lookup per call.
  const auto starts_with_ci = [&](std::string_view prefix) {
    return url.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), url.begin(), [](char p, char c) {
             return p == (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
           });
  };
  std::string_view rest;
  if (starts_with_ci("http://")) {
    rest = url.substr(7);
  } else if (starts_with_ci("https://")) {
    rest = url.substr(8);
  } else {
    return false;
  }
  // One pass (find_first_of would search the set once per character).
  const auto authority_end = std::find_if(rest.begin(), rest.end(),
                                          [](char c) { return c == '/' || c == '?' || c == '#'; });
  std::string_view authority =
      rest.substr(0, static_cast<std::size_t>(authority_end - rest.begin()));
  if (auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  // The host ends at a port separator (outside an IPv6 literal's brackets).
  std::string_view host = authority;
  if (!host.empty() && host.front() == '[') {
    host = host.substr(0, host.find(']') == std::string_view::npos ? 0 : host.find(']') + 1);
    return host.size() > 2;
  }
  host = host.substr(0, host.find(':'));
  return !host.empty();
}

}  // namespace heymilo::detail
