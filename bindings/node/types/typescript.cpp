#include "typescript.hpp"

#include <map>
#include <stdexcept>
#include <vector>

#include <heymilo/detail/tables.hpp>
#include <heymilo/error.hpp>
#include <heymilo/parser.hpp>

namespace heymilo::node_types {
namespace {
using tables::FieldInfo;
using tables::Kind;
using tables::Requirement;
using tables::StructInfo;

std::string interface_name(std::string_view json_name) {
  std::string name;
  bool upper = true;
  for (char c : json_name) {
    if (c == '_') {
      upper = true;
    } else {
      name += upper ? static_cast<char>(c - 'a' + 'A') : c;
      upper = false;
    }
  }
  return name;
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

// Every struct reachable from the documents, in first-seen order; two structs may not share a
// name (they would share an interface).
class Structs {
 public:
  Structs() {
    for (Document document : kAllDocuments) add(tables::describe(document));
  }
  const std::vector<const StructInfo*>& all() const { return order_; }

 private:
  void add(const StructInfo& info) {
    const auto [at, inserted] = by_name_.emplace(info.name, &info);
    if (!inserted) {
      if (at->second != &info)
        throw std::runtime_error("two view structs are named " + std::string(info.name));
      return;
    }
    order_.push_back(&info);
    for (const FieldInfo& field : info.fields)
      if (field.nested) add(field.nested());
  }
  std::map<std::string_view, const StructInfo*> by_name_;
  std::vector<const StructInfo*> order_;
};

std::string type_of(Kind kind, const FieldInfo& field) {
  switch (kind) {
    case Kind::string: {
      if (field.check != tables::Check::one_of) return "string";
      std::vector<std::string> values;
      for (std::string_view value : field.allowed) values.push_back(quoted(value));
      return join(values, " | ");
    }
    case Kind::number:
    case Kind::integer:
      return "number";
    case Kind::boolean:
      return "boolean";
    case Kind::object:
      return interface_name(field.nested().name);
    case Kind::raw_object:
      return "{ [key: string]: unknown }";
    case Kind::raw_json:
      return "unknown";
    case Kind::array: {
      const std::string element = type_of(field.element_kind, field);
      return (element.find(' ') == std::string::npos ? element : "(" + element + ")") + "[]";
    }
  }
  throw std::logic_error("unknown kind");
}

// A bound as the tables hold it; every bound they declare is a whole number.
std::string number_text(double value) { return std::to_string(static_cast<long long>(value)); }

// What an editor shows on hover: what the contract says beyond the type.
std::string comment_of(const FieldInfo& field) {
  std::vector<std::string> notes;
  if (!field.documented) notes.push_back("Example-only (contract rule 5).");
  if (field.check == tables::Check::range) {
    const bool unbounded = field.max == std::numeric_limits<double>::infinity();
    notes.push_back(unbounded ? "At least " + number_text(field.min) + "."
                              : number_text(field.min) + ".." + number_text(field.max) + ".");
  }
  if (field.check == tables::Check::range_or_sentinel)
    notes.push_back(number_text(field.sentinel) + ", or at least " + number_text(field.min) + ".");
  if (field.check == tables::Check::non_empty) notes.push_back("Not empty.");
  if (field.check == tables::Check::http_url) notes.push_back("An http:// or https:// URL.");
  if (!field.waiver_name.empty())
    notes.push_back("Not checked when " + std::string(field.waiver_name) + " is true.");
  if (field.kind == Kind::integer) notes.push_back("An integer.");
  return notes.empty() ? "" : "  /** " + join(notes, " ") + " */\n";
}

bool optional_in(const FieldInfo& field, Mode mode) {
  return mode == Mode::strict ? field.requirement == Requirement::optional
                              : field.requirement != Requirement::always;
}

void append_interface(std::string& out, const StructInfo& info, Mode mode) {
  out += "export interface " + interface_name(info.name) + " {\n";
  for (const FieldInfo& field : info.fields) {
    out += comment_of(field);
    out += "  " + std::string(field.name) + (optional_in(field, mode) ? "?: " : ": ") +
           type_of(field.kind, field) + (field.nullable ? " | null" : "") + ";\n";
  }
  out += "}\n";
}

// Documents: what parse() returns for each options.event; Detected: for "auto".
void append_documents(std::string& out) {
  out += "export interface Documents {\n";
  for (Document document : kAllDocuments) {
    const std::string name = interface_name(tables::describe(document).name);
    out += "  " + std::string(to_string(document)) + ": " +
           (document == Document::webhook_list ? name + "[]" : name) + ";\n";
  }
  out += "}\n";
  std::vector<std::string> detected;
  for (Document document : kAllDocuments)  // the events detection (rule 11) may return
    if (tables::is_event(document))
      detected.push_back(interface_name(tables::describe(document).name));
  out += "export type Detected = " + join(detected, " | ") + ";\n";
}

void append_views(std::string& out, const Structs& structs, Mode mode) {
  for (const StructInfo* info : structs.all()) {
    out += '\n';
    append_interface(out, *info, mode);
  }
  out += '\n';
  append_documents(out);
}

std::string indented(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && c != '\n') out += "  ";
    out += c;
    line_start = c == '\n';
  }
  return out;
}

constexpr std::string_view kFunctions = R"(
/** A payload's bytes: a Buffer or Uint8Array, or a string (offsets count its UTF-8 bytes). */
export type Input = Uint8Array | string;

export interface Options {
  /** The document to validate as; "auto" (the default) detects the event (rule 11). */
  event?: "auto" | EventName;
  /** Only the identifiers are required (rule 10). */
  lenient?: boolean;
  /** Report up to this many errors (rule 15); 1 by default. */
  maxErrors?: number;
  /** Longer input is too_large. */
  maxBytes?: number;
  /** Deeper nesting is too_deep; `{}` has depth 1. */
  maxDepth?: number;
  /** Report unknown keys of typed objects as warnings (rule 16). */
  drift?: boolean;
}

export interface ValidationIssue {
  code: ErrorCode;
  /** RFC 6901 JSON Pointer; "" is the root. */
  path: string;
  /** Byte offset into the input (UTF-8), or -1. */
  offset: number;
  message: string;
}

export interface Warning {
  code: WarningCode;
  /** RFC 6901 JSON Pointer of the key. */
  path: string;
  offset: number;
  message: string;
}

export interface Validation {
  valid: boolean;
  /** What the input was read as, valid or not; null when detection could not tell. */
  event: EventName | null;
  errors: ValidationIssue[];
  warnings: Warning[];
}

/** Thrown by parse() for a payload that breaks the contract. */
export declare class HeyMiloValidationError extends Error {
  readonly errors: ValidationIssue[];
}

/** Validates a payload against the contract. */
export declare function validate(input: Input, options?: Options): Validation;

/** Validates and extracts every documented and example-only field; throws HeyMiloValidationError. */
export declare function parse<E extends EventName>(input: Input, options: Options & { event: E; lenient?: false }): Documents[E];
export declare function parse<E extends EventName>(input: Input, options: Options & { event: E; lenient: true }): Lenient.Documents[E];
export declare function parse(input: Input, options: Options & { lenient: true }): Lenient.Detected;
export declare function parse(input: Input, options?: Options): Detected;

export declare const defaults: { readonly maxErrors: number; readonly maxBytes: number; readonly maxDepth: number };
)";

