// Contract rule 16: with Options::drift, every unknown key of a typed object is a warning
// (unknown_field, the key's JSON Pointer and the offset of its opening quote), in document
// order, at most kMaxWarnings; the verdict, the views and the errors stay what they are.
#include <gtest/gtest.h>

#include <utility>

#include <heymilo/heymilo.hpp>

#include "support/json_tree.hpp"

namespace heymilo {
namespace {

std::string example(Document document) {
  return test::read_file(test::data_path(std::string(to_string(document)) + ".json"));
}

std::string inserted_after(std::string text, std::string_view after, std::string_view what) {
  const std::size_t at = text.find(after);
  EXPECT_NE(at, std::string::npos) << after;
  return text.insert(at + after.size(), what);
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

struct Seen {
  std::string path;
  std::int64_t offset;
  bool operator==(const Seen&) const = default;
};
void PrintTo(const Seen& seen, std::ostream* out) { *out << seen.path << " @" << seen.offset; }

std::vector<Seen> warnings_of(Parser& parser) {
  std::vector<Seen> seen;
  for (const Warning& warning : parser.warnings()) {
    EXPECT_EQ(warning.code, WarningCode::unknown_field);
    EXPECT_FALSE(warning.message.empty());
    seen.push_back({std::string(warning.path), warning.offset});
  }
  return seen;
}

// The outcome a parse gives without drift: the canonical JSON of the view, or the errors.
std::string outcome(const Result<AnyDocument>& result) {
  std::string text;
  if (result) {
    append_json(text, *result);
    return text;
  }
  for (const Error& error : result.errors())
    text.append(to_string(error)).append(" @").append(std::to_string(error.offset)).append("\n");
  return text;
}

TEST(Drift, UnknownKeysOfTypedObjectsAreWarningsInDocumentOrder) {
  std::string json = example(Document::report_available);
  json = inserted_after(json, "{", R"("new_root": {"a": 1},)");
  json = inserted_after(json, R"("match_score": 78)", R"(, "a/b~c": [], "hi\u006et": 2)");
  json = inserted_after(json, R"("rank": 2,)", R"("extra": null,)");
  // Not in typed objects: inside an unknown value ("a" above), an opaque object, an `any`
  // value.
  json = replaced(json, R"("candidate_feedback": null)",
                  R"("candidate_feedback": {"inside_opaque": {"b": 1}})");
  json = replaced(json, R"("depends_on": null)", R"("depends_on": {"inside_any": 1})");
  Parser parser(Options{.drift = true});
  const auto result = parser.parse(json, Document::report_available);
  ASSERT_TRUE(result.ok()) << to_string(result.error());
  const std::string summary = "/agentic_data/web_interview_info/summary/";
  EXPECT_EQ(warnings_of(parser),
            (std::vector<Seen>{
                {"/new_root", static_cast<std::int64_t>(json.find(R"("new_root")"))},
                {summary + "a~1b~0c", static_cast<std::int64_t>(json.find(R"("a/b~c")"))},
                {summary + "hint", static_cast<std::int64_t>(json.find(R"("hi\u006et")"))},
                {"/agentic_data/web_interview_info/scorecard/questions/1/extra",
                 static_cast<std::int64_t>(json.find(R"("extra")"))},
            }));
  EXPECT_EQ(parser.warnings()[0].message, R"("new_root" is not a field of report_available)");
}

TEST(Drift, OffByDefaultAndNothingElseChanges) {
  std::string json = example(Document::report_available);
  json = inserted_after(json, R"("rank": 1,)", R"("rank": 3, "hint": "x",)");  // a duplicate
  json = inserted_after(json, R"("match_score": 78)", R"(, "new": true)");
  const std::string valid = example(Document::report_available);
  for (const std::string* text : {&std::as_const(json), &valid}) {
    for (std::size_t max_errors : {1, 100}) {
      Parser plain(Options{.max_errors = max_errors});
      Parser drift(Options{.max_errors = max_errors, .drift = true});
      const std::string expected = outcome(plain.parse(*text, Document::report_available));
      EXPECT_EQ(outcome(drift.parse(*text, Document::report_available)), expected);
      EXPECT_TRUE(plain.warnings().empty());
    }
  }
  // An invalid document: the unknown keys read before the first error, or all of them when
  // every error is asked for.
  Parser first(Options{.drift = true});
  EXPECT_FALSE(first.parse(json, Document::report_available).ok());
  EXPECT_EQ(first.warnings().size(), 1u);  // "new", before the duplicate rank
  Parser every(Options{.max_errors = 100, .drift = true});
  EXPECT_FALSE(every.parse(json, Document::report_available).ok());
  EXPECT_EQ(every.warnings().size(), 2u);
}

TEST(Drift, DetectionReportsTheDetectedEventsWarningsOnce) {
  std::string json = example(Document::report_available);
  json = inserted_after(json, "{", R"("zzz": 1,)");
  Parser parser(Options{.drift = true});
  ASSERT_TRUE(parser.parse(json).ok());
  EXPECT_EQ(parser.last_read_as(), Document::report_available);
  EXPECT_EQ(warnings_of(parser), (std::vector<Seen>{{"/zzz", 1}}));
}

TEST(Drift, WarningsAreCapped) {
  std::string json = example(Document::webhook);
  std::string extra;
  for (std::size_t i = 0; i < kMaxWarnings + 20; ++i)
    extra += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
  json = inserted_after(json, "{", extra);
  Parser parser(Options{.drift = true});
  ASSERT_TRUE(parser.parse(json, Document::webhook).ok());
  ASSERT_EQ(parser.warnings().size(), kMaxWarnings);
  EXPECT_EQ(parser.warnings().front().path, "/k0");
  EXPECT_EQ(parser.warnings().back().path, "/k" + std::to_string(kMaxWarnings - 1));
  // The next parse starts a new list.
  ASSERT_TRUE(parser.parse(example(Document::webhook), Document::webhook).ok());
  EXPECT_TRUE(parser.warnings().empty());
}

}  // namespace
}  // namespace heymilo
