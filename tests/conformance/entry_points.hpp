#pragma once
// One input through every parse entry point of a document (the typed parse_*, parse(json,
// document) and parse(PaddedInput, document)) or of detection (parse(json) and
// parse(PaddedInput)), with a fresh parser each: the conformance tests assert on the one
// outcome they must all share, and a disagreement between them is a test failure.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <heymilo/heymilo.hpp>

namespace heymilo::conformance {

struct Outcome {
  std::optional<ErrorCode> error;  // none: accepted
  std::string text;  // "ok:<canonical extract>" or "error:<path: code: message> @offset"

  bool accepted() const { return !error; }
  // invalid_json or too_deep: the input is not JSON the library takes.
  bool json_error() const {
    return error == ErrorCode::invalid_json || error == ErrorCode::too_deep;
  }
};

// `document` none: detection (rule 11).
Outcome parse_everywhere(std::string_view json, std::optional<Document> document,
                         Mode mode = Mode::strict);

// Every document, then detection (none): what a conformance input is tried against.
std::span<const std::optional<Document>> all_targets();
std::string target_name(std::optional<Document> document);

// `value` as the value of an unknown field, inserted right after the opening brace of the
// docs' interview_started example.
std::string spliced_into_example(std::string_view value);

}  // namespace heymilo::conformance
