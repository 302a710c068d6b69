// Differential target: the library against simdjson's DOM parser on the same bytes, for
// every document in lenient mode (it accepts the most; strict acceptance implies lenient
// acceptance with the same views, which the document targets check). Checks:
// - the DOM rejects the input => every document rejects it, as invalid_json or too_deep
//   (out_of_range too when the DOM's complaint is a number: a documented field's number
//   beyond the double range is out_of_range, README "Choices");
// - the library says invalid_json => the DOM rejects the input too;
// - a document accepts the input => every value of its view equals the DOM's value at the
//   same JSON Pointer (dom_check.hpp).
#include <algorithm>
#include <cstdint>

#include <simdjson.h>

#include "dom_check.hpp"
#include "fuzz_support.hpp"

namespace {
using namespace heymilo;
using namespace heymilo::fuzz;

// Allowed to be deeper than any input, so that the DOM rejects only what is not JSON.
simdjson::dom::parser& dom_parser(std::size_t size) {
  static simdjson::dom::parser parser;
  const std::size_t capacity = std::max<std::size_t>(size, 64);
  if (parser.capacity() < capacity || parser.max_depth() < capacity) {
    if (parser.allocate(capacity, capacity) != simdjson::SUCCESS) fail("cannot allocate the DOM");
  }
  return parser;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const PaddedCopy padded(input);
  simdjson::dom::element root;
  const simdjson::error_code dom_error =
      dom_parser(size)
          .parse(reinterpret_cast<const std::uint8_t*>(padded.input().json.data()), size, false)
          .get(root);

  Parser parser({.mode = Mode::lenient});
  for (Document document : kAllDocuments) {
    const Result<AnyDocument> result = parser.parse(padded.input(), document);
    if (dom_error != simdjson::SUCCESS) {
      const bool json_code = !result.ok() && (result.error().code == ErrorCode::invalid_json ||
                                              result.error().code == ErrorCode::too_deep);
      const bool number_code = !result.ok() && dom_error == simdjson::NUMBER_ERROR &&
                               result.error().code == ErrorCode::out_of_range;
      check(json_code || number_code, "the DOM rejects what the library does not call invalid",
            std::string(simdjson::error_message(dom_error)) + "\n" + outcome(result));
      continue;
    }
    if (!result) {
      check(result.error().code != ErrorCode::invalid_json,
            "invalid_json for an input the DOM accepts", outcome(result));
      continue;
    }
    check_against_dom(*result, root);
  }
  return 0;
}
