#pragma once
// The one declaration of every view struct's fields, as data. The parser interprets these
// tables; the extract printer, the JSON Schema generator, the payload generator and the
// tests walk them too, so a field exists in all of them once it is declared here
// (src/schema/*.cpp), and nowhere else.
//
// Not a stable API: namespace schema (the tables, describe<T>()) is exported from the shared
// library for the CLI, the tests and the bindings, and may change in any release. Receivers
// use the views, Document and its names.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>

#include <heymilo/export.hpp>
#include <heymilo/payloads.hpp>
#include <heymilo/report.hpp>
#include <heymilo/webhook.hpp>

namespace heymilo {

// The documents of the contract; `webhook_list`'s root is an array of `webhook`.
enum class Document : std::uint8_t {
  interview_started,
  interview_completed,
  report_available,
  webhook_create_request,
  webhook,
  webhook_list,
};
inline constexpr Document kAllDocuments[] = {
    Document::interview_started, Document::interview_completed,
    Document::report_available,  Document::webhook_create_request,
    Document::webhook,           Document::webhook_list,
};

HEYMILO_API std::string_view to_string(Document document) noexcept;
HEYMILO_API std::optional<Document> document_from_string(std::string_view name) noexcept;

namespace schema {

enum class Kind : std::uint8_t {
  string,      // std::string_view
  number,      // double: any finite JSON number
  integer,     // std::int64_t: integral value within int64
  boolean,     // bool
  object,      // a nested struct with its own StructInfo
  raw_object,  // RawObject: any JSON object, kept as text
  raw_json,    // RawJson: any JSON value, kept as text
  array,       // std::span<const E> of element_kind
};
HEYMILO_API std::string_view to_string(Kind kind) noexcept;

// When a field must be present.
enum class Requirement : std::uint8_t {
  optional,  // never (example-only fields, create request's http_method)
  strict,    // in strict mode (every documented field)
  always,    // in both modes (the identifiers rule 10 keeps in lenient mode)
};

// A value rule beyond the type (contract rule 9).
enum class Check : std::uint8_t {
  none,
  range,         // min <= value <= max
  speech_score,  // -1, or >= 0
  one_of,        // a string from `allowed`
  non_empty,     // a string with at least one byte
  http_url,      // an absolute http:// or https:// URL with a non-empty host
};

struct StructInfo;

struct FieldInfo {
  std::string_view name;  // the JSON key
  Kind kind = Kind::string;
  Kind element_kind = Kind::string;  // arrays only
  bool nullable = false;
  bool documented = true;  // false: example-only (rule 5)
  Requirement requirement = Requirement::strict;
  Check check = Check::none;
  double min = 0;
  double max = 0;
  std::span<const std::string_view> allowed;  // Check::one_of
  std::string_view waived_by;                 // a boolean sibling that, when true, lifts `check`
  std::uint32_t offset = 0;                   // of the Field<T> in its struct
  std::uint32_t value_offset = 0;             // of Field<T>::value in the struct
  std::uint32_t element_size = 0;             // arrays only
  const StructInfo& (*nested)() = nullptr;    // objects and arrays of objects
  // Arrays: read and write the std::span<const E> at value_offset without knowing E.
  std::span<const std::byte> (*get_span)(const void* span) = nullptr;
  void (*set_span)(void* span, const void* data, std::size_t count) = nullptr;

  constexpr FieldInfo& optional() { return requirement = Requirement::optional, *this; }
  constexpr FieldInfo& always() { return requirement = Requirement::always, *this; }
  constexpr FieldInfo& null_ok() { return nullable = true, *this; }
  // Rule 5: example-only fields are always optional and nullable.
  constexpr FieldInfo& example() {
    documented = false, nullable = true;
    return optional();
  }
  constexpr FieldInfo& range(double lo, double hi) {
    check = Check::range, min = lo, max = hi;
    return *this;
  }
  constexpr FieldInfo& at_least(double lo) {
    return range(lo, std::numeric_limits<double>::infinity());
  }
  constexpr FieldInfo& unless(std::string_view boolean_sibling) {
    return waived_by = boolean_sibling, *this;
  }
  constexpr FieldInfo& with(Check rule) { return check = rule, *this; }
  constexpr FieldInfo& one_of(std::span<const std::string_view> values) {
    check = Check::one_of, allowed = values;
    return *this;
  }
};

struct StructInfo {
  std::string_view name;  // the JSON Schema definition name, e.g. "question"
  std::span<const FieldInfo> fields;
  std::uint32_t size = 0;
  std::uint64_t strict_required = 0;   // bit i: fields[i] required in strict mode
  std::uint64_t lenient_required = 0;  // bit i: fields[i] required in lenient mode

  // The index of the field with this JSON key, or -1.
  constexpr int find(std::string_view key) const noexcept {
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (fields[i].name == key) return static_cast<int>(i);
    return -1;
  }
};

// The table of a view struct, e.g. describe<Question>().
template <class T>
HEYMILO_API const StructInfo& describe() noexcept;

// The root struct of a document (webhook_list: the element struct, Webhook).
HEYMILO_API const StructInfo& describe(Document document) noexcept;

// The field's value inside a struct instance.
inline const void* value_of(const FieldInfo& field, const void* object) noexcept {
  return static_cast<const std::byte*>(object) + field.value_offset;
}
inline Presence presence_of(const FieldInfo& field, const void* object) noexcept {
  return *reinterpret_cast<const Presence*>(static_cast<const std::byte*>(object) + field.offset);
}

}  // namespace schema
}  // namespace heymilo
