#pragma once
// The field tables prepared for the walk, built once from tables::describe(): each struct's
// hot field data in one compact array, key names padded for 16-byte compares, a hash index
// for keys that arrive out of the table's order, and nested structs resolved to their plans.

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <heymilo/detail/tables.hpp>

namespace heymilo::detail {

struct StructPlan;

struct FieldPlan {
  // `key":` as it starts a member of compact JSON, zero-padded; member_mask has a bit for
  // each of its bytes. A key too long for it, and the entry after a struct's last field,
  // hold "\0" with mask 1 instead, which no key starts with (JSON strings hold no raw
  // control character): such keys take the general path.
  alignas(16) std::array<char, 32> member{};
  std::uint32_t member_mask = 1;
  std::uint32_t name_size = 0;
  std::uint64_t bit = 0;  // the field's bit in a struct's masks: 1 << its index
  tables::Kind kind = tables::Kind::string;
  tables::Kind element_kind = tables::Kind::string;
  bool nullable = false;
  tables::Check check = tables::Check::none;
  bool unchecked_string = false;       // kind string, check none: the walk's most common field
  double min = 0, max = 0;             // Check::range and range_or_sentinel
  double sentinel = 0;                 // Check::range_or_sentinel
  std::uint32_t offset = 0;            // of the Field<T> in its struct
  std::uint32_t value_offset = 0;      // of Field<T>::value
  std::uint32_t extent = 0;            // bytes from offset to the next member (or the end)
  std::uint32_t element_size = 0;      // arrays only
  const StructPlan* nested = nullptr;  // objects and arrays of objects
  const tables::FieldInfo* info = nullptr;
};

struct StructPlan {
  const tables::StructInfo* info = nullptr;
  std::span<const FieldPlan> fields;  // in the table's order, then one entry that matches no key
  std::uint64_t all = 0;              // a bit for every field

  // The index of the field named `key` (already decoded), or -1.
  int find(std::string_view key) const noexcept;

  static constexpr std::size_t kSlots = 128;  // at least twice the 64 fields a struct may have
  std::array<std::int8_t, kSlots> slots{};    // open addressing on hash(key): field or -1
  static std::size_t hash(std::string_view key) noexcept;
};

// The plan of each document's root struct, indexed by Document (webhook_list's: the
// webhook's). The plans are built on the first call (walk_plan.cpp).
using RootPlans = std::array<const StructPlan*, std::size(kAllDocuments)>;
const RootPlans& root_plans();

// Whether `text` (after a key's opening quote, in the padded input) starts with the field's
// `key":`: the key is the field's name with no escapes and no whitespace before the colon.
// One 32-byte compare, no data-dependent branch.
inline bool starts_member(const FieldPlan& field, const char* text) noexcept {
#if defined(__SSE2__)
  const auto equal = [&](std::size_t at) {  // bit i: byte at + i matches
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + at));
    const __m128i b = _mm_load_si128(reinterpret_cast<const __m128i*>(field.member.data() + at));
    return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(a, b)));
  };
  const std::uint32_t same = equal(0) | equal(16) << 16;
  return (same & field.member_mask) == field.member_mask;
#else
  return std::memcmp(text, field.member.data(), std::bit_width(field.member_mask)) == 0;
#endif
}

}  // namespace heymilo::detail
