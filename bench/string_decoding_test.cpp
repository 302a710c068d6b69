// The walker's string paths (views of strings before, between and after escapes; the SSE2
// and AVX2 decoding loops, escapes at block edges) against simdjson's DOM: every length up
// to 140 bytes with each kind of escape at every position, from a padded buffer read in
// place and from an unpadded one, and every pair of escapes in strings up to 36 letters.
#include <gtest/gtest.h>

#include <string>

#include <simdjson.h>
#include <heymilo/heymilo.hpp>

#include "string_scan.hpp"

namespace heymilo {
namespace {

std::string create_request(std::string_view posting_id) {
  return R"({"posting_id":")" + std::string(posting_id) +
         R"(","url":"https://x.example/","event_type":"interview_started","http_method":"post"})";
}

constexpr std::string_view kEscapes[] = {R"(\n)", R"(\")", R"(\\)", R"(\u00e9)", R"(\ud83d\ude00)"};

// Calls check(text) with every string body up to 140 letters with each escape at each place.
template <class Check>
void for_each_escaped_text(Check check) {
  for (int length = 1; length <= 140; ++length) {
    for (int at = -1; at < length; ++at) {
      for (std::string_view escape : kEscapes) {
        std::string text;
        for (int i = 0; i < length; ++i) text += static_cast<char>('a' + i % 26);
        if (at >= 0) text.insert(static_cast<std::size_t>(at), escape);
        check(text);
      }
    }
  }
}

TEST(StringDecoding, MatchesTheDomAtEveryLengthAndEscapePosition) {
  Parser parser;
  simdjson::dom::parser dom;
  for_each_escaped_text([&](const std::string& text) {
    const std::string json = create_request(text);
    std::string_view expected;
    ASSERT_EQ(dom.parse(json)["posting_id"].get(expected), simdjson::SUCCESS) << json;
    std::string padded_copy = json;
    for (bool in_place : {false, true}) {  // one parse at a time: a parse ends the last's views
      auto result = in_place ? parser.parse(padded(padded_copy), Document::webhook_create_request)
                             : parser.parse(json, Document::webhook_create_request);
      ASSERT_TRUE(result.ok()) << json << ": " << to_string(result.error());
      ASSERT_EQ(*std::get<const WebhookCreateRequest*>(*result)->posting_id, expected) << json;
    }
  });
}

// Both decoding loops on the body `text` of the JSON string whose value is `expected` (the
// parser takes the AVX2 loop where the CPU has it).
void expect_loops_decode(const std::string& text, std::string_view expected) {
  std::string input = text + std::string(64, ' ');  // the loops read past the closing quote
  const char* end = input.data() + text.size();
  std::string out(text.size() + 32, '\0');  // and write up to 31 bytes past the output
  const char* written = detail::decode_string_body_sse2(input.data(), end, out.data());
  ASSERT_NE(written, nullptr) << text;
  ASSERT_EQ(std::string_view(out.data(), written), expected) << text;
#if HEYMILO_AVX2_AT_RUN_TIME
  if (!detail::kHasAvx2) return;
  written = detail::decode_string_body_avx2(input.data(), end, out.data());
  ASSERT_NE(written, nullptr) << text;
  ASSERT_EQ(std::string_view(out.data(), written), expected) << text;
#endif
}

TEST(StringDecoding, TheSse2AndAvx2LoopsDecodeAlike) {
  simdjson::dom::parser dom;
  for_each_escaped_text([&](const std::string& text) {
    std::string_view expected;
    ASSERT_EQ(dom.parse('"' + text + '"').get(expected), simdjson::SUCCESS) << text;
    expect_loops_decode(text, expected);
  });
}

// Two escapes side by side or apart, around the 16- and 32-byte block edges, through the
// parser and both loops: a run of backslashes must split into the right escapes wherever it
// falls.
TEST(StringDecoding, TwoEscapesAtEveryPairOfPlaces) {
  Parser parser;
  simdjson::dom::parser dom;
  for (std::size_t length = 0; length <= 36; ++length) {
    for (std::size_t first = 0; first <= length; ++first) {
      for (std::size_t second = first; second <= length; ++second) {
        for (std::string_view a : kEscapes) {
          for (std::string_view b : kEscapes) {
            std::string text(length, 'x');
            text.insert(second, b);
            text.insert(first, a);
            const std::string json = create_request(text);
            std::string_view expected;
            ASSERT_EQ(dom.parse(json)["posting_id"].get(expected), simdjson::SUCCESS) << json;
            auto result = parser.parse(json, Document::webhook_create_request);
            ASSERT_TRUE(result.ok()) << json << ": " << to_string(result.error());
            ASSERT_EQ(*std::get<const WebhookCreateRequest*>(*result)->posting_id, expected)
                << json;
            expect_loops_decode(text, expected);
          }
        }
      }
    }
  }
}

TEST(StringDecoding, RejectsABadEscapeAtEveryPosition) {
  Parser parser;
  for (int length = 1; length <= 140; ++length) {
    for (int at = 0; at < length; ++at) {
      for (std::string_view bad : {R"(\x)", R"(\u12G4)", R"(\ud800)", R"(\udc00\ud800)"}) {
        std::string text(static_cast<std::size_t>(length), 'a');
        text.insert(static_cast<std::size_t>(at), bad);
        auto result = parser.parse(create_request(text), Document::webhook_create_request);
        ASSERT_FALSE(result.ok()) << text;
        ASSERT_EQ(result.error().code, ErrorCode::invalid_json) << text;
      }
    }
  }
}

}  // namespace
}  // namespace heymilo
