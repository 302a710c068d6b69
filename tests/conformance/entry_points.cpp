#include "entry_points.hpp"

#include <gtest/gtest.h>

#include "fuzz_support.hpp"
#include "support/json_tree.hpp"

namespace heymilo::conformance {

Outcome parse_everywhere(std::string_view json, std::optional<Document> document, Mode mode) {
  const fuzz::PaddedCopy padded(json);
  const auto run = [&](auto&& parse) {
    Parser parser({.mode = mode});
    const Result<AnyDocument> result = parse(parser);
    return Outcome{result ? std::nullopt : std::optional(result.error().code),
                   fuzz::outcome(result)};
  };
  Outcome outcome;
  if (document) {
    outcome = run([&](Parser& parser) { return parser.parse(json, *document); });
    EXPECT_EQ(run([&](Parser& parser) { return parser.parse(padded.input(), *document); }).text,
              outcome.text)
        << "parse(PaddedInput, document) differs";
    Parser typed({.mode = mode});
    EXPECT_EQ(fuzz::typed_outcome(typed, *document, json), outcome.text)
        << "the typed entry point differs";
  } else {
    outcome = run([&](Parser& parser) { return parser.parse(json); });
    EXPECT_EQ(run([&](Parser& parser) { return parser.parse(padded.input()); }).text, outcome.text)
        << "parse(PaddedInput) differs";
  }
  return outcome;
}

std::span<const std::optional<Document>> all_targets() {
  static const auto targets = [] {
    std::vector<std::optional<Document>> all(std::begin(kAllDocuments), std::end(kAllDocuments));
    all.push_back(std::nullopt);
    return all;
  }();
  return targets;
}

std::string target_name(std::optional<Document> document) {
  return document ? std::string(to_string(*document)) : "detection";
}

std::string spliced_into_example(std::string_view value) {
  std::string json = test::read_file(test::data_path("interview_started.json"));
  json.insert(json.find('{') + 1, "\"zz_unknown\": " + std::string(value) + ",");
  return json;
}

}  // namespace heymilo::conformance
