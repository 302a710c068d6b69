#include "sqlite_busy.hpp"

#include <chrono>
#include <thread>

namespace heymilo::receiver {
namespace {
constexpr auto kRetry = std::chrono::microseconds(100);
constexpr int kTries = 10 * 1000 * 1000 / 100;  // 10 s of kRetry
}  // namespace

void wait_when_busy(sqlite3* db) {
  sqlite3_busy_handler(
      db,
      [](void*, int tries) {
        if (tries >= kTries) return 0;  // give up: the statement fails with SQLITE_BUSY
        std::this_thread::sleep_for(kRetry);
        return 1;
      },
      nullptr);
}

}  // namespace heymilo::receiver
