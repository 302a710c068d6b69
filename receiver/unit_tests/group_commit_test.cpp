#include "group_commit.hpp"

#include <gtest/gtest.h>

#include <future>
#include <vector>

namespace heymilo::receiver {
namespace {

// Records each batch; the first write waits until the test lets it go, so that requests
// queue up behind it.
struct FakeStore final : Store {
  std::promise<void> first_started;
  std::shared_future<void> release_first;
  std::vector<std::size_t>* batches;
  std::atomic<bool>* committed;
  bool fail = false;

  void write(std::span<const InboxRow* const> inbox, std::span<const RejectedRow* const> rejected,
             std::size_t, std::span<WriteOutcome> outcomes) override {
    if (batches->empty()) {
      first_started.set_value();
      release_first.wait();
    }
    batches->push_back(inbox.size() + rejected.size());
    if (fail) throw StoreError("disk on fire");
    for (std::size_t i = 0; i < inbox.size(); ++i)
      outcomes[i] =
          inbox[i]->interview_id == "dup" ? WriteOutcome::duplicate : WriteOutcome::accepted;
    *committed = true;
  }
  void ping() override {}
  std::optional<Job> claim() override { return std::nullopt; }
  void finish(const Job&, const JobResult&, const RetryPolicy&) override {}
  void release(const Job&) override {}
  std::uint64_t requeue_failed() override { return 0; }
  std::uint64_t delete_done_older_than(unsigned) override { return 0; }
};

WriteRequest inbox(std::string id, std::function<void(WriteOutcome)> done) {
  WriteRequest request;
  request.kind = WriteRequest::Kind::inbox;
  request.inbox.interview_id = std::move(id);
  request.done = std::move(done);
  return request;
}

TEST(GroupCommit, RequestsQueuedDuringACommitShareTheNextAndAreAnsweredAfterIt) {
  std::vector<std::size_t> batches;
  std::atomic<bool> committed{false};
  std::promise<void> release;
  auto store = std::make_unique<FakeStore>();
  store->release_first = release.get_future().share();
  store->batches = &batches;
  store->committed = &committed;
  auto started = store->first_started.get_future();
  std::size_t commits = 0;
  GroupCommit group(std::move(store), 0, [&](std::size_t, std::size_t) { ++commits; });

  std::vector<WriteOutcome> outcomes;
  std::mutex mutex;
  std::atomic<int> answered_before_commit{0};
  const auto done = [&](WriteOutcome outcome) {
    if (!committed) ++answered_before_commit;
    std::lock_guard lock(mutex);
    outcomes.push_back(outcome);
  };
  group.submit(inbox("first", done));
  started.wait();  // the writer is inside the first commit
  for (int i = 0; i < 20; ++i) group.submit(inbox(i == 7 ? "dup" : "id" + std::to_string(i), done));
  release.set_value();
  group.stop();  // answers everything queued

  EXPECT_EQ(batches, (std::vector<std::size_t>{1, 20}));
  EXPECT_EQ(commits, 2u);
  EXPECT_EQ(answered_before_commit, 0);
  ASSERT_EQ(outcomes.size(), 21u);
  EXPECT_EQ(std::count(outcomes.begin(), outcomes.end(), WriteOutcome::duplicate), 1);
}

TEST(GroupCommit, AFailedCommitAnswersEveryRequestOfItsBatchAsFailed) {
  std::vector<std::size_t> batches{0};  // not empty: no waiting
  std::atomic<bool> committed{false};
  auto store = std::make_unique<FakeStore>();
  store->batches = &batches;
  store->committed = &committed;
  store->fail = true;
  GroupCommit group(std::move(store), 0, nullptr);
  std::promise<WriteOutcome> a, b;
  group.submit(inbox("a", [&](WriteOutcome outcome) { a.set_value(outcome); }));
  WriteRequest rejected;
  rejected.kind = WriteRequest::Kind::rejected;
  rejected.done = [&](WriteOutcome outcome) { b.set_value(outcome); };
  group.submit(std::move(rejected));
  EXPECT_EQ(a.get_future().get(), WriteOutcome::store_failed);
  EXPECT_EQ(b.get_future().get(), WriteOutcome::store_failed);
  group.stop();
  std::promise<WriteOutcome> late;
  group.submit(inbox("late", [&](WriteOutcome outcome) { late.set_value(outcome); }));
  EXPECT_EQ(late.get_future().get(), WriteOutcome::store_failed);
}

}  // namespace
}  // namespace heymilo::receiver
