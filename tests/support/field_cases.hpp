#pragma once
// The generated per-field cases (field_rules_test.cpp): each field of the docs' examples
// deleted, nulled, given the wrong type, pushed out of its range or enum and duplicated, in
// strict and lenient mode, with the contract's answer. Each case keeps its mutation, so that
// the all-errors tests can apply two at once.

#include <functional>
#include <set>
#include <string>
#include <vector>

#include <heymilo/detail/tables.hpp>
#include <heymilo/heymilo.hpp>

#include "support/json_tree.hpp"
#include "support/table_walk.hpp"

namespace heymilo::test {

struct Expected {
  bool valid = true;
  ErrorCode code = ErrorCode::invalid_json;
  std::string path;
};

struct Case {
  std::string name;
  Document document;
  Mode mode;
  std::string json;
  Expected expected;
  Steps steps;                                            // the field mutated
  std::function<void(Json& parent, Json& value)> mutate;  // applied to the field's parent and value
};

void PrintTo(const Case& test, std::ostream* out);

// The docs' example of `document`, as a tree.
Json example_tree(Document document);

// `mutation` applied to `root` (which holds its field).
void apply(Json& root, const Case& mutation);

struct Generated {
  std::vector<Case> cases;
  std::set<const tables::FieldInfo*> covered;
};

// Every document's cases, built once.
const Generated& generated();

}  // namespace heymilo::test
