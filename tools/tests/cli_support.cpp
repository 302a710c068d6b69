#include "cli_support.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace heymilo::test {
namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

void write_file(const fs::path& path, std::string_view text) {
  std::ofstream file(path, std::ios::binary);
  file.write(text.data(), static_cast<std::streamsize>(text.size()));
}

std::string example_path(std::string_view document_name) {
  return std::string(HEYMILO_TEST_DATA) + "/" + std::string(document_name) + ".json";
}

ScratchDir::ScratchDir() {
  std::string pattern = (fs::temp_directory_path() / "heymilo-cli-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ignored);
  fs::remove_all(path_, ignored);
}

std::string ScratchDir::file(std::string_view name, std::string_view text) const {
  const fs::path path = path_ / name;
  write_file(path, text);
  return path.string();
}

// The child's stdin, stdout and stderr are files in a scratch directory, so that large
// outputs cannot fill a pipe and block it.
CliRun heymilo(const std::vector<std::string>& args, std::string_view input,
               const std::string& stdout_path) {
  const ScratchDir scratch;
  const std::string in = scratch.file("stdin", input);
  const std::string out = stdout_path.empty() ? (scratch.path() / "stdout").string() : stdout_path;
  const std::string err = (scratch.path() / "stderr").string();

  std::vector<char*> argv;
  std::string program = HEYMILO_CLI;
  argv.push_back(program.data());
  std::vector<std::string> copies(args);
  for (std::string& arg : copies) argv.push_back(arg.data());
  argv.push_back(nullptr);

  const pid_t child = fork();
  if (child == 0) {
    const int in_fd = open(in.c_str(), O_RDONLY);
    const int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  wait4(child, &status, 0, &usage);
  CliRun run;
  run.max_rss_kb = usage.ru_maxrss;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (stdout_path.empty()) run.out = read_file(out);
  run.err = read_file(err);
  return run;
}

void expect_refused(const std::vector<Refused>& cases) {
  for (const auto& [args, named] : cases) {
    const CliRun run = heymilo(args);
    EXPECT_EQ(run.exit_code, 2) << named;
    EXPECT_EQ(lines(run.err).size(), 1u) << run.err;
    EXPECT_NE(run.err.find(named), std::string::npos) << run.err;
    EXPECT_EQ(run.out, "");
  }
}

std::vector<std::string> lines(std::string_view text) {
  std::vector<std::string> result;
  while (!text.empty()) {
    const auto newline = text.find('\n');
    result.emplace_back(text.substr(0, newline));
    if (newline == text.npos) break;
    text.remove_prefix(newline + 1);
  }
  return result;
}

}  // namespace heymilo::test
