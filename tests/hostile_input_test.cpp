// Malformed, truncated and hostile inputs: each gets a clear error, never a crash or an
// accept. (The fuzzers in fuzz/ go further; this is the fixed set CI always runs.)
#include <gtest/gtest.h>

#include <heymilo/heymilo.hpp>

#include "support/json_tree.hpp"

namespace heymilo {
namespace {

std::string example(Document document) {
  return test::read_file(test::data_path(std::string(to_string(document)) + ".json"));
}

TEST(HostileInput, EveryTruncationOfTheReportIsInvalidJson) {
  const std::string report = example(Document::report_available);
  const std::size_t end = report.rfind('}');
  Parser parser;
  for (std::size_t length = 0; length < end + 1; ++length) {
    auto result =
        parser.parse(std::string_view(report).substr(0, length), Document::report_available);
    ASSERT_FALSE(result.ok()) << "accepted a prefix of " << length << " bytes";
    ASSERT_EQ(result.error().code, ErrorCode::invalid_json)
        << length << " bytes: " << to_string(result.error());
    ASSERT_FALSE(result.error().message.empty());
  }
  EXPECT_TRUE(
      parser.parse(std::string_view(report).substr(0, end + 1), Document::report_available).ok());
}

TEST(HostileInput, TruncationsAreAlsoInvalidJsonWhenDetecting) {
  const std::string started = example(Document::interview_started);
  Parser parser;
  for (std::size_t length = 0; length < started.rfind('}'); ++length) {
    auto result = parser.parse(std::string_view(started).substr(0, length));
    ASSERT_FALSE(result.ok());
    ASSERT_EQ(result.error().code, ErrorCode::invalid_json) << to_string(result.error());
  }
}

TEST(HostileInput, InvalidUtf8AnywhereIsInvalidJson) {
  const std::string started = example(Document::interview_started);
  Parser parser;
  for (std::string_view bad : {"\x80", "\xc3", "\xe2\x82", "\xf0\x9f\x98", "\xed\xa0\x80",
                               "\xc0\xaf", "\xf8\x88\x80\x80\x80", "\xff"}) {
    for (std::size_t at : {started.find("Jane"), started.find("source"), started.find("{") + 1}) {
      std::string json = started;
      json.insert(at, bad);
      auto result = parser.parse(json, Document::interview_started);
      ASSERT_FALSE(result.ok());
      EXPECT_EQ(result.error().code, ErrorCode::invalid_json) << to_string(result.error());
    }
  }
}

TEST(HostileInput, LoneSurrogatesAreInvalidJsonInValuesAndKeys) {
  Parser parser;
  const std::string started = example(Document::interview_started);
  for (std::string_view escape :
       {R"(\ud800)", R"(\udfff)", R"(\ud800\u0041)", R"(\ud800x)", R"(\udc00\ud800)"}) {
    for (std::string_view target : {"Jane", "source", "zz"}) {
      std::string json = started;
      if (target == "zz") {
        json.insert(1, "\"" + std::string(escape) + "\": 0,");
      } else {
        json.insert(json.find(target), escape);
      }
      auto result = parser.parse(json, Document::interview_started);
      ASSERT_FALSE(result.ok()) << json;
      EXPECT_EQ(result.error().code, ErrorCode::invalid_json) << to_string(result.error());
    }
  }
}

TEST(HostileInput, VeryDeepNestingIsTooDeepWithoutExhaustingTheStack) {
  Parser parser;
  const std::string deep(200000, '[');
  const std::string closed = deep + std::string(200000, ']');
  std::string inside = example(Document::interview_started);
  inside.insert(1, "\"x\": " + closed + ",");
  for (const std::string& json : {closed, inside, std::string("{\"x\":") + deep}) {
    auto result = parser.parse(json, Document::interview_started);
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().code == ErrorCode::too_deep ||
                result.error().code == ErrorCode::invalid_json)
        << to_string(result.error());
  }
  EXPECT_EQ(parser.parse(inside, Document::interview_started).error().code, ErrorCode::too_deep);
  // A depth limit above the cap is clamped, not honoured into a stack overflow.
  parser.set_options({.max_depth = 1'000'000});
  auto result = parser.parse(inside, Document::interview_started);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::too_deep);
}

TEST(HostileInput, TrailingGarbageIsInvalidJson) {
  Parser parser;
  const std::string started = example(Document::interview_started);
  for (std::string_view tail : {"}", "]", ",", "x", "{}", "\"", "null", "\x01", "/* */"}) {
    auto result = parser.parse(started + std::string(tail), Document::interview_started);
    ASSERT_FALSE(result.ok()) << tail;
    EXPECT_EQ(result.error().code, ErrorCode::invalid_json) << to_string(result.error());
  }
}

TEST(HostileInput, NulBytesAndControlCharactersAreInvalidJson) {
  Parser parser;
  std::string started = example(Document::interview_started);
  for (char control : {'\0', '\x01', '\x1f', '\n', '\t'}) {
    std::string json = started;
    json.insert(json.find("Jane"), 1, control);
    auto result = parser.parse(json, Document::interview_started);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::invalid_json) << to_string(result.error());
  }
}

TEST(HostileInput, DuplicateKeysCannotSmuggleASecondValue) {
  Parser parser;
  const std::string report = example(Document::report_available);
  for (std::string_view key :
       {R"("match_score")", R"("match\u005fscore")", R"("\u006datch_score")"}) {
    std::string json = report;
    json.insert(json.find(R"("match_score")"), std::string(key) + ": 5, ");
    auto result = parser.parse(json, Document::report_available);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::duplicate_key);
    EXPECT_EQ(result.error().path, "/agentic_data/web_interview_info/summary/match_score");
  }
}

TEST(HostileInput, ParserReuseKeepsNoStateBetweenDocuments) {
  Parser parser;
  const std::string report = example(Document::report_available);
  const std::string started = example(Document::interview_started);
  std::string first;
  {
    auto result = parser.parse_report_available(report);
    ASSERT_TRUE(result.ok());
    append_json(first, *result);
  }
  ASSERT_FALSE(parser.parse("{\"broken\": [", Document::report_available).ok());
  auto other = parser.parse_interview_started(started);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(*other->metadata->candidate_id, "B4C5D6E7");
  EXPECT_TRUE(other->metadata->metadata->candidate_metadata_id.is_absent());
  auto again = parser.parse_report_available(report);
  ASSERT_TRUE(again.ok());
  std::string second;
  append_json(second, *again);
  EXPECT_EQ(first, second);
}

TEST(HostileInput, PaddedInputIsReadInPlace) {
  Parser parser;
  std::string report = example(Document::report_available);
  auto result = parser.parse(padded(report), Document::report_available);
  ASSERT_TRUE(result.ok());
  const auto* view = std::get<const ReportAvailable*>(*result);
  const std::string_view name = *view->metadata->candidate_name;
  EXPECT_GE(name.data(), report.data());
  EXPECT_LT(name.data(), report.data() + report.size());
  // Unpadded input is copied: its views point elsewhere.
  const std::string copy = report;
  auto copied = parser.parse_report_available(std::string_view(copy.data(), copy.size()));
  ASSERT_TRUE(copied.ok());
  const std::string_view copied_name = *copied->metadata->candidate_name;
  EXPECT_FALSE(copied_name.data() >= copy.data() && copied_name.data() < copy.data() + copy.size());
}

}  // namespace
}  // namespace heymilo
