// JSONTestSuite (tests/data/jsontestsuite/test_parsing, MIT licence): every file, as each
// document and under detection, in both modes, through every entry point; on its own and
// spliced in as the value of an unknown field of the docs' interview_started example.
//   n_  rejected as invalid_json or too_deep, both ways (rule 1; no n_ file happens to
//       make the spliced payload valid JSON, so there are no exceptions);
//   y_  never invalid_json or too_deep on its own (it may break another rule, e.g.
//       wrong_type for a root that is not an object), and accepted when spliced, with the
//       example's extract unchanged (an unknown field is skipped);
//   i_  the library's choice for each file, in kChoices below.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "entry_points.hpp"
#include "support/json_tree.hpp"

namespace heymilo::conformance {
namespace {

std::string suite_path(const std::string& file) {
  return test::data_path("jsontestsuite/test_parsing/" + file);
}

std::vector<std::string> suite_files(std::string_view prefix) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(suite_path("")))
    if (const std::string name = entry.path().filename(); name.starts_with(prefix))
      files.push_back(name);
  std::sort(files.begin(), files.end());
  return files;
}

// The file name as a test name: letters, digits and '_' kept, any other byte as _XX (hex),
// so that n_number_1.0e+ and n_number_1.0e- stay apart.
std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (unsigned char c : info.param.substr(0, info.param.rfind(".json"))) {
    if (std::isalnum(c) || c == '_') {
      name += static_cast<char>(c);
    } else {
      constexpr char kHex[] = "0123456789abcdef";
      name.append({'_', kHex[c >> 4], kHex[c & 15]});
    }
  }
  return name;
}

// Calls check(outcome, description) for the file on its own and spliced, for every target
// and mode.
template <class Check>
void for_each_outcome(const std::string& file, Check check) {
  const std::string json = test::read_file(suite_path(file));
  const std::string spliced = spliced_into_example(json);
  for (Mode mode : {Mode::strict, Mode::lenient}) {
    for (std::optional<Document> document : all_targets()) {
      const std::string where =
          target_name(document) + (mode == Mode::strict ? ", strict" : ", lenient");
      check(parse_everywhere(json, document, mode), false, "on its own as " + where);
      if (document && document != Document::interview_started) continue;
      check(parse_everywhere(spliced, document, mode), true, "spliced, as " + where);
    }
  }
}

class Rejected : public testing::TestWithParam<std::string> {};

TEST_P(Rejected, AsInvalidJsonOnItsOwnAndSpliced) {
  for_each_outcome(GetParam(), [](const Outcome& outcome, bool, const std::string& where) {
    EXPECT_TRUE(outcome.json_error()) << where << ": " << outcome.text;
  });
}
INSTANTIATE_TEST_SUITE_P(JsonTestSuite, Rejected, testing::ValuesIn(suite_files("n_")), test_name);

class Accepted : public testing::TestWithParam<std::string> {};

TEST_P(Accepted, AsJsonOnItsOwnAndSplicedWithoutChangingTheExtract) {
  const Outcome example = parse_everywhere(
      test::read_file(test::data_path("interview_started.json")), Document::interview_started);
  for_each_outcome(GetParam(), [&](const Outcome& outcome, bool spliced, const std::string& where) {
    if (!spliced) {
      EXPECT_FALSE(outcome.json_error()) << where << ": " << outcome.text;
      return;
    }
    EXPECT_EQ(outcome.text, example.text) << where;
  });
}
INSTANTIATE_TEST_SUITE_P(JsonTestSuite, Accepted, testing::ValuesIn(suite_files("y_")), test_name);

// The library's choice for each implementation-defined file: whether it is JSON on its own
// (the library then reports another rule, or accepts it), and whether the payload with the
// file as an unknown field's value is accepted (else it is invalid_json).
struct Choice {
  std::string_view file;
  bool json_on_its_own;
  bool accepted_spliced;
  std::string_view why;
};

constexpr std::string_view kUnderflow = "a number that underflows reads as 0, as in the DOM";
constexpr std::string_view kOverflow =
    "beyond the double range: valid syntax for the root check, invalid_json in an unknown "
    "field (where simdjson's DOM rejects it)";
constexpr std::string_view kBigInteger =
    "an integer outside [-2^63, 2^64): valid syntax for the root check, invalid_json in an "
    "unknown field (where simdjson's DOM rejects it)";
constexpr std::string_view kSurrogate = "a lone or broken surrogate escape (rule 1)";
constexpr std::string_view kUtf8 = "not valid UTF-8 (rule 1)";

