// Round-trip target: for every document and both modes, an accepted input's canonical
// extract (heymilo::append_json) is itself JSON that simdjson's DOM parser accepts, is
// accepted as the same document in the same mode, and extracts to exactly the same text.
// A value the writer escapes wrongly, a number printed so that it reads back differently,
// or a raw JSON slice that is not a whole value breaks the cycle.
#include <cstdint>

#include <simdjson.h>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace heymilo;
  using namespace heymilo::fuzz;
  static simdjson::dom::parser dom_parser;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const PaddedCopy padded(input);
  for (Mode mode : {Mode::strict, Mode::lenient}) {
    Parser parser({.mode = mode});
    Parser again({.mode = mode});
    for (Document document : kAllDocuments) {
      const Result<AnyDocument> result = parser.parse(padded.input(), document);
      if (!result) continue;
      std::string canonical;
      append_json(canonical, *result);
      simdjson::dom::element root;
      const simdjson::error_code error = dom_parser.parse(canonical).get(root);
      check(error == simdjson::SUCCESS, "the canonical extract is not JSON",
            std::string(simdjson::error_message(error)) + "\n" + canonical);
      const Result<AnyDocument> reread = again.parse(canonical, document);
      std::string reread_text = outcome(reread);
      check(reread_text == "ok:" + canonical, "the canonical extract does not read back as itself",
            std::string(to_string(document)) + "\n" + canonical + "\n" + reread_text);
    }
  }
  return 0;
}
