#include "sqlite_store.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <thread>
#include <vector>

#include "temp_dir.hpp"

namespace heymilo::receiver {
namespace {

InboxRow row(std::string id, std::string body = "{}") {
  return {"interview_started", std::move(id), "P1", std::move(body)};
}

std::vector<WriteOutcome> write(Store& store, std::vector<InboxRow> rows,
                                std::vector<RejectedRow> rejected = {},
                                std::size_t rejected_max = 1 << 20) {
  std::vector<const InboxRow*> inbox;
  for (const InboxRow& r : rows) inbox.push_back(&r);
  std::vector<const RejectedRow*> bad;
  for (const RejectedRow& r : rejected) bad.push_back(&r);
  std::vector<WriteOutcome> outcomes(rows.size());
  store.write(inbox, bad, rejected_max, outcomes);
  return outcomes;
}

// The first column of the first row `sql` gives, read on a connection of its own.
std::int64_t query_integer(const std::string& file, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
  sqlite3_step(statement);
  const std::int64_t value = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

TEST(SqliteStore, DeduplicatesByEventAndInterviewIdAndTellsDifferingBodies) {
  testing::TempDir dir;
  SqliteStore store(dir.file("inbox.db"));
  const auto first = write(store, {row("A", "{\"v\":1}"), row("B"), row("A", "{\"v\":1}")});
  EXPECT_EQ(first,
            (std::vector{WriteOutcome::accepted, WriteOutcome::accepted, WriteOutcome::duplicate}));
  const auto again = write(store, {row("A", "{\"v\":2}"), row("B")});
  EXPECT_EQ(again, (std::vector{WriteOutcome::duplicate_differs, WriteOutcome::duplicate}));
  InboxRow other_event = row("A");
  other_event.event = "interview_completed";  // another delivery of the same interview
  EXPECT_EQ(write(store, {other_event}), std::vector{WriteOutcome::accepted});
  EXPECT_EQ(query_integer(dir.file("inbox.db"), "SELECT COUNT(*) FROM inbox"), 3);
}

TEST(SqliteStore, RunsInWalModeWithFullSyncOn16KiBPages) {
  testing::TempDir dir;
  SqliteStore store(dir.file("inbox.db"));
  write(store, {row("A")});
  EXPECT_TRUE(std::filesystem::exists(dir.file("inbox.db-wal")));
  sqlite3* db = nullptr;
  sqlite3_open(dir.file("inbox.db").c_str(), &db);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &statement, nullptr);
  sqlite3_step(statement);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)), "wal");
  sqlite3_finalize(statement);
  sqlite3_close(db);
  EXPECT_EQ(query_integer(dir.file("inbox.db"), "PRAGMA page_size"), 16384);
}

TEST(SqliteStore, RejectedRowsAreCappedOldestFirst) {
  testing::TempDir dir;
  SqliteStore store(dir.file("inbox.db"));
  for (int i = 0; i < 10; ++i) {
    RejectedRow bad{"", "invalid_json", "", 0, "broken", std::string(100, 'a' + i), "{}"};
    write(store, {}, {bad}, 350);
  }
  const std::string file = dir.file("inbox.db");
  EXPECT_EQ(query_integer(file, "SELECT COUNT(*) FROM rejected"), 3);
  EXPECT_EQ(query_integer(file, "SELECT SUM(length(body)) FROM rejected"), 300);
  EXPECT_EQ(
      query_integer(
          file, "SELECT COUNT(*) FROM rejected WHERE body = CAST(printf('%.100c', 'j') AS BLOB)"),
      1);
  SqliteStore reopened(file);  // the total is read again, not reset
  write(reopened, {}, {RejectedRow{"", "too_deep", "", 0, "deep", std::string(100, 'z'), "{}"}},
        350);
  EXPECT_EQ(query_integer(file, "SELECT SUM(length(body)) FROM rejected"), 300);
}

TEST(SqliteStore, AStoreWithoutTheReportColumnGetsIt) {
  testing::TempDir dir;
  const std::string file = dir.file("inbox.db");
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  sqlite3_exec(db,
               "CREATE TABLE rejected (id INTEGER PRIMARY KEY AUTOINCREMENT, received_at TEXT NOT "
               "NULL, event TEXT, error_code TEXT NOT NULL, error_path TEXT NOT NULL, error_offset "
               "INTEGER NOT NULL, error_message TEXT NOT NULL, body BLOB NOT NULL);"
               "INSERT INTO rejected VALUES (1, 't', NULL, 'invalid_json', '', 0, 'old', 'x')",
               nullptr, nullptr, nullptr);
  sqlite3_close(db);
  SqliteStore store(file);
  write(store, {}, {RejectedRow{"", "invalid_json", "", 0, "new", "y", "{\"valid\":false}"}});
  EXPECT_EQ(query_integer(file, "SELECT COUNT(*) FROM rejected WHERE report = ''"), 1);
  EXPECT_EQ(query_integer(file, "SELECT COUNT(*) FROM rejected WHERE report = '{\"valid\":false}'"),
            1);
  SqliteStore again(file);  // the column is added once
}

