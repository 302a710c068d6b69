// Contract rule 15: with Options::max_errors > 1 the parser reports every violation up to
// the limit, the first always the default mode's error. Checked over the generated per-field
// cases (one violation each), over pairs of them applied together, and on the orders the
// README gives (missing fields at the object's end, a deferred evaluation_score after them,
// whole-input errors alone).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <utility>

#include <heymilo/heymilo.hpp>

#include "support/field_cases.hpp"
#include "support/json_tree.hpp"

namespace heymilo {
namespace {

using test::Case;
using test::generated;
using test::Json;

constexpr std::size_t kAll = 100;  // what `heymilo validate --all-errors` asks for

std::string describe(const Error& error) {
  return to_string(error) + " @" + std::to_string(error.offset);
}

// Byte for byte: code, path, offset and message.
void expect_same(const Error& actual, const Error& expected) {
  EXPECT_EQ(describe(actual), describe(expected));
}

std::string example(Document document) {
  return test::read_file(test::data_path(std::string(to_string(document)) + ".json"));
}

std::string replaced(std::string text, std::string_view from, std::string_view to,
                     std::size_t occurrence = 0) {
  std::size_t at = text.find(from);
  for (; occurrence > 0 && at != std::string::npos; --occurrence) at = text.find(from, at + 1);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The errors of `json` with every error asked for, checked against the default mode's one.
std::vector<std::string> all_errors(const std::string& json, Document document,
                                    Mode mode = Mode::strict) {
  Parser one(Options{.mode = mode});
  Parser many(Options{.mode = mode, .max_errors = kAll});
  const auto first = one.parse(json, document);
  const auto every = many.parse(json, document);
  EXPECT_EQ(first.ok(), every.ok());
  std::vector<std::string> listed;
  if (first.ok() || every.ok()) return listed;
  expect_same(every.errors().front(), first.error());
  expect_same(every.error(), first.error());
  for (const Error& error : every.errors())
    listed.push_back(std::string(to_string(error.code)) + " " + std::string(error.path));
  return listed;
}

using Strings = std::vector<std::string>;

TEST(AllErrors, OneViolationIsOneErrorAndTheDefaultModesOverTheGeneratedCases) {
  for (const Case& test : generated().cases) {
    SCOPED_TRACE(test.name);
    const Strings listed = all_errors(test.json, test.document, test.mode);
    if (test.expected.valid) {
      EXPECT_TRUE(listed.empty());
    } else {
      EXPECT_EQ(listed,
                Strings{std::string(to_string(test.expected.code)) + " " + test.expected.path});
    }
    // Detected as its event too (the three payloads).
    if (test.document > Document::report_available) continue;
    Parser one(Options{.mode = test.mode});
    Parser many(Options{.mode = test.mode, .max_errors = kAll});
    const auto first = one.parse(test.json);
    const auto every = many.parse(test.json);
    ASSERT_EQ(first.ok(), every.ok());
    if (!first.ok()) expect_same(every.error(), first.error());
    EXPECT_EQ(one.last_read_as(), many.last_read_as());
  }
}

// `a`'s field is `b`'s or holds it: applied together, one hides the other.
bool nested(const Case& a, const Case& b) {
  const auto& [shorter, longer] =
      a.steps.size() <= b.steps.size() ? std::tie(a.steps, b.steps) : std::tie(b.steps, a.steps);
  return std::equal(
      shorter.begin(), shorter.end(), longer.begin(),
      [](const auto& x, const auto& y) { return x.key == y.key && x.index == y.index; });
}

// Two violations the generated cases make one at a time, made together: both are reported,
// the first the one the default mode reports. Every pair of the small documents' cases; for
// report_available (over 1,000 cases a mode), each case with its next 12 (its siblings and
// neighbours, where order matters most) and with 12 spread over the rest.
TEST(AllErrors, TwoViolationsAreBothReportedInOrder) {
  std::map<std::pair<Document, Mode>, std::vector<const Case*>> groups;
  for (const Case& test : generated().cases)
    if (!test.expected.valid) groups[{test.document, test.mode}].push_back(&test);
  std::size_t pairs = 0;
  for (const auto& [key, cases] : groups) {
    const auto [document, mode] = key;
    const Json root = test::example_tree(document);
    const std::size_t n = cases.size();
    const bool every_pair = document != Document::report_available;
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<std::size_t> partners;
      if (every_pair) {
        for (std::size_t j = i + 1; j < n; ++j) partners.push_back(j);
      } else {
        for (std::size_t k = 1; k <= 12; ++k) {
          partners.push_back((i + k) % n);
          partners.push_back((i + k * (n / 13) + 7) % n);
        }
      }
      for (std::size_t j : partners) {
        const Case& a = *cases[i];
        const Case& b = *cases[j];
        if (i == j || nested(a, b)) continue;
        Json both = root;
        test::apply(both, a);
        test::apply(both, b);
        SCOPED_TRACE(a.name + " + " + b.name);
        Strings listed = all_errors(test::to_json(both), document, mode);
        std::sort(listed.begin(), listed.end());
        Strings expected{std::string(to_string(a.expected.code)) + " " + a.expected.path,
                         std::string(to_string(b.expected.code)) + " " + b.expected.path};
        std::sort(expected.begin(), expected.end());
        EXPECT_EQ(listed, expected);
        ++pairs;
        if (HasFailure()) return;
      }
    }
  }
  EXPECT_GT(pairs, 20000u);
}

TEST(AllErrors, MissingFieldsComeAtTheObjectsEndInDeclarationOrder) {
  std::string json = example(Document::report_available);
  // summary: interview_id, highlights, lowlights, match_score. Delete the first and the
  // third, break the fourth.
  json = replaced(json, R"("interview_id": "A1B2C3D4E5F60718",
        "highlights")",
                  R"("highlights")");
  json = replaced(json, R"(],
        "lowlights": [
          "Did not elaborate on experience with distributed systems.",
          "Missed opportunity to connect leadership experience to the role requirements."
        ],
        "match_score": 78)",
                  R"(], "match_score": 101)");
  EXPECT_EQ(all_errors(json, Document::report_available),
            (Strings{"out_of_range /agentic_data/web_interview_info/summary/match_score",
                     "missing_field /agentic_data/web_interview_info/summary/interview_id",
                     "missing_field /agentic_data/web_interview_info/summary/lowlights"}));
}

