// `heymilo extract` is the proof that extraction is complete and exact: its output must be
// the input, read by an independent JSON reader, projected onto the known fields
// (projection.hpp). Also its flags and error paths.
#include <gtest/gtest.h>

#include <heymilo/heymilo.hpp>

#include "cli_support.hpp"
#include "generator.hpp"
#include "mutate.hpp"
#include "projection.hpp"

namespace heymilo::test {
namespace {

// Extracts `text` as `document` through the executable and compares with the projection.
void expect_exact_extract(Document document, const std::string& text, const std::string& label) {
  ScratchDir dir;
  const std::string path = dir.file("input.json", text);
  const CliRun run =
      heymilo({"extract", "--event", std::string(to_string(document)), "--max-bytes", "1G", path});
  ASSERT_EQ(run.exit_code, 0) << label << ": " << run.err;
  ASSERT_EQ(lines(run.out).size(), 1u) << label;
  EXPECT_EQ(compare_projection(document, text, run.out), "") << label;
}

TEST(Extract, TheDocsExamplesProjectExactly) {
  for (Document document : kAllDocuments)
    expect_exact_extract(document, read_file(example_path(to_string(document))),
                         std::string(to_string(document)));
}

TEST(Extract, GeneratedDocumentsProjectExactly) {
  for (Document document : kAllDocuments) {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
      expect_exact_extract(document, generator::generate(document, {.seed = seed}),
                           std::string(to_string(document)) + " seed " + std::to_string(seed));
    }
  }
  for (std::size_t size : {5'000, 60'000, 2'000'000}) {
    expect_exact_extract(
        Document::report_available,
        generator::generate(Document::report_available, {.seed = size, .target_bytes = size}),
        "report of " + std::to_string(size) + " bytes");
  }
}

// Unknown members everywhere, keys and strings with \u escapes, integers as N.0: the
// projection still matches, so unknown fields are dropped and escapes decoded.
TEST(Extract, UnknownFieldsAreDroppedAndEscapesDecoded) {
  for (Document document : kAllDocuments) {
    const std::string example = read_file(example_path(to_string(document)));
    expect_exact_extract(document, mutate(example, 1),
                         std::string(to_string(document)) + " mutated");
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
      const std::string generated = generator::generate(document, {.seed = seed});
      expect_exact_extract(
          document, mutate(generated, seed),
          std::string(to_string(document)) + " mutated seed " + std::to_string(seed));
    }
  }
}

// Where a document has no opaque values, the canonical output does not depend on how the
// input was written at all.
TEST(Extract, CanonicalOutputIgnoresHowTheInputWasWritten) {
  for (Document document :
       {Document::interview_started, Document::interview_completed,
        Document::webhook_create_request, Document::webhook, Document::webhook_list}) {
    const std::string original = generator::generate(document, {.seed = 9});
    const std::string mutated = mutate(original, 9);
    ASSERT_NE(original, mutated);
    const std::string event(to_string(document));
    const CliRun a = heymilo({"extract", "--event", event, "-"}, original);
    const CliRun b = heymilo({"extract", "--event", event, "-"}, mutated);
    EXPECT_EQ(a.exit_code, 0);
    EXPECT_EQ(a.out, b.out) << event;
  }
}

TEST(Extract, DetectsThePayloadByDefaultAndReadsStandardInput) {
  const std::string path = example_path("report_available");
  const CliRun detected = heymilo({"extract", path});
  const CliRun forced = heymilo({"extract", "--event", "report_available", path});
  const CliRun piped = heymilo({"extract", "-"}, read_file(path));
  EXPECT_EQ(detected.exit_code, 0);
  EXPECT_EQ(detected.out, forced.out);
  EXPECT_EQ(detected.out, piped.out);
}

TEST(Extract, InvalidDocumentExitsOneWithTheErrorOnStderr) {
  std::string text = read_file(example_path("report_available"));
  text.replace(text.find("\"match_score\": 78"), 17, "\"match_score\": -3");
  const CliRun run = heymilo({"extract", "-"}, text);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(
      run.err.rfind("-: out_of_range at /agentic_data/web_interview_info/summary/match_score: ", 0),
      0u)
      << run.err;
  EXPECT_EQ(lines(run.err).size(), 1u);
}

TEST(Extract, LenientLeavesAbsentFieldsOut) {
  std::string text = read_file(example_path("interview_completed"));
  const auto at = text.find("\"engagement_id\"");
  text.replace(at, text.find('\n', at) - at + 1, "");
  EXPECT_EQ(heymilo({"extract", "-"}, text).exit_code, 1);
  const CliRun lenient = heymilo({"extract", "--lenient", "-"}, text);
  EXPECT_EQ(lenient.exit_code, 0) << lenient.err;
  EXPECT_EQ(lenient.out.find("engagement_id"), std::string::npos);
  EXPECT_EQ(compare_projection(Document::interview_completed, text, lenient.out), "");
}

TEST(Extract, LimitsApply) {
  const std::string path = example_path("report_available");
  const CliRun large = heymilo({"extract", "--max-bytes", "2K", path});
  EXPECT_EQ(large.exit_code, 1);
  EXPECT_NE(large.err.find(": too_large at "), std::string::npos) << large.err;
  const CliRun deep = heymilo({"extract", "--max-depth", "4", path});
  EXPECT_EQ(deep.exit_code, 1);
  EXPECT_NE(deep.err.find(": too_deep at "), std::string::npos) << deep.err;
}

TEST(Extract, UsageAndIoErrorsExitTwoWithOneLineNamingThem) {
  const std::string path = example_path("interview_started");
  const std::vector<Refused> cases = {
      {{"extract", "/no/such/file.json"}, "/no/such/file.json"},
      {{"extract", HEYMILO_TEST_DATA}, HEYMILO_TEST_DATA},
      {{"extract"}, "needs an input"},
      {{"extract", path, path}, "one input"},
      {{"extract", "--json", path}, "--json"},
      {{"extract", "--event", "nope", path}, "nope"},
  };
  expect_refused(cases);
}

}  // namespace
}  // namespace heymilo::test
