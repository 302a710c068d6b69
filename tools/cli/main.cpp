// heymilo: the command-line tool. Dispatches to validate, extract and generate; turns usage
// errors into one line on stderr and exit code 2.
#include <algorithm>
#include <cstdio>
#include <string_view>
#include <vector>

#include "args.hpp"
#include "extract.hpp"
#include "generate.hpp"
#include "help.hpp"
#include "validate.hpp"

namespace {
using namespace heymilo::cli;

bool asks_for_help(std::span<const std::string_view> args) {
  const auto end = std::find(args.begin(), args.end(), "--");
  return std::any_of(args.begin(), end,
                     [](std::string_view arg) { return arg == "--help" || arg == "-h"; });
}

int run(std::string_view command, std::span<const std::string_view> args) {
  if (command == "validate") return run_validate(parse_validate_args(args));
  if (command == "extract") return run_extract(parse_extract_args(args));
  return run_generate(parse_generate_args(args));
}
}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> all(argv + 1, argv + argc);
  if (all.empty()) {
    std::fputs(main_help().data(), stderr);
    return 2;
  }
  const std::string_view command = all.front();
  if (command == "--help" || command == "-h" || command == "help") {
    std::fputs(main_help().data(), stdout);
    return 0;
  }
  if (command == "--version") {
    std::puts("heymilo " HEYMILO_VERSION);
    return 0;
  }
  const std::string_view help = command_help(command);
  if (help.empty()) {
    std::fprintf(stderr, "heymilo: unknown command '%.*s' (see 'heymilo --help')\n",
                 static_cast<int>(command.size()), command.data());
    return 2;
  }
  const std::span<const std::string_view> args(all.begin() + 1, all.end());
  if (asks_for_help(args)) {
    std::fputs(help.data(), stdout);
    return 0;
  }
  try {
    return run(command, args);
  } catch (const UsageError& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 2;
  }
}
