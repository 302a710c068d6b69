#pragma once
// UTC timestamps as text, one format for the log and the store: 2026-12-03T06:15:48.123Z.
// Text of this fixed width sorts in time order, which SQLite comparisons rely on.

#include <chrono>
#include <string>

namespace heymilo::receiver {

using SystemTime = std::chrono::system_clock::time_point;

std::string utc_timestamp(SystemTime time);

}  // namespace heymilo::receiver
