// One accepting and one rejecting case (at least) for each rule of the contract, checking
// the code and the JSON Pointer; the per-field cases are in field_rules_test.cpp.
#include <gtest/gtest.h>

#include <random>

#include <heymilo/heymilo.hpp>

#include "support/json_tree.hpp"

namespace heymilo {
namespace {

std::string example(Document document) {
  return test::read_file(test::data_path(std::string(to_string(document)) + ".json"));
}

// `text` with its first occurrence of `from` replaced by `to` (which must exist).
std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The report example with its first question's `rank` (an integer field without a range)
// written as `rank`, and the pointer to it.
constexpr std::string_view kFirstRank =
    "/agentic_data/web_interview_info/scorecard/questions/0/rank";
std::string report_with_rank(std::string_view rank) {
  static const std::string report = example(Document::report_available);
  return replaced(report, "\"rank\": 1,", "\"rank\": " + std::string(rank) + ",");
}

// The started example with `member` (a `"key": value` text) added first in the root.
std::string started_with(std::string_view member) {
  return replaced(example(Document::interview_started), "{", "{" + std::string(member) + ",");
}

class Rules : public testing::Test {
 protected:
  void expect_ok(const std::string& json, Document document, Options options = {}) {
    parser_.set_options(options);
    auto result = parser_.parse(json, document);
    EXPECT_TRUE(result.ok()) << to_string(result.error());
  }
  // invalid_json may point inside the value at `path`.
  void expect_invalid_json(const std::string& json, Document document, std::string_view path) {
    auto result = parser_.parse(json, document);
    ASSERT_FALSE(result.ok()) << "accepted";
    EXPECT_EQ(to_string(result.error().code), "invalid_json") << to_string(result.error());
    EXPECT_TRUE(result.error().path.starts_with(path)) << to_string(result.error());
  }
  void expect_error(const std::string& json, Document document, ErrorCode code,
                    std::string_view path, Options options = {}) {
    parser_.set_options(options);
    auto result = parser_.parse(json, document);
    ASSERT_FALSE(result.ok()) << "accepted";
    EXPECT_EQ(to_string(result.error().code), to_string(code)) << to_string(result.error());
    EXPECT_EQ(result.error().path, path) << to_string(result.error());
  }
  // `rank` in the first question's rank reads as `value`.
  void expect_rank(std::string_view rank, std::int64_t value) {
    SCOPED_TRACE(rank);
    auto result = parser_.parse_report_available(report_with_rank(rank));
    ASSERT_TRUE(result.ok()) << to_string(result.error());
    EXPECT_EQ(*(*result->agentic_data->web_interview_info->scorecard->questions)[0].rank, value);
  }
  // `rank` there is out_of_range, the message being the token and `why`.
  void expect_rank_out_of_range(std::string_view rank, std::string_view why) {
    SCOPED_TRACE(rank);
    auto result = parser_.parse(report_with_rank(rank), report_);
    ASSERT_FALSE(result.ok()) << "accepted";
    EXPECT_EQ(result.error().code, ErrorCode::out_of_range) << to_string(result.error());
    EXPECT_EQ(result.error().path, kFirstRank);
    EXPECT_EQ(result.error().message, std::string(rank) + std::string(why));
  }
  Error detect_error(const std::string& json) {
    auto result = parser_.parse(json);
    EXPECT_FALSE(result.ok());
    return result.ok() ? Error{} : result.error();
  }