constexpr Choice kChoices[] = {
    {"i_number_double_huge_neg_exp.json", true, true, kUnderflow},
    {"i_number_huge_exp.json", true, false, kOverflow},
    {"i_number_neg_int_huge_exp.json", true, false, kOverflow},
    {"i_number_pos_double_huge_exp.json", true, false, kOverflow},
    {"i_number_real_neg_overflow.json", true, false, kOverflow},
    {"i_number_real_pos_overflow.json", true, false, kOverflow},
    {"i_number_real_underflow.json", true, true, kUnderflow},
    {"i_number_too_big_neg_int.json", true, false, kBigInteger},
    {"i_number_too_big_pos_int.json", true, false, kBigInteger},
    {"i_number_very_big_negative_int.json", true, false, kBigInteger},
    {"i_object_key_lone_2nd_surrogate.json", false, false, kSurrogate},
    {"i_string_1st_surrogate_but_2nd_missing.json", false, false, kSurrogate},
    {"i_string_1st_valid_surrogate_2nd_invalid.json", false, false, kSurrogate},
    {"i_string_UTF-16LE_with_BOM.json", false, false, "UTF-16 is not UTF-8 (rule 1)"},
    {"i_string_UTF-8_invalid_sequence.json", false, false, kUtf8},
    {"i_string_UTF8_surrogate_U+D800.json", false, false, "an encoded surrogate is not UTF-8"},
    {"i_string_incomplete_surrogate_and_escape_valid.json", false, false, kSurrogate},
    {"i_string_incomplete_surrogate_pair.json", false, false, kSurrogate},
    {"i_string_incomplete_surrogates_escape_valid.json", false, false, kSurrogate},
    {"i_string_invalid_lonely_surrogate.json", false, false, kSurrogate},
    {"i_string_invalid_surrogate.json", false, false, kSurrogate},
    {"i_string_invalid_utf-8.json", false, false, kUtf8},
    {"i_string_inverted_surrogates_U+1D11E.json", false, false, kSurrogate},
    {"i_string_iso_latin_1.json", false, false, kUtf8},
    {"i_string_lone_second_surrogate.json", false, false, kSurrogate},
    {"i_string_lone_utf8_continuation_byte.json", false, false, kUtf8},
    {"i_string_not_in_unicode_range.json", false, false, kUtf8},
    {"i_string_overlong_sequence_2_bytes.json", false, false, kUtf8},
    {"i_string_overlong_sequence_6_bytes.json", false, false, kUtf8},
    {"i_string_overlong_sequence_6_bytes_null.json", false, false, kUtf8},
    {"i_string_truncated-utf-8.json", false, false, kUtf8},
    {"i_string_utf16BE_no_BOM.json", false, false, "UTF-16 is not UTF-8 (rule 1)"},
    {"i_string_utf16LE_no_BOM.json", false, false, "UTF-16 is not UTF-8 (rule 1)"},
    {"i_structure_500_nested_arrays.json", true, true,
     "depth 500 (501 spliced) is within the default limit of 1024"},
    {"i_structure_UTF-8_BOM_empty_object.json", false, false,
     "a byte order mark is not JSON text (RFC 8259 forbids sending one)"},
};

class ImplementationDefined : public testing::TestWithParam<std::string> {};

TEST_P(ImplementationDefined, FollowsTheDocumentedChoice) {
  const auto choice = std::find_if(std::begin(kChoices), std::end(kChoices),
                                   [&](const Choice& c) { return c.file == GetParam(); });
  ASSERT_NE(choice, std::end(kChoices)) << "no choice recorded for " << GetParam();
  SCOPED_TRACE(choice->why);
  for_each_outcome(GetParam(), [&](const Outcome& outcome, bool spliced, const std::string& where) {
    if (!spliced) {
      EXPECT_EQ(!outcome.json_error(), choice->json_on_its_own) << where << ": " << outcome.text;
    } else if (choice->accepted_spliced) {
      EXPECT_TRUE(outcome.accepted()) << where << ": " << outcome.text;
    } else {
      EXPECT_EQ(outcome.error, ErrorCode::invalid_json) << where << ": " << outcome.text;
    }
  });
}
INSTANTIATE_TEST_SUITE_P(JsonTestSuite, ImplementationDefined, testing::ValuesIn(suite_files("i_")),
                         test_name);

TEST(JsonTestSuite, TheWholeSuiteIsThereAndEveryChoiceNamesAFile) {
  EXPECT_EQ(suite_files("y_").size(), 95u);
  EXPECT_EQ(suite_files("n_").size(), 188u);
  const std::vector<std::string> implementation_defined = suite_files("i_");
  EXPECT_EQ(implementation_defined.size(), std::size(kChoices));
  for (const Choice& choice : kChoices)
    EXPECT_TRUE(
        std::count(implementation_defined.begin(), implementation_defined.end(), choice.file))
        << choice.file;
  EXPECT_NO_THROW(test::read_file(test::data_path("jsontestsuite/LICENSE")));
}

}  // namespace
}  // namespace heymilo::conformance