std::string code_union(std::vector<std::string> names) {
  for (std::string& name : names) name = quoted(name);
  return join(names, " | ");
}

}  // namespace

std::string typescript_declarations() {
  const Structs structs;
  std::string out =
      "// Generated by bindings/node/types (target heymilo_node_types_regenerate) from the\n"
      "// library's field tables. Do not edit.\n\n";
  std::vector<std::string> events;
  for (Document document : kAllDocuments) events.emplace_back(to_string(document));
  out += "export type EventName = " + code_union(events) + ";\n";
  std::vector<std::string> codes;
  for (auto code = ErrorCode::invalid_json; code <= ErrorCode::unknown_event;
       code = static_cast<ErrorCode>(static_cast<int>(code) + 1))
    codes.emplace_back(to_string(code));
  out += "export type ErrorCode = " + code_union(codes) + ";\n";
  out += "export type WarningCode = " +
         code_union({std::string(to_string(WarningCode::unknown_field))}) + ";\n";
  out += kFunctions;
  out += "\n// The views in strict mode (the default): every documented field is present.\n";
  append_views(out, structs, Mode::strict);
  out += "\n// The views in lenient mode: only the identifiers must be present (rule 10).\n";
  std::string lenient;
  append_views(lenient, structs, Mode::lenient);
  out += "export namespace Lenient {\n" + indented(lenient) + "}\n";
  return out;
}

}  // namespace heymilo::node_types