  Parser parser_;
  const Document started_ = Document::interview_started;
  const Document report_ = Document::report_available;
};

// Rule 1: exactly one JSON value, valid UTF-8, everywhere (also in unknown fields).
TEST_F(Rules, WhitespaceAroundTheValueIsAccepted) {
  expect_ok(" \n\t" + example(started_) + "\r\n ", started_);
}

TEST_F(Rules, SyntaxErrorsAnywhereAreInvalidJson) {
  for (std::string_view bad : {R"("x": tru)", R"("x": [1,,2])", R"("x": 01)", R"("x": 1.)",
                               R"("x": "\q")", R"("x": {"a" 1})", R"("x": [1 2])", R"("x": -)",
                               R"("x": nul)", R"("x": {"a":1,})", R"("x": "\u12")"}) {
    expect_invalid_json(started_with(bad), started_, "/x");
  }
}

TEST_F(Rules, TrailingContentAndEmptyInputAreInvalidJson) {
  expect_error(example(started_) + "{}", started_, ErrorCode::invalid_json, "");
  expect_error(example(started_) + " x", started_, ErrorCode::invalid_json, "");
  expect_error("", started_, ErrorCode::invalid_json, "");
  expect_error("   ", started_, ErrorCode::invalid_json, "");
}

TEST_F(Rules, InvalidUtf8AndLoneSurrogatesAreInvalidJson) {
  expect_error(replaced(example(started_), "Jane", "J\xff\xfe"), started_, ErrorCode::invalid_json,
               "");
  expect_error(replaced(example(started_), "Jane", R"(\ud800)"), started_, ErrorCode::invalid_json,
               "/metadata/candidate_name");
  expect_error(started_with(R"("x": "\udc00 lone low")"), started_, ErrorCode::invalid_json, "/x");
  expect_error(started_with(R"("\ud800": 1)"), started_, ErrorCode::invalid_json, "");
  expect_ok(started_with(R"("x": "\ud83d\ude00 pair")"), started_);
}

TEST_F(Rules, NumbersBeyondDoubleOrIntegerRangeInUnknownFieldsAreInvalidJson) {
  // The README's choice: like simdjson's DOM parser, integers outside [-2^63, 2^64) and
  // numbers beyond the double range are rejected even where the library reads no value.
  expect_error(started_with(R"("x": 1e999)"), started_, ErrorCode::invalid_json, "/x");
  expect_error(started_with(R"("x": 123456789012345678901234567890)"), started_,
               ErrorCode::invalid_json, "/x");
  expect_ok(started_with(R"("x": 18446744073709551615)"), started_);
  expect_ok(started_with(R"("x": -9223372036854775808)"), started_);
  expect_ok(started_with(R"("x": 1.5e308)"), started_);
}

// Rule 2: limits.
TEST_F(Rules, NestingDeeperThanTheLimitIsTooDeep) {
  const auto nested = [](int depth) {
    return "\"x\": " + std::string(depth, '[') + std::string(depth, ']');
  };
  // The root object is depth 1, so an unknown field may nest 1023 arrays under the default.
  expect_ok(started_with(nested(1023)), started_);
  expect_error(
      started_with(nested(1024)), started_, ErrorCode::too_deep, "/x" + [] {
        std::string path;
        for (int i = 0; i < 1023; ++i) path += "/0";
        return path;
      }());
  expect_error(started_with(nested(5)), started_, ErrorCode::too_deep, "/x/0/0/0/0",
               {.max_depth = 5});
  expect_ok(started_with(nested(4)), started_, {.max_depth = 5});
  // The documented structure counts too: metadata is depth 2.
  expect_error(example(started_), started_, ErrorCode::too_deep, "/metadata", {.max_depth = 1});
}

TEST_F(Rules, InputLongerThanTheLimitIsTooLarge) {
  const std::string json = example(started_);
  expect_ok(json, started_, {.max_bytes = json.size()});
  expect_error(json, started_, ErrorCode::too_large, "", {.max_bytes = json.size() - 1});
}

// Rule 3: the root's type.
TEST_F(Rules, TheRootMustHaveTheDocumentsType) {
  expect_error("[]", started_, ErrorCode::wrong_type, "");
  expect_error("\"text\"", report_, ErrorCode::wrong_type, "");
  expect_error("{}", Document::webhook_list, ErrorCode::wrong_type, "");
  expect_ok("[]", Document::webhook_list);
  expect_error("[1]", Document::webhook_list, ErrorCode::wrong_type, "/0");
  // A broken scalar root is invalid JSON before it is the wrong type.
  expect_error("tru", started_, ErrorCode::invalid_json, "");
  expect_invalid_json("[1,]", started_, "");
}

// Rule 13 fixes only the single-violation case; with several, the README's order holds.
TEST_F(Rules, WithSeveralViolationsTheReadmesOrderHolds) {
  // Too deep, like broken JSON, wins over a field error before it.
  expect_error(started_with(R"("timestamp": "x", "zz": [[[[1]]]])"), started_, ErrorCode::too_deep,
               "/zz/0/0", {.max_depth = 3});
  // An evaluation_score out of range waits for its object's end (not_scored may follow).
  const std::string both =
      replaced(report_with_rank(R"("x")"), "\"evaluation_score\": 7", "\"evaluation_score\": 11");
  expect_error(both, report_, ErrorCode::wrong_type, kFirstRank);
}

// Rule 12's message a person can act on, for a root that does not end where the input does.
TEST_F(Rules, ARootThatDoesNotEndWithTheInputSaysWhichWay) {
  const std::pair<std::string_view, std::pair<std::int64_t, std::string_view>> cases[] = {
      {R"({"a": 1} x)", {9, "unexpected content after the JSON value"}},
      {R"({"a": [1]}] )", {10, "unexpected content after the JSON value"}},
      {R"({"a": "}"} "b")", {11, "unexpected content after the JSON value"}},
      {R"({"a": [1, 2] )", {11, "the root object is not closed"}},
      {R"([1, 2 )", {4, "the root array is not closed"}},
      {R"({"a": 1] x)", {9, "the root object is not closed"}},  // `]` does not close a `{`
  };
  for (const auto& [json, error] : cases) {
    SCOPED_TRACE(json);
    auto result = parser_.parse(json, json[0] == '[' ? Document::webhook_list : started_);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::invalid_json);
    EXPECT_EQ(result.error().offset, error.first);
    EXPECT_EQ(result.error().message, error.second);
  }
}

