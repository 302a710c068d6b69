#include "pretty_json.hpp"

namespace heymilo::schemagen {
namespace {

using test::Json;

constexpr std::size_t kLineWidth = 100;

// A scalar's JSON text, with DEL escaped too (the tests' writer leaves it raw), so that the
// files hold no invisible characters.
std::string scalar(const Json& json) {
  std::string text = test::to_json(json);
  for (auto at = text.find('\x7f'); at != std::string::npos; at = text.find('\x7f', at))
    text.replace(at, 1, "\\u007f");
  return text;
}

// The value on one line, with a space after each ',' and ':'.
std::string one_line(const Json& json) {
  std::string out;
  if (json.is_object()) {
    out += '{';
    for (std::size_t i = 0; i < json.object().size(); ++i) {
      const auto& [key, value] = json.object()[i];
      out += (i ? ", " : "") + scalar(Json{key}) + ": " + one_line(value);
    }
    return out + '}';
  }
  if (json.is_array()) {
    out += '[';
    for (std::size_t i = 0; i < json.array().size(); ++i)
      out += (i ? ", " : "") + one_line(json.array()[i]);
    return out + ']';
  }
  return scalar(json);
}

// Writes `json` whose line already holds `used` characters, indented by `indent`.
void write(std::string& out, const Json& json, std::size_t indent, std::size_t used) {
  std::string line = one_line(json);
  if ((!json.is_object() && !json.is_array()) || used + line.size() + 1 <= kLineWidth) {
    out += line;
    return;
  }
  const std::string inner(indent + 2, ' ');
  const bool object = json.is_object();
  const std::size_t count = object ? json.object().size() : json.array().size();
  out += object ? "{\n" : "[\n";
  for (std::size_t i = 0; i < count; ++i) {
    std::string prefix = inner;
    if (object) prefix += scalar(Json{json.object()[i].first}) + ": ";
    out += prefix;
    write(out, object ? json.object()[i].second : json.array()[i], indent + 2, prefix.size());
    out += i + 1 < count ? ",\n" : "\n";
  }
  out.append(indent, ' ');
  out += object ? '}' : ']';
}

}  // namespace

std::string to_pretty_json(const Json& json) {
  std::string out;
  write(out, json, 0, 0);
  out += '\n';
  return out;
}

}  // namespace heymilo::schemagen
