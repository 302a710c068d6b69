#pragma once
// Group commit: requests queue their rows; one writer thread takes everything queued, writes
// it in one transaction, commits (one fsync for the batch), and only then answers every
// request in it. Durability costs one sync per batch, not one per request.

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "store.hpp"

namespace heymilo::receiver {

struct WriteRequest {
  enum class Kind : std::uint8_t { inbox, rejected, ping };
  Kind kind = Kind::ping;
  InboxRow inbox;        // when kind == inbox
  RejectedRow rejected;  // when kind == rejected
  // Called on the writer thread once the batch holding the request has committed (or
  // failed: store_failed). A ping answers accepted when the store answered.
  std::function<void(WriteOutcome)> done;
};

class GroupCommit {
 public:
  // `committed` is called after each successful commit with the number of new inbox rows.
  GroupCommit(std::unique_ptr<Store> store, std::size_t rejected_max_bytes,
              std::function<void(std::size_t batch, std::size_t accepted)> committed);
  ~GroupCommit();
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  void submit(WriteRequest request);
  // Answers everything already queued, then stops the writer; later submits fail at once.
  void stop();

 private:
  void run();
  void write(std::vector<WriteRequest>& batch);

  std::unique_ptr<Store> store_;
  const std::size_t rejected_max_bytes_;
  const std::function<void(std::size_t, std::size_t)> committed_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<WriteRequest> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace heymilo::receiver
