#pragma once
// `heymilo generate`: deterministic, realistic, strict-valid documents from the payload
// generator (tools/generator).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include <heymilo/detail/tables.hpp>

namespace heymilo::cli {

struct GenerateOptions {
  Document event = Document::report_available;
  std::size_t size = 0;     // --size: report_available's target bytes; 0 = natural size
  std::uint64_t count = 1;  // --count: documents; document i uses seed + i
  std::uint64_t seed = 1;
  bool ndjson = false;  // one document per line; otherwise several form a JSON array
};

GenerateOptions parse_generate_args(std::span<const std::string_view> args);

int run_generate(const GenerateOptions& options);

}  // namespace heymilo::cli
