// Rule 11 along the walk: a payload of unknown event is read as interview_started until a
// root key of another event turns up, and the walk then starts again as that event. Whatever
// the order of the root's keys, and whatever is wrong with the payload, parse(json) must give
// what reading the keys first and then parsing as their event gives: the same view or the
// same error, and the same last_read_as().
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <heymilo/detail/tables.hpp>
#include <heymilo/heymilo.hpp>
#include <heymilo/json_writer.hpp>

#include "support/event_keys.hpp"
#include "support/json_tree.hpp"

namespace heymilo {
namespace {

using test::Json;
using test::JsonObject;

// What a parse gave, as text: the view's JSON, or the error with its offset.
std::string outcome(const Result<AnyDocument>& result) {
  std::string text;
  if (result.ok()) {
    append_json(text, *result);
  } else {
    text = to_string(result.error()) + " @" + std::to_string(result.error().offset);
  }
  return text;
}

void expect_detected_as_read(Parser& parser, const JsonObject& root) {
  const std::string json = test::to_json(Json{root});
  SCOPED_TRACE(json);
  const std::string detected = outcome(parser.parse(json));
  const std::optional<Document> detected_as = parser.last_read_as();
  std::vector<std::string_view> keys;
  for (const auto& [key, value] : root) keys.push_back(key);
  const std::optional<Document> event = test::event_named_by(keys);
  if (!event) {
    EXPECT_EQ(detected_as, std::nullopt);
    EXPECT_NE(detected.find("unknown_event"), std::string::npos) << detected;
    return;
  }
  EXPECT_EQ(detected_as, event);
  EXPECT_EQ(detected, outcome(parser.parse(json, *event)));
}

// The root's members turned `by` places (the first `by` go last).
JsonObject rotated(JsonObject members, std::size_t by) {
  std::rotate(members.begin(), members.begin() + static_cast<std::ptrdiff_t>(by), members.end());
  return members;
}

TEST(Detection, TheWalkDecidesAsReadingTheKeysFirstWouldInEveryKeyOrder) {
  const std::pair<std::string, Json> deciding[] = {
      {"metadata", Json{JsonObject{}}},
      {"parent_conversation_id", Json{std::string("p")}},
      {"workflow_completed", Json{true}},
      {"report_url", Json{std::string("https://x.example/r.pdf")}},
      {"agentic_data", Json{nullptr}},
  };
  Parser parser;
  int cases = 0;
  for (const Document document :
       {Document::interview_started, Document::interview_completed, Document::report_available}) {
    const Json example = test::parse_json(
        test::read_file(test::data_path(std::string(to_string(document)) + ".json")));
    for (const Mode mode : {Mode::strict, Mode::lenient}) {
      parser.set_options({.mode = mode});
      for (const bool broken_id : {false, true}) {  // an error before or after the deciding keys
        JsonObject root = example.object();
        if (broken_id) root.front().second = Json{std::int64_t{7}};
        for (std::size_t turn = 0; turn < root.size(); ++turn) {
          const JsonObject turned = rotated(root, turn);
          expect_detected_as_read(parser, turned);
          for (const auto& extra : deciding) {
            for (std::size_t at = 0; at <= turned.size(); ++at) {
              JsonObject with = turned;
              with.insert(with.begin() + static_cast<std::ptrdiff_t>(at), extra);
              expect_detected_as_read(parser, with);
              ++cases;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(cases, 1000);
}

TEST(Detection, RootsWithoutAnEventKeyAreUnknownWhateverElseTheyHold) {
  Parser parser;
  for (const Mode mode : {Mode::strict, Mode::lenient}) {
    parser.set_options({.mode = mode});
    expect_detected_as_read(parser, {{"interview_id", Json{std::string("a")}},
                                     {"posting_id", Json{std::string("b")}},
                                     {"timestamp", Json{std::int64_t{1}}}});
    expect_detected_as_read(parser, {});
    expect_detected_as_read(parser, {{"x", Json{JsonObject{{"metadata", Json{nullptr}}}}}});
  }
}

// The keys rule 11 decides by are declared on the fields (identifies_event()). Each root key
// of every document, alone at the root, is detected as the contract's reading of the rule
// (support/event_keys.hpp, written apart from the tables) says: a key that lost its
// declaration, or a field declared as a key that the contract does not name, fails here.
TEST(Detection, EveryRootKeyAloneIsDetectedAsTheContractReads) {
  Parser parser;
  int keys = 0;
  for (const Document document : kAllDocuments) {
    for (const tables::FieldInfo& field : tables::describe(document).fields) {
      const std::string json = R"({")" + std::string(field.name) + R"(": null})";
      SCOPED_TRACE(json);
      const std::string_view key[] = {field.name};
      (void)parser.parse(json);
      EXPECT_EQ(parser.last_read_as(), test::event_named_by(key));
      ++keys;
    }
  }
  EXPECT_GT(keys, 30);
}

// The declared keys: every key alone decides its event, and every two keys (in both orders)
// the event that comes first in precedence, as the contract's reading does too.
TEST(Detection, TheDeclaredKeysDecideTheirEventsInPrecedence) {
  std::vector<std::pair<std::string_view, Document>> declared;
  for (const Document event : tables::kEventPrecedence)
    for (const tables::FieldInfo& field : tables::describe(event).fields)
      if (field.event_key) declared.emplace_back(field.name, event);
  ASSERT_FALSE(declared.empty());
  Parser parser;
  const auto detected = [&](const std::string& json) {
    SCOPED_TRACE(json);
    (void)parser.parse(json);
    return parser.last_read_as();
  };
  for (const auto& [key, event] : declared) {
    EXPECT_EQ(detected(R"({")" + std::string(key) + R"(": null})"), event);
    for (const auto& [other, other_event] : declared) {
      if (other == key) continue;
      const std::string_view keys[] = {key, other};
      const Document first =
          *std::ranges::find_first_of(tables::kEventPrecedence, std::array{event, other_event});
      EXPECT_EQ(first, test::event_named_by(keys));
      EXPECT_EQ(detected(R"({")" + std::string(key) + R"(": null, ")" + std::string(other) +
                         R"(": null})"),
                first);
    }
  }
}

// unknown_event names every declared key, in precedence and then in its table's order.
TEST(Detection, UnknownEventNamesEachDeclaredKey) {
  std::string keys;
  for (const Document event : tables::kEventPrecedence)
    for (const tables::FieldInfo& field : tables::describe(event).fields)
      if (field.event_key) keys.append(keys.empty() ? "" : ", ").append(field.name);
  Parser parser;
  for (const std::string_view json : {R"({})", R"({"interview_id": "a", "x": {"metadata": {}}})"}) {
    auto result = parser.parse(json);
    ASSERT_FALSE(result.ok()) << json;
    EXPECT_EQ(result.error().code, ErrorCode::unknown_event);
    EXPECT_EQ(result.error().message,
              "the root has none of the keys that identify an event (" + keys + ")");
  }
}

}  // namespace
}  // namespace heymilo
