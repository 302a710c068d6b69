#include "generate.hpp"

#include <cstdio>
#include <string>

#include "args.hpp"
#include "generator.hpp"

namespace heymilo::cli {

GenerateOptions parse_generate_args(std::span<const std::string_view> args) {
  GenerateOptions options;
  ArgCursor cursor("generate", args);
  bool have_event = false;
  while (!cursor.done()) {
    if (cursor.at_positional()) {
      cursor.fail("takes no input, got '" + std::string(cursor.take_positional()) + "'");
    }
    const std::string_view flag = cursor.take_flag();
    if (flag == "--") continue;
    if (flag == "--event") {
      options.event = *parse_event(cursor, cursor.value(flag), false);
      have_event = true;
    } else if (flag == "--size") {
      options.size = parse_size(cursor, flag, cursor.value(flag));
    } else if (flag == "--count") {
      options.count = parse_count(cursor, flag, cursor.value(flag));
      if (options.count == 0) cursor.fail("flag '--count' must be at least 1");
    } else if (flag == "--seed") {
      options.seed = parse_count(cursor, flag, cursor.value(flag));
    } else if (flag == "--ndjson") {
      cursor.no_value(flag);
      options.ndjson = true;
    } else {
      cursor.unknown(flag);
    }
  }
  if (!have_event) cursor.fail("needs --event (a document name, e.g. report_available)");
  if (options.size && options.event != Document::report_available)
    cursor.fail("--size applies to report_available only");
  return options;
}

int run_generate(const GenerateOptions& options) {
  const bool as_array = options.count > 1 && !options.ndjson;
  if (as_array) std::fputc('[', stdout);
  for (std::uint64_t i = 0; i < options.count; ++i) {
    std::string document = generator::generate(
        options.event, {.seed = options.seed + i, .target_bytes = options.size});
    if (as_array) {
      document += i + 1 < options.count ? "," : "]\n";
    } else {
      document += '\n';
    }
    std::fwrite(document.data(), 1, document.size(), stdout);
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::perror("heymilo generate: cannot write the output");
    return 2;
  }
  return 0;
}

}  // namespace heymilo::cli
