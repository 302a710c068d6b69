#include "sqlite_store.hpp"

#include <sys/stat.h>

#include <chrono>

#include "sqlite_busy.hpp"
#include "timestamp.hpp"

namespace heymilo::receiver {
namespace {

// Documented in receiver/README.md ("The store"); PostgreSQL's is the same table.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS inbox (
  id              INTEGER PRIMARY KEY,
  event           TEXT NOT NULL,
  interview_id    TEXT NOT NULL,
  posting_id      TEXT,
  received_at     TEXT NOT NULL,
  body            TEXT NOT NULL,
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  handled_at      TEXT,
  UNIQUE (event, interview_id)
);
CREATE INDEX IF NOT EXISTS inbox_due ON inbox (next_attempt_at) WHERE state = 'pending';
CREATE TABLE IF NOT EXISTS rejected (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  received_at   TEXT NOT NULL,
  event         TEXT,
  error_code    TEXT NOT NULL,
  error_path    TEXT NOT NULL,
  error_offset  INTEGER NOT NULL,
  error_message TEXT NOT NULL,
  body          BLOB NOT NULL,
  report        TEXT NOT NULL DEFAULT ''
);
)sql";

std::string now_text() { return utc_timestamp(std::chrono::system_clock::now()); }

std::string later_text(std::chrono::duration<double> delay) {
  return utc_timestamp(std::chrono::system_clock::now() +
                       std::chrono::duration_cast<std::chrono::system_clock::duration>(delay));
}
}  // namespace

// One use of a statement the store prepared once (the writer runs the same few for every
// request: preparing each time cost the writer thread more than binding and stepping). Reset
// on destruction; binds by position from 1.
class SqliteStore::Statement {
 public:
  Statement(SqliteStore& store, const char* sql)
      : db_(store.db_), statement_(store.prepared(sql)) {}
  ~Statement() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Copies `value`: callers bind temporaries.
  Statement& text(int index, std::string_view value) {
    check(sqlite3_bind_text64(statement_, index, value.data() ? value.data() : "", value.size(),
                              SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
  }
  // Binds a payload without copying it: `value` must outlive step().
  Statement& text_in_place(int index, std::string_view value) {
    check(sqlite3_bind_text64(statement_, index, value.data() ? value.data() : "", value.size(),
                              SQLITE_STATIC, SQLITE_UTF8));
    return *this;
  }
  Statement& text_or_null(int index, std::string_view value) {
    return value.empty() ? null(index) : text(index, value);
  }
  Statement& blob(int index, std::string_view value) {
    check(sqlite3_bind_blob64(statement_, index, value.data(), value.size(), SQLITE_STATIC));
    return *this;
  }
  Statement& integer(int index, std::int64_t value) {
    check(sqlite3_bind_int64(statement_, index, value));
    return *this;
  }
  Statement& null(int index) {
    check(sqlite3_bind_null(statement_, index));
    return *this;
  }

  // True while a row is available.
  bool step() {
    const int status = sqlite3_step(statement_);
    if (status == SQLITE_ROW) return true;
    if (status != SQLITE_DONE) fail();
    return false;
  }
  std::string column_text(int index) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, index));
    return text ? std::string(text, sqlite3_column_bytes(statement_, index)) : std::string();
  }
  std::int64_t column_integer(int index) const { return sqlite3_column_int64(statement_, index); }

 private:
  void check(int status) const {
    if (status != SQLITE_OK) fail();
  }
  [[noreturn]] void fail() const {
    throw StoreError(std::string("sqlite: ") + sqlite3_errmsg(db_));
  }

  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

SqliteStore::SqliteStore(std::string_view file) : file_(file) {
  const std::string& name = file_;
  if (sqlite3_open_v2(name.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw StoreError("sqlite: cannot open '" + name + "': " + message);
  }
  try {
    wait_when_busy(db_);
    // 16 KiB pages for a new file (an existing one keeps its own): a 15 KB report is one page
    // instead of a leaf cell and four overflow pages, 30-50% more of them a second
    // (bench/receiver); the docs' small payloads lose ~14%.
    exec("PRAGMA page_size=16384");
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    exec(kSchema);
    add_report_column();
    // Checkpoints are the batch writer's checkpointer's (write() starts it): the handler
    // runner's connection, whose commits are small, leaves them to it.
    sqlite3_wal_autocheckpoint(db_, 0);
    struct stat opened {};
    ::stat(name.c_str(), &opened);
    inode_ = opened.st_ino;
    device_ = opened.st_dev;
  } catch (...) {
    sqlite3_close(db_);
    throw;
  }
}

SqliteStore::~SqliteStore() {
  checkpointer_.reset();
  for (const auto& [sql, statement] : statements_) sqlite3_finalize(statement);
  sqlite3_close(db_);
}

// Keyed by the address of the SQL text: every statement is a string literal of this file.
sqlite3_stmt* SqliteStore::prepared(const char* sql) {
  sqlite3_stmt*& statement = statements_[sql];
  if (statement == nullptr && sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT,
                                                 &statement, nullptr) != SQLITE_OK) {
    statements_.erase(sql);
    throw StoreError(std::string("sqlite: ") + sqlite3_errmsg(db_));
  }
  return statement;
}

// A store created before the rejected table had its report: add it (older rows keep '').
void SqliteStore::add_report_column() {
  Statement has(*this, "SELECT COUNT(*) FROM pragma_table_info('rejected') WHERE name = 'report'");
  has.step();
  if (has.column_integer(0) == 0)
    exec("ALTER TABLE rejected ADD COLUMN report TEXT NOT NULL DEFAULT ''");
}

