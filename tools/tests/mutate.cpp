#include "mutate.hpp"

#include <cctype>
#include <cstdio>
#include <cstring>

namespace heymilo::test {
namespace {
constexpr std::string_view kUnknownMember =
    R"("x_unknown_field":{"note":"d\u00e9j\u00e0 vu \"quoted\"\n","list":[1,-2.5e3,true,null,{"k":[]}]})";

bool is_number_start(char c) { return c == '-' || (c >= '0' && c <= '9'); }
}  // namespace

std::string mutate(std::string_view json, std::uint64_t seed) {
  std::uint64_t state = seed * 0x9e3779b97f4a7c15 + 1;
  const auto roll = [&](unsigned one_in) {
    state = state * 6364136223846793005 + 1442695040888963407;
    return (state >> 33) % one_in == 0;
  };
  std::string out;
  out.reserve(json.size() * 2);
  std::size_t i = 0;
  while (i < json.size()) {
    const char c = json[i];
    if (c == '"') {  // a string (key or value): copy, escaping some ASCII letters
      out += c;
      for (++i; json[i] != '"'; ++i) {
        if (json[i] == '\\') {
          const std::size_t length = json[i + 1] == 'u' ? 6 : 2;
          out.append(json, i, length);
          i += length - 1;
        } else if (std::isalpha(static_cast<unsigned char>(json[i])) && roll(5)) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned char>(json[i]));
          out += escape;
        } else {
          out += json[i];
        }
      }
      out += '"';
      ++i;
    } else if (is_number_start(c)) {
      const std::size_t start = i;
      bool integral = true;
      while (i < json.size() && (is_number_start(json[i]) || std::strchr(".eE+", json[i]))) {
        if (std::strchr(".eE", json[i])) integral = false;
        ++i;
      }
      out.append(json, start, i - start);
      if (integral && roll(2)) out += ".0";
    } else if (c == '{') {
      out += c;
      ++i;
      std::size_t next = i;
      while (next < json.size() && std::isspace(static_cast<unsigned char>(json[next]))) ++next;
      out += kUnknownMember;
      if (json[next] != '}') out += ',';
    } else {
      out += c;
      if (c == ':' || c == ',') out += ' ';
      ++i;
    }
  }
  return out;
}

}  // namespace heymilo::test
