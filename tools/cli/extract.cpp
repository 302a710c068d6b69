#include "extract.hpp"

#include <cstdio>

#include <heymilo/json_writer.hpp>

#include "args.hpp"
#include "input.hpp"
#include "outcome.hpp"

namespace heymilo::cli {

ExtractOptions parse_extract_args(std::span<const std::string_view> args) {
  ExtractOptions options;
  ArgCursor cursor("extract", args);
  bool have_input = false;
  while (!cursor.done()) {
    if (cursor.at_positional()) {
      if (have_input) cursor.fail("takes one input (a file or '-'), not several");
      options.input = cursor.take_positional();
      have_input = true;
      continue;
    }
    const std::string_view flag = cursor.take_flag();
    if (flag != "--" && !take_parser_flag(cursor, flag, options.event, options.parser))
      cursor.unknown(flag);
  }
  if (!have_input) cursor.fail("needs an input: a file, or '-' for standard input");
  return options;
}

int run_extract(const ExtractOptions& options) {
  std::string error;
  const auto file = InputFile::open(options.input, error);
  if (!file) {
    std::fprintf(stderr, "heymilo extract: %s\n", error.c_str());
    return 2;
  }
  std::string text;
  const ReadResult read = read_all(*file, options.parser.max_bytes, text);
  if (read.status == ReadResult::io_error) {
    std::fprintf(stderr, "heymilo extract: %s\n", read.error.c_str());
    return 2;
  }
  std::string out;
  if (read.status == ReadResult::too_large) {
    const TooLarge too_large(read.size, options.parser.max_bytes, "input");
    append_plain(out, {options.input, 0, options.event, {&too_large.error, 1}, {}});
    std::fputs(out.c_str(), stderr);
    return 1;
  }
  Parser parser(options.parser);
  const PaddedInput json = padded(text);
  const auto result = options.event ? parser.parse(json, *options.event) : parser.parse(json);
  if (!result) {
    append_plain(out, {options.input, 0, options.event, result.errors(), {}});
    std::fputs(out.c_str(), stderr);
    return 1;
  }
  out.reserve(text.size() + 64);
  append_json(out, *result);
  out += '\n';
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace heymilo::cli