TEST(AllErrors, ADeferredEvaluationScoreComesAfterTheMissingFields) {
  std::string json = example(Document::report_available);
  json = replaced(json, R"("evaluation_score": 7,)", R"("evaluation_score": 11,)");
  json = replaced(json, R"("preview_timestamp": 28,)", "");
  json = replaced(json, R"("rank": 1,)", R"("rank": "first",)");
  const std::string question = "/agentic_data/web_interview_info/scorecard/questions/0/";
  EXPECT_EQ(
      all_errors(json, Document::report_available),
      (Strings{"wrong_type " + question + "rank", "missing_field " + question + "preview_timestamp",
               "out_of_range " + question + "evaluation_score"}));
}

TEST(AllErrors, AFieldWithSeveralProblemsIsReportedOnce) {
  // A wrong-typed value with wrong content, and duplicates whose values are wrong too.
  std::string json = example(Document::interview_started);
  json = replaced(json, "{", R"({"interview_id": [1, {"x": 2}],)");
  json = replaced(json, R"("source": "user_ingestion",)", R"("source": 1, "source": 2,)");
  json.replace(json.rfind('}'), 1, R"(, "metadata": 5})");
  EXPECT_EQ(all_errors(json, Document::interview_started),
            (Strings{"wrong_type /interview_id", "duplicate_key /interview_id",
                     "wrong_type /metadata/metadata/source",
                     "duplicate_key /metadata/metadata/source", "duplicate_key /metadata"}));
}

