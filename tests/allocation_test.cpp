// A warm parser allocates nothing: global operator new is replaced in this test binary by
// a counting one, and parses after a warm-up must not call it.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include <heymilo/heymilo.hpp>

#include "support/json_tree.hpp"

namespace {
std::atomic<std::size_t> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
// simdjson allocates with new (std::nothrow): counted too, and paired with the free()
// below (AddressSanitizer reports new[] released by free() otherwise).
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size ? size : 1);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return operator new(size, std::nothrow);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace heymilo {
namespace {

using test::Json;

std::string example(Document document) {
  return test::read_file(test::data_path(std::string(to_string(document)) + ".json"));
}

// The docs' report grown to about `bytes` by repeating its questions and transcript entries.
std::string large_report(std::size_t bytes) {
  Json report = test::parse_json(example(Document::report_available));
  Json& info = *report.find("agentic_data")->find("web_interview_info");
  auto& questions = info.find("scorecard")->find("questions")->array();
  auto& transcript = info.find("transcript")->find("transcript")->array();
  const Json question = questions[1];
  const Json entry = transcript[0];
  while (test::to_json(report).size() < bytes) {
    for (int i = 0; i < 50; ++i) {
      questions.push_back(question);
      transcript.push_back(entry);
    }
  }
  return test::to_json(report);
}

std::size_t allocations_during(const std::function<void()>& work) {
  const std::size_t before = allocations.load();
  work();
  return allocations.load() - before;
}

TEST(Allocation, AWarmParserAllocatesNothingOnAOneMegabyteReport) {
  const std::string report = large_report(1 << 20);
  ASSERT_GE(report.size(), std::size_t{1} << 20);
  Parser parser;
  ASSERT_TRUE(parser.parse_report_available(report).ok());
  EXPECT_EQ(allocations_during([&] { EXPECT_TRUE(parser.parse_report_available(report).ok()); }),
            0u);
  EXPECT_EQ(allocations_during([&] { EXPECT_TRUE(parser.parse(report).ok()); }), 0u);
}

TEST(Allocation, TheFirstParseDoesAllocateSoTheCounterWorks) {
  const std::string report = example(Document::report_available);
  Parser parser;
  EXPECT_GT(allocations_during([&] { EXPECT_TRUE(parser.parse_report_available(report).ok()); }),
            0u);
}

TEST(Allocation, EveryDocumentAndModeIsAllocationFreeWhenWarm) {
  Parser parser;
  for (Mode mode : {Mode::strict, Mode::lenient}) {
    parser.set_options({.mode = mode});
    for (Document document : kAllDocuments) {
      const std::string json = example(document);
      ASSERT_TRUE(parser.parse(json, document).ok());
      EXPECT_EQ(allocations_during([&] { EXPECT_TRUE(parser.parse(json, document).ok()); }), 0u)
          << to_string(document);
    }
  }
}

TEST(Allocation, RepeatedErrorsAreAllocationFreeWhenWarm) {
  std::string report = example(Document::report_available);
  report.replace(report.find("\"match_score\": 78"), 17, "\"match_score\": 101");
  Parser parser;
  ASSERT_FALSE(parser.parse_report_available(report).ok());
  EXPECT_EQ(allocations_during([&] { EXPECT_FALSE(parser.parse_report_available(report).ok()); }),
            0u);
}

// Rule 15 and 16: the error and warning lists are the parser's, reused.
TEST(Allocation, EveryErrorAndWarningIsAllocationFreeWhenWarm) {
  std::string report = large_report(1 << 20);
  for (const auto& [from, to] : {std::pair{"\"match_score\":78", "\"match_score\":101"},
                                 std::pair{"\"rank\":1,", "\"rank\":\"one\",\"hint\":1,"},
                                 std::pair{"\"rank\":2,", "\"extra\":[],"}}) {
    for (std::size_t at = report.find(from); at != std::string::npos; at = report.find(from, at))
      report.replace(at, std::string_view(from).size(), to);
  }
  Parser parser(Options{.max_errors = 100, .drift = true});
  std::size_t errors = 0, warnings = 0;
  const auto parse = [&] {
    errors = parser.parse_report_available(report).errors().size();
    warnings = parser.warnings().size();
  };
  parse();
  EXPECT_EQ(allocations_during(parse), 0u);
  EXPECT_EQ(errors, 100u);
  EXPECT_GE(warnings, 90u);  // those before the 100th error
  // And a valid document with drift on.
  const std::string valid = large_report(1 << 20);
  ASSERT_TRUE(parser.parse_report_available(valid).ok());
  EXPECT_EQ(allocations_during([&] { EXPECT_TRUE(parser.parse_report_available(valid).ok()); }),
            0u);
}

}  // namespace
}  // namespace heymilo
