#include "postgres_store.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace heymilo::receiver {
namespace {

// Documented in receiver/README.md ("The store"); the same table as SQLite's.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS inbox (
  id              BIGSERIAL PRIMARY KEY,
  event           TEXT NOT NULL,
  interview_id    TEXT NOT NULL,
  posting_id      TEXT,
  received_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  body            TEXT NOT NULL,
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_error      TEXT,
  handled_at      TIMESTAMPTZ,
  UNIQUE (event, interview_id)
);
CREATE INDEX IF NOT EXISTS inbox_due ON inbox (next_attempt_at) WHERE state = 'pending';
CREATE TABLE IF NOT EXISTS rejected (
  id            BIGSERIAL PRIMARY KEY,
  received_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  event         TEXT,
  error_code    TEXT NOT NULL,
  error_path    TEXT NOT NULL,
  error_offset  BIGINT NOT NULL,
  error_message TEXT NOT NULL,
  body          BYTEA NOT NULL,
  report        TEXT NOT NULL DEFAULT ''
);
ALTER TABLE rejected ADD COLUMN IF NOT EXISTS report TEXT NOT NULL DEFAULT '';
)sql";

// Replicas creating the tables at once would collide in the catalog: one at a time.
constexpr const char* kSchemaLock = "SELECT pg_advisory_xact_lock(7283510394)";

// Text columns must be valid UTF-8; a rejected payload's error can quote invalid bytes.
std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80         ? 1
                               : (byte >> 5) == 6  ? 2
                               : (byte >> 4) == 14 ? 3
                               : (byte >> 3) == 30 ? 4
                                                   : 0;
    bool ok = length > 0 && i + length <= text.size() && byte != 0;
    for (std::size_t k = 1; ok && k < length; ++k)
      ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (ok) {
      out.append(text.substr(i, length));
      i += length;
    } else {
      out += '?';
      ++i;
    }
  }
  return out;
}
}  // namespace

// A PGresult that frees itself; throws on an error status.
class PostgresStore::Result {
 public:
  Result(PGconn* connection, PGresult* result) : result_(result) {
    const auto status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      const std::string message =
          result ? PQresultErrorMessage(result) : PQerrorMessage(connection);
      PQclear(result);
      throw StoreError("postgresql: " + message.substr(0, message.find_last_not_of('\n') + 1));
    }
  }
  ~Result() { PQclear(result_); }
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;

  int rows() const { return PQntuples(result_); }
  std::string text(int row, int column) const {
    return {PQgetvalue(result_, row, column),
            static_cast<std::size_t>(PQgetlength(result_, row, column))};
  }
  std::uint64_t affected() const { return std::strtoull(PQcmdTuples(result_), nullptr, 10); }

 private:
  PGresult* result_;
};

PostgresStore::PostgresStore(std::string_view uri) : uri_(uri) {
  connect();
  exec("BEGIN");
  exec(kSchemaLock);
  exec(kSchema);
  exec("COMMIT");
}

PostgresStore::~PostgresStore() { PQfinish(connection_); }

void PostgresStore::connect() {
  if (connection_ && PQstatus(connection_) == CONNECTION_OK) return;
  PQfinish(connection_);
  connection_ = PQconnectdb(uri_.c_str());
  if (PQstatus(connection_) != CONNECTION_OK) {
    std::string message = PQerrorMessage(connection_);
    throw StoreError("postgresql: cannot connect: " +
                     message.substr(0, message.find_last_not_of('\n') + 1));
  }
  // "relation already exists, skipping" and the like would break the JSON log on stderr.
  PQsetNoticeProcessor(
      connection_, [](void*, const char*) {}, nullptr);
  // Durable before 200 whatever the server's default: the commit waits for its WAL flush.
  exec("SET synchronous_commit = on");
}

PostgresStore::Result PostgresStore::exec(const char* sql) {
  return Result(connection_, PQexec(connection_, sql));
}

PostgresStore::Result PostgresStore::exec(
    const char* sql, std::initializer_list<std::optional<std::string_view>> params,
    int binary_param) {
  std::vector<std::string> texts;  // libpq reads text parameters up to a NUL
  texts.reserve(params.size());
  std::vector<const char*> values;
  std::vector<int> lengths, formats;
  for (const auto& param : params) {
    const int index = static_cast<int>(values.size());
    if (!param) {
      values.push_back(nullptr);
      lengths.push_back(0);
    } else if (index == binary_param) {
      values.push_back(param->data());
      lengths.push_back(static_cast<int>(param->size()));
    } else {
      values.push_back(texts.emplace_back(*param).c_str());
      lengths.push_back(static_cast<int>(param->size()));
    }
    formats.push_back(index == binary_param ? 1 : 0);
  }
  return Result(connection_,
                PQexecParams(connection_, sql, static_cast<int>(values.size()), nullptr,
                             values.data(), lengths.data(), formats.data(), 0));
}