TEST(AllErrors, AStringReadAgainAfterItsErrorFitsTheParsersBuffer) {
  // The value's read decodes the URL (it has an escape) and fails rule 9; stepping over it to
  // carry on decodes it again. Both decodings must fit the parser's string buffer, sized from
  // the input: the options fuzzer found them overflowing it (ASan), with a URL like this one
  // making up most of the input.
  const std::string url = "https://a.example/" + std::string(400, 'a') + "\\n";
  const std::string json = replaced(example(Document::webhook_create_request),
                                    "https://your-domain.com/webhook-endpoint", url);
  EXPECT_EQ(all_errors(json, Document::webhook_create_request), Strings{"invalid_value /url"});
}

TEST(AllErrors, AWholeInputErrorIsTheWholeList) {
  const std::string broken_fields =
      replaced(replaced(example(Document::report_available), R"("match_score": 78)",
                        R"("match_score": 101)"),
               R"("rank": 1,)", R"("rank": "1",)");
  ASSERT_GE(all_errors(broken_fields, Document::report_available).size(), 2u);
  const std::pair<std::string, std::size_t> cases[] = {
      // a document and a depth limit
      {broken_fields + "x", 1024},                                        // content after it
      {replaced(broken_fields, R"("rank": 2)", R"("rank": tru)"), 1024},  // a broken literal
      {replaced(broken_fields, R"("timestamp_str": "00:28")", R"("timestamp_str": "\x")"), 1024},
      {replaced(broken_fields, R"("rank": 2)", R"("rank": [[[[[[1]]]]]])"), 8},  // too deep
  };
  for (const auto& [json, depth] : cases) {
    Parser one(Options{.max_depth = depth});
    Parser many(Options{.max_depth = depth, .max_errors = kAll});
    const auto first = one.parse(json, Document::report_available);
    const auto every = many.parse(json, Document::report_available);
    ASSERT_FALSE(first.ok());
    ASSERT_FALSE(every.ok());
    EXPECT_TRUE(is_whole_input(first.error().code)) << describe(first.error());
    ASSERT_EQ(every.errors().size(), 1u) << describe(every.errors()[1]);
    expect_same(every.error(), first.error());
  }
  Parser small(Options{.max_bytes = 100, .max_errors = kAll});
  const auto too_large = small.parse(broken_fields, Document::report_available);
  ASSERT_EQ(too_large.errors().size(), 1u);
  EXPECT_EQ(too_large.error().code, ErrorCode::too_large);
  Parser many(Options{.max_errors = kAll});
  const auto unknown = many.parse(R"({"interview_id": 5, "x": 1, "posting_id": []})");
  ASSERT_EQ(unknown.errors().size(), 1u);
  EXPECT_EQ(unknown.error().code, ErrorCode::unknown_event);
}

TEST(AllErrors, TheLimitKeepsTheFirstErrors) {
  std::string json = example(Document::webhook_list);
  json = replaced(json, R"("http_method": "post")", R"("http_method": "PUT")");
  json = replaced(json, R"("http_method": "post")", R"("http_method": 1)");
  json = replaced(json, R"("is_active": true)", R"("is_active": "yes")");
  Parser many(Options{.max_errors = kAll});
  const auto every = many.parse(json, Document::webhook_list);
  ASSERT_FALSE(every.ok());
  const std::vector<Error> all(every.errors().begin(), every.errors().end());
  std::vector<std::string> described;
  for (const Error& error : all) described.push_back(describe(error));
  ASSERT_GE(all.size(), 3u);
  for (std::size_t limit = 0; limit <= all.size() + 1; ++limit) {
    Parser limited(Options{.max_errors = limit});
    const auto some = limited.parse(json, Document::webhook_list);
    ASSERT_FALSE(some.ok());
    const std::size_t expected = std::clamp<std::size_t>(limit, 1, described.size());
    ASSERT_EQ(some.errors().size(), expected) << limit;
    for (std::size_t i = 0; i < expected; ++i) EXPECT_EQ(describe(some.errors()[i]), described[i]);
  }
}

TEST(AllErrors, AValidDocumentHasNoErrors) {
  for (Document document : kAllDocuments) {
    Parser many(Options{.max_errors = kAll});
    const auto result = many.parse(example(document), document);
    EXPECT_TRUE(result.ok()) << to_string(result.error());
    EXPECT_TRUE(result.errors().empty());
  }
}

}  // namespace
}  // namespace heymilo
