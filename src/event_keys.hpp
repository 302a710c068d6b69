#pragma once
// Rule 11's keys, derived from the events' root tables (the fields marked identifies_event())
// when compiling, for detection.cpp and the parser's detecting walk. A set of events is a bit
// mask: bit i stands for tables::kEventPrecedence[i], so the events that outrank the i-th are
// the bits below bit i, and the first of a set in precedence is its lowest bit.

#include <array>
#include <cstddef>
#include <string_view>

#include <heymilo/document.hpp>

#include "tables/event_roots.hpp"

namespace heymilo::detail {

struct EventKey {
  std::string_view name;
  std::size_t rank;  // of its event in tables::kEventPrecedence
};

constexpr std::size_t count_event_keys() {
  std::size_t count = 0;
  tables::declare::for_each_event_table([&](std::size_t, const auto& table) {
    for (const tables::FieldInfo& field : table.fields) count += field.event_key;
  });
  return count;
}

// In precedence, each event's in its table's order: looked up as fast as a list written out
// by hand, before the walk of every detected payload.
inline constexpr auto kEventKeys = [] {
  std::array<EventKey, count_event_keys()> keys{};
  std::size_t next = 0;
  tables::declare::for_each_event_table([&](std::size_t rank, const auto& table) {
    for (const tables::FieldInfo& field : table.fields)
      if (field.event_key) keys[next++] = {field.name, rank};
  });
  return keys;
}();

// For each document, the set of the events that outrank it.
inline constexpr auto kEventsOutranking = [] {
  std::array<unsigned, std::size(kAllDocuments)> outranking{};
  for (std::size_t rank = 0; rank < std::size(tables::kEventPrecedence); ++rank)
    outranking[static_cast<std::size_t>(tables::kEventPrecedence[rank])] = (1u << rank) - 1;
  return outranking;
}();

// The event of the set `events` (not empty) that comes first in precedence: its lowest bit.
constexpr Document first_event(unsigned events) noexcept {
  for (std::size_t rank = 0; rank + 1 < std::size(tables::kEventPrecedence); ++rank)
    if (events & (1u << rank)) return tables::kEventPrecedence[rank];
  return tables::kEventPrecedence[std::size(tables::kEventPrecedence) - 1];
}

// Whether `view`, the root of an event, holds a key that identifies that event. The table is
// known when compiling: this folds into a test of each of the event's keys.
template <class View>
bool has_event_key(const View& view) noexcept {
  for (const tables::FieldInfo& field : tables::declare::TableOf<View>::table.fields)
    if (field.event_key && tables::presence_of(field, &view) != Presence::absent) return true;
  return false;
}

}  // namespace heymilo::detail
