// `heymilo validate`, driven as a user would: exit codes, output lines, JSON output parsed
// back, every flag and each error path.
#include <gtest/gtest.h>

#include <simdjson.h>
#include <filesystem>
#include <regex>

#include <heymilo/heymilo.hpp>

#include "cli_support.hpp"
#include "generator.hpp"

namespace heymilo::test {
namespace {
namespace fs = std::filesystem;

std::string example(Document document) { return read_file(example_path(to_string(document))); }

// The docs' report with match_score 101: one out_of_range violation.
std::string invalid_report() {
  std::string text = example(Document::report_available);
  const auto at = text.find("\"match_score\": 78");
  text.replace(at, 17, "\"match_score\": 101");
  return text;
}

TEST(Validate, EveryExampleIsValidAsItsDocument) {
  for (Document document : kAllDocuments) {
    const std::string path = example_path(to_string(document));
    const CliRun run = heymilo({"validate", "--event", std::string(to_string(document)), path});
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    EXPECT_EQ(run.out, path + ": ok (" + std::string(to_string(document)) + ")\n");
    EXPECT_EQ(run.err, "");
  }
}

TEST(Validate, AutoDetectsTheThreePayloadsAndRejectsOtherDocuments) {
  for (Document document :
       {Document::interview_started, Document::interview_completed, Document::report_available}) {
    const CliRun run = heymilo({"validate", example_path(to_string(document))});
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_NE(run.out.find("ok (" + std::string(to_string(document)) + ")"), std::string::npos);
  }
  const CliRun webhook = heymilo({"validate", "--event", "auto", example_path("webhook")});
  EXPECT_EQ(webhook.exit_code, 1);
  EXPECT_NE(webhook.out.find(": unknown_event at : "), std::string::npos) << webhook.out;
}

TEST(Validate, InvalidDocumentPrintsCodePathAndMessage) {
  ScratchDir dir;
  const std::string path = dir.file("bad.json", invalid_report());
  const CliRun run = heymilo({"validate", path});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out.rfind(path + ": out_of_range at /agentic_data/web_interview_info/summary/"
                                 "match_score: ",
                          0),
            0u)
      << run.out;
  EXPECT_NE(run.out.find("101"), std::string::npos);
  EXPECT_EQ(lines(run.out).size(), 1u);
}

TEST(Validate, RootErrorsShowTheEmptyPointerAsItIs) {
  const CliRun run = heymilo({"validate", "--event", "report_available", "-"}, "[1, 2]");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out.rfind("-: wrong_type at : ", 0), 0u) << run.out;
}

TEST(Validate, OneLinePerInputInOrderAndExitOneWhenAnyIsInvalid) {
  ScratchDir dir;
  const std::string bad = dir.file("bad.json", invalid_report());
  const std::string good = example_path("interview_started");
  const CliRun run = heymilo({"validate", good, bad, good});
  EXPECT_EQ(run.exit_code, 1);
  const auto out = lines(run.out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0], good + ": ok (interview_started)");
  EXPECT_EQ(out[1].rfind(bad + ": out_of_range at ", 0), 0u);
  EXPECT_EQ(out[2], out[0]);
}

TEST(Validate, StandardInputAsDashOrWithoutArguments) {
  const std::string text = example(Document::interview_completed);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"validate", "-"}, std::vector<std::string>{"validate"}}) {
    const CliRun run = heymilo(args, text);
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_EQ(run.out, "-: ok (interview_completed)\n");
  }
  const CliRun empty = heymilo({"validate", "-"}, "");
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_EQ(empty.out.rfind("-: invalid_json at ", 0), 0u) << empty.out;
}

TEST(Validate, DirectoryArgumentValidatesItsJsonFilesSorted) {
  ScratchDir dir;
  dir.file("b.json", example(Document::interview_started));
  dir.file("a.json", invalid_report());
  dir.file("notes.txt", "not json");
  fs::create_directory(dir.path() / "nested.json");
  const CliRun run = heymilo({"validate", dir.path().string()});
  EXPECT_EQ(run.exit_code, 1);
  const auto out = lines(run.out);
  ASSERT_EQ(out.size(), 2u) << run.out;
  EXPECT_EQ(out[0].rfind((dir.path() / "a.json").string() + ": out_of_range", 0), 0u);
  EXPECT_EQ(out[1], (dir.path() / "b.json").string() + ": ok (interview_started)");
}