void PostgresStore::write(std::span<const InboxRow* const> inbox,
                          std::span<const RejectedRow* const> rejected,
                          std::size_t rejected_max_bytes, std::span<WriteOutcome> outcomes) {
  connect();
  // Keys in one order in every replica's batch: concurrent batches cannot deadlock.
  std::vector<std::size_t> order(inbox.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(inbox[a]->event, inbox[a]->interview_id) <
           std::tie(inbox[b]->event, inbox[b]->interview_id);
  });
  try {
    exec("BEGIN");
    for (std::size_t i : order) outcomes[i] = insert(*inbox[i]);
    for (const RejectedRow* row : rejected) {
      exec(
          "INSERT INTO rejected (event, error_code, error_path, error_offset, error_message, "
          "body, report) VALUES ($1, $2, $3, $4, $5, $6, $7)",
          {row->event.empty() ? std::nullopt : std::optional<std::string_view>(row->event),
           row->code, valid_utf8(row->path), std::to_string(row->offset), valid_utf8(row->message),
           row->body, valid_utf8(row->report)},
          5);
    }
    if (!rejected.empty()) {
      exec(
          "DELETE FROM rejected WHERE id IN (SELECT id FROM (SELECT id, SUM(octet_length(body)) "
          "OVER (ORDER BY id DESC) AS total FROM rejected) newest_first WHERE total > $1)",
          {std::to_string(rejected_max_bytes)});
    }
    exec("COMMIT");
  } catch (const StoreError&) {
    if (PQstatus(connection_) == CONNECTION_OK) PQclear(PQexec(connection_, "ROLLBACK"));
    throw;
  }
}

WriteOutcome PostgresStore::insert(const InboxRow& row) {
  const Result inserted = exec(
      "INSERT INTO inbox (event, interview_id, posting_id, body) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (event, interview_id) DO NOTHING RETURNING id",
      {row.event, row.interview_id,
       row.posting_id.empty() ? std::nullopt : std::optional<std::string_view>(row.posting_id),
       row.body});
  if (inserted.rows() == 1) return WriteOutcome::accepted;
  const Result stored = exec("SELECT body FROM inbox WHERE event = $1 AND interview_id = $2",
                             {row.event, row.interview_id});
  const bool same = stored.rows() == 1 && stored.text(0, 0) == row.body;
  return same ? WriteOutcome::duplicate : WriteOutcome::duplicate_differs;
}

void PostgresStore::ping() {
  connect();
  exec("SELECT 1");
}

std::optional<Job> PostgresStore::claim() {
  connect();
  exec("BEGIN");
  try {
    const Result due = exec(
        "SELECT id, event, interview_id, COALESCE(posting_id, ''), body, attempts FROM inbox "
        "WHERE state = 'pending' AND next_attempt_at <= now() "
        "ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED");
    if (due.rows() == 0) {
      exec("COMMIT");
      return std::nullopt;
    }
    return Job{std::stoll(due.text(0, 0)),
               due.text(0, 1),
               due.text(0, 2),
               due.text(0, 3),
               due.text(0, 4),
               static_cast<unsigned>(std::stoul(due.text(0, 5)))};
  } catch (const StoreError&) {
    if (PQstatus(connection_) == CONNECTION_OK) PQclear(PQexec(connection_, "ROLLBACK"));
    throw;
  }
}

void PostgresStore::finish(const Job& job, const JobResult& result, const RetryPolicy& policy) {
  const unsigned attempts = job.attempts + 1;
  const char* state = result.ok ? "done" : attempts >= policy.max_attempts ? "failed" : "pending";
  try {
    exec(
        "UPDATE inbox SET state = $1, attempts = $2, last_error = $3, handled_at = now(), "
        "next_attempt_at = now() + $4 * interval '1 second' WHERE id = $5",
        {state, std::to_string(attempts),
         result.ok ? std::nullopt : std::optional<std::string_view>(valid_utf8(result.error)),
         std::to_string(retry_delay(policy, attempts).count()), std::to_string(job.id)});
    exec("COMMIT");
  } catch (const StoreError&) {
    if (PQstatus(connection_) == CONNECTION_OK) PQclear(PQexec(connection_, "ROLLBACK"));
    throw;
  }
}

void PostgresStore::release(const Job&) {
  if (PQstatus(connection_) == CONNECTION_OK) PQclear(PQexec(connection_, "ROLLBACK"));
}

std::uint64_t PostgresStore::requeue_failed() {
  connect();
  return exec(
             "UPDATE inbox SET state = 'pending', attempts = 0, last_error = NULL, "
             "next_attempt_at = now() WHERE state = 'failed'")
      .affected();
}

std::uint64_t PostgresStore::delete_done_older_than(unsigned days) {
  connect();
  return exec(
             "DELETE FROM inbox WHERE state = 'done' AND handled_at < now() - $1 * interval '1 "
             "day'",
             {std::to_string(days)})
      .affected();
}

}  // namespace heymilo::receiver
