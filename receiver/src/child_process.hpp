#pragma once
// Runs one shell command with given bytes on its stdin and extra environment variables,
// killing it (and what it started: its own process group) past a deadline.

#include <atomic>
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace heymilo::receiver {

struct ChildResult {
  bool ok = false;    // exited with status 0
  std::string error;  // otherwise: how it ended, and the tail of what it printed
};

// Runs `/bin/sh -c command`. Its stdout and stderr are captured (the last 2 KB are kept
// for the error). `cancel` set by another thread kills it too.
ChildResult run_child(const std::string& command, std::string_view input,
                      const std::vector<std::pair<std::string, std::string>>& environment,
                      std::chrono::duration<double> timeout, const std::atomic<bool>& cancel);

}  // namespace heymilo::receiver
