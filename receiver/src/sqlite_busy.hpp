#pragma once
// How a connection waits for a lock another connection holds (the writer, the handler runner
// and the checkpointer share one file).

#include <sqlite3.h>

namespace heymilo::receiver {

// Retries every 100 µs for at least 10 s. SQLite's own busy timeout sleeps 1, 2, 5, 10, ...
// ms between tries, which turns a lock held for a millisecond into a wait of several.
void wait_when_busy(sqlite3* db);

}  // namespace heymilo::receiver
