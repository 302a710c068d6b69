#pragma once
// A small mutable JSON tree for tests: read a document with simdjson's DOM parser (an
// independent reader, not the library's walker), change it, write it back.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace heymilo::test {

struct Json;
using JsonArray = std::vector<Json>;
using JsonObject = std::vector<std::pair<std::string, Json>>;  // keeps key order

struct Json {
  // null, bool, int64 (integers the DOM read as integers), double, string, array, object.
  // The initializer also lets clang with libstdc++ compile JsonObject's members while Json's
  // implicit constructor is still undecided.
  std::variant<std::nullptr_t, bool, std::int64_t, double, std::string, JsonArray, JsonObject>
      value = nullptr;

  bool is_object() const { return std::holds_alternative<JsonObject>(value); }
  bool is_array() const { return std::holds_alternative<JsonArray>(value); }
  JsonObject& object() { return std::get<JsonObject>(value); }
  JsonArray& array() { return std::get<JsonArray>(value); }
  const JsonObject& object() const { return std::get<JsonObject>(value); }
  const JsonArray& array() const { return std::get<JsonArray>(value); }

  // The member `key` of an object, or nullptr.
  Json* find(std::string_view key);
  // Removes the member `key` of an object; false when there is none.
  bool erase(std::string_view key);
};

// Throws std::runtime_error when the text is not valid JSON.
Json parse_json(std::string_view text);
std::string to_json(const Json& json);

std::string read_file(const std::string& path);
// The path of tests/data/<name>.
std::string data_path(std::string_view name);

}  // namespace heymilo::test
