#pragma once
// Field<T>: one member of a view. It tells apart a field that was absent, one that was
// JSON null, and one that carried a value, so a receiver (and `heymilo extract`) can act on
// the difference. Every view member is a Field.

#include <cstdint>
#include <string_view>

namespace heymilo {

enum class Presence : std::uint8_t { absent, null, present };

template <class T>
struct Field {
  Presence presence = Presence::absent;
  T value{};

  // True when the field carried a value (not absent, not null).
  explicit constexpr operator bool() const noexcept { return presence == Presence::present; }
  constexpr bool has_value() const noexcept { return presence == Presence::present; }
  constexpr bool is_null() const noexcept { return presence == Presence::null; }
  constexpr bool is_absent() const noexcept { return presence == Presence::absent; }

  constexpr const T& operator*() const noexcept { return value; }
  constexpr const T* operator->() const noexcept { return &value; }
  constexpr T value_or(T fallback) const noexcept { return has_value() ? value : fallback; }
};

// The raw JSON text of a value the library checks only for its type (contract rule 6, an
// opaque object) or not at all (a field whose type the docs leave open). The text is
// exactly the input's bytes for that value, without surrounding whitespace.
struct RawObject {
  std::string_view json;
};
struct RawJson {
  std::string_view json;
};

}  // namespace heymilo
