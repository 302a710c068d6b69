#pragma once
// Rewrites a valid JSON document into an equivalent one for the library's known fields, to
// prove extract decodes and drops what it should: an unknown member (with nested values and
// escapes) at the start of every object, ASCII letters of keys and strings written as \u
// escapes, integers written as N.0, and spaces after `:` and `,`.

#include <cstdint>
#include <string>
#include <string_view>

namespace heymilo::test {

std::string mutate(std::string_view json, std::uint64_t seed);

}  // namespace heymilo::test
