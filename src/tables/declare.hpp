#pragma once
// The machinery behind the field tables in src/tables/*.cpp: HEYMILO_FIELD(member)
// takes the JSON key, the kind, the offsets and the nested table from the member itself,
// and declare_struct() checks at compile time that the table lists every member once.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include <heymilo/detail/tables.hpp>

namespace heymilo::tables::declare {

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

// A table: its fields, and the number of entries it was written with (a flattened struct is
// one entry standing for all its fields).
template <std::size_t N>
struct Table {
  std::array<FieldInfo, N> fields;
  std::size_t entries = 0;
};

// Another struct's fields, read from the same JSON object as the fields around them (the
// JSON repeats that struct's keys at this level): its table with the offsets moved to the
// member that holds it.
template <std::size_t N>
struct Flattened {
  std::array<FieldInfo, N> fields;
};

template <class Member, class Struct, std::size_t N>
constexpr Flattened<N> flatten(const Table<N>& table, std::size_t offset) {
  static_assert(std::is_same_v<Member, Struct>, "the member is not of the flattened struct");
  Flattened<N> out{table.fields};
  for (FieldInfo& field : out.fields) {
    field.offset += static_cast<std::uint32_t>(offset);
    field.value_offset += static_cast<std::uint32_t>(offset);
  }
  return out;
}

template <class Entry>
struct FieldsIn;
template <>
struct FieldsIn<FieldInfo> {
  static constexpr std::size_t value = 1;
};
template <std::size_t N>
struct FieldsIn<Flattened<N>> {
  static constexpr std::size_t value = N;
};

template <class... Entries>
constexpr auto make_table(const Entries&... entries) {
  Table<(FieldsIn<Entries>::value + ... + 0)> table;
  table.entries = sizeof...(entries);
  std::size_t next = 0;
  const auto add = [&](const auto& entry) {
    if constexpr (std::is_same_v<std::decay_t<decltype(entry)>, FieldInfo>) {
      table.fields[next++] = entry;
    } else {
      for (const FieldInfo& field : entry.fields) table.fields[next++] = field;
    }
  };
  (add(entries), ...);
  // Each waiver's sibling by its index; a name that is no boolean field of the struct stops
  // the compilation here (a throw is not a constant expression).
  std::size_t waived = 0;
  for (FieldInfo& field : table.fields) {
    if (field.waiver_name.empty()) continue;
    ++waived;
    field.waiver = -1;
    for (std::size_t i = 0; i < table.fields.size(); ++i)
      if (table.fields[i].name == field.waiver_name && table.fields[i].kind == Kind::boolean)
        field.waiver = static_cast<std::int8_t>(i);
    if (field.waiver < 0) throw "waived_by() names no boolean field of the struct";
  }
  if (waived > kMaxWaivedFields) throw "more fields waived by a sibling than kMaxWaivedFields";
  return table;
}

// Whether the table lists the fields in the struct's member order, so that a view struct reads
// in the order its table (and so the extract output and the JSON Schema) gives.
template <std::size_t N>
constexpr bool in_member_order(const Table<N>& table) {
  for (std::size_t i = 1; i < N; ++i)
    if (table.fields[i].offset <= table.fields[i - 1].offset) return false;
  return true;
}

// Whether T is the root struct of an event of rule 11.
template <class T>
constexpr bool is_event_root() {
  bool root = false;
#define HEYMILO_DOCUMENT(name, View, Root) \
  root |= std::is_same_v<T, Root> && is_event(Document::name);
#include <heymilo/documents.inc>
  return root;
}

// The table of a struct declared with HEYMILO_TABLE.
template <class Struct>
struct TableOf;

template <class T, std::size_t N>
constexpr StructInfo declare_struct(std::string_view name, const Table<N>& table) {
  static_assert(std::is_aggregate_v<T> && std::is_trivially_copyable_v<T>);
  static_assert(N <= 64, "presence is tracked in a 64-bit mask");
  StructInfo info{name, table.fields, sizeof(T)};
  bool event_keys = false;
  for (std::size_t i = 0; i < N; ++i) {
    const auto bit = std::uint64_t{1} << i;
    if (table.fields[i].requirement != Requirement::optional) info.strict_required |= bit;
    if (table.fields[i].requirement == Requirement::always) info.lenient_required |= bit;
    event_keys |= table.fields[i].event_key;
  }
  // Rule 11 reads the keys of the events' roots only, and an event no key identifies would
  // never be detected (a throw is not a constant expression: the compilation stops here).
  if (event_keys != is_event_root<T>())
    throw event_keys ? "identifies_event() on a field of a struct that is no event's root"
                     : "an event of rule 11 without a field marked identifies_event()";
  return info;
}

}  // namespace heymilo::tables::declare

// One entry of a HEYMILO_TABLE; `Self` is the struct being described.
#define HEYMILO_FIELD(member) \
  ::heymilo::tables::declare::make_field<decltype(Self::member)>(#member, offsetof(Self, member))

// An entry for a member of type Struct (described earlier in the same file) whose fields the
// JSON holds at this level, not in an object of their own.
#define HEYMILO_FLATTEN(member, Struct)                                                         \
  ::heymilo::tables::declare::flatten<decltype(Self::member), Struct>(Struct##_declared::table, \
                                                                      offsetof(Self, member))

// Declares Struct's table, Struct_declared::table (also TableOf<Struct>::table, for code that
// reads it at compile time), from a list of HEYMILO_FIELD entries in the struct's member order
// (checked).
#define HEYMILO_TABLE(Struct, ...)                                                     \
  namespace Struct##_declared {                                                        \
    using Self = Struct;                                                               \
    inline constexpr auto table = ::heymilo::tables::declare::make_table(__VA_ARGS__); \
    static_assert(::heymilo::tables::declare::member_count<Struct>() == table.entries, \
                  "the table must list every member of " #Struct);                     \
    static_assert(::heymilo::tables::declare::in_member_order(table),                  \
                  "the table must list the members of " #Struct " in their order");    \
  }                                                                                    \
  template <>                                                                          \
  struct declare::TableOf<Struct> {                                                    \
    static constexpr const auto& table = Struct##_declared::table;                     \
  };

// Defines describe<Struct>() from the table HEYMILO_TABLE declared.
#define HEYMILO_DESCRIBE_DECLARED(Struct, json_name)                                             \
  template <>                                                                                    \
  HEYMILO_API const ::heymilo::tables::StructInfo& describe<Struct>() noexcept {                 \
    static constexpr auto kInfo =                                                                \
        ::heymilo::tables::declare::declare_struct<Struct>(json_name, Struct##_declared::table); \
    return kInfo;                                                                                \
  }

// Both: the table (for HEYMILO_FLATTEN) and describe<Struct>().
#define HEYMILO_DESCRIBE(Struct, json_name, ...) \
  HEYMILO_TABLE(Struct, __VA_ARGS__)             \
  HEYMILO_DESCRIBE_DECLARED(Struct, json_name)
