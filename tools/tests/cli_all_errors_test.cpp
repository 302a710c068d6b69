// `heymilo validate --max-errors N`, `--all-errors`, `--drift` and `--summary` (contract
// rules 15 and 16), driven as a user would; JSON output read back with simdjson's DOM.
#include <gtest/gtest.h>

#include <simdjson.h>

#include <heymilo/heymilo.hpp>

#include "cli_support.hpp"

namespace heymilo::test {
namespace {

std::string example(Document document) { return read_file(example_path(to_string(document))); }

// Every occurrence of `from` in `text` replaced.
std::string replaced_all(std::string text, std::string_view from, std::string_view to) {
  std::size_t found = 0;
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()), ++found)
    text.replace(at, from.size(), to);
  EXPECT_GT(found, 0u) << from;
  return text;
}

std::string one_line(std::string text) {
  std::erase(text, '\n');
  return text;
}

// The docs' report with three violations, in document order: match_score 101 (twice: the
// report repeats its summary under interview_data_model) and a rank that is a string.
std::string report_with_errors() {
  std::string text = replaced_all(example(Document::report_available), R"("match_score": 78)",
                                  R"("match_score": 101)");
  const std::size_t rank = text.find(R"("rank": 1,)");
  return text.replace(rank, 10, R"("rank": "1",)");
}

// The docs' report with an unknown `hint` in every question, and one at the root.
std::string report_with_new_fields() {
  std::string text = replaced_all(example(Document::report_available), R"("rank": 1,)",
                                  R"("rank": 1, "hint": "h",)");
  text = replaced_all(text, R"("rank": 2,)", R"("rank": 2, "hint": "h",)");
  return text.insert(text.find('{') + 1, R"("delivery_id": "d1",)");
}

TEST(ValidateAllErrors, ALinePerErrorTheFirstTheDefaultModesLine) {
  ScratchDir dir;
  const std::string path = dir.file("bad.json", report_with_errors());
  const auto first = lines(heymilo({"validate", path}).out);
  const CliRun all = heymilo({"validate", "--all-errors", path});
  EXPECT_EQ(all.exit_code, 1);
  const auto every = lines(all.out);
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(every.size(), 3u) << all.out;
  EXPECT_EQ(every[0], first[0]);
  EXPECT_EQ(every[0].rfind(path + ": out_of_range at /agentic_data/web_interview_info/summary/"
                                  "match_score: ",
                           0),
            0u);
  EXPECT_EQ(every[1].rfind(path + ": wrong_type at /agentic_data/web_interview_info/scorecard/"
                                  "questions/0/rank: ",
                           0),
            0u);
  EXPECT_EQ(every[2].rfind(path + ": out_of_range at /interview_data_model/", 0), 0u);
  const auto two = lines(heymilo({"validate", "--max-errors", "2", path}).out);
  EXPECT_EQ(two, std::vector<std::string>(every.begin(), every.begin() + 2));
  EXPECT_EQ(lines(heymilo({"validate", "--max-errors=100", path}).out), every);
}

TEST(ValidateAllErrors, JsonHoldsEveryErrorAndWarningsOnlyWithDrift) {
  ScratchDir dir;
  const std::string text = report_with_errors();
  const std::string path = dir.file("bad.json", text);
  Parser parser(Options{.max_errors = 100});
  const auto expected = parser.parse(text);
  ASSERT_EQ(expected.errors().size(), 3u);

  simdjson::dom::parser dom;
  const CliRun run = heymilo({"validate", "--json", "--all-errors", path});
  const auto out = lines(run.out);
  ASSERT_EQ(out.size(), 1u);
  simdjson::dom::element line = dom.parse(out[0]);
  EXPECT_EQ(line["valid"].get_bool().value(), false);
  EXPECT_EQ(line["warnings"].error(), simdjson::NO_SUCH_FIELD);
  simdjson::dom::array errors = line["errors"];
  ASSERT_EQ(errors.size(), 3u);
  std::size_t i = 0;
  for (simdjson::dom::element error : errors) {
    const Error& want = expected.errors()[i++];
    EXPECT_EQ(error["code"].get_string().value(), to_string(want.code));
    EXPECT_EQ(error["path"].get_string().value(), want.path);
    EXPECT_EQ(error["offset"].get_int64().value(), want.offset);
    EXPECT_EQ(error["message"].get_string().value(), want.message);
  }

  const std::string drifted_text = report_with_new_fields();
  const std::string drifted = dir.file("new.json", drifted_text);
  const CliRun with_drift = heymilo({"validate", "--json", "--drift", drifted});
  EXPECT_EQ(with_drift.exit_code, 0) << with_drift.out;
  simdjson::dom::element valid = dom.parse(lines(with_drift.out).at(0));
  EXPECT_EQ(valid["valid"].get_bool().value(), true);
  EXPECT_EQ(valid["errors"].get_array().size(), 0u);
  simdjson::dom::array warnings = valid["warnings"];
  // The root's, two questions of the first scorecard, a step, one question of the second.
  ASSERT_EQ(warnings.size(), 5u);
  simdjson::dom::element root_warning = warnings.at(0);
  EXPECT_EQ(root_warning["code"].get_string().value(), "unknown_field");
  EXPECT_EQ(root_warning["path"].get_string().value(), "/delivery_id");
  EXPECT_EQ(root_warning["offset"].get_int64().value(),
            static_cast<std::int64_t>(drifted_text.find(R"("delivery_id")")));
  EXPECT_FALSE(std::string_view(root_warning["message"].get_string().value()).empty());
}

