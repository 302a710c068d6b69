// Every field of every document, generated from the field tables: each field of the docs'
// examples is deleted, nulled, given the wrong type, pushed out of its range or enum and
// duplicated, in strict and lenient mode, and the library must answer with the contract's
// code at the field's JSON Pointer. A last test checks that the examples reach every field
// of every table, so no field escapes these cases.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include <heymilo/heymilo.hpp>

#include "support/json_tree.hpp"
#include "support/table_walk.hpp"

namespace heymilo {
namespace {

using tables::Check;
using tables::FieldInfo;
using tables::Kind;
using tables::Requirement;
using tables::StructInfo;
using test::Json;
using test::pointer_of;
using test::Steps;

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
};

void PrintTo(const Case& test, std::ostream* out) { *out << test.name; }

Json wrong_type_for(Kind kind) {
  switch (kind) {
    case Kind::string:
      return {std::int64_t{12345}};
    case Kind::number:
    case Kind::integer:
    case Kind::boolean:
      return {std::string("text")};
    case Kind::object:
    case Kind::raw_object:
      return {test::JsonArray{}};
    case Kind::array:
      return {test::JsonObject{}};
    case Kind::raw_json:
      break;
  }
  return {nullptr};
}

class CaseBuilder {
 public:
  CaseBuilder(Document document, const Json& root) : document_(document), root_(root) {}

  // Every field of the document's tables that the example holds.
  void walk(const StructInfo& info, Steps& steps) {
    const auto on_object = [](const Steps&) {};
    const auto on_field = [&](const FieldInfo& field, const Steps& at) {
      covered_.insert(&field);
      field_cases(field, at);
    };
    test::walk_fields(root_, info, steps, on_object, on_field);
  }

  std::vector<Case> cases;
  std::set<const FieldInfo*> covered_;

 private:
  void add(std::string what, Mode mode, const Steps& steps,
           const std::function<void(Json& parent, Json& value)>& mutate, Expected expected) {
    Json copy = root_;
    Json& parent = test::node_at(copy, {steps.begin(), steps.end() - 1});
    mutate(parent, *parent.find(steps.back().key));
    cases.push_back({std::string(to_string(document_)) + pointer_of(steps) + "_" + what +
                         (mode == Mode::strict ? "_strict" : "_lenient"),
                     document_, mode, test::to_json(copy), std::move(expected)});
  }

  void field_cases(const FieldInfo& field, const Steps& steps) {
    const std::string path = pointer_of(steps);
    const std::string key = steps.back().key;
    const auto error = [&](ErrorCode code) { return Expected{false, code, path}; };
    const auto erase = [&](Json& parent, Json&) { parent.erase(key); };
    add("deleted", Mode::strict, steps, erase,
        field.requirement == Requirement::optional ? Expected{} : error(ErrorCode::missing_field));
    add("deleted", Mode::lenient, steps, erase,
        field.requirement == Requirement::always ? error(ErrorCode::missing_field) : Expected{});
    for (Mode mode : {Mode::strict, Mode::lenient}) {
      add(
          "null", mode, steps, [](Json&, Json& value) { value = {nullptr}; },
          field.nullable ? Expected{} : error(ErrorCode::wrong_type));
    }
    if (field.kind != Kind::raw_json) {
      add(
          "wrong_type", Mode::strict, steps,
          [&](Json&, Json& value) { value = wrong_type_for(field.kind); },
          error(ErrorCode::wrong_type));
    }
    add(
        "duplicated", Mode::strict, steps,
        [&](Json& parent, Json& value) { parent.object().emplace_back(key, value); },
        error(ErrorCode::duplicate_key));
    check_cases(field, steps, error);
  }

  template <class Error>
  void check_cases(const FieldInfo& field, const Steps& steps, const Error& error) {
    const auto set = [&](Json replacement) {
      return [replacement](Json&, Json& value) { value = replacement; };
    };
    const auto number = [&](double value) {
      return field.kind == Kind::integer ? Json{static_cast<std::int64_t>(value)} : Json{value};
    };
    const double step = field.kind == Kind::integer ? 1 : 0.5;
    switch (field.check) {
      case Check::range:
        add("at_min", Mode::strict, steps, set(number(field.min)), {});
        add("below_min", Mode::strict, steps, set(number(field.min - step)),
            error(ErrorCode::out_of_range));
        if (std::isfinite(field.max)) {
          add("at_max", Mode::strict, steps, set(number(field.max)), {});
          add("above_max", Mode::strict, steps, set(number(field.max + step)),
              error(ErrorCode::out_of_range));
        }
        break;
      case Check::range_or_sentinel:
        add("minus_one", Mode::strict, steps, set(number(-1)), {});
        add("zero", Mode::strict, steps, set(number(0)), {});
        add("negative", Mode::strict, steps, set(number(-0.5)), error(ErrorCode::out_of_range));
        break;
      case Check::one_of:
        for (std::string_view allowed : field.allowed) {
          add("is_" + std::string(allowed), Mode::strict, steps, set({std::string(allowed)}), {});
          // As long as an allowed value, one byte off at either end.
          for (const std::size_t at : {std::size_t{0}, allowed.size() - 1}) {
            std::string near(allowed);
            near[at] = near[at] == 'x' ? 'y' : 'x';
            add("near_" + std::string(allowed) + "_at_" + std::to_string(at), Mode::strict, steps,
                set({near}), error(ErrorCode::invalid_value));
          }
        }
        add("not_allowed", Mode::strict, steps, set({std::string("POST")}),
            error(ErrorCode::invalid_value));
        break;
      case Check::non_empty:
        add("empty", Mode::strict, steps, set({std::string()}), error(ErrorCode::invalid_value));
        break;
      case Check::http_url:
        add("ftp", Mode::strict, steps, set({std::string("ftp://example.com/")}),
            error(ErrorCode::invalid_value));
        add("no_host", Mode::strict, steps, set({std::string("https:///path")}),
            error(ErrorCode::invalid_value));
        add("http", Mode::strict, steps, set({std::string("HTTP://example.com:8080/x?y#z")}), {});
        break;
      case Check::none:
        break;
    }
    if (field.kind == Kind::integer) {
      add("fraction", Mode::strict, steps, set({2.5}), error(ErrorCode::out_of_range));
    }
  }

  Document document_;
  Json root_;
};

struct Generated {
  std::vector<Case> cases;
  std::set<const FieldInfo*> covered;
};

const Generated& generated() {
  static const Generated all = [] {
    Generated result;
    for (Document document : kAllDocuments) {
      const Json root = test::parse_json(
          test::read_file(test::data_path(std::string(to_string(document)) + ".json")));
      CaseBuilder builder(document, root);
      Steps steps;
      if (document == Document::webhook_list) steps.push_back({"", 0});
      builder.walk(tables::describe(document), steps);
      result.cases.insert(result.cases.end(), builder.cases.begin(), builder.cases.end());
      result.covered.insert(builder.covered_.begin(), builder.covered_.end());
    }
    return result;
  }();
  return all;
}

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

}  // namespace
}  // namespace heymilo
