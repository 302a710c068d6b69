#pragma once
// The machinery behind the field tables in src/schema/*.cpp: HEYMILO_FIELD(member)
// takes the JSON key, the kind, the offsets and the nested table from the member itself,
// and declare_struct() checks at compile time that the table lists every member once.

#include <cstddef>
#include <cstdint>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include <heymilo/schema.hpp>

namespace heymilo::schema::declare {

template <class T>
struct KindOf {
  static constexpr Kind value = Kind::object;
};
template <>
struct KindOf<std::string_view> {
  static constexpr Kind value = Kind::string;
};
template <>
struct KindOf<double> {
  static constexpr Kind value = Kind::number;
};
template <>
struct KindOf<std::int64_t> {
  static constexpr Kind value = Kind::integer;
};
template <>
struct KindOf<bool> {
  static constexpr Kind value = Kind::boolean;
};
template <>
struct KindOf<RawObject> {
  static constexpr Kind value = Kind::raw_object;
};
template <>
struct KindOf<RawJson> {
  static constexpr Kind value = Kind::raw_json;
};
template <class E>
struct KindOf<std::span<const E>> {
  static constexpr Kind value = Kind::array;
};

template <class T>
struct Element {
  using type = T;
};
template <class E>
struct Element<std::span<const E>> {
  using type = E;
};

template <class Member>
struct ValueOf;
template <class T>
struct ValueOf<Field<T>> {
  using type = T;
};

template <class E>
std::span<const std::byte> get_span(const void* span) {
  return std::as_bytes(*static_cast<const std::span<const E>*>(span));
}
template <class E>
void set_span(void* span, const void* data, std::size_t count) {
  *static_cast<std::span<const E>*>(span) = {static_cast<const E*>(data), count};
}

template <class Member>
constexpr FieldInfo make_field(std::string_view name, std::size_t offset) {
  using T = typename ValueOf<Member>::type;
  using E = typename Element<T>::type;
  FieldInfo field;
  field.name = name;
  field.kind = KindOf<T>::value;
  field.element_kind = KindOf<E>::value;
  field.offset = static_cast<std::uint32_t>(offset);
  field.value_offset = static_cast<std::uint32_t>(offset + offsetof(Member, value));
  if constexpr (KindOf<E>::value == Kind::object) field.nested = &describe<E>;
  if constexpr (KindOf<T>::value == Kind::array) {
    field.element_size = sizeof(E);
    field.get_span = &get_span<E>;
    field.set_span = &set_span<E>;
  }
  return field;
}

// Counts an aggregate's members: the largest N for which T{x1, ..., xN} compiles.
struct AnyMember {
  template <class U>
  constexpr operator U() const noexcept;
};
template <class T, std::size_t... I>
constexpr bool brace_initialisable(std::index_sequence<I...>) {
  return requires { T{((void)I, AnyMember{})...}; };
}
template <class T, std::size_t N = 0>
constexpr std::size_t member_count() {
  if constexpr (brace_initialisable<T>(std::make_index_sequence<N + 1>{}))
    return member_count<T, N + 1>();
  else
    return N;
}

template <class T>
void construct(void* storage) {
  ::new (storage) T{};
}

template <class T, std::size_t N>
constexpr StructInfo declare_struct(std::string_view name, const FieldInfo (&fields)[N]) {
  static_assert(std::is_aggregate_v<T> && std::is_trivially_copyable_v<T>);
  static_assert(member_count<T>() == N, "the table must list every member of the struct");
  static_assert(N <= 64, "presence is tracked in a 64-bit mask");
  StructInfo info{name, fields, sizeof(T), &construct<T>};
  for (std::size_t i = 0; i < N; ++i) {
    const auto bit = std::uint64_t{1} << i;
    if (fields[i].requirement != Requirement::optional) info.strict_required |= bit;
    if (fields[i].requirement == Requirement::always) info.lenient_required |= bit;
  }
  return info;
}

}  // namespace heymilo::schema::declare

// One entry of a HEYMILO_DESCRIBE table; `Self` is the struct being described.
#define HEYMILO_FIELD(member) \
  ::heymilo::schema::declare::make_field<decltype(Self::member)>(#member, offsetof(Self, member))

// Defines describe<Struct>() from a list of HEYMILO_FIELD entries, in the struct's member order.
#define HEYMILO_DESCRIBE(Struct, json_name, ...)                                \
  template <>                                                                   \
  const ::heymilo::schema::StructInfo& describe<Struct>() noexcept {            \
    using Self = Struct;                                                        \
    static constexpr ::heymilo::schema::FieldInfo kFields[] = {__VA_ARGS__};    \
    static constexpr auto kInfo =                                               \
        ::heymilo::schema::declare::declare_struct<Struct>(json_name, kFields); \
    return kInfo;                                                               \
  }
