#pragma once
// Counts heap allocations made through global operator new in this binary, so that a
// benchmark can report how many a warm parse makes (the target is zero).

#include <cstdint>

namespace heymilo::bench {

// Allocations since the program started.
std::uint64_t allocation_count() noexcept;

}  // namespace heymilo::bench