// Rule 4: JSON Schema's meaning of integer; finite numbers; X/null.
TEST_F(Rules, IntegersMayBeWrittenAsIntegralFloats) {
  const std::string report = example(report_);
  for (std::string_view integral : {"78.0", "7.8e1", "780e-1", "-0"}) {
    const std::string json =
        replaced(report, "\"match_score\": 78", "\"match_score\": " + std::string(integral));
    parser_.set_options({});
    auto result = parser_.parse_report_available(json);
    ASSERT_TRUE(result.ok()) << integral << ": " << to_string(result.error());
    EXPECT_EQ(*result->agentic_data->web_interview_info->summary->match_score,
              integral == "-0" ? 0 : 78);
  }
  const std::string path = "/agentic_data/web_interview_info/summary/match_score";
  for (std::string_view bad : {"78.5", "1e300", "9223372036854775808", "-9223372036854775809"})
    expect_error(replaced(report, "\"match_score\": 78", "\"match_score\": " + std::string(bad)),
                 report_, ErrorCode::out_of_range, path);
}

// Rule 4 by value, not by a double's rounding: an integer is read from its digits.
TEST_F(Rules, IntegersAreReadExactlyFromTheirDigits) {
  const std::pair<std::string_view, std::int64_t> integral[] = {
      {"9223372036854775807.0", INT64_MAX},
      {"-9223372036854775808.000", INT64_MIN},
      {"922337203685477580.7e1", INT64_MAX},
      {"92233720368547758070e-1", INT64_MAX},
      {"0.000000000000000000000003e24", 3},
      {"300000000000000000000e-20", 3},
      {"0e-99999999999999999999", 0},
      {"-0.0e5", 0},
      {"1.2300e2", 123},
      {"1.000000000000000000000000000000e0", 1}};
  for (const auto& [rank, value] : integral) expect_rank(rank, value);
  for (std::string_view fraction : {"1.0000000000000001", "1e-400", "-0.5", "12.30", "1.5e-1",
                                    "7.000000000000000000001e1", "1e-99999999999999999999"})
    expect_rank_out_of_range(fraction, " is not an integer");
  for (std::string_view beyond :
       {"9223372036854775808.0", "-9223372036854775809e0", "9.223372036854775808e18", "1e19",
        "1e400", "-1e99999999999", "1e99999999999999999999"})
    expect_rank_out_of_range(beyond, " does not fit in a 64-bit integer");
}

