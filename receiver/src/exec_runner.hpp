#pragma once
// The asynchronous handler: a thread that claims the store's due pending rows one at a time,
// runs --exec for each, and records the result (done, a retry with exponential backoff, or
// failed after the last attempt). At least once: a row is marked done only after its
// handler exited 0, so a row whose handler was running when the receiver died runs again.
// It also deletes done rows older than --retain-days.

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "metrics.hpp"
#include "options.hpp"
#include "store.hpp"

namespace heymilo::receiver {

class ExecRunner {
 public:
  ExecRunner(const Config& config, std::unique_ptr<Store> store, Metrics& metrics);
  ~ExecRunner();
  ExecRunner(const ExecRunner&) = delete;
  ExecRunner& operator=(const ExecRunner&) = delete;

  // New rows were committed: look now instead of at the next poll.
  void notify();
  // Kills a running handler (its row stays pending) and joins the thread.
  void stop();

 private:
  void run();
  bool run_one();
  void retain();

  const Config& config_;
  std::unique_ptr<Store> store_;
  Metrics& metrics_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool notified_ = false;
  std::thread thread_;
};

}  // namespace heymilo::receiver