TEST(SqliteStore, HandlerRowsRetryWithBackoffThenFailAndCanBeRequeued) {
  testing::TempDir dir;
  SqliteStore store(dir.file("inbox.db"));
  write(store, {row("A", "{\"x\":1}")});
  const RetryPolicy policy{2, std::chrono::milliseconds(300)};
  auto job = store.claim();
  ASSERT_TRUE(job);
  EXPECT_EQ(job->interview_id, "A");
  EXPECT_EQ(job->posting_id, "P1");
  EXPECT_EQ(job->body, "{\"x\":1}");
  EXPECT_EQ(job->attempts, 0u);
  store.finish(*job, {false, "exit status 1"}, policy);
  EXPECT_FALSE(store.claim()) << "due again before its backoff";
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  job = store.claim();
  ASSERT_TRUE(job);
  EXPECT_EQ(job->attempts, 1u);
  store.finish(*job, {false, "exit status 1"}, policy);
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  EXPECT_FALSE(store.claim()) << "failed after the last attempt";
  const std::string file = dir.file("inbox.db");
  EXPECT_EQ(query_integer(file,
                          "SELECT COUNT(*) FROM inbox WHERE state = 'failed' AND attempts = 2 "
                          "AND last_error = 'exit status 1'"),
            1);
  EXPECT_EQ(store.requeue_failed(), 1u);
  job = store.claim();
  ASSERT_TRUE(job);
  EXPECT_EQ(job->attempts, 0u);
  store.finish(*job, {true, ""}, policy);
  EXPECT_FALSE(store.claim());
  EXPECT_EQ(query_integer(file, "SELECT COUNT(*) FROM inbox WHERE state = 'done'"), 1);
}

TEST(SqliteStore, RetentionDeletesOnlyOldDoneRows) {
  testing::TempDir dir;
  SqliteStore store(dir.file("inbox.db"));
  write(store, {row("A"), row("B")});
  store.finish(*store.claim(), {true, ""}, {});
  EXPECT_EQ(store.delete_done_older_than(1), 0u);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(store.delete_done_older_than(0), 1u);
  EXPECT_EQ(
      query_integer(dir.file("inbox.db"), "SELECT COUNT(*) FROM inbox WHERE state = 'pending'"), 1);
}

TEST(SqliteStore, PingFailsWhenTheFileIsGone) {
  testing::TempDir dir;
  SqliteStore store(dir.file("inbox.db"));
  store.ping();
  std::filesystem::remove(dir.file("inbox.db"));
  EXPECT_THROW(store.ping(), StoreError);
}

// Rows of `size` bytes in batches of 8, each batch one commit.
void write_rows(Store& store, int rows, std::size_t size) {
  for (int first = 0; first < rows; first += 8) {
    std::vector<InboxRow> batch;
    for (int i = first; i < std::min(first + 8, rows); ++i)
      batch.push_back(row("R" + std::to_string(i), std::string(size, 'x')));
    write(store, std::move(batch));
  }
}

bool eventually(const std::function<bool()>& condition) {
  for (int i = 0; i < 1000 && !condition(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return condition();
}

TEST(SqliteStore, TheCheckpointerCopiesTheWalIntoTheDatabaseWhileTheStoreIsOpen) {
  testing::TempDir dir;
  SqliteStore store(dir.file("inbox.db"));
  write_rows(store, 24, 256 << 10);  // 6 MiB: past kPassiveBytes, short of kRestartBytes
  // Without a checkpoint the database file holds only the schema's pages until it is closed.
  EXPECT_TRUE(eventually([&] {
    return std::filesystem::file_size(dir.file("inbox.db")) > (5 << 20);
  })) << std::filesystem::file_size(dir.file("inbox.db"));
}

TEST(SqliteStore, TheWalStartsAgainFromItsBeginningPastItsBound) {
  testing::TempDir dir;
  SqliteStore store(dir.file("inbox.db"));
  constexpr std::uintmax_t bound = WalCheckpointer::kRestartBytes;
  write_rows(store, 160, 1 << 20);  // 160 MiB, 2.5 times the bound
  EXPECT_LE(std::filesystem::file_size(dir.file("inbox.db-wal")), 2 * bound + (4 << 20));
  EXPECT_EQ(query_integer(dir.file("inbox.db"), "SELECT COUNT(*) FROM inbox"), 160);
}

TEST(SqliteStore, RowsSurviveReopening) {
  testing::TempDir dir;
  {
    SqliteStore store(dir.file("inbox.db"));
    write(store, {row("A")});
  }
  SqliteStore reopened(dir.file("inbox.db"));
  EXPECT_EQ(write(reopened, {row("A")}), std::vector{WriteOutcome::duplicate});
}

}  // namespace
}  // namespace heymilo::receiver