// The same over many values, each written five ways: digits, with a zero fraction, with its
// point moved into the exponent both ways, and with a fraction one digit too long.
TEST_F(Rules, EveryInt64ReadsBackFromEverySpelling) {
  std::mt19937_64 random(20261129);
  std::vector<std::int64_t> values = {0, 1, -1, 9, 10, INT64_MAX, INT64_MIN, INT64_MAX - 1};
  for (int i = 0; i < 400; ++i) values.push_back(static_cast<std::int64_t>(random()) >> (i % 64));
  for (const std::int64_t value : values) {
    const std::string digits = std::to_string(value);
    const std::string sign = value < 0 ? "-" : "";
    const std::string magnitude = digits.substr(sign.size());
    const std::string shifted = magnitude.size() > 1  // 12345 as 1.2345e4
                                    ? sign + magnitude.substr(0, 1) + "." + magnitude.substr(1) +
                                          "e" + std::to_string(magnitude.size() - 1)
                                    : digits + "e0";
    for (const std::string& spelling :
         {digits, digits + ".000", shifted, (value == 0 ? "0" : digits + "000") + "e-3",
          sign + "0.0" + magnitude + "E+" + std::to_string(magnitude.size() + 1)}) {
      expect_rank(spelling, value);
    }
    if (value == 0) continue;
    // The value and a tenth more (away from zero): a fraction.
    expect_rank_out_of_range(digits + "1e-1", " is not an integer");
  }
}

TEST_F(Rules, DocumentedNumbersMustBeFiniteDoubles) {
  expect_error(replaced(example(started_), "1770816760.310334", "1e400"), started_,
               ErrorCode::out_of_range, "/timestamp");
  expect_error(replaced(example(started_), "1770816760.310334", "1e+"), started_,
               ErrorCode::invalid_json, "/timestamp");
  expect_ok(replaced(example(started_), "1770816760.310334", "123456789012345678901234567890"),
            started_);
}

// Rules 1 and 4 together: an integer beyond 64 bits is a number where the event documents
// the key as one, and invalid JSON where the key is unknown (found by the parse fuzzer).
TEST_F(Rules, AnIntegerBeyond64BitsIsANumberOnlyWhereTheEventDocumentsTheKey) {
  const std::string big = "17827222222222222222222222222222222222222222222222222222222222222055";
  const Document completed = Document::interview_completed;
  auto result =
      parser_.parse_interview_completed(replaced(example(completed), "1770810397.0827055", big));
  ASSERT_TRUE(result.ok()) << to_string(result.error());
  EXPECT_EQ(*result->completion_timestamp, std::strtod(big.c_str(), nullptr));

  const std::string member = "\"completion_timestamp\": " + big;
  expect_error(replaced(example(report_), "{", "{" + member + ","), report_,
               ErrorCode::invalid_json, "/completion_timestamp");
  expect_error(started_with(member), started_, ErrorCode::invalid_json, "/completion_timestamp");

  // Beyond the double range: out_of_range where documented, invalid JSON where unknown.
  const std::string huge = "1e400";
  expect_error(replaced(example(completed), "1770810397.0827055", huge), completed,
               ErrorCode::out_of_range, "/completion_timestamp");
  expect_error(started_with("\"completion_timestamp\": " + huge), started_, ErrorCode::invalid_json,
               "/completion_timestamp");

  // The fuzzer's input: detected as a report by report_url, a missing field as completed.
  const std::string finding = test::read_file(
      test::data_path("../regressions/parse_big_integer_under_another_events_key.json"));
  EXPECT_EQ(detect_error(finding).path, "/completion_timestamp");
  EXPECT_EQ(detect_error(finding).code, ErrorCode::invalid_json);
  expect_error(finding, completed, ErrorCode::missing_field, "/agent_conversation_id");
}

TEST_F(Rules, LongNumbersAreReadToTheNearestDouble) {
  // simdjson 3.0.1's header number parser read this one as 7.9e-20 (found by fuzzing).
  const std::string json = replaced(example(report_), "0.7,", "0.922337203685477580879,");
  auto result = parser_.parse_report_available(json);
  ASSERT_TRUE(result.ok()) << to_string(result.error());
  EXPECT_EQ(*result->interview_data_model->company_info->interview_completion_confidence_threshold,
            0.922337203685477580879);
}

