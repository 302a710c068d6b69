#pragma once
// The payload generator: deterministic, realistic, strict-valid HeyMilo documents, built by
// walking the field tables (heymilo::tables::describe), so every declared field is covered.
// Used by `heymilo generate`, the tests, the benchmarks and the fuzz corpora.

#include <cstddef>
#include <cstdint>
#include <string>

#include <heymilo/detail/tables.hpp>

namespace heymilo::generator {

struct Options {
  std::uint64_t seed = 1;
  std::size_t target_bytes = 0;  // 0: the document's natural size; else grow a
                                 // report_available toward this size (within 5%)
};

/// A deterministic, realistic, strict-valid document of the given type: the same seed gives
/// the same bytes on every platform. The text is compact JSON on one line. `target_bytes`
/// applies to report_available only (the other documents ignore it); a report cannot be
/// smaller than its required fields, about 2 KB.
std::string generate(Document document, const Options& options = {});

}  // namespace heymilo::generator
