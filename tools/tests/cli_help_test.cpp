// `heymilo --help` and `heymilo COMMAND --help`: every flag a command accepts is explained
// with an example, and every flag the help names is accepted.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include <heymilo/document.hpp>

#include "cli_support.hpp"

namespace heymilo::test {
namespace {

// The flags of each command per contract rule 14 (plus the limits extract shares with
// validate): the help must explain each of them.
const std::map<std::string, std::set<std::string>> kContractFlags = {
    {"validate",
     {"--event", "--lenient", "--json", "--ndjson", "--max-bytes", "--max-depth", "--stats"}},
    {"extract", {"--event", "--lenient", "--max-bytes", "--max-depth"}},
    {"generate", {"--event", "--size", "--count", "--seed", "--ndjson"}},
};

// The flags a help text documents: lines "  --flag ..." or "  -h, --help ...".
std::map<std::string, std::string> documented_flags(const std::string& help) {
  std::map<std::string, std::string> flags;  // flag -> its description block
  const std::regex flag_line(R"(^  (?:-h, )?(--[a-z-]+).*)");
  std::string current;
  for (const std::string& line : lines(help)) {
    std::smatch match;
    if (std::regex_match(line, match, flag_line)) {
      current = match[1];
      flags[current] = line;
    } else if (!current.empty() && line.starts_with("    ")) {
      flags[current] += "\n" + line;
    } else {
      current.clear();
    }
  }
  return flags;
}

TEST(Help, MainHelpNamesTheCommandsAndExitCodes) {
  const CliRun run = heymilo({"--help"});
  EXPECT_EQ(run.exit_code, 0);
  for (const char* word : {"validate", "extract", "generate", "Exit codes", "Examples"})
    EXPECT_NE(run.out.find(word), std::string::npos) << word;
  EXPECT_EQ(heymilo({"-h"}).out, run.out);
  EXPECT_EQ(heymilo({"help"}).out, run.out);
}

TEST(Help, NoCommandPrintsTheHelpOnStderrAndExitsTwo) {
  const CliRun run = heymilo({});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, heymilo({"--help"}).out);
}

TEST(Help, UnknownCommandIsAUsageError) {
  const CliRun run = heymilo({"valdiate", "x.json"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(lines(run.err).size(), 1u);
  EXPECT_NE(run.err.find("valdiate"), std::string::npos);
}

// The help texts spell the documents out; each must name every one of documents.inc.
TEST(Help, NamesEveryDocument) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--help"}, {"validate", "--help"}, {"generate", "--help"}}) {
    const CliRun run = heymilo(args);
    for (Document document : kAllDocuments)
      EXPECT_NE(run.out.find(to_string(document)), std::string::npos)
          << args[0] << " does not name " << to_string(document);
  }
}

TEST(Help, VersionPrintsTheProjectVersion) {
  const CliRun run = heymilo({"--version"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_TRUE(std::regex_match(run.out, std::regex(R"(heymilo \d+\.\d+\.\d+\n)"))) << run.out;
}

TEST(Help, EveryCommandExplainsEachFlagWithAnExample) {
  for (const auto& [command, contract_flags] : kContractFlags) {
    const CliRun run = heymilo({command, "--help"});
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_EQ(heymilo({command, "-h"}).out, run.out);
    EXPECT_EQ(run.out.rfind("Usage: heymilo " + command, 0), 0u) << run.out;
    const auto flags = documented_flags(run.out);
    for (const std::string& flag : contract_flags) {
      const auto found = flags.find(flag);
      ASSERT_NE(found, flags.end()) << command << " --help does not explain " << flag;
      EXPECT_NE(found->second.find("heymilo " + command + " "), std::string::npos)
          << command << " " << flag << " has no example:\n"
          << found->second;
    }
    EXPECT_TRUE(flags.count("--help"));
  }
}

TEST(Help, EveryFlagTheHelpNamesIsAccepted) {
  for (const auto& [command, contract_flags] : kContractFlags) {
    for (const auto& [flag, description] : documented_flags(heymilo({command, "--help"}).out)) {
      // Whatever the value, a known flag never yields "unknown flag".
      const CliRun run = heymilo({command, flag, "1", "--event", "webhook"}, "{}");
      EXPECT_EQ(run.err.find("unknown flag"), std::string::npos)
          << command << " " << flag << ": " << run.err;
    }
  }
}

}  // namespace
}  // namespace heymilo::test