// Rule 5: example-only fields are optional and nullable but still typed.
TEST_F(Rules, ExampleOnlyFieldsAreOptionalNullableAndTyped) {
  const std::string started = example(started_);
  expect_ok(replaced(started, R"("source": "user_ingestion",)", ""), started_);
  expect_ok(replaced(started, R"("user_ingestion")", "null"), started_);
  expect_error(replaced(started, R"("user_ingestion")", "42"), started_, ErrorCode::wrong_type,
               "/metadata/metadata/source");
}

// Rule 6: opaque objects are type-checked and kept as raw JSON.
TEST_F(Rules, OpaqueObjectsKeepTheirRawText) {
  const std::string raw = R"({"approve": [1, 2.5, "x\n"], "nested": {"deep": null}})";
  auto report = replaced(example(report_), R"("actions": null)", R"("actions": )" + raw + "  ");
  auto result = parser_.parse_report_available(report);
  ASSERT_TRUE(result.ok()) << to_string(result.error());
  EXPECT_EQ(result->interview_data_model->details->actions->json, raw);

  const std::string path = "/interview_data_model/details/actions";
  expect_error(replaced(example(report_), R"("actions": null)", R"("actions": [])"), report_,
               ErrorCode::wrong_type, path);
  expect_error(replaced(example(report_), R"("actions": null)", R"("actions": {"a": [tru]})"),
               report_, ErrorCode::invalid_json, path + "/a/0");
}

TEST_F(Rules, CommunicationEvaluationsAreObjects) {
  const std::string report = example(report_);
  auto json = replaced(report, R"("evaluations": [])", R"("evaluations": [{"clarity": 4}, {}])");
  auto result = parser_.parse_report_available(json);
  ASSERT_TRUE(result.ok()) << to_string(result.error());
  const auto& evaluations = *result->agentic_data->web_interview_info->communication->evaluations;
  ASSERT_EQ(evaluations.size(), 2u);
  EXPECT_EQ(evaluations[0].json, R"({"clarity": 4})");
  EXPECT_EQ(evaluations[1].json, "{}");
  expect_error(replaced(report, R"("evaluations": [])", R"("evaluations": [{}, null])"), report_,
               ErrorCode::wrong_type,
               "/agentic_data/web_interview_info/communication/evaluations/1");
}

// Rule 7: unknown fields are skipped, anywhere.
TEST_F(Rules, UnknownFieldsAreSkipped) {
  const std::string json =
      replaced(example(report_), R"("match_score": 78)",
               R"("match_score": 78, "future_field": {"a": [1, {"b": "\u00e9"}], "c": -1.5e-3})");
  auto result = parser_.parse_report_available(json);
  ASSERT_TRUE(result.ok()) << to_string(result.error());
  EXPECT_EQ(*result->agentic_data->web_interview_info->summary->match_score, 78);
}

// Rule 8: keys are compared decoded; a second occurrence is a duplicate.
TEST_F(Rules, EscapedKeysAreTheSameKey) {
  const std::string escaped =
      replaced(example(started_), R"("posting_id")", R"("posting\u005fid")");
  auto result = parser_.parse_interview_started(escaped);
  ASSERT_TRUE(result.ok()) << to_string(result.error());
  EXPECT_EQ(*result->posting_id, "F9E8D7C6");
  expect_error(started_with(R"("posting\u005fid": "other")"), started_, ErrorCode::duplicate_key,
               "/posting_id");
  expect_error(started_with(R"("interview_id": "A")"), started_, ErrorCode::duplicate_key,
               "/interview_id");
  expect_error(
      replaced(example(started_), R"("posting_id": "F9E8D7C6")", R"("posting\u005fid": 7)"),
      started_, ErrorCode::wrong_type, "/posting_id");
  // Unknown keys may repeat: the library reads no value from them.
  expect_ok(started_with(R"("x": 1, "x": 2)"), started_);
}

