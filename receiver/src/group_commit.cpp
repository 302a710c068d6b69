#include "group_commit.hpp"

#include "log.hpp"

namespace heymilo::receiver {

GroupCommit::GroupCommit(std::unique_ptr<Store> store, std::size_t rejected_max_bytes,
                         std::function<void(std::size_t, std::size_t)> committed)
    : store_(std::move(store)),
      rejected_max_bytes_(rejected_max_bytes),
      committed_(std::move(committed)),
      thread_([this] { run(); }) {}

GroupCommit::~GroupCommit() { stop(); }

void GroupCommit::submit(WriteRequest request) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      queue_.push_back(std::move(request));
      wake_.notify_one();
      return;
    }
  }
  request.done(WriteOutcome::store_failed);
}

void GroupCommit::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void GroupCommit::run() {
  std::vector<WriteRequest> batch;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything answered
      batch.swap(queue_);
    }
    write(batch);
    batch.clear();
  }
}

void GroupCommit::write(std::vector<WriteRequest>& batch) {
  std::vector<const InboxRow*> inbox;
  std::vector<const RejectedRow*> rejected;
  bool ping = false;
  for (const WriteRequest& request : batch) {
    if (request.kind == WriteRequest::Kind::inbox) inbox.push_back(&request.inbox);
    if (request.kind == WriteRequest::Kind::rejected) rejected.push_back(&request.rejected);
    ping |= request.kind == WriteRequest::Kind::ping;
  }
  std::vector<WriteOutcome> outcomes(inbox.size(), WriteOutcome::store_failed);
  bool ok = true;
  try {
    if (ping) store_->ping();
    if (!inbox.empty() || !rejected.empty())
      store_->write(inbox, rejected, rejected_max_bytes_, outcomes);
  } catch (const StoreError& error) {
    log_message("error", std::string("store: ") + error.what());
    outcomes.assign(inbox.size(), WriteOutcome::store_failed);
    ok = false;
  }
  std::size_t accepted = 0;
  for (WriteOutcome outcome : outcomes) accepted += outcome == WriteOutcome::accepted;
  if (ok && committed_) committed_(batch.size(), accepted);
  std::size_t next_inbox = 0;
  for (WriteRequest& request : batch) {
    switch (request.kind) {
      case WriteRequest::Kind::inbox:
        request.done(outcomes[next_inbox++]);
        break;
      case WriteRequest::Kind::rejected:
        request.done(ok ? WriteOutcome::rejected_stored : WriteOutcome::store_failed);
        break;
      case WriteRequest::Kind::ping:
        request.done(ok ? WriteOutcome::accepted : WriteOutcome::store_failed);
        break;
    }
  }
}

}  // namespace heymilo::receiver
