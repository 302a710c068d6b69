#include "json_tree.hpp"

#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <simdjson.h>

#include <heymilo/json_writer.hpp>

namespace heymilo::test {
namespace {

Json from_dom(simdjson::dom::element element) {
  using simdjson::dom::element_type;
  switch (element.type()) {
    case element_type::NULL_VALUE:
      return {nullptr};
    case element_type::BOOL:
      return {bool(element.get_bool())};
    case element_type::INT64:
      return {std::int64_t(element.get_int64())};
    case element_type::UINT64:
      return {double(std::uint64_t(element.get_uint64()))};
    case element_type::DOUBLE:
      return {double(element.get_double())};
    case element_type::STRING:
      return {std::string(std::string_view(element.get_string()))};
    case element_type::ARRAY: {
      JsonArray array;
      for (auto item : element.get_array()) array.push_back(from_dom(item));
      return {std::move(array)};
    }
    case element_type::OBJECT: {
      JsonObject object;
      for (auto [key, value] : element.get_object()) object.emplace_back(key, from_dom(value));
      return {std::move(object)};
    }
    default:  // simdjson 4.x's BIGINT, which its DOM gives only when asked to keep big integers
      break;
  }
  throw std::runtime_error("a DOM element of a type the test tree does not hold");
}

void write(std::string& out, const Json& json) {
  std::visit(
      [&out](const auto& value) {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          out += "null";
        } else if constexpr (std::is_same_v<T, bool>) {
          out += value ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::int64_t> || std::is_same_v<T, double>) {
          char text[32];
          out.append(text, std::to_chars(text, text + sizeof text, value).ptr);
        } else if constexpr (std::is_same_v<T, std::string>) {
          append_json_string(out, value);
        } else if constexpr (std::is_same_v<T, JsonArray>) {
          out += '[';
          for (std::size_t i = 0; i < value.size(); ++i) {
            if (i) out += ',';
            write(out, value[i]);
          }
          out += ']';
        } else {
          out += '{';
          for (std::size_t i = 0; i < value.size(); ++i) {
            if (i) out += ',';
            append_json_string(out, value[i].first);
            out += ':';
            write(out, value[i].second);
          }
          out += '}';
        }
      },
      json.value);
}

}  // namespace

Json* Json::find(std::string_view key) {
  if (!is_object()) return nullptr;
  for (auto& [name, member] : object())
    if (name == key) return &member;
  return nullptr;
}

bool Json::erase(std::string_view key) {
  if (!is_object()) return false;
  auto& members = object();
  for (auto it = members.begin(); it != members.end(); ++it) {
    if (it->first == key) {
      members.erase(it);
      return true;
    }
  }
  return false;
}

Json parse_json(std::string_view text) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto error = parser.parse(simdjson::padded_string(text)).get(root))
    throw std::runtime_error(simdjson::error_message(error));
  return from_dom(root);
}

std::string to_json(const Json& json) {
  std::string out;
  write(out, json);
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot open " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string data_path(std::string_view name) {
  return std::string(HEYMILO_TEST_DATA) + "/" + std::string(name);
}

}  // namespace heymilo::test
