// One fuzz target per document (HEYMILO_FUZZ_DOCUMENT names the heymilo::Document): the
// input is parsed as that document in both modes, through its own entry point and through
// parse(PaddedInput, document). Checks: the two entry points agree exactly; an error obeys
// rule 12; every value of an accepted view is readable; strict acceptance implies lenient
// acceptance with the same extract.
#include <cstdint>

#include "fuzz_support.hpp"
#include "view_walk.hpp"

#ifndef HEYMILO_FUZZ_DOCUMENT
#error "define HEYMILO_FUZZ_DOCUMENT as a heymilo::Document enumerator"
#endif

namespace {
constexpr heymilo::Document kDocument = heymilo::Document::HEYMILO_FUZZ_DOCUMENT;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace heymilo;
  using namespace heymilo::fuzz;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const PaddedCopy padded(input);
  std::string strict_outcome;
  for (Mode mode : {Mode::strict, Mode::lenient}) {
    Parser typed_parser({.mode = mode});
    const std::string typed = typed_outcome(typed_parser, kDocument, input);
    Parser parser({.mode = mode});
    const Result<AnyDocument> result = parser.parse(padded.input(), kDocument);
    const std::string any = outcome(result);
    check(typed == any, "the typed entry point and parse(PaddedInput, document) disagree",
          typed + "\n" + any);
    if (mode == Mode::strict) {
      strict_outcome = any;
    } else if (strict_outcome.starts_with("ok:")) {
      check(any == strict_outcome, "accepted in strict mode, but not the same in lenient mode",
            strict_outcome + "\n" + any);
    }
    if (!result) {
      check_error(result.error(), input);
      continue;
    }
    check(document_of(*result) == kDocument, "parsed as another document");
    read_every_value(*result);
  }
  return 0;
}
