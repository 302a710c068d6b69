#pragma once
// The embedded store: one SQLite file in WAL mode with synchronous=FULL, so that a commit is
// on disk (the WAL fsynced) before it returns. One receiver per file.

#include <sqlite3.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "store.hpp"
#include "wal_checkpointer.hpp"

namespace heymilo::receiver {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::string_view file);
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  void write(std::span<const InboxRow* const> inbox, std::span<const RejectedRow* const> rejected,
             std::size_t rejected_max_bytes, std::span<WriteOutcome> outcomes) override;
  void ping() override;
  std::optional<Job> claim() override;
  void finish(const Job& job, const JobResult& result, const RetryPolicy& policy) override;
  void release(const Job&) override {}  // a SQLite claim holds no lock
  std::uint64_t requeue_failed() override;
  std::uint64_t delete_done_older_than(unsigned days) override;

 private:
  class Statement;
  sqlite3_stmt* prepared(const char* sql);
  void exec(const char* sql);
  WriteOutcome insert(const InboxRow& row, const std::string& now);
  void insert(const RejectedRow& row, const std::string& now);
  void add_report_column();
  void trim_rejected(std::size_t max_bytes);
  std::int64_t rejected_bytes();

  std::string file_;
  // The file opened: ping() fails when the path no longer names it (deleted, replaced), as
  // nothing committed from then on could be found there.
  std::uint64_t inode_ = 0;
  std::uint64_t device_ = 0;
  sqlite3* db_ = nullptr;
  std::int64_t rejected_bytes_ = -1;  // total body bytes in `rejected`; -1 until read
  std::unordered_map<const char*, sqlite3_stmt*> statements_;
  std::unique_ptr<WalCheckpointer> checkpointer_;  // from the first write(): the batch writer's
};

}  // namespace heymilo::receiver
