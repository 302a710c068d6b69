#include <gtest/gtest.h>

#include "log.hpp"
#include "metrics.hpp"

namespace heymilo::receiver {
namespace {

TEST(Log, ARequestLineIsOneJsonObjectWithEveryField) {
  RequestLog log;
  log.method = "POST";
  log.path = "/webhook/heymilo";
  log.status = 400;
  log.outcome = Outcome::rejected;
  log.event = Document::report_available;
  log.error_code = ErrorCode::out_of_range;
  log.error_path = "/a\"b";
  log.bytes = 12;
  const std::string line = format_request_line(log, std::chrono::microseconds(1500));
  EXPECT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  for (std::string_view part :
       {"\"method\":\"POST\"", "\"path\":\"/webhook/heymilo\"", "\"status\":400",
        "\"outcome\":\"rejected\"", "\"event\":\"report_available\"", "\"interview_id\":null",
        "\"error_code\":\"out_of_range\"", "\"error_path\":\"/a\\\"b\"", "\"bytes\":12",
        "\"latency_ms\":1.500"})
    EXPECT_NE(line.find(part), std::string::npos) << part << " in " << line;
  EXPECT_EQ(line.rfind("{\"time\":\"20", 0), 0u) << line;
}

TEST(Log, WarningsAreListedUpToTheCapThenCounted) {
  RequestLog log;
  log.warnings = {{WarningCode::unknown_field, "/a"}, {WarningCode::unknown_field, "/b/0/c"}};
  log.warnings_left_out = 3;
  const std::string line = format_request_line(log, std::chrono::microseconds(1));
  EXPECT_NE(line.find("\"warnings\":[{\"code\":\"unknown_field\",\"path\":\"/a\"},"
                      "{\"code\":\"unknown_field\",\"path\":\"/b/0/c\"}],"
                      "\"warnings_left_out\":3,"),
            std::string::npos)
      << line;
  EXPECT_EQ(format_request_line(RequestLog{}, {}).find("warnings"), std::string::npos);
}

TEST(Metrics, UnknownFieldsCountPayloadsPerPathPattern) {
  Metrics metrics;
  const Warning twice[] = {{WarningCode::unknown_field, "/items/0/new", -1, {}},
                           {WarningCode::unknown_field, "/items/7/new", -1, {}},
                           {WarningCode::unknown_field, "/a\"b", -1, {}}};
  metrics.count_unknown_fields(twice);
  metrics.count_unknown_fields(std::span(twice, 1));
  const std::string text = metrics.text();
  EXPECT_NE(text.find("heymilo_receiver_unknown_fields_total{path=\"/items/*/new\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("heymilo_receiver_unknown_fields_total{path=\"/a\\\"b\"} 1\n"),
            std::string::npos)
      << text;
}

TEST(Metrics, UnknownFieldPatternsPastTheCapCountAsOther) {
  Metrics metrics;
  for (std::size_t i = 0; i < Metrics::kMaxFieldPatterns + 5; ++i) {
    const std::string path = "/f" + std::to_string(i);
    const Warning warning{WarningCode::unknown_field, path, -1, {}};
    metrics.count_unknown_fields(std::span(&warning, 1));
  }
  const std::string long_path = "/" + std::string(Metrics::kMaxPatternBytes, 'x');
  const Warning long_one{WarningCode::unknown_field, long_path, -1, {}};
  metrics.count_unknown_fields(std::span(&long_one, 1));
  const std::string text = metrics.text();
  EXPECT_NE(text.find("heymilo_receiver_unknown_fields_total{path=\"other\"} 6\n"),
            std::string::npos);
  std::size_t labels = 0;
  for (std::size_t at = 0;
       (at = text.find("heymilo_receiver_unknown_fields_total{", at)) != std::string::npos; ++at)
    ++labels;
  EXPECT_EQ(labels, Metrics::kMaxFieldPatterns + 1);
}

TEST(Metrics, CountsShowInThePrometheusText) {
  Metrics metrics;
  metrics.count_request(Document::interview_started, Outcome::accepted,
                        std::chrono::microseconds(700));
  metrics.count_request(std::nullopt, Outcome::not_found, std::chrono::seconds(5));
  metrics.count_error(ErrorCode::missing_field);
  metrics.count_duplicate(true);
  metrics.count_handler_run(false);
  const std::string text = metrics.text();
  for (std::string_view line :
       {"heymilo_receiver_requests_total{event=\"interview_started\",outcome=\"accepted\"} 1\n",
        "heymilo_receiver_requests_total{event=\"none\",outcome=\"not_found\"} 1\n",
        "heymilo_receiver_payload_errors_total{code=\"missing_field\"} 1\n",
        "heymilo_receiver_duplicates_total 1\n", "heymilo_receiver_duplicates_differing_total 1\n",
        "heymilo_receiver_handler_runs_total 1\n", "heymilo_receiver_handler_failures_total 1\n",
        "heymilo_receiver_request_duration_seconds_bucket{le=\"0.0005\"} 0\n",
        "heymilo_receiver_request_duration_seconds_bucket{le=\"0.001\"} 1\n",
        "heymilo_receiver_request_duration_seconds_bucket{le=\"2.5\"} 1\n",
        "heymilo_receiver_request_duration_seconds_bucket{le=\"+Inf\"} 2\n",
        "heymilo_receiver_request_duration_seconds_count 2\n",
        "# TYPE heymilo_receiver_request_duration_seconds histogram\n"})
    EXPECT_NE(text.find(line), std::string::npos) << line;
}

}  // namespace
}  // namespace heymilo::receiver
