#pragma once
// Reading inputs with bounded memory: the file list (directories expand to their *.json
// files), whole documents up to a size limit, and NDJSON line by line. I/O problems come
// back as one-line messages naming the input, never as exceptions.

#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace heymilo::cli {

// The inputs the arguments name, in order: a file as given, `-` (standard input) as is, a
// directory as its *.json files sorted by name. No arguments means standard input.
// A directory that cannot be listed or holds no *.json file adds a message to `errors`.
std::vector<std::string> expand_inputs(std::span<const std::string> args,
                                       std::vector<std::string>& errors);

// An open input: a file, or standard input for `-`.
class InputFile {
 public:
  // Null, with a message in `error`, when the file cannot be opened.
  static std::unique_ptr<InputFile> open(const std::string& name, std::string& error);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  const std::string& name() const { return name_; }
  std::FILE* get() const { return file_; }
  // The error message for a failed read, naming the input.
  std::string read_error() const;

 private:
  InputFile(std::string name, std::FILE* file) : name_(std::move(name)), file_(file) {}
  std::string name_;
  std::FILE* file_;
};

struct ReadResult {
  enum Status { ok, too_large, io_error } status = ok;
  std::uint64_t size = 0;  // the input's length in bytes (also when too large)
  std::string error;       // io_error: the message
};

// Reads the whole input into `buffer` (with the parser's padding reserved). An input longer
// than `limit` is not kept: its length is counted (or taken from the file system) and
// reported as too_large, so memory stays bounded by the limit.
ReadResult read_all(InputFile& input, std::size_t limit, std::string& buffer);

// Splits an input into lines, reading it in fixed-size chunks. A line longer than `limit`
// is counted but not kept, so memory is bounded by the longest kept line plus one chunk.
class LineReader {
 public:
  struct Line {
    std::uint64_t number = 0;  // 1-based
    std::uint64_t length = 0;  // bytes, without the newline
    bool too_long = false;     // longer than the limit: `text()` is empty
  };

  LineReader(InputFile& input, std::size_t limit);
  // The next line; false at the end of the input or on a read error (see failed()).
  bool next(Line& line);
  bool failed() const { return failed_; }
  // The current line's bytes, in a buffer that may be padded in place for the parser.
  std::string& text() { return line_; }

 private:
  bool refill();

  InputFile& input_;
  std::size_t limit_;
  std::vector<char> chunk_;
  std::size_t position_ = 0, end_ = 0;
  std::uint64_t number_ = 0;
  bool failed_ = false;
  std::string line_;
};

}  // namespace heymilo::cli
