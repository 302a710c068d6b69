#pragma once
// Helpers for the tests that drive the built `heymilo` executable: run it with arguments
// and standard input, capture its exit code, stdout and stderr; scratch directories.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace heymilo::test {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
  long max_rss_kb = 0;  // the child's peak resident memory
};

// Runs the heymilo executable (HEYMILO_CLI) with `args`, feeding it `input` on stdin.
// With `stdout_path`, the output goes to that file instead of CliRun::out.
CliRun heymilo(const std::vector<std::string>& args, std::string_view input = {},
               const std::string& stdout_path = {});

// A command line the CLI must refuse, and a text its error names (a flag, a file, a value).
struct Refused {
  std::vector<std::string> args;
  std::string named;
};
// Runs each case: exit code 2, nothing on stdout, one line on stderr naming `named`.
void expect_refused(const std::vector<Refused>& cases);

// The lines of `text`, without their newlines.
std::vector<std::string> lines(std::string_view text);

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, std::string_view text);

// The docs' example of a document: tests/data/NAME.json.
std::string example_path(std::string_view document_name);

// A fresh directory, removed with its contents at the end of the scope.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Writes `text` to a file in the directory and returns its path.
  std::string file(std::string_view name, std::string_view text) const;

 private:
  std::filesystem::path path_;
};

}  // namespace heymilo::test
