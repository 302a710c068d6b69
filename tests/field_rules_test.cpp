// Every field of every document, generated from the field tables: each field of the docs'
// examples is deleted, nulled, given the wrong type, pushed out of its range or enum and
// duplicated, in strict and lenient mode, and the library must answer with the contract's
// code at the field's JSON Pointer. A last test checks that the examples reach every field
// of every table, so no field escapes these cases.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include <heymilo/heymilo.hpp>

#include "support/field_cases.hpp"
#include "support/json_tree.hpp"
#include "support/table_walk.hpp"

namespace heymilo {
namespace {

using tables::FieldInfo;
using tables::Kind;
using tables::StructInfo;
using test::Case;
using test::generated;
using test::Json;
using test::pointer_of;
using test::Steps;

class FieldRule : public testing::TestWithParam<Case> {};

TEST_P(FieldRule, GivesTheContractsAnswer) {
  const Case& test = GetParam();
  Parser parser(Options{.mode = test.mode});
  auto result = parser.parse(test.json, test.document);
  if (test.expected.valid) {
    EXPECT_TRUE(result.ok()) << to_string(result.error());
    return;
  }
  ASSERT_FALSE(result.ok()) << "accepted: " << test.json;
  EXPECT_EQ(to_string(result.error().code), to_string(test.expected.code))
      << to_string(result.error());
  EXPECT_EQ(result.error().path, test.expected.path) << to_string(result.error());
  EXPECT_FALSE(result.error().message.empty());
}

std::string test_name(const testing::TestParamInfo<Case>& info) {
  std::string name;
  for (char c : info.param.name) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name + "_" + std::to_string(info.index);
}

INSTANTIATE_TEST_SUITE_P(EveryField, FieldRule, testing::ValuesIn(generated().cases), test_name);

void collect_fields(const StructInfo& info, std::set<const FieldInfo*>& all) {
  for (const FieldInfo& field : info.fields) {
    if (!all.insert(&field).second) continue;
    if (field.nested) collect_fields(field.nested(), all);
  }
}

TEST(FieldRuleCoverage, TheExamplesReachEveryFieldOfEveryTable) {
  std::set<const FieldInfo*> all;
  for (Document document : kAllDocuments) collect_fields(tables::describe(document), all);
  std::vector<std::string_view> missed;
  for (const FieldInfo* field : all)
    if (!generated().covered.contains(field)) missed.push_back(field->name);
  EXPECT_TRUE(missed.empty()) << "fields without generated cases: "
                              << testing::PrintToString(missed);
  EXPECT_GT(generated().cases.size(), 1000u);
}

// Rule 5: the docs do not promise that an example's `10` is never `10.5`.
TEST(ExampleOnlyNumbers, NoExampleOnlyFieldIsAnInteger) {
  std::set<const FieldInfo*> all;
  for (Document document : kAllDocuments) collect_fields(tables::describe(document), all);
  for (const FieldInfo* field : all) {
    if (field->documented) continue;
    EXPECT_NE(field->kind, Kind::integer) << field->name;
    EXPECT_FALSE(field->kind == Kind::array && field->element_kind == Kind::integer) << field->name;
  }
}

// Every example-only number of the examples set to 10.5: accepted, read into the view as a
// double, and printed by the extract writer (append_json) as 10.5 at the same path.
TEST(ExampleOnlyNumbers, AFractionIsReadAndPrinted) {
  std::size_t checked = 0;
  for (Document document : kAllDocuments) {
    Json root = test::example_tree(document);
    Steps steps;
    if (document == Document::webhook_list) steps.push_back({"", 0});
    const auto on_object = [](const Steps&) {};
    const auto on_field = [&](const FieldInfo& field, const Steps& at) {
      if (field.documented || field.kind != Kind::number) return;
      Json copy = root;
      test::node_at(copy, at) = Json{10.5};
      Parser parser;
      const auto result = parser.parse(test::to_json(copy), document);
      ASSERT_TRUE(result.ok()) << pointer_of(at) << ": " << to_string(result.error());
      std::string extracted;
      append_json(extracted, *result);
      Json printed = test::parse_json(extracted);
      const Json& value = test::node_at(printed, at);
      ASSERT_TRUE(std::holds_alternative<double>(value.value)) << pointer_of(at) << extracted;
      EXPECT_EQ(std::get<double>(value.value), 10.5) << pointer_of(at);
      ++checked;
    };
    test::walk_fields(root, tables::describe(document), steps, on_object, on_field);
  }
  // idle_timeout_seconds, backoff_seconds, threshold, min_evaluation_score, num_questions,
  // step_workflow.steps[].rank and the example-only numbers that were numbers already.
  EXPECT_GE(checked, 6u);
}

}  // namespace
}  // namespace heymilo