void SqliteStore::exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    throw StoreError("sqlite: " + text);
  }
}

void SqliteStore::write(std::span<const InboxRow* const> inbox,
                        std::span<const RejectedRow* const> rejected,
                        std::size_t rejected_max_bytes, std::span<WriteOutcome> outcomes) {
  const std::string now = now_text();
  if (!checkpointer_) checkpointer_ = std::make_unique<WalCheckpointer>(file_, db_);
  checkpointer_->before_write();
  exec("BEGIN IMMEDIATE");
  try {
    for (std::size_t i = 0; i < inbox.size(); ++i) outcomes[i] = insert(*inbox[i], now);
    for (const RejectedRow* row : rejected) insert(*row, now);
    if (!rejected.empty()) trim_rejected(rejected_max_bytes);
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    rejected_bytes_ = -1;  // read it again: the rollback undid what was counted
    throw;
  }
}

WriteOutcome SqliteStore::insert(const InboxRow& row, const std::string& now) {
  Statement insert(*this,
                   "INSERT INTO inbox (event, interview_id, posting_id, received_at, body, "
                   "next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?4) "
                   "ON CONFLICT (event, interview_id) DO NOTHING");
  insert.text(1, row.event).text(2, row.interview_id).text_or_null(3, row.posting_id);
  insert.text(4, now).text_in_place(5, row.body).step();
  if (sqlite3_changes(db_) == 1) return WriteOutcome::accepted;
  Statement stored(*this, "SELECT body FROM inbox WHERE event = ?1 AND interview_id = ?2");
  stored.text(1, row.event).text(2, row.interview_id);
  const bool same = stored.step() && stored.column_text(0) == row.body;
  return same ? WriteOutcome::duplicate : WriteOutcome::duplicate_differs;
}

void SqliteStore::insert(const RejectedRow& row, const std::string& now) {
  const std::int64_t before = rejected_bytes();
  Statement insert(*this,
                   "INSERT INTO rejected (received_at, event, error_code, error_path, "
                   "error_offset, error_message, body, report) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  insert.text(1, now).text_or_null(2, row.event).text(3, row.code).text(4, row.path);
  insert.integer(5, row.offset).text(6, row.message).blob(7, row.body).text(8, row.report).step();
  rejected_bytes_ = before + static_cast<std::int64_t>(row.body.size());
}

std::int64_t SqliteStore::rejected_bytes() {
  if (rejected_bytes_ < 0) {
    Statement total(*this, "SELECT COALESCE(SUM(length(body)), 0) FROM rejected");
    total.step();
    rejected_bytes_ = total.column_integer(0);
  }
  return rejected_bytes_;
}

void SqliteStore::trim_rejected(std::size_t max_bytes) {
  while (rejected_bytes() > static_cast<std::int64_t>(max_bytes)) {
    Statement oldest(*this,
                     "DELETE FROM rejected WHERE id = (SELECT MIN(id) FROM rejected) "
                     "RETURNING length(body)");
    if (!oldest.step()) return;
    rejected_bytes_ -= oldest.column_integer(0);
  }
}

void SqliteStore::ping() {
  struct stat now {};
  if (::stat(file_.c_str(), &now) != 0 || now.st_ino != inode_ || now.st_dev != device_)
    throw StoreError("sqlite: '" + file_ + "' is gone or was replaced");
  Statement one(*this, "SELECT COUNT(*) FROM inbox WHERE id = 0");
  one.step();
}

std::optional<Job> SqliteStore::claim() {
  Statement due(*this,
                "SELECT id, event, interview_id, COALESCE(posting_id, ''), body, attempts "
                "FROM inbox WHERE state = 'pending' AND next_attempt_at <= ?1 "
                "ORDER BY next_attempt_at, id LIMIT 1");
  due.text(1, now_text());
  if (!due.step()) return std::nullopt;
  return Job{due.column_integer(0), due.column_text(1),
             due.column_text(2),    due.column_text(3),
             due.column_text(4),    static_cast<unsigned>(due.column_integer(5))};
}

void SqliteStore::finish(const Job& job, const JobResult& result, const RetryPolicy& policy) {
  const unsigned attempts = job.attempts + 1;
  const char* state = result.ok ? "done" : attempts >= policy.max_attempts ? "failed" : "pending";
  Statement update(*this,
                   "UPDATE inbox SET state = ?1, attempts = ?2, last_error = ?3, "
                   "handled_at = ?4, next_attempt_at = ?5 WHERE id = ?6");
  update.text(1, state).integer(2, attempts).text_or_null(3, result.error).text(4, now_text());
  update.text(5, later_text(retry_delay(policy, attempts))).integer(6, job.id).step();
}

std::uint64_t SqliteStore::requeue_failed() {
  Statement update(*this,
                   "UPDATE inbox SET state = 'pending', attempts = 0, last_error = NULL, "
                   "next_attempt_at = ?1 WHERE state = 'failed'");
  update.text(1, now_text()).step();
  return static_cast<std::uint64_t>(sqlite3_changes(db_));
}

std::uint64_t SqliteStore::delete_done_older_than(unsigned days) {
  Statement remove(*this, "DELETE FROM inbox WHERE state = 'done' AND handled_at < ?1");
  remove.text(1, later_text(std::chrono::hours(-24 * static_cast<int>(days)))).step();
  return static_cast<std::uint64_t>(sqlite3_changes(db_));
}

}  // namespace heymilo::receiver