// The walk looks for escapes once for the whole input (Walker::string_value), not string by
// string: strings before, between and after escaped ones come out as written, also when
// event detection has read the keys first.
TEST_F(Rules, StringsAroundEscapedOnesAreReadAsWritten) {
  std::string json = replaced(example(started_), R"("posting_id")", R"("posting\u005fid")");
  json = replaced(json, R"("Jane Doe")", R"("Jane \"JD\" Doe")");
  json = replaced(json, R"("B4C5D6E7")", R"("B4C5\u00e9D6E7")");
  for (const bool detect : {false, true}) {
    auto result = detect ? parser_.parse(json) : parser_.parse(json, started_);
    ASSERT_TRUE(result.ok()) << to_string(result.error());
    const InterviewStarted& started = *std::get<const InterviewStarted*>(*result);
    EXPECT_EQ(*started.interview_id, "A1B2C3D4E5F60718");
    EXPECT_EQ(*started.posting_id, "F9E8D7C6");
    EXPECT_EQ(*started.metadata->candidate_name, "Jane \"JD\" Doe");
    EXPECT_EQ(*started.metadata->candidate_email, "jane.doe@example.com");
    EXPECT_EQ(*started.metadata->candidate_id,
              "B4C5\xc3\xa9"
              "D6E7");
    EXPECT_EQ(*started.metadata->metadata->source, "user_ingestion");
    EXPECT_EQ(*started.metadata->metadata->job_id, "F9E8D7C6");
  }
}

// Rule 9: ranges, enums and URLs.
TEST_F(Rules, NotScoredLiftsTheScoreRangeInEitherKeyOrder) {
  const std::string report = example(report_);
  const std::string path =
      "/agentic_data/web_interview_info/scorecard/questions/0/evaluation_score";
  const std::string eleven =
      replaced(report, R"("evaluation_score": 7)", R"("evaluation_score": 11)");
  expect_error(eleven, report_, ErrorCode::out_of_range, path);
  expect_ok(replaced(eleven, R"("not_scored": false)", R"("not_scored": true)"), report_);
  // not_scored before evaluation_score.
  const std::string first = replaced(report, R"("evaluation_score": 7,)",
                                     R"("not_scored": true, "evaluation_score": 0,)");
  expect_ok(replaced(first, R"("score_weight": 5,
            "not_scored": false)",
                     R"("score_weight": 5)"),
            report_);
  // Without not_scored (lenient) the range holds; a fraction is never an integer.
  expect_error(replaced(eleven, R"(,
            "not_scored": false)",
                        ""),
               report_, ErrorCode::out_of_range, path, {.mode = Mode::lenient});
  expect_error(replaced(replaced(eleven, R"("not_scored": false)", R"("not_scored": true)"),
                        R"("evaluation_score": 11)", R"("evaluation_score": 2.5)"),
               report_, ErrorCode::out_of_range, path);
}

TEST_F(Rules, CreateRequestValues) {
  const Document create = Document::webhook_create_request;
  const std::string request = example(create);
  expect_ok(replaced(request, R"(,
  "http_method": "post")",
                     ""),
            create);
  expect_ok(replaced(request, R"("post")", R"("get")"), create);
  expect_error(replaced(request, R"("post")", R"("POST")"), create, ErrorCode::invalid_value,
               "/http_method");
  expect_error(replaced(request, R"("interview_completed")", R"("interview_ended")"), create,
               ErrorCode::invalid_value, "/event_type");
  expect_error(replaced(request, R"("posting_123")", R"("")"), create, ErrorCode::invalid_value,
               "/posting_id");
  for (std::string_view url :
       {"https://x", "http://x", "HTTPS://EXAMPLE.COM", "hTtP://x.com", "http:\\/\\/x.com",
        "http://user@host:8080/p?q#f", "http://[::1]:80/"})
    expect_ok(replaced(request, "https://your-domain.com/webhook-endpoint", url), create);
  for (std::string_view url :
       {"your-domain.com/hook", "https://", "http://", "http:/", "http://:80/", "ftp://x.com",
        "httpx://x.com", "https//x.com", "http:x.com", "https://exa mple.com", "mailto:a@b.c",
        "https:/x.com"})
    expect_error(replaced(request, "https://your-domain.com/webhook-endpoint", url), create,
                 ErrorCode::invalid_value, "/url");
}

