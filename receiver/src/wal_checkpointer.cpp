#include "wal_checkpointer.hpp"

#include <algorithm>
#include <chrono>

#include "log.hpp"
#include "sqlite_busy.hpp"
#include "store.hpp"

namespace heymilo::receiver {
namespace {

// Closes `db` and throws what could not be done, with SQLite's reason.
[[noreturn]] void close_and_fail(sqlite3* db, const std::string& what) {
  const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
  sqlite3_close(db);
  throw StoreError("sqlite: cannot " + what + ": " + message);
}

// The file's page size, or 0 when it cannot be read.
int page_size_of(sqlite3* db) {
  sqlite3_stmt* statement = nullptr;
  int size = 0;
  if (sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW)
    size = sqlite3_column_int(statement, 0);
  sqlite3_finalize(statement);
  return size;
}

}  // namespace

WalCheckpointer::WalCheckpointer(const std::string& file, sqlite3* writer) : writer_(writer) {
  if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
    close_and_fail(db_, "open '" + file + "' to checkpoint it");
  wait_when_busy(db_);
  // A connection knows the file is in WAL mode once it has read it; until then a checkpoint
  // does nothing.
  if (sqlite3_exec(db_, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr) != SQLITE_OK)
    close_and_fail(db_, "checkpoint '" + file + "'");
  const int page_size = page_size_of(db_);
  if (page_size <= 0) close_and_fail(db_, "read the page size of '" + file + "'");
  passive_pages_ = kPassiveBytes / page_size;
  restart_pages_ = kRestartBytes / page_size;
  // Replaces the writer's automatic checkpoint (itself a WAL hook).
  sqlite3_wal_hook(
      writer_,
      [](void* self, sqlite3*, const char*, int pages) {
        static_cast<WalCheckpointer*>(self)->committed(pages);
        return SQLITE_OK;
      },
      this);
  thread_ = std::thread([this] { run(); });
}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
  sqlite3_wal_hook(writer_, nullptr, nullptr);
  sqlite3_close(db_);
}

void WalCheckpointer::committed(int wal_pages) {
  std::lock_guard lock(mutex_);
  if (wal_pages < wal_pages_) backfilled_ = 0;  // the WAL restarted from its beginning
  wal_pages_ = wal_pages;
  if (wal_pages_ - backfilled_ >= passive_pages_) wake_.notify_one();
}

void WalCheckpointer::before_write() {
  int wal_pages = 0;
  {
    std::lock_guard lock(mutex_);
    wal_pages = wal_pages_;
  }
  if (wal_pages < restart_pages_) return;
  // While the thread is copying, try again at the next batch, unless the WAL is twice as long
  // as it should be.
  std::unique_lock one_at_a_time(checkpointing_, std::try_to_lock);
  if (!one_at_a_time) {
    if (wal_pages < 2 * restart_pages_) return;
    one_at_a_time.lock();
  }
  checkpoint(writer_, SQLITE_CHECKPOINT_RESTART);
}

void WalCheckpointer::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || wal_pages_ - backfilled_ >= passive_pages_; });
    if (stopping_) return;
    lock.unlock();
    bool copied = false;
    {
      std::lock_guard one_at_a_time(checkpointing_);
      copied = checkpoint(db_, SQLITE_CHECKPOINT_PASSIVE);
    }
    lock.lock();
    // After a failure (a full disk, say) or a busy file, not again at once.
    if (!copied) wake_.wait_for(lock, std::chrono::milliseconds(100), [this] { return stopping_; });
  }
}

// Runs one checkpoint and records how far the WAL is copied. A failed checkpoint loses
// nothing (the commits are in the WAL): it is logged and the next one tries again.
bool WalCheckpointer::checkpoint(sqlite3* db, int mode) {
  int wal_pages = 0;
  int copied = 0;
  const int status = sqlite3_wal_checkpoint_v2(db, nullptr, mode, &wal_pages, &copied);
  if (status != SQLITE_OK) {
    if (status != SQLITE_BUSY)
      log_message("error", std::string("sqlite checkpoint: ") + sqlite3_errmsg(db));
    return false;
  }
  std::lock_guard lock(mutex_);
  if (mode == SQLITE_CHECKPOINT_RESTART) {
    wal_pages_ = 0;  // the next commit writes from the WAL's beginning
    backfilled_ = 0;
    return true;
  }
  // Readers can hold a checkpoint back: no progress counts as a failure, not to spin.
  const bool advanced = std::min(copied, wal_pages_) > backfilled_;
  backfilled_ = std::max(backfilled_, std::min(copied, wal_pages_));
  return advanced;
}

}  // namespace heymilo::receiver
