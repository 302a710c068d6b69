#pragma once
// The shared store: PostgreSQL through libpq, for several receivers behind a load balancer.
// Deduplication is the unique key (INSERT ... ON CONFLICT DO NOTHING, which waits for a
// concurrent insert of the same key to commit); commits run with synchronous_commit=on;
// handler rows are claimed with FOR UPDATE SKIP LOCKED inside a transaction held while the
// handler runs, so two receivers never run one row at once and a receiver that dies lets go.

#include <libpq-fe.h>

#include <string>

#include "store.hpp"

namespace heymilo::receiver {

class PostgresStore final : public Store {
 public:
  explicit PostgresStore(std::string_view uri);
  ~PostgresStore() override;
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;

  void write(std::span<const InboxRow* const> inbox, std::span<const RejectedRow* const> rejected,
             std::size_t rejected_max_bytes, std::span<WriteOutcome> outcomes) override;
  void ping() override;
  std::optional<Job> claim() override;
  void finish(const Job& job, const JobResult& result, const RetryPolicy& policy) override;
  void release(const Job& job) override;
  std::uint64_t requeue_failed() override;
  std::uint64_t delete_done_older_than(unsigned days) override;

 private:
  class Result;
  void connect();
  Result exec(const char* sql);
  Result exec(const char* sql, std::initializer_list<std::optional<std::string_view>> params,
              int binary_param = -1);
  WriteOutcome insert(const InboxRow& row);

  std::string uri_;
  PGconn* connection_ = nullptr;
};

}  // namespace heymilo::receiver
