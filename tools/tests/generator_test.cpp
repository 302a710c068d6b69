// The generator's promises: strict-valid for every document, seed and size; deterministic;
// sizes within 5% of the target; every declared field exercised (present, and null or
// absent where the tables allow it); realistic text with escapes.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include <heymilo/heymilo.hpp>

#include "generator.hpp"

namespace {
using heymilo::Document;
using heymilo::Presence;
using heymilo::generator::generate;
using heymilo::tables::FieldInfo;
using heymilo::tables::Kind;
using heymilo::tables::StructInfo;

heymilo::Parser strict_parser() {
  return heymilo::Parser(heymilo::Options{.max_bytes = std::size_t{1} << 30});
}

TEST(Generator, EveryDocumentIsStrictValidForManySeeds) {
  auto parser = strict_parser();
  for (Document document : heymilo::kAllDocuments) {
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
      const std::string json = generate(document, {.seed = seed});
      const auto result = parser.parse(json, document);
      ASSERT_TRUE(result.ok()) << heymilo::to_string(document) << " seed " << seed << ": "
                               << heymilo::to_string(result.error()) << "\n"
                               << json;
    }
  }
}

TEST(Generator, PayloadsAreDetectedAsTheirOwnEvent) {
  auto parser = strict_parser();
  for (Document document :
       {Document::interview_started, Document::interview_completed, Document::report_available}) {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
      const auto result = parser.parse(generate(document, {.seed = seed}));
      ASSERT_TRUE(result.ok()) << heymilo::to_string(result.error());
      EXPECT_EQ(heymilo::document_of(*result), document);
    }
  }
}

