// Differential target: the library against simdjson's DOM parser on the same bytes, for
// every document in lenient mode (it accepts the most; strict acceptance implies lenient
// acceptance with the same views, which the document targets check). Checks:
// - the DOM rejects the input => every document rejects it: as invalid_json or too_deep,
//   or with any code when the DOM's complaint is a number (a number beyond the double
//   range is out_of_range in a documented field, and a root check for syntax alone lets
//   an earlier violation stand; README "Choices"). The one exception, digits beyond 64
//   bits in a documented number (contract rule 4), is checked as big_integers.hpp says;
// - the library says invalid_json => the DOM rejects the input too;
// - a document accepts the input => every value of its view equals the DOM's value at the
//   same JSON Pointer (dom_check.hpp).
#include <algorithm>
#include <cstdint>

#include <simdjson.h>

#include "big_integers.hpp"
#include "dom_check.hpp"
#include "fuzz_support.hpp"

namespace {
using namespace heymilo;
using namespace heymilo::fuzz;

// The DOM refused a number: NUMBER_ERROR, or BIGINT_ERROR for digits beyond 64 bits
// (simdjson 3.8.0 and later; 3.0.1 has no such code, hence the template).
template <class Code = simdjson::error_code>
bool is_number_error(Code error) {
  if constexpr (requires { Code::BIGINT_ERROR; })
    if (error == Code::BIGINT_ERROR) return true;
  return error == simdjson::NUMBER_ERROR;
}

// Parses `json` (followed by kPadding readable bytes) with a DOM allowed to be deeper than
// any input, so that it rejects only what is not JSON.
simdjson::error_code parse_dom(simdjson::dom::parser& parser, std::string_view json,
                               simdjson::dom::element& root) {
  const std::size_t capacity = std::max<std::size_t>(json.size(), 64);
  if (parser.capacity() < capacity || parser.max_depth() < capacity) {
    if (parser.allocate(capacity, capacity) != simdjson::SUCCESS) fail("cannot allocate the DOM");
  }
  return parser.parse(reinterpret_cast<const std::uint8_t*>(json.data()), json.size(), false)
      .get(root);
}

// An input a document accepted although the DOM rejects it: only digits beyond 64 bits in
// documented numbers may be the reason, so with them as decimals the DOM accepts it, and
// agrees with the view.
void check_big_integers(const AnyDocument& document, std::string_view input) {
  static simdjson::dom::parser parser;
  const PaddedCopy decimals(big_integers_as_decimals(input));
  simdjson::dom::element root;
  const simdjson::error_code error = parse_dom(parser, decimals.input().json, root);
  check(error == simdjson::SUCCESS, "the library accepts what the DOM rejects",
        simdjson::error_message(error));
  check_against_dom(document, root);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static simdjson::dom::parser dom_parser;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const PaddedCopy padded(input);
  simdjson::dom::element root;
  const simdjson::error_code dom_error = parse_dom(dom_parser, padded.input().json, root);

  Parser parser({.mode = Mode::lenient});
  for (Document document : kAllDocuments) {
    const Result<AnyDocument> result = parser.parse(padded.input(), document);
    if (!result) {
      const ErrorCode code = result.error().code;
      if (dom_error == simdjson::SUCCESS) {
        check(code != ErrorCode::invalid_json, "invalid_json for an input the DOM accepts",
              outcome(result));
      } else {
        check(code == ErrorCode::invalid_json || code == ErrorCode::too_deep ||
                  is_number_error(dom_error),
              "the DOM finds invalid JSON where the library finds another problem",
              std::string(simdjson::error_message(dom_error)) + "\n" + outcome(result));
      }
    } else if (dom_error == simdjson::SUCCESS) {
      check_against_dom(*result, root);
    } else {
      check(is_number_error(dom_error), "the library accepts what the DOM rejects",
            std::string(simdjson::error_message(dom_error)) + "\n" + outcome(result));
      check_big_integers(*result, input);
    }
  }
  return 0;
}
