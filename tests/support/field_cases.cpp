#include "support/field_cases.hpp"

#include <cmath>

namespace heymilo::test {
namespace {

using tables::Check;
using tables::FieldInfo;
using tables::Kind;
using tables::Requirement;
using tables::StructInfo;

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
                     document_, mode, test::to_json(copy), std::move(expected), steps, mutate});
  }

  void field_cases(const FieldInfo& field, const Steps& steps) {
    const std::string path = pointer_of(steps);
    const std::string key = steps.back().key;
    const auto error = [&](ErrorCode code) { return Expected{false, code, path}; };
    // The mutations are kept (Case::mutate): they capture by value.
    const auto erase = [key](Json& parent, Json&) { parent.erase(key); };
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
          [kind = field.kind](Json&, Json& value) { value = wrong_type_for(kind); },
          error(ErrorCode::wrong_type));
    }
    add(
        "duplicated", Mode::strict, steps,
        [key](Json& parent, Json& value) { parent.object().emplace_back(key, value); },
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
    } else if (field.kind == Kind::number && field.check == Check::none) {
      add("fraction", Mode::strict, steps, set({10.5}), {});
    }
  }

  Document document_;
  Json root_;
};

}  // namespace

void PrintTo(const Case& test, std::ostream* out) { *out << test.name; }

Json example_tree(Document document) {
  return parse_json(read_file(data_path(std::string(to_string(document)) + ".json")));
}

void apply(Json& root, const Case& mutation) {
  Json& parent = node_at(root, {mutation.steps.begin(), mutation.steps.end() - 1});
  mutation.mutate(parent, *parent.find(mutation.steps.back().key));
}

const Generated& generated() {
  static const Generated all = [] {
    Generated result;
    for (Document document : kAllDocuments) {
      const Json root = example_tree(document);
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

}  // namespace heymilo::test
