#pragma once
// The extract proof: `heymilo extract`'s output must equal the input, read by an
// independent JSON reader (simdjson's DOM, which shares no code with the library's
// on-demand walker) and projected onto the known fields by walking the field tables.

#include <string>
#include <string_view>

#include <heymilo/detail/tables.hpp>

namespace heymilo::test {

// "" when `output` is exactly the projection of `input` (a valid `document`): every known
// field of the input present in the output with the same value (strings byte-exact after
// decoding, integers as the same int64, numbers as the same double, nulls as null, opaque
// values as equal JSON values) and nothing else. Otherwise the first difference, with its
// JSON Pointer.
std::string compare_projection(Document document, std::string_view input, std::string_view output);

}  // namespace heymilo::test
