// parse() with detection (rule 11), in both modes, through the string_view and the
// PaddedInput entry points. Checks: the entry points agree exactly; an accepted input is
// one of the three events and parses the same when that event is asked for; a rejected one
// is rejected the same way by one of the events (unless no event was detected), and is
// invalid JSON for every event when it is invalid JSON for detection, but for one case: an
// integer beyond 64 bits or a number beyond the double range is invalid JSON under a key the
// detected event does not know, and a number (or out_of_range) under one another event
// documents (contract rules 1, 4 and 9), so it is allowed when such numbers are all that
// simdjson's DOM has against the input (big_integers.hpp). Where both the library
// and simdjson's DOM read the input as JSON, rule 11 read from the root keys of the DOM's
// object is the event the parser says it read, and parsing as that event gives the same
// outcome.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "big_integers.hpp"
#include "fuzz_support.hpp"
#include "support/event_keys.hpp"
#include "view_walk.hpp"

namespace {
using namespace heymilo;
using namespace heymilo::fuzz;

constexpr Document kEvents[] = {Document::interview_started, Document::interview_completed,
                                Document::report_available};

bool is_json_error(ErrorCode code) {
  return code == ErrorCode::invalid_json || code == ErrorCode::too_deep;
}

// The event the root keys of simdjson's DOM reading name by rule 11; nullopt when the DOM
// does not read an object or the keys name no event.
std::optional<Document> event_named_by_keys(const PaddedCopy& padded) {
  static simdjson::dom::parser dom;
  simdjson::dom::object root;
  const PaddedInput input = padded.input();
  if (dom.parse(input.json.data(), input.json.size(), false).get(root) != simdjson::SUCCESS)
    return std::nullopt;
  std::vector<std::string_view> keys;
  for (const auto member : root) keys.push_back(member.key);
  return test::event_named_by(keys);
}

// Whether simdjson's DOM rejects `input` for numbers out of range and nothing else: it reads
// the input once they are written as 0.
bool only_numbers_out_of_range_break_json(std::string_view input) {
  static simdjson::dom::parser dom;
  simdjson::dom::element root;
  return dom.parse(simdjson::padded_string(input)).get(root) != simdjson::SUCCESS &&
         dom.parse(simdjson::padded_string(numbers_out_of_range_as_zeros(input))).get(root) ==
             simdjson::SUCCESS;
}

void check_mode(Mode mode, std::string_view input, const PaddedCopy& padded) {
  Parser parser({.mode = mode});
  const Result<AnyDocument> result = parser.parse(input);
  const std::string detected = outcome(result);
  Parser padded_parser({.mode = mode});
  check(outcome(padded_parser.parse(padded.input())) == detected,
        "parse(string_view) and parse(PaddedInput) disagree", detected);
  const bool json = result || !is_json_error(result.error().code);  // JSON by the library too
  if (const std::optional<Document> named = json ? event_named_by_keys(padded) : std::nullopt) {
    check(parser.last_read_as() == named, "read as another event than the root's keys name",
          detected);
    Parser as_named({.mode = mode});
    check(outcome(as_named.parse(input, *named)) == detected,
          "parses differently as the event the root's keys name", detected);
  }

  if (result) {
    const Document document = document_of(*result);
    check(document == Document::interview_started || document == Document::interview_completed ||
              document == Document::report_available,
          "detected a document that is not an event");
    read_every_value(*result);
    Parser again({.mode = mode});
    check(outcome(again.parse(input, document)) == detected,
          "the detected event parses differently when asked for", detected);
    return;
  }
  const Error& error = result.error();
  check_error(error, input);
  bool same_as_an_event = false;
  for (Document event : kEvents) {
    Parser explicit_parser({.mode = mode});
    const Result<AnyDocument> as_event = explicit_parser.parse(input, event);
    same_as_an_event |= outcome(as_event) == detected;
    if (is_json_error(error.code) && (as_event || !is_json_error(as_event.error().code)))
      check(error.code == ErrorCode::invalid_json && only_numbers_out_of_range_break_json(input),
            "invalid JSON for detection but not for an event", detected);
  }
  check(same_as_an_event || error.code == ErrorCode::unknown_event || is_json_error(error.code),
        "no event gives the error that detection reported", detected);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const PaddedCopy padded(input);
  check_mode(Mode::strict, input, padded);
  check_mode(Mode::lenient, input, padded);
  return 0;
}
