#pragma once
// Canonical JSON of a view: every documented and example-only field it holds, in the
// declaration's order, built from the view (not by re-printing the input). Absent fields
// are left out, nulls are `null`, opaque values are their raw JSON, strings are re-escaped
// and numbers exact: integers as integers, floats in shortest round-trip form. This is what
// `heymilo extract` prints.

#include <string>
#include <string_view>

#include <heymilo/document.hpp>
#include <heymilo/export.hpp>

namespace heymilo {

// Appends `text` as a JSON string, quotes included.
HEYMILO_API void append_json_string(std::string& out, std::string_view text);

// Appends the canonical JSON of a parsed document (webhook_list: an array).
HEYMILO_API void append_json(std::string& out, const AnyDocument& document);

namespace tables {  // the field tables (detail/tables.hpp), opaque here
struct StructInfo;
template <class T>
HEYMILO_API const StructInfo& describe() noexcept;
// Appends the canonical JSON of the struct `object` that `info` describes.
HEYMILO_API void append_json(std::string& out, const tables::StructInfo& info, const void* object);
}  // namespace tables

// Appends the canonical JSON of a view: a document's or any struct inside one.
template <class View>
void append_json(std::string& out, const View& view) {
  tables::append_json(out, tables::describe<View>(), &view);
}

}  // namespace heymilo
