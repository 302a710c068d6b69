#pragma once
// The documents each benchmark case parses, generated once per case (not in the timed loop)
// and kept in padded buffers so every parser reads them in place.

#include <cstddef>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <simdjson.h>

#include <heymilo/detail/tables.hpp>

namespace heymilo::bench {

struct Case {
  std::string name;                  // e.g. "report_1MB"
  std::optional<Document> document;  // none: NDJSON of mixed payloads, one per line
  std::size_t target_bytes = 0;      // 0: the document's natural size
  std::size_t count = 1;             // documents in the input
  bool detected = false;             // the library detects the event (parse(json)), as a
                                     // receiver that does not know it must
};

// Every case the issue asks for: each document at its natural size, report_available at
// 12 KiB .. 16 MiB, and NDJSON of 10,000 mixed payloads; and the two small payloads again,
// their event detected.
std::span<const Case> all_cases();

struct Input {
  simdjson::padded_string text;  // one document, or NDJSON lines separated by '\n'
  std::size_t documents = 0;
};

// The case's input, generated on first use and kept for the rest of the run.
const Input& input_of(const Case& c);

// Calls `line(json, capacity)` for each non-empty line of `text`, where `capacity` counts the
// bytes readable from json.data() (the rest of the padded buffer).
template <class Line>
bool for_each_line(const simdjson::padded_string& text, Line&& line) {
  const char* end = text.data() + text.size();
  const char* limit = end + simdjson::SIMDJSON_PADDING;
  for (const char* at = text.data(); at < end;) {
    const char* newline = static_cast<const char*>(std::memchr(at, '\n', end - at));
    if (newline == nullptr) newline = end;
    if (newline != at && !line(std::string_view(at, newline - at), std::size_t(limit - at)))
      return false;
    at = newline + 1;
  }
  return true;
}

}  // namespace heymilo::bench
