#include "input.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <heymilo/parser.hpp>

namespace heymilo::cli {
namespace fs = std::filesystem;

namespace {
constexpr std::size_t kChunk = std::size_t{1} << 20;

std::string in_quotes(std::string_view name) { return std::string("'").append(name).append("'"); }

void list_json_files(const std::string& directory, std::vector<std::string>& inputs,
                     std::vector<std::string>& errors) {
  std::vector<std::string> found;
  std::error_code error;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    const fs::path& path = it->path();
    if (path.extension() == ".json" && it->is_regular_file(error)) found.push_back(path.string());
  }
  if (error) {
    errors.push_back("cannot list directory " + in_quotes(directory) + ": " + error.message());
    return;
  }
  if (found.empty()) {
    errors.push_back("no *.json files in directory " + in_quotes(directory));
    return;
  }
  std::sort(found.begin(), found.end());
  inputs.insert(inputs.end(), found.begin(), found.end());
}
}  // namespace

std::vector<std::string> expand_inputs(std::span<const std::string> args,
                                       std::vector<std::string>& errors) {
  std::vector<std::string> inputs;
  if (args.empty()) inputs.emplace_back("-");
  for (const std::string& arg : args) {
    std::error_code error;
    if (arg != "-" && fs::is_directory(arg, error)) {
      list_json_files(arg, inputs, errors);
    } else {
      inputs.push_back(arg);
    }
  }
  return inputs;
}

std::unique_ptr<InputFile> InputFile::open(const std::string& name, std::string& error) {
  if (name == "-") return std::unique_ptr<InputFile>(new InputFile(name, stdin));
  std::error_code fs_error;
  if (fs::is_directory(name, fs_error)) {
    error = "cannot read " + in_quotes(name) + ": it is a directory";
    return nullptr;
  }
  std::FILE* file = std::fopen(name.c_str(), "rb");
  if (!file) {
    error = "cannot open " + in_quotes(name) + ": " + std::strerror(errno);
    return nullptr;
  }
  return std::unique_ptr<InputFile>(new InputFile(name, file));
}

InputFile::~InputFile() {
  if (file_ != stdin) std::fclose(file_);
}

std::string InputFile::read_error() const {
  return "cannot read " + (name_ == "-" ? std::string("standard input") : in_quotes(name_)) + ": " +
         std::strerror(errno);
}

ReadResult read_all(InputFile& input, std::size_t limit, std::string& buffer) {
  ReadResult result;
  buffer.clear();
  if (input.name() != "-") {
    // A regular file's size is known up front: refuse an oversized one without reading it.
    std::error_code error;
    const auto size = fs::file_size(input.name(), error);
    if (!error && size > limit) {
      result.status = ReadResult::too_large;
      result.size = size;
      return result;
    }
    if (!error) buffer.reserve(static_cast<std::size_t>(size) + kPadding);
  }
  char chunk[64 * 1024];
  while (true) {
    const std::size_t got = std::fread(chunk, 1, sizeof chunk, input.get());
    result.size += got;
    if (result.size > limit) {
      result.status = ReadResult::too_large;
      buffer.clear();
    } else {
      buffer.append(chunk, got);
    }
    if (got < sizeof chunk) break;
  }
  if (std::ferror(input.get())) {
    result.status = ReadResult::io_error;
    result.error = input.read_error();
  }
  return result;
}

LineReader::LineReader(InputFile& input, std::size_t limit)
    : input_(input), limit_(limit), chunk_(kChunk) {}

bool LineReader::refill() {
  if (std::feof(input_.get()) || failed_) return false;
  end_ = std::fread(chunk_.data(), 1, chunk_.size(), input_.get());
  position_ = 0;
  if (std::ferror(input_.get())) failed_ = true;
  return end_ > 0;
}

bool LineReader::next(Line& line) {
  line = Line{number_ + 1, 0, false};
  line_.clear();
  bool started = false;
  while (position_ < end_ || refill()) {
    started = true;
    const char* begin = chunk_.data() + position_;
    const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', end_ - position_));
    const std::size_t length =
        newline ? static_cast<std::size_t>(newline - begin) : end_ - position_;
    line.length += length;
    if (line.length > limit_) {
      line.too_long = true;
      line_.clear();
    } else {
      line_.append(begin, length);
    }
    position_ += length;
    if (newline) {
      ++position_;
      ++number_;
      return true;
    }
  }
  if (!started || failed_) return false;
  ++number_;  // the last line, without a newline
  return true;
}

}  // namespace heymilo::cli
