#pragma once
// `heymilo extract`: prints the canonical JSON of every documented and example-only field
// of one document, built from the parsed views (heymilo::append_json), not from the input.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <heymilo/parser.hpp>

namespace heymilo::cli {

struct ExtractOptions {
  std::optional<Document> event;  // nullopt: detect the payload
  Options parser;                 // --lenient, --max-bytes, --max-depth
  std::string input;              // a file, or `-`
};

ExtractOptions parse_extract_args(std::span<const std::string_view> args);

// 0 with the JSON on stdout; 1 with the error on stderr when the document is invalid;
// 2 on a usage or I/O error.
int run_extract(const ExtractOptions& options);

}  // namespace heymilo::cli