// The URL check reads 16 bytes at a time: every part of a URL at every offset in a block.
TEST_F(Rules, UrlPartsAreFoundAtEveryOffset) {
  const Document create = Document::webhook_create_request;
  const std::string request = example(create);
  for (std::size_t n = 0; n <= 40; ++n) {
    const std::string pad(n, 'a');
    const bool padded = n > 0;
    const std::pair<std::string, bool> cases[] = {
        {"https://" + pad + "x.com/p", true},
        {"http://u" + pad + "@h:8080/x", true},
        {"http://" + pad + "@", false},      // an empty host after the userinfo
        {"http://" + pad + "@:80", false},   // a port without a host
        {"http://" + pad + ":80@h/", true},  // the ':' before the '@' is userinfo
        {"http://" + pad + "/@", padded},    // the '@' is in the path
        {"http://h/" + pad + "@:", true},    // after the authority, anything goes
        {"http://h/" + pad + " ", false},    // but never a space
        {"http://h/" + pad + " " + std::string(20, 'a'), false},  // in any block
        {"http://h" + pad + "\\u0001", false},                    // nor a control character
        {"http://h?" + pad + "\\u007f", false},                   // nor DEL
        {"http://h/" + pad + "\\u00a0", false},  // nor Unicode white space (RFC 3986)
        {"http://h" + pad + "\u2028.com", false},
        {"http://h/" + pad + "\u3000" + std::string(20, 'a'), false},
        {"http://h/" + pad + "\\u0085", false},  // nor a C1 control character
        {"http://h/" + pad + "\u009f" + "x", false},
        {"http://h\u00e9" + pad + "/caf\u00e9\u4e2d", true},  // other non-ASCII is not banned
        {"http://[" + pad + "]:1", padded},                   // an IPv6 literal needs a body
        {"http://" + pad + "#", padded},                      // the fragment ends the authority
    };
    for (const auto& [url, valid] : cases) {
      SCOPED_TRACE(url);
      const std::string json = replaced(request, "https://your-domain.com/webhook-endpoint", url);
      if (valid) {
        expect_ok(json, create);
      } else {
        expect_error(json, create, ErrorCode::invalid_value, "/url");
      }
    }
  }
}

// Rule 10: lenient mode keeps the identifiers.
TEST_F(Rules, LenientModeKeepsTheIdentifiers) {
  const Options lenient{.mode = Mode::lenient};
  expect_ok(R"({"interview_id": "a", "posting_id": "b", "timestamp": 1})", started_, lenient);
  expect_ok(R"({"interview_id": "a", "posting_id": "b", "timestamp": 1})", report_, lenient);
  expect_error(R"({"interview_id": "a", "timestamp": 1})", report_, ErrorCode::missing_field,
               "/posting_id", lenient);
  expect_ok("{}", Document::webhook, lenient);
  expect_error(R"({"posting_id": "p", "url": "https://x"})", Document::webhook_create_request,
               ErrorCode::missing_field, "/event_type", lenient);
  // The rules still hold for what is present.
  expect_error(R"({"interview_id": "a", "posting_id": "b", "timestamp": "1"})", started_,
               ErrorCode::wrong_type, "/timestamp", lenient);
}

// Rule 11: detection from the root's keys.
TEST_F(Rules, DetectionFollowsTheKeyPrecedence) {
  const auto detected = [&](const std::string& json) {
    parser_.set_options({.mode = Mode::lenient});
    auto result = parser_.parse(json);
    EXPECT_TRUE(result.ok()) << json << ": " << to_string(result.error());
    return result.ok() ? to_string(document_of(*result)) : "error";
  };
  const std::string ids = R"("interview_id": "a", "posting_id": "b", "timestamp": 1)";
  EXPECT_EQ(detected("{" + ids + R"(, "metadata": {}})"), "interview_started");
  EXPECT_EQ(detected("{" + ids + R"(, "completion_timestamp": 2})"), "interview_completed");
  EXPECT_EQ(detected("{" + ids + R"(, "parent_conversation_id": "p", "metadata": {}})"),
            "interview_completed");
  EXPECT_EQ(detected("{" + ids + R"(, "workflow_completed": true, "report_url": "u"})"),
            "report_available");
  EXPECT_EQ(detected("{" + ids + R"(, "agentic\u005fdata": {}})"), "report_available");
}

