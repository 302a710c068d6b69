#include "json_schema.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

namespace heymilo::schemagen {
namespace {

using tables::Check;
using tables::FieldInfo;
using tables::Kind;
using tables::StructInfo;
using test::Json;
using test::JsonArray;
using test::JsonObject;

constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();

Json text(std::string_view value) { return {std::string(value)}; }

// Sets `key` in a schema object, replacing an earlier value.
void put(JsonObject& object, std::string_view key, Json value) {
  for (auto& [name, member] : object) {
    if (name == key) {
      member = std::move(value);
      return;
    }
  }
  object.emplace_back(std::string(key), std::move(value));
}

// The characters is_http_url bans anywhere (control characters, space, DEL, C1 controls and
// Unicode's white space) as character ranges. It holds the characters themselves (in UTF-8)
// rather than \u escapes, which RE2 (Go, Rust) does not read; the files still show them as
// JSON \u escapes.
const std::string kBannedInUrl =
    std::string("\0- ", 3) + "\x7f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";

// src/json_text.cpp's is_http_url as an ECMA-262 pattern: "http://" or "https://" in any
// case; no banned character anywhere; the host (after the authority's last "@", before ":"
// or one of "/?#") non-empty, or an IPv6 literal "[...]" with something between the brackets.
std::string http_url_pattern() {
  const std::string& banned = kBannedInUrl;
  const std::string authority_char = "[^" + banned + "/?#]";
  const std::string host_char = "[^" + banned + "/?#@]";
  const std::string ipv6_host = R"(\[[^)" + banned + R"(/?#@\]]+\])" + host_char + "*";
  const std::string name_host = "[^" + banned + R"(/?#@\[:])" + host_char + "*";
  return "^[Hh][Tt][Tt][Pp][Ss]?://(?:" + authority_char + "*@)?(?:" + ipv6_host + "|" + name_host +
         ")(?:[/?#][^" + banned + "]*)?$";
}

void require_kind(const FieldInfo& field, std::initializer_list<Kind> kinds) {
  for (Kind kind : kinds)
    if (field.kind == kind) return;
  throw std::logic_error("field \"" + std::string(field.name) + "\": its check does not apply to " +
                         std::string(tables::to_string(field.kind)));
}

// A range bound as the field's JSON type; integer bounds clipped to int64 (the parser's own
// limit for an integer).
Json bound(const FieldInfo& field, double value) {
  if (field.kind == Kind::number) return {value};
  if (value <= static_cast<double>(kInt64Min)) return {kInt64Min};
  if (value >= static_cast<double>(kInt64Max)) return {kInt64Max};
  return {static_cast<std::int64_t>(value)};
}

// minimum and maximum of a range (an unbounded number has no maximum).
void add_range(JsonObject& schema, const FieldInfo& field) {
  put(schema, "minimum", bound(field, field.min));
  if (field.kind == Kind::integer || std::isfinite(field.max))
    put(schema, "maximum", bound(field, field.max));
}

// The keywords of the field's check (contract rule 9), added to its value schema.
void add_check(JsonObject& schema, const FieldInfo& field) {
  switch (field.check) {
    case Check::none:
      return;
    case Check::range:
      require_kind(field, {Kind::integer, Kind::number});
      add_range(schema, field);
      return;
    case Check::range_or_sentinel: {
      require_kind(field, {Kind::integer, Kind::number});
      JsonObject range;
      add_range(range, field);
      put(schema, "anyOf",
          {JsonArray{Json{JsonObject{{"const", bound(field, field.sentinel)}}},
                     Json{std::move(range)}}});
      return;
    }
    case Check::one_of: {
      require_kind(field, {Kind::string});
      JsonArray values;
      for (std::string_view allowed : field.allowed) values.push_back(text(allowed));
      put(schema, "enum", {std::move(values)});
      return;
    }
    case Check::non_empty:
      require_kind(field, {Kind::string});
      put(schema, "minLength", {std::int64_t{1}});
      return;
    case Check::http_url:
      require_kind(field, {Kind::string});
      put(schema, "pattern", text(http_url_pattern()));
      // In Python's and Java's regexes "$" also matches before a final "\n", a banned
      // character: ban them again in a pattern that needs no anchor.
      put(schema, "not",
          {JsonObject{{"type", text("string")}, {"pattern", text("[" + kBannedInUrl + "]")}}});
      return;
  }
}

// Lets a value schema accept null too (the parser's `nullable`).
JsonObject or_null(JsonObject schema) {
  if (schema.empty()) return schema;  // any JSON value already
  Json* type = nullptr;
  for (auto& [key, value] : schema)
    if (key == "type") type = &value;
  if (type == nullptr)  // a $ref
    return {
        {"anyOf", {JsonArray{Json{std::move(schema)}, Json{JsonObject{{"type", text("null")}}}}}}};
  *type = {JsonArray{*type, text("null")}};
  for (auto& [key, value] : schema)
    if (key == "enum") value.array().push_back({nullptr});
  return schema;
}

class Builder {
 public:
  explicit Builder(Mode mode) : mode_(mode) {}

