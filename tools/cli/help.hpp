#pragma once
// The texts of `heymilo --help` and `heymilo SUBCOMMAND --help`.

#include <string_view>

namespace heymilo::cli {

std::string_view main_help();
// The help of a subcommand; empty for an unknown name.
std::string_view command_help(std::string_view command);

}  // namespace heymilo::cli
