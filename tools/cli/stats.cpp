#include "stats.hpp"

#include <algorithm>
#include <cstdio>

namespace heymilo::cli {

std::string Stats::summary() const {
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
  const double seconds = std::max(elapsed.count(), 1e-9);
  const std::uint64_t documents = valid_ + invalid_;
  const double megabytes = static_cast<double>(bytes_) / 1e6;
  char line[256];
  std::snprintf(line, sizeof line,
                "stats: %llu documents, %llu bytes (%.2f MB), %llu valid, %llu invalid, %.3f s, "
                "%.1f MB/s, %.0f docs/s",
                static_cast<unsigned long long>(documents), static_cast<unsigned long long>(bytes_),
                megabytes, static_cast<unsigned long long>(valid_),
                static_cast<unsigned long long>(invalid_), seconds, megabytes / seconds,
                static_cast<double>(documents) / seconds);
  return line;
}

}  // namespace heymilo::cli