TEST(Generator, SameSeedSameBytesOtherSeedOtherBytes) {
  for (Document document : heymilo::kAllDocuments) {
    EXPECT_EQ(generate(document, {.seed = 7}), generate(document, {.seed = 7}));
    EXPECT_NE(generate(document, {.seed = 7}), generate(document, {.seed = 8}));
  }
  EXPECT_EQ(generate(Document::report_available, {.seed = 3, .target_bytes = 300'000}),
            generate(Document::report_available, {.seed = 3, .target_bytes = 300'000}));
}

TEST(Generator, SizeTargetsAreMetWithinFivePercentAndStayValid) {
  auto parser = strict_parser();
  for (std::size_t target : {5'000, 12'000, 40'000, 100'000, 1'000'000, 16'000'000}) {
    for (std::uint64_t seed : {1, 2, 3, 42}) {
      if (target >= 1'000'000 && seed > 2) continue;  // keep the test quick
      const std::string json =
          generate(Document::report_available, {.seed = seed, .target_bytes = target});
      EXPECT_NEAR(static_cast<double>(json.size()), static_cast<double>(target), target * 0.05)
          << "target " << target << " seed " << seed;
      const auto result = parser.parse_report_available(json);
      ASSERT_TRUE(result.ok()) << "target " << target << " seed " << seed << ": "
                               << heymilo::to_string(result.error());
    }
  }
}

// A strict report needs all its documented fields (about 3-5 KB); a smaller target gives
// the smallest report the generator makes, still strict-valid.
TEST(Generator, TargetsBelowTheSmallestReportGiveTheSmallestReport) {
  auto parser = strict_parser();
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const std::string smallest =
        generate(Document::report_available, {.seed = seed, .target_bytes = 1});
    EXPECT_EQ(generate(Document::report_available, {.seed = seed, .target_bytes = 2'048}),
              smallest);
    EXPECT_LT(smallest.size(), generate(Document::report_available, {.seed = seed}).size());
    ASSERT_TRUE(parser.parse_report_available(smallest).ok());
  }
}

TEST(Generator, LargerTargetsGrowQuestionsAndTranscript) {
  auto parser = strict_parser();
  const auto counts = [&](std::size_t target) {
    const std::string json =
        generate(Document::report_available, {.seed = 5, .target_bytes = target});
    const auto report = parser.parse_report_available(json);
    EXPECT_TRUE(report.ok());
    const auto& info = *report->agentic_data->web_interview_info;
    return std::pair{info.scorecard->questions->size(), info.transcript->transcript->size()};
  };
  const auto small = counts(50'000);
  const auto large = counts(2'000'000);
  EXPECT_GT(large.first, small.first * 10);
  EXPECT_GT(large.second, small.second * 10);
}

// Which presences each declared field took across generated documents, found by walking
// the parsed views with the same tables.
using Seen = std::map<const FieldInfo*, std::set<Presence>>;

void observe(const StructInfo& info, const void* object, Seen& seen) {
  for (const FieldInfo& field : info.fields) {
    const Presence presence = heymilo::tables::presence_of(field, object);
    seen[&field].insert(presence);
    if (presence != Presence::present) continue;
    const void* value = heymilo::tables::value_of(field, object);
    if (field.kind == Kind::object) observe(field.nested(), value, seen);
    if (field.kind == Kind::array && field.element_kind == Kind::object) {
      const auto bytes = field.get_span(value);
      for (std::size_t at = 0; at < bytes.size(); at += field.element_size)
        observe(field.nested(), bytes.data() + at, seen);
    }
  }
}

void expect_all_presences(const StructInfo& info, const Seen& seen,
                          std::set<const StructInfo*>& done) {
  if (!done.insert(&info).second) return;
  for (const FieldInfo& field : info.fields) {
    const auto found = seen.find(&field);
    ASSERT_NE(found, seen.end()) << info.name << "." << field.name << " never generated";
    EXPECT_TRUE(found->second.count(Presence::present)) << info.name << "." << field.name;
    if (field.nullable) {
      EXPECT_TRUE(found->second.count(Presence::null)) << info.name << "." << field.name;
    }
    if (field.requirement == heymilo::tables::Requirement::optional) {
      EXPECT_TRUE(found->second.count(Presence::absent)) << info.name << "." << field.name;
    }
    if (field.nested) expect_all_presences(field.nested(), seen, done);
  }
}

TEST(Generator, EveryDeclaredFieldIsPresentNullAndAbsentWhereAllowed) {
  auto parser = strict_parser();
  for (Document document : heymilo::kAllDocuments) {
    Seen seen;
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
      const std::string json = generate(document, {.seed = seed});
      const auto result = parser.parse(json, document);
      ASSERT_TRUE(result.ok());
      std::visit(
          [&](const auto* view) {
            using View = std::remove_cvref_t<decltype(*view)>;
            if constexpr (std::is_same_v<View, heymilo::WebhookList>) {
              for (const auto& webhook : view->webhooks)
                observe(heymilo::tables::describe(document), &webhook, seen);
            } else {
              observe(heymilo::tables::describe(document), view, seen);
            }
          },
          *result);
    }
    std::set<const StructInfo*> done;
    expect_all_presences(heymilo::tables::describe(document), seen, done);
  }
}

TEST(Generator, UnscoredQuestionsSometimesCarryAnOutOfRangeScore) {
  auto parser = strict_parser();
  int waived = 0;
  for (std::uint64_t seed = 1; seed <= 100; ++seed) {
    const std::string json = generate(Document::report_available, {.seed = seed});
    const auto report = parser.parse_report_available(json);
    ASSERT_TRUE(report.ok());
    for (const auto& question : *report->agentic_data->web_interview_info->scorecard->questions) {
      const std::int64_t score = *question.evaluation_score;
      if (score < 1 || score > 10) {
        EXPECT_TRUE(*question.not_scored) << "seed " << seed;
        ++waived;
      }
    }
  }
  EXPECT_GT(waived, 0);
}

TEST(Generator, TextCarriesEscapesQuotesNewlinesAndNonAscii) {
  std::string all;
  for (std::uint64_t seed = 1; seed <= 10; ++seed)
    all += generate(Document::report_available, {.seed = seed});
  EXPECT_NE(all.find("\\u"), std::string::npos);      // \u escapes
  EXPECT_NE(all.find("\\ud83d"), std::string::npos);  // an emoji as a surrogate pair
  EXPECT_NE(all.find("\\n\\n"), std::string::npos);   // paragraphs
  EXPECT_NE(all.find("\\\""), std::string::npos);     // quotes inside text
  EXPECT_NE(all.find("\\/"), std::string::npos);      // escaped slashes in URLs
  EXPECT_NE(all.find("é"), std::string::npos);        // raw UTF-8
  EXPECT_NE(all.find("<li>"), std::string::npos);     // HTML job descriptions
  EXPECT_NE(all.find("@"), std::string::npos);        // e-mail addresses
}

}  // namespace
