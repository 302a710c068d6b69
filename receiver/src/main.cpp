// heymilo-receiver: the HeyMilo webhook receiver. Wires the pieces together: the options,
// the store (a group-commit writer and the handler runner, each with its own connection),
// the request handler and the HTTP server; exits 0 after a graceful stop.
#include <csignal>
#include <cstdio>
#include <string_view>
#include <thread>
#include <vector>

#include "exec_runner.hpp"
#include "group_commit.hpp"
#include "http_server.hpp"
#include "log.hpp"
#include "options.hpp"
#include "request_handler.hpp"

namespace {
using namespace heymilo::receiver;

int serve(Config& config) {
  if (config.threads == 0) config.threads = std::max(1u, std::thread::hardware_concurrency());
  Metrics metrics;
  std::unique_ptr<ExecRunner> runner;
  GroupCommit store(open_store(config.store), config.rejected_max_bytes,
                    [&](std::size_t batch, std::size_t accepted) {
                      metrics.count_commit(batch);
                      if (accepted && runner) runner->notify();
                    });
  // Opened after the writer, which creates the tables.
  runner = std::make_unique<ExecRunner>(config, open_store(config.store), metrics);
  RequestHandler handler(config, store, metrics);
  {
    HttpServer server(config, handler, metrics);
    server.run();
  }
  store.stop();
  runner->stop();
  log_message("info", "stopped");
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  // A handler that exits without reading its stdin must not kill the receiver (EPIPE instead).
  std::signal(SIGPIPE, SIG_IGN);
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  if (asks_for_help(args)) {
    std::fputs(help_text().data(), stdout);
    return 0;
  }
  Config config;
  try {
    config = parse_args(args);
  } catch (const UsageError& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 2;
  }
  try {
    if (config.requeue_failed) {
      const auto count = open_store(config.store)->requeue_failed();
      std::printf("%llu failed rows queued again\n", static_cast<unsigned long long>(count));
      return 0;
    }
    return serve(config);
  } catch (const std::exception& error) {
    log_message("error", error.what());
    return 1;
  }
}
