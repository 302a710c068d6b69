#include "builder.hpp"

#include <algorithm>

namespace heymilo::generator {
namespace {
using tables::Kind;
using tables::Requirement;

constexpr std::size_t kMaxFields = 64;  // StructInfo tracks presence in a 64-bit mask

// The arrays a size target grows: "more scorecard questions and transcript entries".
bool is_growth_name(std::string_view name) { return name == "questions" || name == "transcript"; }

bool contains_growth_array(const tables::StructInfo& info) {
  return std::any_of(info.fields.begin(), info.fields.end(), [](const tables::FieldInfo& f) {
    if (f.kind == Kind::array) return f.element_kind == Kind::object && is_growth_name(f.name);
    return f.kind == Kind::object && contains_growth_array(f.nested());
  });
}

struct CountRange {
  std::string_view name;
  int low, high;
};
// Natural array lengths, shaped like the docs' example; other arrays get 0-3 elements.
constexpr CountRange kCounts[] = {
    {"questions", 3, 6},           {"chat_transcript", 1, 3},
    {"transcript", 8, 24},         {"step_by_step", 1, 3},
    {"agentic_workflow", 1, 2},    {"steps", 1, 3},
    {"highlights", 2, 4},          {"lowlights", 1, 3},
    {"match_details", 3, 6},       {"tags", 2, 5},
    {"skill_highlights", 2, 4},    {"evaluations", 0, 2},
    {"sourcing_config_ids", 0, 2},
};

// More than the longest natural transcript entry (12 lines of at most ~200 escaped bytes),
// so that the growth loop switches to an exact final fill before it can overshoot.
constexpr std::size_t kFinalFill = 4096;
}  // namespace

Builder::Builder(std::uint64_t seed, const Plan& plan, std::string& out)
    : root_rng_(seed),
      rng_(&root_rng_),
      plan_(plan),
      out_(out),
      persona_(make_persona(root_rng_)) {}

void Builder::document(Document document) {
  const StructInfo& info = tables::describe(document);
  if (document != Document::webhook_list) return object(info);
  out_ += '[';
  const auto count = static_cast<std::size_t>(rng().between(1, 4));
  for (std::size_t i = 0; i < count; ++i) {
    if (i) out_ += ',';
    index_ = i;
    object(info);
  }
  out_ += ']';
}

void Builder::object(const StructInfo& info) {
  // A check lifted by a boolean sibling (evaluation_score by not_scored) is sometimes
  // lifted for real: the sibling is written true and the value breaks the check.
  std::uint64_t forced_true = 0, waived = 0, waivers = 0;
  for (std::size_t i = 0; i < info.fields.size() && i < kMaxFields; ++i) {
    const FieldInfo& field = info.fields[i];
    if (field.waiver < 0) continue;
    const int sibling = field.waiver;
    waivers |= std::uint64_t{1} << sibling;
    if (rng().percent(10)) {
      forced_true |= std::uint64_t{1} << sibling;
      waived |= std::uint64_t{1} << i;
    }
  }

  out_ += '{';
  bool first = true;
  for (std::size_t i = 0; i < info.fields.size(); ++i) {
    const FieldInfo& field = info.fields[i];
    const std::uint64_t bit = std::uint64_t{1} << i;
    enum { absent, null, present } choice = present;
    if ((forced_true | waived) & bit || leads_to_growth(field)) {
      choice = present;
    } else if (!field.documented) {  // example-only: optional and nullable (rule 5)
      const auto roll = rng().below(100);
      choice = plan_.lean || roll < 12 ? absent : roll < 24 ? null : present;
    } else if (field.requirement == Requirement::optional) {
      choice = plan_.lean || rng().percent(30) ? absent : present;
    } else if (field.nullable) {
      choice = plan_.lean || rng().percent(20) ? null : present;
    }
    if (choice == absent) continue;
    if (!first) out_ += ',';
    first = false;
    append_quoted(out_, field.name, Escape::minimal);
    out_ += ':';
    if (choice == null) {
      out_ += "null";
    } else if (waivers & bit) {
      out_ += (forced_true & bit) ? "true" : "false";
    } else {
      path_.push_back(field.name);
      value(field, info, (waived & bit) != 0);
      path_.pop_back();
    }
  }
  out_ += '}';
}

void Builder::value(const FieldInfo& field, const StructInfo& parent, bool waived) {
  switch (field.kind) {
    case Kind::string:
      return string_value(field, parent.name);
    case Kind::number:
      return number_value(field);
    case Kind::integer:
      return integer_value(field, waived);
    case Kind::boolean:
      return boolean_value(field);
    case Kind::object:
      return object(field.nested());
    case Kind::raw_object:
      return raw_object(0);
    case Kind::raw_json:
      return raw_json(0);
    case Kind::array:
      return is_growth_array(field) ? growth_array(field) : array(field);
  }
}

bool Builder::is_growth_array(const FieldInfo& field) const {
  return plan_.budgeted && field.kind == Kind::array && field.element_kind == Kind::object &&
         is_growth_name(field.name) && !path_.empty() && path_.front() == "agentic_data";
}

bool Builder::leads_to_growth(const FieldInfo& field) const {
  if (!plan_.budgeted || field.kind != Kind::object) return false;
  const bool under_agentic =
      path_.empty() ? field.name == "agentic_data" : path_.front() == "agentic_data";
  return under_agentic && contains_growth_array(field.nested());
}

std::size_t Builder::natural_count(const FieldInfo& field) {
  if (plan_.lean) return 0;
  int low = 0, high = 3;
  for (const CountRange& range : kCounts) {
    if (range.name == field.name) low = range.low, high = range.high;
  }
  return static_cast<std::size_t>(rng().between(low, high));
}

void Builder::array(const FieldInfo& field) {
  const std::size_t saved_index = index_;
  if (field.name == "transcript") clock_ = 0;
  const std::size_t count = natural_count(field);
  out_ += '[';
  for (std::size_t i = 0; i < count; ++i) {
    if (i) out_ += ',';
    element(field, i);
  }
  out_ += ']';
  index_ = saved_index;
}

// Fills the array with elements until the growth budget is spent: questions take about
// 40% of it, the transcript the rest, its last entry's text cut to land on the exact size.
// Elements draw from a fork of the random stream, so the rest of the document is the same
// bytes whatever the budget (generate() measures it with an empty budget first).
void Builder::growth_array(const FieldInfo& field) {
  Rng fork(rng().next());
  Rng* const saved_rng = rng_;
  rng_ = &fork;
  const bool questions = field.name == "questions";
  const std::size_t goal = questions ? plan_.growth_bytes * 2 / 5 : plan_.growth_bytes;
  if (!questions) clock_ = 0;
  std::size_t last_size = 2048, overhead = 96;  // estimates until an element is written
  out_ += '[';
  for (std::size_t i = 0; grown_ < goal; ++i) {
    const std::size_t remaining = goal - grown_;
    bool final = false;
    if (questions) {
      if (remaining < last_size / 2) break;
    } else if (remaining < kFinalFill) {
      if (remaining < overhead + 16) break;
      text_limit_ = remaining - overhead;
      final = true;
    }
    const std::size_t start = out_.size();
    if (i) out_ += ',';
    element(field, i);
    last_size = out_.size() - start;
    grown_ += last_size;
    overhead = last_size - std::min(last_size, text_bytes_);
    text_limit_ = 0;
    if (final) break;
  }
  out_ += ']';
  rng_ = saved_rng;
}

void Builder::element(const FieldInfo& field, std::size_t index) {
  index_ = index;
  switch (field.element_kind) {
    case Kind::object:
      return object(field.nested());
    case Kind::string:
      return string_element(field.name);
    case Kind::raw_object:
      return raw_object(0);
    case Kind::raw_json:
      return raw_json(0);
    case Kind::number:
      return number_value(field);
    case Kind::integer:
      return integer_value(field, false);
    case Kind::boolean:
      return boolean_value(field);
    case Kind::array:
      return raw_json(1);  // no table has arrays of arrays
  }
}

}  // namespace heymilo::generator
