#pragma once
// Command-line parsing shared by the subcommands: flags as `--name value` or `--name=value`,
// `-` and everything after `--` as positional arguments, and the value parsers. A bad flag
// or value throws UsageError, which main() turns into one line on stderr and exit code 2.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include <heymilo/detail/tables.hpp>
#include <heymilo/parser.hpp>

namespace heymilo::cli {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class ArgCursor {
 public:
  ArgCursor(std::string_view command, std::span<const std::string_view> args)
      : command_(command), args_(args) {}

  bool done() const { return next_ >= args_.size(); }
  // True when the next argument is positional (not a flag), e.g. a file or `-`.
  bool at_positional() const;
  std::string_view take_positional() { return args_[next_++]; }
  // The next flag's name; a `--name=value` keeps its value for value().
  std::string_view take_flag();
  // The value of the flag just taken: after `=`, or the next argument.
  std::string_view value(std::string_view flag);
  // Rejects `--flag=value` for a flag that takes no value.
  void no_value(std::string_view flag);
  [[noreturn]] void unknown(std::string_view flag) const;

  [[noreturn]] void fail(const std::string& message) const;

 private:
  std::string_view command_;
  std::span<const std::string_view> args_;
  std::size_t next_ = 0;
  bool only_positional_ = false;  // after `--`
  std::optional<std::string_view> inline_value_;
};

// A non-negative decimal integer.
std::uint64_t parse_count(const ArgCursor& cursor, std::string_view flag, std::string_view text);
// A byte count with an optional K, M or G suffix (powers of 1024; KB/KiB, MB/MiB, GB/GiB
// are accepted too): `65536`, `64K`, `1MB`, `2GiB`.
std::size_t parse_size(const ArgCursor& cursor, std::string_view flag, std::string_view text);
// A document name, or `auto` (nullopt) where allowed.
std::optional<Document> parse_event(const ArgCursor& cursor, std::string_view text,
                                    bool allow_auto);

// The flags validate and extract share: --event, --max-bytes, --max-depth and --lenient.
// Applies `flag`, just taken from `cursor`, to `event` and `parser`; false when it is none of
// them.
bool take_parser_flag(ArgCursor& cursor, std::string_view flag, std::optional<Document>& event,
                      Options& parser);

}  // namespace heymilo::cli
