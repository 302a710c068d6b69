#pragma once
// A JSON Pointer as a path pattern: array indices written as `*`, so that the same field of
// every array element counts as one (validate --summary, the receiver's /metrics).

#include <string>
#include <string_view>

namespace heymilo::cli {

// `pointer` with each array index written as `*`. `last_is_key`: its last token is an
// object key even when it is made of digits (an unknown field's).
std::string path_pattern(std::string_view pointer, bool last_is_key);

}  // namespace heymilo::cli
