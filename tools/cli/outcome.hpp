#pragma once
// What validate reports for one input, and its two output forms: a line for a person and
// one JSON object per line for a program (contract rule 14).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <heymilo/detail/tables.hpp>
#include <heymilo/error.hpp>

namespace heymilo::cli {

struct Outcome {
  std::string_view input;             // a file name, or `-` for standard input
  std::uint64_t line = 0;             // with --ndjson: the 1-based line; else 0
  std::optional<Document> event;      // what the input was validated as, when known
  std::span<const Error> errors;      // empty when valid
  std::span<const Warning> warnings;  // --drift
  bool valid() const { return errors.empty(); }
};

// `FILE: ok (EVENT)`, or a line `FILE: CODE at PATH: MESSAGE` per error, then a line
// `FILE: warning CODE at PATH` per warning; `FILE:LINE` for NDJSON; PATH is the JSON Pointer
// as it is (the root's is empty: `at : `); each line ends with a newline.
void append_plain(std::string& out, const Outcome& outcome);

// {"input":..,"line":N,"valid":..,"event":..,"errors":[{"code":..,"path":..,"offset":..,
// "message":..}],"warnings":[...]}; "line" only for NDJSON, "event" null when not known,
// "warnings" (the same fields) only with `with_warnings` (--drift); ends with a newline.
void append_json_line(std::string& out, const Outcome& outcome, bool with_warnings);

// The error the tool reports itself for an input it refuses to load (longer than
// --max-bytes), in the library's form: too_large at the root, offset unknown.
struct TooLarge {
  explicit TooLarge(std::uint64_t size, std::size_t limit, std::string_view what);
  std::string message;
  Error error;
};

}  // namespace heymilo::cli
