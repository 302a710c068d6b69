#pragma once
// WAL checkpoints off the committing thread. SQLite's automatic checkpoint runs inside the
// COMMIT that takes the WAL past 1,000 pages: it copies the WAL into the database file and
// fsyncs that file, and every request of the batch, and of the batches queued behind it,
// waits for that sync (8-45 ms at times on this project's VM). Here a thread with its own
// connection copies while the writer goes on committing (a PASSIVE checkpoint: writers are
// not blocked). The WAL cannot start again from its beginning while commits never pause, so
// once it holds kRestartBytes the writer runs a RESTART itself: what is left to copy, and a
// sync, one short stall every 64 MiB.

#include <sqlite3.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace heymilo::receiver {

class WalCheckpointer {
 public:
  // A checkpoint runs once this much of the WAL is not yet in the database file: the less is
  // left to copy when the writer restarts the WAL, the shorter its stall.
  static constexpr int kPassiveBytes = 1 << 20;
  // The writer restarts the WAL once it is this long.
  static constexpr int kRestartBytes = 64 << 20;

  // Opens its own connection to `file` (a WAL-mode database) and starts the thread, and
  // takes over `writer`'s checkpoints: `writer` stops checkpointing on commit.
  WalCheckpointer(const std::string& file, sqlite3* writer);
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Called by the writer before it begins a transaction: restarts the WAL when it is too long.
  void before_write();

 private:
  void committed(int wal_pages);
  void run();
  // Returns whether it ran to the end.
  bool checkpoint(sqlite3* db, int mode);

  sqlite3* writer_;
  int passive_pages_ = 0;  // kPassiveBytes and kRestartBytes in the file's pages
  int restart_pages_ = 0;
  sqlite3* db_ = nullptr;
  std::mutex checkpointing_;  // one checkpoint at a time, the thread's or the writer's
  std::mutex mutex_;
  std::condition_variable wake_;
  int wal_pages_ = 0;   // the WAL's length at the writer's last commit
  int backfilled_ = 0;  // of those, pages already copied into the database file
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace heymilo::receiver
