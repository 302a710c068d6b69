// `heymilo generate`: deterministic output equal to the generator library's, strict-valid
// per `heymilo validate`, sizes, counts, NDJSON and arrays, and its usage errors.
#include <gtest/gtest.h>

#include <simdjson.h>

#include <heymilo/heymilo.hpp>

#include "cli_support.hpp"
#include "generator.hpp"

namespace heymilo::test {
namespace {

TEST(Generate, WritesTheGeneratorsDocumentForTheSeed) {
  for (Document document : kAllDocuments) {
    const std::string event(to_string(document));
    const CliRun run = heymilo({"generate", "--event", event, "--seed", "17"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, generator::generate(document, {.seed = 17}) + "\n");
    EXPECT_EQ(heymilo({"generate", "--event", event}).out, generator::generate(document) + "\n");
    EXPECT_NE(heymilo({"generate", "--event", event, "--seed", "18"}).out, run.out);
  }
}

TEST(Generate, EveryEventValidatesStrictly) {
  for (Document document : kAllDocuments) {
    const std::string event(to_string(document));
    for (const std::string seed : {"1", "2", "3"}) {
      const CliRun generated = heymilo({"generate", "--event", event, "--seed", seed});
      const CliRun validated = heymilo({"validate", "--event", event, "-"}, generated.out);
      EXPECT_EQ(validated.exit_code, 0) << event << " " << validated.out;
    }
  }
}

TEST(Generate, SizeGrowsAReportToWithinFivePercent) {
  for (const auto& [flag, bytes] : std::vector<std::pair<std::string, double>>{
           {"8000", 8000}, {"64K", 65536}, {"1MB", 1048576}, {"3M", 3145728}}) {
    const CliRun run = heymilo({"generate", "--event", "report_available", "--size", flag});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NEAR(static_cast<double>(run.out.size() - 1), bytes, bytes * 0.05) << flag;
    const CliRun validated = heymilo({"validate", "--event", "report_available", "-"}, run.out);
    EXPECT_EQ(validated.exit_code, 0) << flag << " " << validated.out;
  }
}

TEST(Generate, CountWithNdjsonWritesOneDocumentPerLineWithConsecutiveSeeds) {
  const CliRun run = heymilo(
      {"generate", "--event", "interview_completed", "--count", "4", "--seed", "10", "--ndjson"});
  EXPECT_EQ(run.exit_code, 0);
  const auto out = lines(run.out);
  ASSERT_EQ(out.size(), 4u);
  for (std::uint64_t i = 0; i < 4; ++i)
    EXPECT_EQ(out[i], generator::generate(Document::interview_completed, {.seed = 10 + i}));
  const CliRun validated = heymilo({"validate", "--ndjson", "-"}, run.out);
  EXPECT_EQ(validated.exit_code, 0);
  EXPECT_EQ(lines(validated.out).size(), 4u);
}

TEST(Generate, CountWithoutNdjsonWritesOneJsonArray) {
  const CliRun run = heymilo({"generate", "--event", "webhook", "--count", "3"});
  EXPECT_EQ(run.exit_code, 0);
  simdjson::dom::parser dom;
  simdjson::dom::array array;
  ASSERT_EQ(dom.parse(run.out).get(array), simdjson::SUCCESS);
  EXPECT_EQ(array.size(), 3u);
  // An array of webhooks is a webhook list.
  EXPECT_EQ(heymilo({"validate", "--event", "webhook_list", "-"}, run.out).exit_code, 0);
  // A count of one is the document itself.
  EXPECT_EQ(heymilo({"generate", "--event", "webhook", "--count", "1"}).out,
            generator::generate(Document::webhook) + "\n");
}

TEST(Generate, UsageErrorsExitTwoWithOneLineNamingThem) {
  const std::vector<Refused> cases = {
      {{"generate"}, "--event"},
      {{"generate", "--event", "auto"}, "auto"},
      {{"generate", "--event", "webhook", "--size", "10K"}, "--size"},
      {{"generate", "--event", "webhook", "--count", "0"}, "--count"},
      {{"generate", "--event", "webhook", "--seed", "x"}, "--seed"},
      {{"generate", "--event", "webhook", "--size", "12Q"}, "--size"},
      {{"generate", "--event", "webhook", "out.json"}, "out.json"},
      {{"generate", "--event", "webhook", "--lenient"}, "--lenient"},
  };
  expect_refused(cases);
}

}  // namespace
}  // namespace heymilo::test