TEST(Validate, DirectoryWithoutJsonFilesIsAnError) {
  ScratchDir dir;
  const CliRun run = heymilo({"validate", dir.path().string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(lines(run.err).size(), 1u);
  EXPECT_NE(run.err.find(dir.path().string()), std::string::npos);
}

TEST(Validate, MissingFileIsAnIoErrorNamingItAndTheOtherInputsAreStillChecked) {
  const std::string good = example_path("interview_started");
  const CliRun run = heymilo({"validate", "/no/such/file.json", good});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(lines(run.err).size(), 1u);
  EXPECT_NE(run.err.find("'/no/such/file.json'"), std::string::npos) << run.err;
  EXPECT_EQ(run.out, good + ": ok (interview_started)\n");
}

TEST(Validate, UnreadableFileIsAnIoError) {
  // Reading /proc/self/mem from offset 0 fails with EIO, even for root.
  if (!fs::exists("/proc/self/mem")) GTEST_SKIP() << "no /proc";
  const CliRun run = heymilo({"validate", "/proc/self/mem"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(lines(run.err).size(), 1u);
  EXPECT_NE(run.err.find("cannot read '/proc/self/mem'"), std::string::npos) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST(Validate, FileWithoutReadPermissionIsAnIoError) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads any file";
  ScratchDir dir;
  const std::string path = dir.file("secret.json", "{}");
  fs::permissions(path, fs::perms::none);
  const CliRun run = heymilo({"validate", path});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("cannot open '" + path + "'"), std::string::npos) << run.err;
}

TEST(Validate, BadFlagsAreUsageErrorsOnOneLineNamingThem) {
  const std::string good = example_path("interview_started");
  const std::vector<Refused> cases = {
      {{"validate", "--bogus", good}, "--bogus"},
      {{"validate", "--event"}, "--event"},
      {{"validate", "--event", "interview_ended", good}, "interview_ended"},
      {{"validate", "--max-bytes", "lots", good}, "--max-bytes"},
      {{"validate", "--max-bytes", "-5", good}, "--max-bytes"},
      {{"validate", "--max-depth", "0", good}, "--max-depth"},
      {{"validate", "--json=yes", good}, "--json"},
  };
  expect_refused(cases);
}

TEST(Validate, FlagValuesMayFollowAnEqualsSign) {
  const CliRun run = heymilo({"validate", "--event=interview_started", "--max-bytes=1K",
                              example_path("interview_started")});
  EXPECT_EQ(run.exit_code, 0) << run.err;
}

TEST(Validate, DoubleDashEndsTheFlags) {
  ScratchDir dir;
  const std::string path = dir.file("--odd.json", example(Document::interview_started));
  const CliRun run = heymilo({"validate", "--", path});
  EXPECT_EQ(run.exit_code, 0) << run.err;
}

TEST(Validate, LenientAcceptsAbsentDocumentedFieldsButNotAbsentIdentifiers) {
  std::string text = example(Document::interview_completed);
  const auto at = text.find("\"engagement_id\"");
  text.replace(at, text.find('\n', at) - at + 1, "");
  const CliRun strict = heymilo({"validate", "-"}, text);
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_EQ(strict.out.rfind("-: missing_field at /engagement_id: ", 0), 0u) << strict.out;
  const CliRun lenient = heymilo({"validate", "--lenient", "-"}, text);
  EXPECT_EQ(lenient.exit_code, 0) << lenient.out;

  std::string no_id = example(Document::interview_completed);
  const auto id = no_id.find("\"interview_id\"");
  no_id.replace(id, no_id.find('\n', id) - id + 1, "");
  const CliRun without_id =
      heymilo({"validate", "--lenient", "--event", "interview_completed", "-"}, no_id);
  EXPECT_EQ(without_id.exit_code, 1);
  EXPECT_NE(without_id.out.find("missing_field at /interview_id"), std::string::npos);
}

TEST(Validate, MaxBytesRejectsLongerInputsWithoutLoadingThem) {
  const std::string report = example_path("report_available");
  const std::string small = example_path("webhook_create_request");
  const CliRun run = heymilo({"validate", "--max-bytes", "1K", "--event", "auto", report});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out.rfind(report + ": too_large at : the input is " +
                              std::to_string(fs::file_size(report)) +
                              " bytes, more than the limit of 1024",
                          0),
            0u)
      << run.out;
  const CliRun fits =
      heymilo({"validate", "--max-bytes", "1K", "--event", "webhook_create_request", small});
  EXPECT_EQ(fits.exit_code, 0) << fits.out;
  // Standard input has no size up front: it is counted, not kept.
  const CliRun piped = heymilo({"validate", "--max-bytes", "100", "-"}, read_file(report));
  EXPECT_EQ(piped.exit_code, 1);
  EXPECT_NE(piped.out.find("too_large"), std::string::npos);
}

TEST(Validate, MaxDepthRejectsDeeperNesting) {
  const std::string report = example_path("report_available");
  const CliRun shallow = heymilo({"validate", "--max-depth", "3", report});
  EXPECT_EQ(shallow.exit_code, 1);
  EXPECT_NE(shallow.out.find(": too_deep at "), std::string::npos) << shallow.out;
  const CliRun deep_enough = heymilo({"validate", "--max-depth", "64", report});
  EXPECT_EQ(deep_enough.exit_code, 0);
}

std::string ndjson_input() {
  const std::string started = generator::generate(Document::interview_started, {.seed = 1});
  const std::string bad = R"({"interview_id":"X","posting_id":"P","timestamp":-1,"metadata":7})";
  return started + "\n\n" + bad + "\n  \t\n" + started;  // the last line has no newline
}

TEST(Validate, NdjsonReportsEachNonEmptyLineWithItsNumber) {
  ScratchDir dir;
  const std::string path = dir.file("events.ndjson", ndjson_input());
  const CliRun run = heymilo({"validate", "--ndjson", "--event", "interview_started", path});
  EXPECT_EQ(run.exit_code, 1);
  const auto out = lines(run.out);
  ASSERT_EQ(out.size(), 3u) << run.out;
  EXPECT_EQ(out[0], path + ":1: ok (interview_started)");
  EXPECT_EQ(out[1].rfind(path + ":3: wrong_type at /metadata: ", 0), 0u) << out[1];
  EXPECT_EQ(out[2], path + ":5: ok (interview_started)");

  const CliRun piped = heymilo({"validate", "--ndjson", "-"}, ndjson_input());
  EXPECT_EQ(lines(piped.out).at(0), "-:1: ok (interview_started)");
}

TEST(Validate, NdjsonLinesLongerThanMaxBytesAreTooLargeAndTheRestStillChecked) {
  const std::string small = generator::generate(Document::interview_started, {.seed = 2});
  const std::string large = generator::generate(Document::report_available, {.seed = 2});
  const CliRun run =
      heymilo({"validate", "--ndjson", "--max-bytes", std::to_string(small.size() + 10), "-"},
              small + "\n" + large + "\n" + small + "\n");
  EXPECT_EQ(run.exit_code, 1);
  const auto out = lines(run.out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].rfind("-:2: too_large at : the line is " + std::to_string(large.size()), 0), 0u)
      << out[1];
  EXPECT_EQ(out[2], "-:3: ok (interview_started)");
}

// Parses one --json output line and checks it against the library's own verdict on the same
// input, field by field.
void expect_json_line(const std::string& line, const std::string& input, std::uint64_t number,
                      std::string_view document_text, std::optional<Document> event) {
  simdjson::dom::parser dom;
  simdjson::dom::object object;
  ASSERT_EQ(dom.parse(line).get(object), simdjson::SUCCESS) << line;
  std::size_t expected_keys = number ? 5 : 4;
  EXPECT_EQ(object.size(), expected_keys) << line;
  EXPECT_EQ(std::string_view(object["input"]), input);
  if (number) {
    EXPECT_EQ(std::uint64_t(object["line"]), number);
  } else {
    EXPECT_TRUE(object["line"].error());
  }
  Parser parser;
  const auto expected = event ? parser.parse(document_text, *event) : parser.parse(document_text);
  EXPECT_EQ(bool(object["valid"]), expected.ok());
  simdjson::dom::array errors = object["errors"];
  // The event read, valid or not; null only when detection could not tell.
  if (const auto read_as = parser.last_read_as()) {
    EXPECT_EQ(std::string_view(object["event"]), to_string(*read_as));
  } else {
    EXPECT_TRUE(object["event"].is_null());
  }
  if (expected.ok()) {
    EXPECT_EQ(errors.size(), 0u);
    return;
  }
  ASSERT_EQ(errors.size(), 1u);
  simdjson::dom::object error = errors.at(0);
  EXPECT_EQ(error.size(), 4u);
  EXPECT_EQ(std::string_view(error["code"]), to_string(expected.error().code));
  EXPECT_EQ(std::string_view(error["path"]), expected.error().path);
  EXPECT_EQ(std::int64_t(error["offset"]), expected.error().offset);
  EXPECT_EQ(std::string_view(error["message"]), expected.error().message);
}

TEST(Validate, JsonOutputParsesBackToTheLibrarysVerdict) {
  ScratchDir dir;
  const std::string bad_text = invalid_report();
  const std::string bad = dir.file("bad \"quoted\".json", bad_text);
  const std::string good = example_path("report_available");
  const std::string unknown_text = R"({"interview_id": "i"})";
  const std::string unknown = dir.file("unknown.json", unknown_text);
  const CliRun run = heymilo({"validate", "--json", good, bad, unknown});
  EXPECT_EQ(run.exit_code, 1);
  const auto out = lines(run.out);
  ASSERT_EQ(out.size(), 3u);
  expect_json_line(out[0], good, 0, read_file(good), std::nullopt);
  expect_json_line(out[1], bad, 0, bad_text, std::nullopt);
  expect_json_line(out[2], unknown, 0, unknown_text, std::nullopt);
  // An invalid payload still names the event its keys identify; an unknown one has none.
  EXPECT_NE(out[1].find(R"("event":"report_available")"), std::string::npos) << out[1];
  EXPECT_NE(out[2].find(R"("event":null)"), std::string::npos) << out[2];

  const CliRun forced = heymilo({"validate", "--json", "--event", "report_available", bad});
  expect_json_line(lines(forced.out).at(0), bad, 0, bad_text, Document::report_available);
}

TEST(Validate, JsonOutputWithNdjsonCarriesTheLineNumber) {
  const std::string input = ndjson_input();
  const CliRun run =
      heymilo({"validate", "--json", "--ndjson", "--event", "interview_started", "-"}, input);
  EXPECT_EQ(run.exit_code, 1);
  const auto documents = lines(input);
  const auto out = lines(run.out);
  ASSERT_EQ(out.size(), 3u);
  const std::uint64_t numbers[] = {1, 3, 5};
  for (std::size_t i = 0; i < 3; ++i)
    expect_json_line(out[i], "-", numbers[i], documents[numbers[i] - 1],
                     Document::interview_started);
}

TEST(Validate, StatsSummariseDocumentsBytesCountsAndThroughputOnStderr) {
  ScratchDir dir;
  const std::string bad_text = invalid_report();
  const std::string bad = dir.file("bad.json", bad_text);
  const std::string good = example_path("report_available");
  const CliRun run = heymilo({"validate", "--stats", good, bad, good});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(lines(run.out).size(), 3u);  // stdout holds only the results
  const std::uint64_t bytes = 2 * fs::file_size(good) + bad_text.size();
  const std::regex expected(
      "stats: 3 documents, " + std::to_string(bytes) +
      R"( bytes \([0-9.]+ MB\), 2 valid, 1 invalid, [0-9.]+ s, [0-9.]+ MB/s, [0-9]+ docs/s\n)");
  EXPECT_TRUE(std::regex_match(run.err, expected)) << run.err;

  const CliRun ndjson = heymilo(
      {"validate", "--stats", "--ndjson", "--event", "interview_started", "-"}, ndjson_input());
  EXPECT_NE(ndjson.err.find("stats: 3 documents, "), std::string::npos) << ndjson.err;
  EXPECT_NE(ndjson.err.find(", 2 valid, 1 invalid, "), std::string::npos) << ndjson.err;
}

TEST(Validate, LargeNdjsonStreamsInBoundedMemory) {
  // 48 MB of 200 KB reports. A child's peak memory starts from this process's at fork, so
  // the bound is relative to a trivial run's; reading the whole file would exceed it.
  ScratchDir dir;
  const std::string path = (dir.path() / "reports.ndjson").string();
  heymilo(
      {"generate", "--event", "report_available", "--size", "200000", "--count", "240", "--ndjson"},
      {}, path);
  ASSERT_GT(std::filesystem::file_size(path), 48'000'000u);
  const long baseline_kb = heymilo({"--version"}).max_rss_kb;
  const CliRun run = heymilo({"validate", "--ndjson", "--stats", path});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(lines(run.out).size(), 240u);
  EXPECT_LT(run.max_rss_kb, baseline_kb + 24 * 1024) << "peak RSS " << run.max_rss_kb << " KB";
}

}  // namespace
}  // namespace heymilo::test
