// Every input a fuzzer found a crash, leak, timeout or mismatch with (tests/regressions/),
// run through every entry point of every document and of detection, in both modes, under
// the fuzzers' own checks: the entry points agree; an accepted view equals simdjson's DOM
// reading of the input (fuzz/dom_check.hpp) and its canonical extract is JSON that reads
// back as itself; invalid_json only where the DOM rejects too. Then each file's recorded
// outcome.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <simdjson.h>

#include "big_integers.hpp"
#include "dom_check.hpp"
#include "entry_points.hpp"
#include "support/json_tree.hpp"

namespace heymilo::conformance {
namespace {

struct Regression {
  std::string_view file;
  std::string_view finding;  // what the fuzzer found, and what was fixed
  Document document;         // the document that showed it
  Mode mode;
  std::optional<ErrorCode> expected;  // none: accepted
};

constexpr Regression kRegressions[] = {
    {"round_trip_integral_double_beyond_uint64.json",
     "round_trip: the canonical extract wrote the double 1.76e21 as the integer "
     "1761440184467417726976, which simdjson's DOM rejects; append_json now gives integral "
     "doubles outside [-2^63, 2^64) an exponent",
     Document::webhook_list, Mode::lenient, std::nullopt},
    {"differential_digits_beyond_64_bits_in_documented_number.json",
     "differential: a timestamp of 100000000000000000000 is accepted (contract rule 4: any "
     "number a double holds) though simdjson's DOM rejects digits beyond 64 bits; the "
     "differential target now compares such inputs with the DOM's reading of them as "
     "decimals",
     Document::interview_started, Mode::strict, std::nullopt},
    {"differential_long_decimal_misread.json",
     "differential: interview_completion_confidence_threshold 0.922337203685477580879 read as "
     "7.9e-20 by simdjson 3.0.1's header number parser; numbers longer than 19 characters are "
     "now read again with std::from_chars",
     Document::report_available, Mode::lenient, std::nullopt},
    {"parse_big_integer_under_another_events_key.json",
     "parse: a 68-digit integer under completion_timestamp is invalid JSON as the detected "
     "report (a key it does not know) and a number as interview_completed (rule 4); the "
     "target's rule 'invalid JSON for detection is invalid JSON for every event' now allows "
     "exactly this, when simdjson's DOM complains of such integers alone",
     Document::report_available, Mode::strict, ErrorCode::invalid_json},
    {"parse_number_beyond_double_under_another_events_key.json",
     "parse: the same with 1.78...e22222222222222055, beyond the double range: invalid JSON "
     "as a report, out_of_range as interview_completed (rule 9); the exception covers every "
     "number out of range that is all simdjson's DOM has against the input",
     Document::report_available, Mode::strict, ErrorCode::invalid_json},
};

void PrintTo(const Regression& regression, std::ostream* out) { *out << regression.file; }

std::string regression_path(std::string_view file) {
  return std::string(HEYMILO_REGRESSIONS_DIR) + "/" + std::string(file);
}

// The fuzzers' invariants for one target and mode (differential and round trip).
void check_invariants(const std::string& json, std::optional<Document> document, Mode mode) {
  const Outcome outcome = parse_everywhere(json, document, mode);
  simdjson::dom::parser dom_parser;
  simdjson::dom::element dom;
  const bool dom_accepts =
      dom_parser.parse(simdjson::padded_string(json)).get(dom) == simdjson::SUCCESS;
  if (!outcome.accepted()) {
    EXPECT_FALSE(dom_accepts && outcome.error == ErrorCode::invalid_json)
        << "invalid_json for what simdjson's DOM accepts";
    return;
  }
  Parser parser({.mode = mode});
  auto result = document ? parser.parse(json, *document) : parser.parse(json);
  ASSERT_TRUE(result.ok());
  // Digits beyond 64 bits in a documented number are the one thing the library accepts
  // and the DOM does not (fuzz/big_integers.hpp); as decimals the DOM reads them too.
  if (!dom_accepts) {
    ASSERT_EQ(
        dom_parser.parse(simdjson::padded_string(fuzz::big_integers_as_decimals(json))).get(dom),
        simdjson::SUCCESS)
        << "accepted what simdjson's DOM rejects";
  }
  fuzz::check_against_dom(*result, dom);
  std::string canonical;
  append_json(canonical, *result);
  EXPECT_NO_THROW(test::parse_json(canonical)) << "the canonical extract is not JSON";
  Parser again({.mode = mode});
  EXPECT_EQ(fuzz::outcome(again.parse(canonical, document_of(*result))), "ok:" + canonical);
}

class Regressions : public testing::TestWithParam<Regression> {};

TEST_P(Regressions, HoldTheFuzzersInvariantsAndTheRecordedOutcome) {
  const Regression& regression = GetParam();
  SCOPED_TRACE(regression.finding);
  const std::string json = test::read_file(regression_path(regression.file));
  for (Mode mode : {Mode::strict, Mode::lenient}) {
    for (std::optional<Document> document : all_targets()) {
      SCOPED_TRACE(target_name(document) + (mode == Mode::strict ? ", strict" : ", lenient"));
      check_invariants(json, document, mode);
    }
  }
  const Outcome outcome = parse_everywhere(json, regression.document, regression.mode);
  EXPECT_EQ(outcome.error, regression.expected) << outcome.text;
}

INSTANTIATE_TEST_SUITE_P(Fuzzers, Regressions, testing::ValuesIn(kRegressions),
                         [](const testing::TestParamInfo<Regression>& info) {
                           const std::string_view file = info.param.file;
                           return std::string(file.substr(0, file.rfind('.')));
                         });

TEST(Regressions, EveryFileHasARecordedOutcome) {
  for (const auto& entry : std::filesystem::directory_iterator(regression_path(""))) {
    const std::string name = entry.path().filename();
    EXPECT_TRUE(std::any_of(std::begin(kRegressions), std::end(kRegressions),
                            [&](const Regression& r) { return r.file == name; }))
        << name << " is in tests/regressions but not in kRegressions";
  }
}

}  // namespace
}  // namespace heymilo::conformance
