#pragma once
// Storage for the arrays a view points to. It keeps its memory across parses, which is what
// makes a warm parser allocate nothing.

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <vector>

namespace heymilo::detail {

// The elements of the arrays at one nesting level, written where they stay: each array is
// contiguous and stays put until reset(). Arrays of one level never interleave (an element's
// own arrays are one level deeper), so the one being read is always the last. When a chunk
// runs out, only that array moves, to the next chunk; earlier arrays keep their place.
class ElementStore {
 public:
  // Forgets every array; the chunks stay for the next parse.
  void reset() noexcept { chunk_ = 0, used_ = 0, start_ = 0; }

  // Starts an array after the ones already stored.
  void begin() noexcept { start_ = used_; }

  // Appends `n` uninitialised bytes to the current array and returns them. May move the
  // current array (never an earlier one).
  std::byte* append(std::size_t n) {
    if (chunks_.empty() || used_ + n > chunks_[chunk_].size) next_chunk(n);
    std::byte* slot = chunks_[chunk_].data.get() + used_;
    used_ += n;
    return slot;
  }

  // The current array's first byte (null when it is empty), valid until reset().
  const std::byte* finish() noexcept {
    const std::byte* array = used_ == start_ ? nullptr : chunks_[chunk_].data.get() + start_;
    used_ = (used_ + kAlign - 1) & ~(kAlign - 1);  // the next array starts aligned
    return array;
  }

 private:
  static constexpr std::size_t kAlign = alignof(std::max_align_t);
  static constexpr std::size_t kFirstChunk = 16 * 1024;

  struct Chunk {
    std::unique_ptr<std::byte[]> data;
    std::size_t size;
  };

  // Moves the current array to the next chunk, with room for `n` more bytes after it.
  void next_chunk(std::size_t n) {
    const std::size_t length = used_ - start_;
    const std::size_t needed = length + n;
    const std::size_t next = chunks_.empty() ? 0 : chunk_ + 1;
    if (next >= chunks_.size() || chunks_[next].size < needed) {
      const std::size_t size =
          std::max({needed, kFirstChunk, chunks_.empty() ? 0 : 2 * chunks_.back().size});
      chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(next),
                     Chunk{std::make_unique_for_overwrite<std::byte[]>(size), size});
    }
    if (length) std::memcpy(chunks_[next].data.get(), chunks_[chunk_].data.get() + start_, length);
    chunk_ = next, start_ = 0, used_ = length;
  }

  std::vector<Chunk> chunks_;
  std::size_t chunk_ = 0;  // the chunk being written
  std::size_t used_ = 0;   // bytes of it in use
  std::size_t start_ = 0;  // where the current array starts in it
};

}  // namespace heymilo::detail
