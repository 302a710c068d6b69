// JSONTestSuite's test_transform files: valid (or nearly valid) inputs that parsers decode
// differently. They show that a repeated key, written the same way or with escapes, cannot
// smuggle a second value past the library (rule 8), and how it reads the numbers and
// strings parsers disagree on.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "entry_points.hpp"
#include "support/json_tree.hpp"

namespace heymilo::conformance {
namespace {

std::string transform_file(std::string_view name) {
  return test::read_file(test::data_path("jsontestsuite/test_transform/" + std::string(name)));
}

std::string example(Document document) {
  return test::read_file(test::data_path(std::string(to_string(document)) + ".json"));
}

// The members of a one-object file (`{"a":1,"a":2}` gives `"a":1,"a":2`).
std::string members(std::string_view file) {
  const std::string text = transform_file(file);
  return text.substr(text.find('{') + 1, text.rfind('}') - text.find('{') - 1);
}

// Replaces every occurrence of `from` in `text`, or only the n-th (counting from 0).
std::string replace(std::string text, std::string_view from, std::string_view to, int nth = -1) {
  int seen = 0;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    if (nth < 0 || seen == nth) {
      text.replace(at, from.size(), to);
      at += to.size();
    } else {
      at += from.size();
    }
    ++seen;
  }
  return text;
}

constexpr std::string_view kRepeatedKeys[] = {
    "object_same_key_different_values.json",  // {"a":1,"a":2}
    "object_same_key_same_value.json",        // {"a":1,"a":1}
    "object_same_key_unclear_values.json",    // {"a":0, "a":-0}
};

TEST(Transform, RepeatedUnknownKeysAreSkipped) {
  for (std::string_view file : kRepeatedKeys) {
    for (std::optional<Document> document :
         {std::optional(Document::interview_started), std::optional<Document>()}) {
      const Outcome outcome =
          parse_everywhere(spliced_into_example(transform_file(file)), document);
      EXPECT_TRUE(outcome.accepted()) << file << ": " << outcome.text;
    }
  }
}

TEST(Transform, ARepeatedDocumentedKeyIsADuplicateHoweverItIsSpelled) {
  // The root's `timestamp` (a number) replaced by the file's members under its name, the
  // second occurrence also written with escapes.
  std::string started = example(Document::interview_started);
  const std::size_t timestamp = started.find("\"timestamp\"");
  started.erase(timestamp, started.find(',', timestamp) + 1 - timestamp);
  for (std::string_view file : kRepeatedKeys) {
    for (std::string_view second :
         {R"("timestamp")", R"("time\u0073tamp")", R"("\u0074imestamp")"}) {
      const std::string repeated =
          replace(replace(members(file), "\"a\"", "\"timestamp\""), "\"timestamp\"", second, 1);
      std::string json = started;
      json.insert(json.find('{') + 1, repeated + ",");
      for (std::optional<Document> document :
           {std::optional(Document::interview_started), std::optional<Document>()}) {
        Parser parser;
        auto result = document ? parser.parse(json, *document) : parser.parse(json);
        ASSERT_FALSE(result.ok()) << json;
        EXPECT_EQ(result.error().code, ErrorCode::duplicate_key) << json;
        EXPECT_EQ(result.error().path, "/timestamp");
        const std::size_t first = json.find("\"timestamp\"");
        EXPECT_EQ(result.error().offset, static_cast<std::int64_t>(json.find(second, first + 1)));
        EXPECT_EQ(parse_everywhere(json, document).error, ErrorCode::duplicate_key);
      }
    }
  }
}

TEST(Transform, KeysAreComparedByTheirBytesWithoutUnicodeNormalisation) {
  // "é" precomposed (NFC) and decomposed (NFD) are two different keys, so neither file
  // repeats a key: accepted as an unknown field, and as unknown members of the root.
  for (std::string_view file : {"object_key_nfc_nfd.json", "object_key_nfd_nfc.json"}) {
    EXPECT_TRUE(
        parse_everywhere(spliced_into_example(transform_file(file)), Document::interview_started)
            .accepted())
        << file;
    std::string json = example(Document::interview_started);
    json.insert(json.find('{') + 1, members(file) + ",");
    EXPECT_TRUE(parse_everywhere(json, Document::interview_started).accepted()) << file;
  }
}

// The number files as an unknown field's value (accepted exactly where simdjson's DOM
// accepts), as a documented integer (`rank` of the report's first question: integral and
// within int64, else out_of_range) and as a documented number (a webhook's `created_at`).
struct NumberCase {
  std::string_view file;
  bool unknown_ok;
  std::optional<std::int64_t> integer;  // none: out_of_range
  double number;                        // the nearest double
};

constexpr NumberCase kNumbers[] = {
    {"number_-9223372036854775808.json", true, INT64_MIN, -9223372036854775808.0},
    // Beyond int64: the DOM and unknown fields reject it, a documented number takes the
    // nearest double (contract rule 4: any number finite as a double).
    {"number_-9223372036854775809.json", false, std::nullopt, -9223372036854775809.0},
    {"number_1.0.json", true, 1, 1.0},
    // An integer's value is read from its digits, not as a double (which would round these
    // two to 1 and 0): both have a fraction (README "Choices").
    {"number_1.000000000000000005.json", true, std::nullopt, 1.0},
    {"number_1000000000000000.json", true, 1000000000000000, 1e15},
    {"number_10000000000000000999.json", true, std::nullopt, 10000000000000000999.0},
    {"number_1e-999.json", true, std::nullopt, 0.0},
    {"number_1e6.json", true, 1000000, 1e6},
    {"number_9223372036854775807.json", true, INT64_MAX, 9223372036854775807.0},
    {"number_9223372036854775808.json", true, std::nullopt, 9223372036854775808.0},
};

std::string number_of(std::string_view file) {
  const std::string array = transform_file(file);  // "[N]\n"
  return array.substr(1, array.find(']') - 1);
}

TEST(Transform, NumbersInUnknownFieldsAreAcceptedWhereTheDomAcceptsThem) {
  for (const NumberCase& number : kNumbers) {
    const Outcome outcome =
        parse_everywhere(spliced_into_example(number_of(number.file)), Document::interview_started);
    if (number.unknown_ok) {
      EXPECT_TRUE(outcome.accepted()) << number.file << ": " << outcome.text;
    } else {
      EXPECT_EQ(outcome.error, ErrorCode::invalid_json) << number.file << ": " << outcome.text;
    }
  }
}

TEST(Transform, NumbersInAnIntegerFieldReadExactlyOrAreOutOfRange) {
  const std::string report = example(Document::report_available);
  for (const NumberCase& number : kNumbers) {
    const std::string json =
        replace(report, "\"rank\": 1", "\"rank\": " + number_of(number.file), 0);
    Parser parser;
    auto result = parser.parse_report_available(json);
    if (!number.integer) {
      ASSERT_FALSE(result.ok()) << number.file;
      EXPECT_EQ(result.error().code, ErrorCode::out_of_range) << to_string(result.error());
      continue;
    }
    ASSERT_TRUE(result.ok()) << number.file << ": " << to_string(result.error());
    const auto& question = (*result->agentic_data->web_interview_info->scorecard->questions)[0];
    EXPECT_EQ(*question.rank, *number.integer) << number.file;
  }
}

TEST(Transform, NumbersInANumberFieldReadAsTheNearestDouble) {
  const std::string webhook = example(Document::webhook);
  const std::size_t at = webhook.find("\"created_at\"");
  const std::size_t value = webhook.find(':', at) + 1;
  for (const NumberCase& number : kNumbers) {
    std::string json = webhook;
    json.replace(value, webhook.find_first_of(",}", value) - value, number_of(number.file));
    Parser parser;
    auto result = parser.parse_webhook(json);
    ASSERT_TRUE(result.ok()) << number.file << ": " << to_string(result.error());
    EXPECT_EQ(*result->created_at, number.number) << number.file;
  }
}

TEST(Transform, StringsDecodeLikeTheDomOrAreInvalidJson) {
  // Each file's string as the candidate's name: lone surrogates, escaped or encoded, are
  // invalid_json; "A\u0000B" keeps its NUL.
  const std::string started = example(Document::interview_started);
  for (std::string_view file :
       {"string_1_escaped_invalid_codepoint.json", "string_1_invalid_codepoint.json",
        "string_2_escaped_invalid_codepoints.json", "string_2_invalid_codepoints.json",
        "string_3_escaped_invalid_codepoints.json", "string_3_invalid_codepoints.json",
        "string_with_escaped_NULL.json"}) {
    const std::string array = transform_file(file);
    const std::string string = array.substr(1, array.rfind(']') - 1);
    const std::string json = replace(started, "\"Jane Doe\"", string);
    Parser parser;
    auto result = parser.parse_interview_started(json);
    std::optional<test::Json> dom;
    try {
      dom = test::parse_json(array);
    } catch (const std::runtime_error&) {
    }
    if (!dom) {
      ASSERT_FALSE(result.ok()) << file;
      EXPECT_EQ(result.error().code, ErrorCode::invalid_json) << to_string(result.error());
      continue;
    }
    ASSERT_TRUE(result.ok()) << file << ": " << to_string(result.error());
    EXPECT_EQ(*result->metadata->candidate_name, std::get<std::string>(dom->array()[0].value))
        << file;
  }
}

}  // namespace
}  // namespace heymilo::conformance
