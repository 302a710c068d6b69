#pragma once
// The --stats summary of a validate run: documents and bytes checked, valid and invalid
// counts, and throughput over the run's wall time (reading included).

#include <chrono>
#include <cstdint>
#include <string>

namespace heymilo::cli {

class Stats {
 public:
  Stats() : start_(std::chrono::steady_clock::now()) {}
  void add(std::uint64_t bytes, bool valid) {
    bytes_ += bytes;
    ++(valid ? valid_ : invalid_);
  }
  // One line, e.g. "stats: 3 documents, 1048576 bytes (1.05 MB), 2 valid, 1 invalid,
  // 0.004 s, 262.1 MB/s, 750 docs/s".
  std::string summary() const;

 private:
  std::chrono::steady_clock::time_point start_;
  std::uint64_t bytes_ = 0, valid_ = 0, invalid_ = 0;
};

}  // namespace heymilo::cli
