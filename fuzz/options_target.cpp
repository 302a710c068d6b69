// Mode, limits and entry point taken from the first input bytes, and one parser reused for
// two documents, as a receiver would. Layout:
//   byte 0     bit 0: lenient; bits 1-3: document (0-5) or detection (6, 7);
//              bit 4: pass the input as PaddedInput; bits 5-6: max_errors 1, 2, 7 or 100;
//              bit 7: drift warnings
//   bytes 1-2  max_depth (little endian; 0 and values above kMaxDepthLimit are clamped)
//   bytes 3-5  max_bytes (little endian)
//   bytes 6-7  where the rest splits into the first and the second document
// Checks: too_large exactly when a document is longer than max_bytes; the second document's
// outcome on the reused parser equals a fresh parser's; errors obey rule 12; with
// max_errors > 1 or drift (rules 15, 16), the first error and the verdict are the default
// options', a whole-input error stands alone, and the lists keep their limits.
#include <algorithm>
#include <cstdint>
#include <optional>

#include "fuzz_support.hpp"
#include "view_walk.hpp"

namespace {
using namespace heymilo;
using namespace heymilo::fuzz;

constexpr std::size_t kHeaderSize = 8;

struct Setup {
  Options options;
  std::optional<Document> document;  // none: detection
  bool padded = false;
};

Setup read_setup(const std::uint8_t* header) {
  Setup setup;
  setup.options.mode = header[0] & 1 ? Mode::lenient : Mode::strict;
  const unsigned document = (header[0] >> 1) & 7;
  if (document < std::size(kAllDocuments)) setup.document = kAllDocuments[document];
  setup.padded = header[0] & 0x10;
  constexpr std::size_t kMaxErrors[] = {1, 2, 7, 100};
  setup.options.max_errors = kMaxErrors[(header[0] >> 5) & 3];
  setup.options.drift = header[0] & 0x80;
  setup.options.max_depth = header[1] | header[2] << 8;
  setup.options.max_bytes = header[3] | header[4] << 8 | header[5] << 16;
  return setup;
}

std::string parse(Parser& parser, const Setup& setup, std::string_view json) {
  const PaddedCopy copy(json);
  const Result<AnyDocument> result =
      setup.padded ? (setup.document ? parser.parse(copy.input(), *setup.document)
                                     : parser.parse(copy.input()))
                   : (setup.document ? parser.parse(json, *setup.document) : parser.parse(json));
  if (result) {
    read_every_value(*result);
  } else {
    for (const Error& error : result.errors()) check_error(error, json);
    check(result.errors().size() <= std::max<std::size_t>(setup.options.max_errors, 1),
          "more errors than max_errors", outcome(result));
    if (result.errors().size() > 1)
      for (const Error& error : result.errors())
        check(!is_whole_input(error.code), "a whole-input error with others", to_string(error));
  }
  check(parser.warnings().size() <= (setup.options.drift ? kMaxWarnings : 0),
        "more warnings than asked for", outcome(result));
  for (const Warning& warning : parser.warnings()) {
    check(!warning.path.empty() && warning.path.front() == '/', "warning path", warning.path);
    check(warning.offset >= 0 && static_cast<std::size_t>(warning.offset) < json.size() &&
              json[static_cast<std::size_t>(warning.offset)] == '"',
          "a warning's offset is not a key's quote", warning.path);
  }
  const bool too_large = !result && result.error().code == ErrorCode::too_large;
  check(too_large == (json.size() > setup.options.max_bytes),
        "too_large does not match the size limit", outcome(result));
  return outcome(result);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < kHeaderSize) return 0;
  const Setup setup = read_setup(data);
  const std::string_view rest(reinterpret_cast<const char*>(data) + kHeaderSize,
                              size - kHeaderSize);
  const std::size_t split = (data[6] | data[7] << 8) % (rest.size() + 1);
  const std::string_view first = rest.substr(0, split);
  const std::string_view second = rest.substr(split);

  Parser reused(setup.options);
  parse(reused, setup, first);
  const std::string after_reuse = parse(reused, setup, second);
  Parser fresh(setup.options);
  const std::string from_fresh = parse(fresh, setup, second);
  check(after_reuse == from_fresh, "a reused parser and a fresh one disagree",
        after_reuse + "\n" + from_fresh);
  // outcome() shows the first error alone: with the default options it must be the same.
  Setup plain = setup;
  plain.options.max_errors = 1;
  plain.options.drift = false;
  Parser by_default(plain.options);
  const std::string from_default = parse(by_default, plain, second);
  check(from_fresh == from_default, "the first error differs from the default options'",
        from_fresh + "\n" + from_default);
  return 0;
}
