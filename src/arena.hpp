#pragma once
// Storage for the arrays a view points to. Both kinds of buffer keep their memory across
// parses, which is what makes a warm parser allocate nothing.

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <vector>

namespace heymilo::detail {

// A growable byte buffer whose contents may move when it grows: elements of one array
// collect here while the array is read, then move to the Arena in one copy.
class ScratchBuffer {
 public:
  // Appends `n` uninitialised bytes and returns them.
  std::byte* append(std::size_t n) {
    if (size_ + n > capacity_) grow(size_ + n);
    std::byte* slot = data_.get() + size_;
    size_ += n;
    return slot;
  }
  std::byte* data() noexcept { return data_.get(); }
  std::size_t size() const noexcept { return size_; }
  void clear() noexcept { size_ = 0; }

 private:
  void grow(std::size_t needed) {
    std::size_t capacity = std::max(needed, capacity_ * 2);
    auto data = std::make_unique_for_overwrite<std::byte[]>(capacity);
    if (size_) std::memcpy(data.get(), data_.get(), size_);
    data_ = std::move(data);
    capacity_ = capacity;
  }

  std::unique_ptr<std::byte[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

// A bump allocator over chunks that never move, so spans into it stay valid until reset().
class Arena {
 public:
  void reset() noexcept { chunk_ = 0, used_ = 0; }

  void* copy(const void* data, std::size_t n) {
    if (n == 0) return nullptr;
    const std::size_t rounded = (n + kAlign - 1) & ~(kAlign - 1);
    if (chunks_.empty() || used_ + rounded > chunks_[chunk_].size) next_chunk(rounded);
    std::byte* slot = chunks_[chunk_].data.get() + used_;
    used_ += rounded;
    std::memcpy(slot, data, n);
    return slot;
  }

 private:
  static constexpr std::size_t kAlign = alignof(std::max_align_t);
  static constexpr std::size_t kFirstChunk = 64 * 1024;

  struct Chunk {
    std::unique_ptr<std::byte[]> data;
    std::size_t size;
  };

  void next_chunk(std::size_t n) {
    std::size_t next = chunks_.empty() ? 0 : chunk_ + 1;
    if (next >= chunks_.size() || chunks_[next].size < n) {
      std::size_t size = std::max({n, kFirstChunk, chunks_.empty() ? 0 : 2 * chunks_.back().size});
      chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(next),
                     Chunk{std::make_unique_for_overwrite<std::byte[]>(size), size});
    }
    chunk_ = next, used_ = 0;
  }

  std::vector<Chunk> chunks_;
  std::size_t chunk_ = 0;
  std::size_t used_ = 0;
};

}  // namespace heymilo::detail