TEST_F(Rules, UndetectableOrBrokenPayloads) {
  Error error = detect_error(R"( {"interview_id": "a"})");
  EXPECT_EQ(error.code, ErrorCode::unknown_event);
  EXPECT_EQ(error.path, "");
  EXPECT_EQ(error.offset, 1);  // the root's '{'
  // Rule 11's keys in precedence, each event's in its table's order.
  EXPECT_EQ(error.message,
            "the root has none of the keys that identify an event (report_url, agentic_data, "
            "interview_data_model, parent_conversation_id, workflow_completed, "
            "completion_timestamp, metadata)");
  EXPECT_EQ(detect_error(R"({"interview_id": "a", "x": [1,]})").code, ErrorCode::invalid_json);
  EXPECT_EQ(detect_error(R"({"metadata": null, "x": tru})").code, ErrorCode::invalid_json);
  EXPECT_EQ(detect_error("[]").code, ErrorCode::wrong_type);
  // Detected, then validated as that event.
  error = detect_error(R"({"report_url": "u"})");
  EXPECT_EQ(error.code, ErrorCode::missing_field);
  EXPECT_EQ(error.path, "/interview_id");
}

// What the parser read an input as, for a caller reporting an invalid payload by its event.
TEST_F(Rules, LastDocumentIsTheEventReadValidOrNot) {
  parser_.set_options({});
  EXPECT_TRUE(parser_.parse(example(started_)).ok());
  EXPECT_EQ(parser_.last_read_as(), started_);
  EXPECT_FALSE(parser_.parse(R"({"report_url": "u"})").ok());  // detected, then invalid
  EXPECT_EQ(parser_.last_read_as(), report_);
  EXPECT_FALSE(parser_.parse(R"({"interview_id": "a"})").ok());  // unknown_event
  EXPECT_EQ(parser_.last_read_as(), std::nullopt);
  EXPECT_FALSE(parser_.parse(R"({"metadata": )").ok());  // not JSON: never detected
  EXPECT_EQ(parser_.last_read_as(), std::nullopt);
  EXPECT_FALSE(parser_.parse("[{}]").ok());  // not an object: nothing to detect from
  EXPECT_EQ(parser_.last_read_as(), std::nullopt);
  // Detection reads the root's keys, not the values it passes: broken JSON after a key that
  // decides is found by the walk of the detected event.
  auto broken = parser_.parse(R"({"report_url": "u", "x": tru})");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().code, ErrorCode::invalid_json);
  EXPECT_EQ(parser_.last_read_as(), report_);
  EXPECT_FALSE(parser_.parse("[", Document::webhook_list).ok());  // asked for
  EXPECT_EQ(parser_.last_read_as(), Document::webhook_list);
}

// Rule 12: code, pointer (with ~0 and ~1), offset and message.
TEST_F(Rules, ErrorsCarryPathOffsetAndMessage) {
  const std::string report =
      replaced(example(report_), R"("match_score": 78)", R"("match_score": 101)");
  auto result = parser_.parse_report_available(report);
  ASSERT_FALSE(result.ok());
  const Error& error = result.error();
  EXPECT_EQ(error.offset, static_cast<std::int64_t>(report.find("101")));
  EXPECT_EQ(to_string(error),
            "/agentic_data/web_interview_info/summary/match_score: out_of_range: 101 is outside "
            "0..100");

  expect_error(started_with(R"("a/b~c": {"d": [0, tru]})"), started_, ErrorCode::invalid_json,
               "/a~1b~0c/d/1");
  const std::string missing = replaced(example(started_), R"("candidate_id": "B4C5D6E7",)", "");
  auto started = parser_.parse_interview_started(missing);
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.error().path, "/metadata/candidate_id");
  EXPECT_EQ(started.error().offset, static_cast<std::int64_t>(missing.find("{", 1)));
  EXPECT_NE(started.error().message.find("candidate_id"), std::string_view::npos);
}

// Rule 13 with rule 1: a broken document is invalid_json even after another violation.
TEST_F(Rules, InvalidJsonWinsOverEarlierViolations) {
  const std::string json = replaced(example(started_), R"("F9E8D7C6",)", R"(42,)") + "]";
  expect_error(json, started_, ErrorCode::invalid_json, "");
  expect_invalid_json(replaced(started_with(R"("x": [1, 2 3])"), "\"A1B2C3D4E5F60718\"", "1"),
                      started_, "/x");
}

}  // namespace
}  // namespace heymilo
