#pragma once
// The field tables: every view struct's fields, as data, declared once (src/tables/*.cpp).
// The parser interprets them; the CLI's extract printer, the JSON Schema generator, the
// payload generator, the tests and the fuzzers walk them too, so a field exists in all of
// them once it is declared.
//
// Not part of the stable API: the layout of these tables changes between versions without
// notice (the shared library exports describe() for the CLI, the tests and the bindings). Include
// this header only in tools that walk views generically (as the ones above do); receivers use the
// views, the Parser and append_json.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>

#include <heymilo/document.hpp>
#include <heymilo/export.hpp>

namespace heymilo {

namespace tables {

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
HEYMILO_API HEYMILO_API std::string_view to_string(Kind kind) noexcept;

// When a field must be present.
enum class Requirement : std::uint8_t {
  optional,     // never (example-only fields, create request's http_method)
  when_strict,  // in strict mode (every documented field)
  always,       // in both modes (the identifiers rule 10 keeps in lenient mode)
};

// A value rule beyond the type (contract rule 9).
enum class Check : std::uint8_t {
  none,
  range,              // min <= value <= max
  range_or_sentinel,  // min <= value <= max, or value == sentinel
  one_of,             // a string from `allowed`
  non_empty,          // a string with at least one byte
  http_url,           // an absolute http:// or https:// URL with a non-empty host
};

struct StructInfo;

// The most fields of one struct whose check a sibling may waive (the walk keeps that many
// pending until the object ends; declare_struct checks the bound).
inline constexpr std::size_t kMaxWaivedFields = 4;

struct FieldInfo {
  std::string_view name;  // the JSON key
  Kind kind = Kind::string;
  Kind element_kind = Kind::string;  // arrays only
  bool nullable = false;
  bool documented = true;  // false: example-only (rule 5)
  bool event_key = false;  // rule 11: at the root, names its document's event (identifies_event())
  Requirement requirement = Requirement::when_strict;
  Check check = Check::none;
  double min = 0;
  double max = 0;
  double sentinel = 0;  // Check::range_or_sentinel: the one value allowed outside the range
  std::span<const std::string_view> allowed;  // Check::one_of
  // A boolean sibling that, when true, lifts `check`: its name, and its index in the
  // struct's fields (resolved when the table is built, at compile time), or -1.
  std::string_view waiver_name;
  std::int8_t waiver = -1;
  std::uint32_t offset = 0;                 // of the Field<T> in its struct
  std::uint32_t value_offset = 0;           // of Field<T>::value in the struct
  std::uint32_t element_size = 0;           // arrays only
  const StructInfo& (*nested)() = nullptr;  // objects and arrays of objects
  // Arrays: read and write the std::span<const E> at value_offset without knowing E.
  std::span<const std::byte> (*get_span)(const void* span) = nullptr;
  void (*set_span)(void* span, const void* data, std::size_t count) = nullptr;

  constexpr FieldInfo& optional() { return requirement = Requirement::optional, *this; }
  constexpr FieldInfo& always() { return requirement = Requirement::always, *this; }
  constexpr FieldInfo& null_ok() { return nullable = true, *this; }
  // Rule 5: example-only fields are always optional and nullable.
  constexpr FieldInfo& example_only() {
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
  // At least `lo`, or exactly `allowed` (speech_score: -1 for not scored, or >= 0).
  constexpr FieldInfo& at_least_or(double lo, double allowed) {
    at_least(lo);
    check = Check::range_or_sentinel, sentinel = allowed;
    return *this;
  }
  // Rule 11: a root key whose presence identifies the event of the document whose root table
  // holds it (kEventPrecedence says which event's keys win).
  constexpr FieldInfo& identifies_event() { return event_key = true, *this; }
  constexpr FieldInfo& waived_by(std::string_view boolean_sibling) {
    return waiver_name = boolean_sibling, *this;
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
HEYMILO_API HEYMILO_API const StructInfo& describe() noexcept;

// The root struct of a document (webhook_list: the element struct, Webhook).
HEYMILO_API HEYMILO_API const StructInfo& describe(Document document) noexcept;

// Rule 11: the events a payload's root keys identify, in precedence: a payload is the first
// of them that one of its root's keys identifies (the fields marked identifies_event() in the
// event's root table), and unknown_event when there is none.
inline constexpr Document kEventPrecedence[] = {
    Document::report_available, Document::interview_completed, Document::interview_started};
// Whether `document` is an event of rule 11, one that detection may return.
constexpr bool is_event(Document document) noexcept {
  for (const Document event : kEventPrecedence)
    if (event == document) return true;
  return false;
}

// The field's value inside a struct instance.
inline const void* value_of(const FieldInfo& field, const void* object) noexcept {
  return static_cast<const std::byte*>(object) + field.value_offset;
}
inline Presence presence_of(const FieldInfo& field, const void* object) noexcept {
  return *reinterpret_cast<const Presence*>(static_cast<const std::byte*>(object) + field.offset);
}

}  // namespace tables
}  // namespace heymilo
