// The extract proof must be able to fail: compare_projection finds each kind of difference.
#include <gtest/gtest.h>

#include <heymilo/heymilo.hpp>

#include "cli_support.hpp"
#include "projection.hpp"

namespace heymilo::test {
namespace {

constexpr std::string_view kInput =
    R"({"interview_id":"A\u00e9","posting_id":"P","timestamp":1.5,"extra":[1],)"
    R"("metadata":{"candidate_name":"N","candidate_email":"e","candidate_id":"c","metadata":null}})";
constexpr std::string_view kExact =
    R"({"interview_id":"Aé","posting_id":"P","timestamp":1.5,)"
    R"("metadata":{"candidate_name":"N","candidate_email":"e","candidate_id":"c","metadata":null}})";

TEST(Projection, AcceptsTheExactProjection) {
  EXPECT_EQ(compare_projection(Document::interview_started, kInput, kExact), "");
}

TEST(Projection, FindsEveryKindOfDifference) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {R"("interview_id":"Aé",)", ""},                               // a field dropped
      {R"("Aé")", R"("Ae")"},                                        // a string changed
      {R"("timestamp":1.5)", R"("timestamp":1.5000001)"},            // a number changed
      {R"("metadata":null)", R"("metadata":{})"},                    // null replaced
      {R"("posting_id":"P",)", R"("posting_id":"P","extra":[1],)"},  // an unknown field kept
      {R"("candidate_id":"c",)", R"("candidate_id":"c","x":1,)"},    // an invented field
  };
  for (const auto& [from, to] : cases) {
    std::string output(kExact);
    output.replace(output.find(from), from.size(), to);
    EXPECT_NE(compare_projection(Document::interview_started, kInput, output), "") << output;
  }
}

TEST(Projection, IntegersMustBeWrittenAsIntegers) {
  const std::string input = read_file(example_path("report_available"));
  Parser parser;
  const auto result = parser.parse(input);
  ASSERT_TRUE(result.ok());
  std::string output;
  append_json(output, *result);
  EXPECT_EQ(compare_projection(Document::report_available, input, output), "");
  output.replace(output.find("\"match_score\":78"), 16, "\"match_score\":78.0");
  EXPECT_NE(compare_projection(Document::report_available, input, output), "");
}

}  // namespace
}  // namespace heymilo::test