  JsonObject struct_schema(const StructInfo& info) {
    JsonObject properties;
    JsonArray required;
    JsonArray conditions;
    const std::uint64_t required_bits =
        mode_ == Mode::strict ? info.strict_required : info.lenient_required;
    for (std::size_t i = 0; i < info.fields.size(); ++i) {
      const FieldInfo& field = info.fields[i];
      properties.emplace_back(std::string(field.name), Json{field_schema(field)});
      if (required_bits >> i & 1) required.push_back(text(field.name));
      if (field.waiver >= 0) conditions.push_back(waiver(field));
    }
    JsonObject schema{{"type", text("object")}, {"properties", {std::move(properties)}}};
    if (!required.empty()) schema.emplace_back("required", Json{std::move(required)});
    if (!conditions.empty()) schema.emplace_back("allOf", Json{std::move(conditions)});
    return schema;
  }

  Json ref(const StructInfo& info) {
    const std::string pointer = "#/$defs/" + std::string(info.name);
    for (std::size_t i = 0; i < defined_.size(); ++i) {
      if (defs_[i].first != info.name) continue;
      if (defined_[i] != &info)
        throw std::logic_error("two tables share the name \"" + std::string(info.name) + "\"");
      return text(pointer);
    }
    // Reserve the entry first, so that definitions read in the order they are first used.
    const std::size_t index = defs_.size();
    defs_.emplace_back(std::string(info.name), Json{});
    defined_.push_back(&info);
    defs_[index].second = {struct_schema(info)};
    return text(pointer);
  }

  JsonObject take_definitions() { return std::move(defs_); }

 private:
  JsonObject field_schema(const FieldInfo& field) {
    JsonObject schema = value_schema(field.kind, field);
    if (field.waiver < 0) add_check(schema, field);
    return field.nullable ? or_null(std::move(schema)) : schema;
  }

  // The schema of one value of `kind`: the field's own value or one of its array elements.
  // Checks apply to the field's value only, as in the parser.
  JsonObject value_schema(Kind kind, const FieldInfo& field) {
    switch (kind) {
      case Kind::string:
        return {{"type", text("string")}};
      case Kind::number:
        return {{"type", text("number")}};
      case Kind::integer:
        return {{"type", text("integer")}, {"minimum", {kInt64Min}}, {"maximum", {kInt64Max}}};
      case Kind::boolean:
        return {{"type", text("boolean")}};
      case Kind::raw_object:
        return {{"type", text("object")}};
      case Kind::raw_json:
        return {};
      case Kind::object:
        return {{"$ref", ref(field.nested())}};
      case Kind::array:
        if (field.element_kind == Kind::array)
          throw std::logic_error("field \"" + std::string(field.name) + "\": nested arrays");
        return {{"type", text("array")}, {"items", {value_schema(field.element_kind, field)}}};
    }
    throw std::logic_error("unknown kind");
  }

  // A check lifted while a boolean sibling is true (rule 9's evaluation_score): if the sibling
  // is not present and true, then the check holds.
  static Json waiver(const FieldInfo& field) {
    JsonObject check{{"type", text(tables::to_string(field.kind))}};
    add_check(check, field);
    if (field.nullable) check = or_null(std::move(check));
    const JsonObject waived{
        {"properties",
         {JsonObject{{std::string(field.waiver_name), {JsonObject{{"const", {true}}}}}}}},
        {"required", {JsonArray{text(field.waiver_name)}}}};
    return {JsonObject{
        {"if", {JsonObject{{"not", {waived}}}}},
        {"then", {JsonObject{{"properties", {JsonObject{{std::string(field.name), {check}}}}}}}}}};
  }

  Mode mode_;
  JsonObject defs_;
  std::vector<const StructInfo*> defined_;  // defs_[i] is the schema of defined_[i]
};

std::string_view mode_name(Mode mode) { return mode == Mode::strict ? "strict" : "lenient"; }

}  // namespace

std::string schema_file(Document document, Mode mode) {
  return (mode == Mode::strict ? "" : "lenient/") + std::string(to_string(document)) +
         ".schema.json";
}

std::string schema_id(Document document, Mode mode) {
  return (mode == Mode::strict ? "urn:heymilo:schema:" : "urn:heymilo:schema:lenient:") +
         std::string(to_string(document));
}

Json document_schema(Document document, Mode mode) {
  const std::string name(to_string(document));
  const std::string meaning = mode == Mode::strict
                                  ? "every documented field is required"
                                  : "only the identifiers are required; fields present are checked";
  JsonObject root{
      {"$schema", text("https://json-schema.org/draft/2020-12/schema")},
      {"$id", text(schema_id(document, mode))},
      {"$comment", text("Generated by heymilo_schemagen from the field tables in "
                        "src/tables/*.cpp. Do not edit; see schemas/README.md.")},
      {"title", text(name)},
      {"description", text("The HeyMilo " + name + " document as heymilo::Parser validates it in " +
                           std::string(mode_name(mode)) + " mode: " + meaning +
                           ". Unknown properties are allowed.")},
  };
  Builder builder(mode);
  const StructInfo& info = tables::describe(document);
  JsonObject body = document == Document::webhook_list
                        ? JsonObject{{"type", text("array")},
                                     {"items", {JsonObject{{"$ref", builder.ref(info)}}}}}
                        : builder.struct_schema(info);
  for (auto& member : body) root.push_back(std::move(member));
  JsonObject definitions = builder.take_definitions();
  if (!definitions.empty()) root.emplace_back("$defs", Json{std::move(definitions)});
  return {std::move(root)};
}

}  // namespace heymilo::schemagen
