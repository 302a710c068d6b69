#include "options.hpp"

#include <gtest/gtest.h>

#include <stdlib.h>

#include <vector>

namespace heymilo::receiver {
namespace {

Config parse(std::vector<std::string_view> args) { return parse_args(args); }

TEST(Options, DefaultsAreTheIssues) {
  const Config config = parse({});
  EXPECT_EQ(config.host, "127.0.0.1");
  EXPECT_EQ(config.port, "8080");
  EXPECT_EQ(config.path, "/webhook/heymilo");
  EXPECT_EQ(config.store, "sqlite:heymilo-inbox.db");
  EXPECT_EQ(config.request_timeout.count(), 10);
  EXPECT_EQ(config.reject_status, 400u);
  EXPECT_EQ(config.parser.mode, Mode::strict);
  EXPECT_TRUE(config.secret_env.empty());
  EXPECT_TRUE(config.exec.empty());
}

TEST(Options, EveryFlagIsRead) {
  ::setenv("HEYMILO_OPTIONS_TEST_TOKEN", "s3cret", 1);
  const Config config = parse({"--listen",
                               "[::1]:9000",
                               "--path=/hooks",
                               "--store",
                               "postgresql://db/x",
                               "--lenient",
                               "--max-bytes",
                               "4M",
                               "--max-depth",
                               "64",
                               "--max-errors",
                               "5",
                               "--drift",
                               "--threads",
                               "3",
                               "--request-timeout",
                               "2.5",
                               "--reject-status",
                               "200",
                               "--rejected-max-bytes",
                               "1K",
                               "--secret-env",
                               "HEYMILO_OPTIONS_TEST_TOKEN",
                               "--exec",
                               "cat",
                               "--exec-timeout",
                               "7",
                               "--exec-attempts",
                               "2",
                               "--exec-backoff",
                               "0.5",
                               "--retain-days",
                               "0",
                               "--tls-cert",
                               "c.pem",
                               "--tls-key",
                               "k.pem"});
  EXPECT_EQ(config.host, "::1");
  EXPECT_EQ(config.port, "9000");
  EXPECT_EQ(config.path, "/hooks");
  EXPECT_EQ(config.store, "postgresql://db/x");
  EXPECT_EQ(config.parser.mode, Mode::lenient);
  EXPECT_EQ(config.parser.max_bytes, 4u << 20);
  EXPECT_EQ(config.parser.max_depth, 64u);
  EXPECT_EQ(config.parser.max_errors, 5u);
  EXPECT_TRUE(config.parser.drift);
  EXPECT_EQ(config.threads, 3u);
  EXPECT_EQ(config.request_timeout.count(), 2.5);
  EXPECT_EQ(config.reject_status, 200u);
  EXPECT_EQ(config.rejected_max_bytes, 1024u);
  EXPECT_EQ(config.secret, "s3cret");
  EXPECT_EQ(config.exec, "cat");
  EXPECT_EQ(config.exec_timeout.count(), 7);
  EXPECT_EQ(config.exec_attempts, 2u);
  EXPECT_EQ(config.exec_backoff.count(), 0.5);
  EXPECT_EQ(config.retain_days, 0u);
  EXPECT_EQ(config.tls_cert, "c.pem");
  EXPECT_EQ(config.tls_key, "k.pem");
}

TEST(Options, BadInputIsAUsageErrorThatNamesTheFlag) {
  const std::vector<std::vector<std::string_view>> bad = {
      {"--listen", "8080"},
      {"--listen", "host:99999"},
      {"--max-bytes", "x"},
      {"--request-timeout", "0"},
      {"--request-timeout", "-1"},
      {"--reject-status", "99"},
      {"--threads", "0"},
      {"--path", "no-slash"},
      {"--tls-cert", "c.pem"},
      {"--secret-env", "HEYMILO_OPTIONS_TEST_UNSET"},
      {"--lenient=yes"},
      {"--drift=yes"},
      {"--max-errors", "0"},
      {"--max-errors", "101"},
      {"--bogus"},
      {"stray"},
      {"--exec"}};
  ::unsetenv("HEYMILO_OPTIONS_TEST_UNSET");
  for (const auto& args : bad) {
    try {
      parse(args);
      ADD_FAILURE() << "accepted: " << args.front();
    } catch (const UsageError& error) {
      EXPECT_NE(std::string(error.what()).find("heymilo-receiver --help"), std::string::npos);
    }
  }
}

TEST(Options, HelpExplainsEveryFlagWithAnExample) {
  const std::string_view help = help_text();
  for (std::string_view flag : {"--listen",          "--path",          "--store",
                                "--lenient",         "--max-bytes",     "--max-depth",
                                "--max-errors",      "--drift",         "--threads",
                                "--request-timeout", "--reject-status", "--rejected-max-bytes",
                                "--secret-env",      "--exec",          "--exec-timeout",
                                "--exec-attempts",   "--exec-backoff",  "--retain-days",
                                "--tls-cert",        "--tls-key",       "--requeue-failed"}) {
    bool example = false;
    for (std::size_t start = 0; start < help.size();) {
      const std::size_t end = std::min(help.find('\n', start), help.size());
      const std::string_view line = help.substr(start, end - start);
      const std::size_t at = line.find(flag);
      example |= line.find("heymilo-receiver ") != line.npos && at != line.npos &&
                 (at + flag.size() == line.size() || line[at + flag.size()] == ' ');
      start = end + 1;
    }
    EXPECT_TRUE(example) << flag << " has no example";
  }
  const std::vector<std::string_view> asking = {"--store", "x", "-h"};
  EXPECT_TRUE(asks_for_help(asking));
}

}  // namespace
}  // namespace heymilo::receiver
