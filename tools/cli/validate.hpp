#pragma once
// `heymilo validate`: checks files, standard input or NDJSON streams against the contract
// and prints one result per document.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <heymilo/parser.hpp>

namespace heymilo::cli {

// What --all-errors asks for (contract rule 15).
inline constexpr std::size_t kAllErrors = 100;

struct ValidateOptions {
  std::optional<Document> event;  // nullopt: detect the payload (`--event auto`)
  Options parser;                 // --lenient, --max-bytes, --max-depth, --max-errors, --drift
  bool json = false;              // one JSON object per result
  bool ndjson = false;            // one document per non-empty line
  bool stats = false;             // a summary line on stderr at the end
  bool summary = false;           // counts over all inputs instead of a line per document
  std::vector<std::string> inputs;
};

ValidateOptions parse_validate_args(std::span<const std::string_view> args);

// 0 when every document is valid, 1 when any is invalid, 2 on a usage or I/O error.
int run_validate(const ValidateOptions& options);

}  // namespace heymilo::cli
