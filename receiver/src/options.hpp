#pragma once
// The receiver's command line: every flag, its default, and the help text that explains it.

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include <heymilo/parser.hpp>

namespace heymilo::receiver {

using Seconds = std::chrono::duration<double>;

struct Config {
  std::string host = "127.0.0.1";
  std::string port = "8080";
  std::string path = "/webhook/heymilo";
  std::string store = "sqlite:heymilo-inbox.db";
  // Parser limits; max_bytes is also the largest request body read (413 above it).
  heymilo::Options parser{.max_bytes = std::size_t{16} << 20};
  unsigned threads = 0;  // 0: one per core
  Seconds request_timeout{10};
  unsigned reject_status = 400;
  std::string secret_env;  // empty: no token required
  std::string secret;      // the value of $secret_env
  std::string exec;        // empty: rows stay pending for the team's own consumer
  Seconds exec_timeout{30};
  unsigned exec_attempts = 8;
  Seconds exec_backoff{1};
  unsigned retain_days = 30;  // 0: keep done rows
  std::size_t rejected_max_bytes = std::size_t{64} << 20;
  std::string tls_cert;
  std::string tls_key;
  bool requeue_failed = false;  // queue failed rows again, then exit
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses the flags (not argv[0]); reads the secret from the environment. Throws UsageError.
Config parse_args(std::span<const std::string_view> args);

// True when the arguments ask for --help / -h.
bool asks_for_help(std::span<const std::string_view> args);

std::string_view help_text();

}  // namespace heymilo::receiver
