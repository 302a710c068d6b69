// The field tables compiled into walk plans, once per process (walk_plan.hpp).
#include "walk_plan.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <unordered_map>
#include <vector>

namespace heymilo::detail {
namespace {

using tables::Check;
using tables::FieldInfo;
using tables::Kind;
using tables::StructInfo;

// Every struct's plan.
struct Plans {
  std::unordered_map<const StructInfo*, StructPlan> structs;  // nodes never move
  std::deque<std::vector<FieldPlan>> fields;                  // each struct's, never moving
};

Plans build_plans() {
  Plans plans;
  std::vector<const StructInfo*> order;
  const auto collect = [&](const auto& self, const StructInfo& info) -> void {
    if (!plans.structs.try_emplace(&info).second) return;
    order.push_back(&info);
    for (const FieldInfo& field : info.fields)
      if (field.nested) self(self, field.nested());
  };
  for (Document document : kAllDocuments) collect(collect, tables::describe(document));
  for (const StructInfo* info : order) {
    StructPlan& plan = plans.structs.at(info);
    plan.info = info;
    plan.slots.fill(-1);
    std::vector<FieldPlan>& fields = plans.fields.emplace_back(info->fields.size() + 1);
    plan.fields = std::span(fields).first(info->fields.size());
    for (std::size_t i = 0; i < info->fields.size(); ++i) {
      const FieldInfo& field = info->fields[i];
      FieldPlan& out = fields[i];
      out.name_size = static_cast<std::uint32_t>(field.name.size());
      out.bit = std::uint64_t{1} << i;
      if (field.name.size() + 2 <= out.member.size()) {
        field.name.copy(out.member.data(), field.name.size());
        out.member[field.name.size()] = '"';
        out.member[field.name.size() + 1] = ':';
        out.member_mask =
            static_cast<std::uint32_t>((std::uint64_t{1} << (field.name.size() + 2)) - 1);
      }
      out.kind = field.kind;
      out.element_kind = field.element_kind;
      out.nullable = field.nullable;
      out.check = field.check;
      out.unchecked_string = field.kind == Kind::string && field.check == Check::none;
      out.min = field.min;
      out.max = field.max;
      out.sentinel = field.sentinel;
      out.offset = field.offset;
      out.value_offset = field.value_offset;
      out.element_size = field.element_size;
      out.nested = field.nested ? &plans.structs.at(&field.nested()) : nullptr;
      out.info = &field;
      std::uint32_t next = info->size;  // the member after this one starts its extent's end
      for (const FieldInfo& other : info->fields)
        if (other.offset > field.offset) next = std::min(next, other.offset);
      out.extent = next - field.offset;
      plan.all |= out.bit;
      std::size_t slot = StructPlan::hash(field.name);
      while (plan.slots[slot] >= 0) slot = (slot + 1) % StructPlan::kSlots;
      plan.slots[slot] = static_cast<std::int8_t>(i);
    }
  }
  return plans;
}

}  // namespace

std::size_t StructPlan::hash(std::string_view key) noexcept {
  if (key.empty()) return 0;
  const auto first = static_cast<unsigned char>(key.front());
  const auto last = static_cast<unsigned char>(key.back());
  const auto middle = static_cast<unsigned char>(key[key.size() / 2]);
  return (key.size() * 7 + first * 31 + middle * 17 + last) % kSlots;
}

int StructPlan::find(std::string_view key) const noexcept {
  for (std::size_t slot = hash(key);; slot = (slot + 1) % kSlots) {
    const int index = slots[slot];
    if (index < 0 || info->fields[index].name == key) return index;
  }
}

const RootPlans& root_plans() {
  static const RootPlans roots = [] {
    static const Plans plans = build_plans();
    RootPlans all{};
    for (Document d : kAllDocuments)
      all[static_cast<std::size_t>(d)] = &plans.structs.at(&tables::describe(d));
    return all;
  }();
  return roots;
}

}  // namespace heymilo::detail
