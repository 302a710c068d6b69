// Single-field mutations, derived by walking the field tables over a valid document. The
// verdicts are not predicted here: the parser gives them, ajv must agree.
#include <cctype>
#include <cmath>
#include <functional>
#include <optional>

#include "corpus.hpp"
#include "support/table_walk.hpp"

namespace heymilo::corpus {
namespace {

using tables::Check;
using tables::FieldInfo;
using tables::Kind;
using tables::StructInfo;
using test::Json;
using test::JsonArray;
using test::JsonObject;

using test::node_at;
using test::pointer_of;
using test::Steps;

std::string type_name(const Json& json) {
  constexpr const char* kNames[] = {"null",   "boolean", "integer", "number",
                                    "string", "array",   "object"};
  return kNames[json.value.index()];
}

Json text(std::string value) { return {std::move(value)}; }

// Values of JSON types that a field of `kind` does not take (raw_json takes any).
std::vector<Json> wrong_types(Kind kind) {
  switch (kind) {
    case Kind::string:
      return {{std::int64_t{12345}}, {true}, {JsonObject{}}, {JsonArray{}}};
    case Kind::number:
    case Kind::integer:
      return {text("12"), {false}, {JsonArray{}}};
    case Kind::boolean:
      return {text("true"), {std::int64_t{1}}, {JsonObject{}}};
    case Kind::object:
    case Kind::raw_object:
      return {{JsonArray{}}, text("{}"), {std::int64_t{1}}};
    case Kind::array:
      return {{JsonObject{}}, text("[]"), {std::int64_t{0}}};
    case Kind::raw_json:
      break;
  }
  return {};
}

// A number of the field's kind, spelled as an integer when the field is one.
Json number(const FieldInfo& field, double value) {
  return field.kind == Kind::integer ? Json{static_cast<std::int64_t>(value)} : Json{value};
}

class Mutator {
 public:
  Mutator(Document document, std::string base_name, const Json& base, std::vector<Case>& cases,
          std::vector<const FieldInfo*>& covered)
      : document_(document),
        base_name_(std::move(base_name)),
        base_(base),
        cases_(cases),
        covered_(covered) {}

  void walk(const StructInfo& info, Steps& steps) {
    const auto on_object = [&](const Steps& at) {
      edit_object(at, "unknown property added", [](Json& object, RawTokens&) {
        object.object().emplace_back(
            "x_unknown_property",
            Json{JsonObject{{"any", {JsonArray{{nullptr}, {1.5}, text("x")}}}}});
      });
    };
    const auto on_field = [&](const FieldInfo& field, const Steps& at) {
      covered_.push_back(&field);
      field_mutations(field, at);
    };
    test::walk_fields(base_, info, steps, on_object, on_field);
  }

 private:
  using Edit = std::function<void(Json& node, RawTokens& raw)>;
  using FieldEdit = std::function<void(Json& object, const std::string& key, RawTokens& raw)>;

  // A case whose document is the base with `edit` applied to the object at `steps`.
  void edit_object(const Steps& steps, const std::string& what, const Edit& edit) {
    Json copy = base_;
    RawTokens raw;
    edit(node_at(copy, steps), raw);
    record(copy, raw, steps, what, "");
  }

  // A case that edits the object holding the field at `steps` (its last step); with an
  // exclusion, one of the named cases JSON Schema cannot express.
  void edit_field(const Steps& steps, const std::string& what, const FieldEdit& edit,
                  const std::string& exclusion = "") {
    Json copy = base_;
    RawTokens raw;
    edit(node_at(copy, {steps.begin(), steps.end() - 1}), steps.back().key, raw);
    record(copy, raw, steps, what, exclusion);
  }

  void record(const Json& document, const RawTokens& raw, const Steps& steps,
              const std::string& what, const std::string& exclusion) {
    cases_.push_back({base_name_ + pointer_of(steps) + " " + what,
                      exclusion.empty() ? "mutation" : "excluded", document_, raw.write(document),
                      exclusion});
  }

  void set(const Steps& steps, const std::string& what, const Json& value) {
    edit_field(steps, what, [&](Json& object, const std::string& key, RawTokens&) {
      *object.find(key) = value;
    });
  }

  void set_raw(const Steps& steps, const std::string& spelled, const std::string& exclusion = "") {
    edit_field(
        steps, "spelled " + spelled,
        [&](Json& object, const std::string& key, RawTokens& raw) {
          *object.find(key) = raw.value(spelled);
        },
        exclusion);
  }

  void field_mutations(const FieldInfo& field, const Steps& steps) {
    edit_field(steps, "deleted",
               [](Json& object, const std::string& key, RawTokens&) { object.erase(key); });
    set(steps, "null", {nullptr});
    edit_field(
        steps, "duplicated",
        [](Json& object, const std::string& key, RawTokens&) {
          object.object().emplace_back(key, *object.find(key));
        },
        "duplicate_key");
    for (Json& wrong : wrong_types(field.kind)) set(steps, "wrong_type " + type_name(wrong), wrong);
    switch (field.kind) {
      case Kind::raw_json:
        set(steps, "any string", text("any"));
        set(steps, "any array", {JsonArray{{true}, {JsonObject{}}}});
        break;
      case Kind::array:
        set(steps, "empty array", {JsonArray{}});
        set(steps, "null element", {JsonArray{{nullptr}}});
        for (Json& wrong : wrong_types(field.element_kind))
          set(steps, "element wrong_type " + type_name(wrong), {JsonArray{wrong}});
        break;
      case Kind::integer:
        set(steps, "fraction", {2.5});
        set_raw(steps, "7.0");
        set_raw(steps, "7e0");
        integer_limits(field, steps);
        break;
      case Kind::string:
        set_raw(steps, R"("escaped \u00e9 \ud83d\ude00")");
        set_raw(steps, R"("\ud800")", "lone_surrogate");
        break;
      case Kind::number:
        for (const char* spelled : {"1e400", "-1e400", "1e300", "-2.5E-3", "18446744073709551616",
                                    "123456789012345678901234567890", "0.1e-400"})
          set_raw(steps, spelled);
        break;
      default:
        break;
    }
    if (field.waiver < 0) {
      check_mutations(field, steps);
    } else {
      waiver_mutations(field, steps);
    }
  }

