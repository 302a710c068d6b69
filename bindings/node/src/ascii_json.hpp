#pragma once
// The canonical JSON of a view for V8's JSON.parse, in ASCII only: the fields `heymilo
// extract` prints, with every non-ASCII character escaped (\uXXXX; a surrogate pair past
// U+FFFF). JSON.parse reads the same values from it, and faster: ASCII becomes a one-byte V8
// string by a copy (napi_create_string_latin1), where UTF-8 text needs decoding first, and
// JSON.parse reads a one-byte string faster than a two-byte one (bindings/README.md).

#include <string>

#include <heymilo/document.hpp>

namespace heymilo::bindings::node {

// Appends the ASCII JSON of a parsed document (webhook_list: an array).
void append_ascii_json(std::string& out, const AnyDocument& document);

}  // namespace heymilo::bindings::node
