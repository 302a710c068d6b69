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
