#include "validate.hpp"

#include <algorithm>
#include <cstdio>

#include "args.hpp"
#include "input.hpp"
#include "outcome.hpp"
#include "stats.hpp"
#include "summary.hpp"

namespace heymilo::cli {
namespace {

bool is_blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

class Validator {
 public:
  explicit Validator(const ValidateOptions& options) : options_(options), parser_(options.parser) {}

  int run() {
    std::vector<std::string> errors;
    const std::vector<std::string> inputs = expand_inputs(options_.inputs, errors);
    for (const std::string& error : errors) io_error(error);
    std::string buffer;  // reused: memory stays bounded by the largest document
    for (const std::string& name : inputs) {
      std::string error;
      const auto file = InputFile::open(name, error);
      if (!file) {
        io_error(error);
      } else if (options_.ndjson) {
        validate_lines(*file);
      } else {
        validate_whole(*file, buffer);
      }
    }
    if (options_.summary) out_ += options_.json ? summary_.json() : summary_.plain();
    flush();
    if (options_.stats) std::fprintf(stderr, "%s\n", stats_.summary().c_str());
    return any_io_error_ ? 2 : any_invalid_ ? 1 : 0;
  }

 private:
  void validate_whole(InputFile& file, std::string& buffer) {
    const ReadResult read = read_all(file, options_.parser.max_bytes, buffer);
    if (read.status == ReadResult::io_error) return io_error(read.error);
    if (read.status == ReadResult::too_large) {
      const TooLarge too_large(read.size, options_.parser.max_bytes, "input");
      return report({file.name(), 0, options_.event, {&too_large.error, 1}, {}}, read.size);
    }
    check(file.name(), 0, buffer);
  }

  void validate_lines(InputFile& file) {
    LineReader reader(file, options_.parser.max_bytes);
    LineReader::Line line;
    while (reader.next(line)) {
      if (line.too_long) {
        const TooLarge too_large(line.length, options_.parser.max_bytes, "line");
        report({file.name(), line.number, options_.event, {&too_large.error, 1}, {}}, line.length);
      } else if (!is_blank(reader.text())) {
        check(file.name(), line.number, reader.text());
      }
    }
    if (reader.failed()) io_error(file.read_error());
  }

  void check(std::string_view input, std::uint64_t line, std::string& text) {
    const PaddedInput json = padded(text);
    const auto result = options_.event ? parser_.parse(json, *options_.event) : parser_.parse(json);
    report({input, line, parser_.last_read_as(), result.errors(), parser_.warnings()}, text.size());
  }

  void report(const Outcome& outcome, std::uint64_t bytes) {
    if (options_.summary) {
      summary_.add(outcome);
    } else if (options_.json) {
      append_json_line(out_, outcome, options_.parser.drift);
    } else {
      append_plain(out_, outcome);
    }
    stats_.add(bytes, outcome.valid());
    if (!outcome.valid()) any_invalid_ = true;
    if (out_.size() >= 64 * 1024) flush();
  }

  void io_error(const std::string& message) {
    flush();  // keep stdout and stderr in order on a terminal
    std::fprintf(stderr, "heymilo validate: %s\n", message.c_str());
    any_io_error_ = true;
  }

  void flush() {
    std::fwrite(out_.data(), 1, out_.size(), stdout);
    std::fflush(stdout);
    out_.clear();
  }

  const ValidateOptions& options_;
  Parser parser_;
  Stats stats_;
  Summary summary_;
  std::string out_;
  bool any_invalid_ = false;
  bool any_io_error_ = false;
};
}  // namespace

ValidateOptions parse_validate_args(std::span<const std::string_view> args) {
  ValidateOptions options;
  ArgCursor cursor("validate", args);
  while (!cursor.done()) {
    if (cursor.at_positional()) {
      options.inputs.emplace_back(cursor.take_positional());
      continue;
    }
    const std::string_view flag = cursor.take_flag();
    if (flag == "--" || take_parser_flag(cursor, flag, options.event, options.parser)) continue;
    if (flag == "--max-errors") {
      const std::uint64_t n = parse_count(cursor, flag, cursor.value(flag));
      if (n == 0) cursor.fail("flag '--max-errors' needs an integer of at least 1, not '0'");
      options.parser.max_errors = n;
      continue;
    }
    cursor.no_value(flag);
    if (flag == "--json") {
      options.json = true;
    } else if (flag == "--ndjson") {
      options.ndjson = true;
    } else if (flag == "--stats") {
      options.stats = true;
    } else if (flag == "--all-errors") {
      options.parser.max_errors = kAllErrors;
    } else if (flag == "--drift") {
      options.parser.drift = true;
    } else if (flag == "--summary") {
      options.summary = true;
    } else {
      cursor.unknown(flag);
    }
  }
  return options;
}

int run_validate(const ValidateOptions& options) { return Validator(options).run(); }

}  // namespace heymilo::cli
