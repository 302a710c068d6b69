#pragma once
// The field tables walked over a JSON tree of a document (the docs' example): every field
// the tree holds, with its path, descending into nested objects and into the first element
// of arrays of objects. The per-field tests and the schemas' mutation corpus are both built
// on this walk, so that they cover the same fields.

#include <span>
#include <string>
#include <utility>
#include <vector>

#include <heymilo/detail/tables.hpp>

#include "support/json_tree.hpp"

namespace heymilo::test {

// One step from a node to a child: an object key, or an array index when the key is empty.
struct Step {
  std::string key;
  std::size_t index = 0;
};
using Steps = std::vector<Step>;

// The node at the end of `steps` from `root` (which must hold it).
Json& node_at(Json& root, std::span<const Step> steps);
// `steps` as a JSON Pointer (keys are not escaped: the tables' keys hold no '/' or '~').
std::string pointer_of(std::span<const Step> steps);

// Calls on_object(steps) for the object at `steps`, a struct of `info`, then
// on_field(field, steps) for each of its fields that `root` holds (`steps` then ends at the
// field), and walks on into the field's object or its array's first object.
template <class OnObject, class OnField>
void walk_fields(Json& root, const tables::StructInfo& info, Steps& steps, OnObject& on_object,
                 OnField& on_field) {
  on_object(std::as_const(steps));
  for (const tables::FieldInfo& field : info.fields) {
    steps.push_back({std::string(field.name)});
    if (node_at(root, {steps.begin(), steps.end() - 1}).find(field.name)) {
      on_field(field, std::as_const(steps));
      const Json& value = node_at(root, steps);
      if (field.kind == tables::Kind::object && value.is_object()) {
        walk_fields(root, field.nested(), steps, on_object, on_field);
      } else if (field.kind == tables::Kind::array && field.element_kind == tables::Kind::object &&
                 value.is_array() && !value.array().empty()) {
        steps.push_back({"", 0});
        walk_fields(root, field.nested(), steps, on_object, on_field);
        steps.pop_back();
      }
    }
    steps.pop_back();
  }
}

}  // namespace heymilo::test
