#include "json_line.hpp"

#include <heymilo/json_writer.hpp>

namespace heymilo::receiver {

std::string json_line(std::initializer_list<StringMember> members) {
  std::string out = "{";
  for (const auto& [name, value] : members) {
    if (out.size() > 1) out += ',';
    append_json_string(out, name);
    out += ':';
    append_json_string(out, value);
  }
  out += "}\n";
  return out;
}

}  // namespace heymilo::receiver