  void check_mutations(const FieldInfo& field, const Steps& steps) {
    const double step = field.kind == Kind::integer ? 1 : 0.5;
    switch (field.check) {
      case Check::range:
        set(steps, "at min", number(field, field.min));
        set(steps, "below min", number(field, field.min - step));
        set(steps, "far below min", number(field, field.min - 1000));
        if (std::isfinite(field.max)) {
          set(steps, "at max", number(field, field.max));
          set(steps, "above max", number(field, field.max + step));
          set(steps, "between", number(field, (field.min + field.max) / 2));
        } else {
          set(steps, "large", number(field, 1e15));
        }
        break;
      case Check::range_or_sentinel:
        for (double value : {-1.0, 0.0, 100.5, -0.5, -2.0, -1.5, -1000.0})
          set(steps, "value " + test::to_json(Json{value}), number(field, value));
        set_raw(steps, "-1.0");
        set_raw(steps, "-1e0");
        break;
      case Check::one_of:
        for (std::string_view allowed : field.allowed) {
          set(steps, "allowed " + std::string(allowed), text(std::string(allowed)));
          set(steps, "padded " + std::string(allowed), text(" " + std::string(allowed)));
          std::string upper(allowed);
          for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
          set(steps, "upper case " + upper, text(upper));
        }
        set(steps, "not allowed", text("put"));
        set(steps, "empty", text(""));
        break;
      case Check::non_empty:
        set(steps, "empty", text(""));
        set(steps, "space", text(" "));
        set(steps, "nul character", text(std::string(1, '\0')));
        break;
      case Check::http_url:
        set(steps, "ftp url", text("ftp://example.com/"));
        set(steps, "no host", text("https:///hooks"));
        set(steps, "upper case scheme", text("HTTPS://example.com/hooks"));
        break;
      case Check::none:
        break;
    }
  }

  // Integers near the int64 limits, where the parser is exact and a JavaScript validator
  // reads every number as a double.
  void integer_limits(const FieldInfo& field, const Steps& steps) {
    for (const char* spelled : {"9223372036854775807", "9223372036854774784", "9223372036854777856",
                                "1e19", "-9223372036854775808", "-9223372036854777856", "-1e19"})
      set_raw(steps, spelled);
    // Values outside int64 that a double rounds to 2^63 or -2^63: JavaScript reads them, and
    // the schemas' bounds, as the same double.
    const bool int64_bounded = field.check == Check::none || !std::isfinite(field.max);
    for (const char* spelled :
         {"9223372036854775808", "9223372036854776832", "9.223372036854775808e18",
          "-9223372036854775809", "-9223372036854776832", "-9.223372036854775809e18"})
      set_raw(steps, spelled, int64_bounded ? "int64_limit_rounding" : "");
  }

  // The check holds unless the boolean sibling is true, whichever order the keys come in.
  void waiver_mutations(const FieldInfo& field, const Steps& steps) {
    const std::string sibling(field.waiver_name);
    const std::vector<std::pair<std::string, Json>> values{
        {"below min", number(field, field.min - 1)},
        {"above max", number(field, field.max + 1)},
        {"at max", number(field, field.max)},
        {"fraction", {field.min + 0.5}},
        {"far out", number(field, -1e6)}};
    const std::vector<std::pair<std::string, std::optional<bool>>> waivers{
        {"true", true}, {"false", false}, {"absent", std::nullopt}};
    for (const auto& [what, value] : values) {
      for (const auto& [waiver_name, waiver] : waivers) {
        for (bool sibling_first : {false, true}) {
          const std::string name = what + " with " + sibling + " " + waiver_name +
                                   (sibling_first ? ", " + sibling + " first" : "");
          // Structured bindings are captured explicitly: clang 14 cannot capture them.
          edit_field(steps, name,
                     [&, &value = value, &waiver = waiver](Json& object, const std::string& key,
                                                           RawTokens&) {
                       *object.find(key) = value;
                       object.erase(sibling);
                       if (!waiver) return;
                       auto& members = object.object();
                       members.emplace(sibling_first ? members.begin() : members.end(), sibling,
                                       Json{*waiver});
                     });
          if (!waiver) break;  // order means nothing without the sibling
        }
      }
    }
  }

  Document document_;
  std::string base_name_;
  Json base_;
  std::vector<Case>& cases_;
  std::vector<const FieldInfo*>& covered_;
};

}  // namespace

void add_mutations(Document document, const std::string& base_name, const Json& base,
                   std::vector<Case>& cases, std::vector<const FieldInfo*>& covered) {
  Mutator mutator(document, base_name, base, cases, covered);
  Steps steps;
  if (document == Document::webhook_list) {
    if (base.array().empty()) return;
    steps.push_back({"", 0});
  }
  mutator.walk(tables::describe(document), steps);
}

}  // namespace heymilo::corpus
