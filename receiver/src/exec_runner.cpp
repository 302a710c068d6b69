#include "exec_runner.hpp"

#include "child_process.hpp"
#include "log.hpp"

namespace heymilo::receiver {
namespace {
using Clock = std::chrono::steady_clock;
constexpr auto kPoll = std::chrono::milliseconds(200);  // retries come due without a notify
constexpr auto kRetainEvery = std::chrono::hours(1);
}  // namespace

ExecRunner::ExecRunner(const Config& config, std::unique_ptr<Store> store, Metrics& metrics)
    : config_(config), store_(std::move(store)), metrics_(metrics), thread_([this] { run(); }) {}

ExecRunner::~ExecRunner() { stop(); }

void ExecRunner::notify() {
  {
    std::lock_guard lock(mutex_);
    notified_ = true;
  }
  wake_.notify_one();
}

void ExecRunner::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void ExecRunner::run() {
  auto next_retain = Clock::now();
  while (!stopping_) {
    if (Clock::now() >= next_retain) {
      retain();
      next_retain = Clock::now() + kRetainEvery;
    }
    bool ran = false;
    try {
      ran = !config_.exec.empty() && run_one();
    } catch (const StoreError& error) {
      log_message("error", std::string("handler: store: ") + error.what());
    }
    if (ran) continue;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, kPoll, [this] { return stopping_ || notified_; });
    notified_ = false;
  }
}

bool ExecRunner::run_one() {
  const std::optional<Job> job = store_->claim();
  if (!job) return false;
  const ChildResult child = run_child(config_.exec, job->body,
                                      {{"HEYMILO_EVENT", job->event},
                                       {"HEYMILO_INTERVIEW_ID", job->interview_id},
                                       {"HEYMILO_POSTING_ID", job->posting_id}},
                                      config_.exec_timeout, stopping_);
  if (stopping_ && !child.ok) {
    store_->release(*job);  // not the handler's failure: it runs again after a restart
    return false;
  }
  metrics_.count_handler_run(child.ok);
  const RetryPolicy policy{config_.exec_attempts, config_.exec_backoff};
  store_->finish(*job, {child.ok, child.error}, policy);
  if (!child.ok) {
    const bool last = job->attempts + 1 >= policy.max_attempts;
    log_message(last ? "error" : "warning", "handler for " + job->event + " " + job->interview_id +
                                                " failed (attempt " +
                                                std::to_string(job->attempts + 1) + " of " +
                                                std::to_string(policy.max_attempts) +
                                                (last ? ", now failed" : "") + "): " + child.error);
  }
  return true;
}

void ExecRunner::retain() {
  if (config_.retain_days == 0) return;
  try {
    if (const auto deleted = store_->delete_done_older_than(config_.retain_days))
      log_message("info", "deleted " + std::to_string(deleted) + " done rows older than " +
                              std::to_string(config_.retain_days) + " days");
  } catch (const StoreError& error) {
    log_message("error", std::string("retention: store: ") + error.what());
  }
}

}  // namespace heymilo::receiver
