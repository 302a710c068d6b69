#pragma once
// Canonical JSON of a view: every documented and example-only field it holds, in the
// declaration's order, built from the view (not by re-printing the input). Absent fields
// are left out, nulls are `null`, opaque values are their raw JSON, strings are re-escaped
// and numbers exact: integers as integers, floats in shortest round-trip form. This is what
// `heymilo extract` prints.

#include <string>
#include <string_view>

#include <heymilo/export.hpp>
#include <heymilo/parser.hpp>
#include <heymilo/schema.hpp>

namespace heymilo {

// Appends `text` as a JSON string, quotes included.
HEYMILO_API void append_json_string(std::string& out, std::string_view text);

// Appends the canonical JSON of the struct `object` that `info` describes.
HEYMILO_API void append_json(std::string& out, const schema::StructInfo& info, const void* object);

// Appends the canonical JSON of a parsed document (webhook_list: an array).
HEYMILO_API void append_json(std::string& out, const AnyDocument& document);

template <class T>
void append_json(std::string& out, const T& view) {
  append_json(out, schema::describe<T>(), &view);
}

}  // namespace heymilo
