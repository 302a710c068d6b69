#pragma once
// The store: an inbox of accepted payloads (unique on event and interview_id, with the
// handler's state) and a capped table of rejected ones. Each implementation is used by one
// thread; the receiver opens one for the group-commit writer and one for the handler runner.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace heymilo::receiver {

struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An accepted payload, copied out of the request (the parser's views die with it).
struct InboxRow {
  std::string event;
  std::string interview_id;
  std::string posting_id;
  std::string body;
};

struct RejectedRow {
  std::string event;  // what the payload was read as; empty when not known
  std::string code;
  std::string path;
  std::int64_t offset = -1;
  std::string message;
  std::string body;
  std::string report;  // the answer: `heymilo validate --json` with every error kept
};

// What writing one row did.
enum class WriteOutcome : std::uint8_t {
  accepted,           // stored
  duplicate,          // (event, interview_id) was already stored, with the same body
  duplicate_differs,  // ... with a different body; nothing stored
  rejected_stored,    // kept in the rejected table
  store_failed,       // the batch did not commit
};

// A row claimed for the handler. While claimed, no other runner runs it.
struct Job {
  std::int64_t id = 0;
  std::string event;
  std::string interview_id;
  std::string posting_id;
  std::string body;
  unsigned attempts = 0;  // runs before this one
};

struct JobResult {
  bool ok = false;
  std::string error;  // when !ok: why, for last_error
};

struct RetryPolicy {
  unsigned max_attempts = 8;
  std::chrono::duration<double> backoff{1};  // before the first retry; doubles, capped
};

class Store {
 public:
  virtual ~Store() = default;

  // Writes `inbox` and `rejected` in one transaction, committed durably before it returns;
  // fills `outcomes` (one per inbox row, in order). Drops the oldest rejected rows beyond
  // `rejected_max_bytes`. Throws StoreError; then nothing of the batch is stored.
  virtual void write(std::span<const InboxRow* const> inbox,
                     std::span<const RejectedRow* const> rejected, std::size_t rejected_max_bytes,
                     std::span<WriteOutcome> outcomes) = 0;

  // Throws StoreError when the store does not answer.
  virtual void ping() = 0;

  // The oldest pending row due now, claimed until finish(); nullopt when none.
  virtual std::optional<Job> claim() = 0;
  // Marks the claimed row done, or schedules its retry (failed after the last attempt).
  virtual void finish(const Job& job, const JobResult& result, const RetryPolicy& policy) = 0;
  // Lets go of a claimed row without counting a run (the receiver is stopping).
  virtual void release(const Job& job) = 0;

  // Marks failed rows pending again with no attempts; returns how many.
  virtual std::uint64_t requeue_failed() = 0;
  // Deletes done rows handled more than `days` days ago; returns how many.
  virtual std::uint64_t delete_done_older_than(unsigned days) = 0;
};

// Opens `uri` (sqlite:FILE or postgresql://...), creating the tables when missing.
// Throws StoreError, with what to do when the URI names a store this build lacks.
std::unique_ptr<Store> open_store(std::string_view uri);

// The delay before retry number `attempts` (1 = first retry): backoff * 2^(attempts-1),
// at most an hour.
std::chrono::duration<double> retry_delay(const RetryPolicy& policy, unsigned attempts);

}  // namespace heymilo::receiver