TEST(ValidateAllErrors, DriftPrintsAWarningLinePerUnknownKey) {
  ScratchDir dir;
  const std::string path = dir.file("new.json", report_with_new_fields());
  const CliRun plain = heymilo({"validate", path});
  EXPECT_EQ(plain.out, path + ": ok (report_available)\n");
  const CliRun run = heymilo({"validate", "--drift", path});
  EXPECT_EQ(run.exit_code, 0);
  const std::string questions = "/agentic_data/web_interview_info/scorecard/questions/";
  const auto out = lines(run.out);
  ASSERT_EQ(out.size(), 6u) << run.out;
  EXPECT_EQ(out[0], path + ": ok (report_available)");
  EXPECT_EQ(out[1], path + ": warning unknown_field at /delivery_id");
  EXPECT_EQ(out[2], path + ": warning unknown_field at " + questions + "0/hint");
  EXPECT_EQ(out[3], path + ": warning unknown_field at " + questions + "1/hint");
}

TEST(ValidateAllErrors, SummaryCountsOverFilesAndNdjsonLines) {
  ScratchDir dir;
  const std::string lines_text =
      one_line(example(Document::report_available)) + "\n" + one_line(report_with_new_fields()) +
      "\n" + one_line(report_with_new_fields()) + "\n" +
      one_line(example(Document::interview_started)) + "\n" + "{\"broken\": \n";
  const std::string ndjson = dir.file("day.ndjson", lines_text);
  const std::string bad = dir.file("bad.json", one_line(report_with_errors()));
  // Files and NDJSON in one run: the NDJSON file's lines, then the file as one line.
  const CliRun run =
      heymilo({"validate", "--summary", "--drift", "--all-errors", "--ndjson", ndjson, bad});
  EXPECT_EQ(run.exit_code, 1);
  const std::string questions = "/agentic_data/web_interview_info/scorecard/questions/*/";
  EXPECT_EQ(run.out,
            "documents: 6 (4 valid, 2 invalid)\n"
            "  unknown: 0 valid, 1 invalid\n"
            "  interview_started: 1 valid, 0 invalid\n"
            "  report_available: 3 valid, 1 invalid\n"
            "errors by code and path:\n"
            "  1 invalid_json at \n"
            "  1 out_of_range at /agentic_data/web_interview_info/summary/match_score\n"
            "  1 out_of_range at /interview_data_model/web_interview_info/summary/match_score\n"
            "  1 wrong_type at " +
                questions +
                "rank\n"
                "unknown fields by path (documents carrying them, share of the event's):\n"
                "  2 report_available /agentic_data/web_interview_info/scorecard/questions/*/hint "
                "(50.0%)\n"
                "  2 report_available /delivery_id (50.0%)\n"
                "  2 report_available /interview_data_model/posting_info/step_workflow/steps/*/"
                "hint (50.0%)\n"
                "  2 report_available /interview_data_model/web_interview_info/scorecard/"
                "questions/*/hint (50.0%)\n");

  const CliRun json = heymilo({"validate", "--summary", "--drift", "--json", "--ndjson", ndjson});
  EXPECT_EQ(json.exit_code, 1);
  ASSERT_EQ(lines(json.out).size(), 1u);
  simdjson::dom::parser dom;
  simdjson::dom::element summary = dom.parse(json.out);
  EXPECT_EQ(summary["documents"].get_uint64().value(), 5u);
  EXPECT_EQ(summary["valid"].get_uint64().value(), 4u);
  EXPECT_EQ(summary["invalid"].get_uint64().value(), 1u);
  simdjson::dom::array fields = summary["unknown_fields"];
  ASSERT_EQ(fields.size(), 4u);
  simdjson::dom::element first = fields.at(0);
  EXPECT_EQ(first["event"].get_string().value(), "report_available");
  EXPECT_EQ(first["path"].get_string().value(),
            "/agentic_data/web_interview_info/scorecard/questions/*/hint");
  EXPECT_EQ(first["documents"].get_uint64().value(), 2u);
  EXPECT_DOUBLE_EQ(first["share"].get_double().value(), 2.0 / 3.0);
  simdjson::dom::array errors = summary["errors"];
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors.at(0)["code"].get_string().value(), "invalid_json");
  EXPECT_EQ(errors.at(0)["count"].get_uint64().value(), 1u);
}

TEST(ValidateAllErrors, BadCountsAreUsageErrors) {
  const std::string good = example_path("interview_started");
  expect_refused({
      {{"validate", "--max-errors", "0", good}, "--max-errors"},
      {{"validate", "--max-errors", "many", good}, "--max-errors"},
      {{"validate", "--max-errors"}, "--max-errors"},
      {{"validate", "--all-errors=5", good}, "--all-errors"},
      {{"validate", "--drift=yes", good}, "--drift"},
      {{"validate", "--summary=1", good}, "--summary"},
  });
}

}  // namespace
}  // namespace heymilo::test
