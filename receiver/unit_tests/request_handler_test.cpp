#include "request_handler.hpp"

#include <gtest/gtest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>

#include <sqlite3.h>

#include "sqlite_store.hpp"
#include "temp_dir.hpp"

namespace heymilo::receiver {
namespace {

std::string read_file(const std::string& name) {
  std::ifstream in(std::string(HEYMILO_TEST_DATA) + "/" + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class RequestHandlerTest : public ::testing::Test {
 protected:
  RequestHandlerTest() {
    ::setenv("HEYMILO_HANDLER_TEST_TOKEN", "s3 cret", 1);
    config_.store = "sqlite:" + dir_.file("inbox.db");
  }

  RequestHandler& handler() {
    if (!handler_) {
      group_ = std::make_unique<GroupCommit>(open_store(config_.store), 1 << 20, nullptr);
      handler_ = std::make_unique<RequestHandler>(config_, *group_, metrics_);
    }
    return *handler_;
  }

  std::variant<Response, Route> head(std::string_view method, std::string_view target,
                                     std::string_view content_type = "application/json",
                                     std::optional<std::uint64_t> length = 10) {
    RequestLog log;
    return handler().on_head({method, target, content_type, length}, log);
  }

  unsigned status_of(const std::variant<Response, Route>& action) {
    const auto* response = std::get_if<Response>(&action);
    return response ? response->status : 0;
  }

  Response post(std::string body, RequestLog& log) {
    std::promise<Response> answer;
    handler().on_body(Route::webhook, body, log,
                      [&](Response response) { answer.set_value(std::move(response)); });
    return answer.get_future().get();
  }

  Response post(std::string body) {
    RequestLog log;
    return post(std::move(body), log);
  }

  // The report column of the one rejected row.
  std::string stored_report() {
    sqlite3* db = nullptr;
    sqlite3_open(dir_.file("inbox.db").c_str(), &db);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT report FROM rejected", -1, &statement, nullptr);
    std::string report;
    if (sqlite3_step(statement) == SQLITE_ROW)
      report = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return report;
  }

  testing::TempDir dir_;
  Config config_;
  Metrics metrics_;
  std::unique_ptr<GroupCommit> group_;
  std::unique_ptr<RequestHandler> handler_;
};

TEST_F(RequestHandlerTest, HeadersDecideWithoutTheBody) {
  EXPECT_EQ(status_of(head("POST", "/webhook/heymilo")), 0u);
  EXPECT_EQ(std::get<Route>(head("POST", "/webhook/heymilo")), Route::webhook);
  EXPECT_EQ(status_of(head("POST", "/webhook/heymilo?x=1", "Application/JSON; charset=utf-8")), 0u);
  EXPECT_EQ(status_of(head("POST", "/elsewhere")), 404u);
  EXPECT_EQ(status_of(head("PUT", "/webhook/heymilo")), 405u);
  EXPECT_EQ(status_of(head("POST", "/webhook/heymilo", "text/plain")), 415u);
  EXPECT_EQ(status_of(head("POST", "/webhook/heymilo", "")), 415u);
  EXPECT_EQ(
      status_of(head("POST", "/webhook/heymilo", "application/json", config_.parser.max_bytes + 1)),
      413u);
  EXPECT_EQ(
      status_of(head("POST", "/webhook/heymilo", "application/json", config_.parser.max_bytes)),
      0u);
  EXPECT_EQ(std::get<Route>(head("GET", "/healthz")), Route::health);
  EXPECT_EQ(std::get<Route>(head("GET", "/metrics")), Route::metrics);
  EXPECT_EQ(status_of(head("POST", "/metrics")), 405u);
}

TEST_F(RequestHandlerTest, GetOnThePathSaysToRegisterWithPost) {
  const auto response = std::get<Response>(head("GET", "/webhook/heymilo"));
  EXPECT_EQ(response.status, 405u);
  EXPECT_EQ(response.allow, "POST");
  EXPECT_NE(response.body.find("\\\"post\\\""), std::string::npos) << response.body;
}

TEST_F(RequestHandlerTest, TheTokenIsRequiredWhenConfigured) {
  config_.secret_env = "HEYMILO_HANDLER_TEST_TOKEN";
  config_.secret = "s3 cret";
  EXPECT_EQ(status_of(head("POST", "/webhook/heymilo")), 401u);
  EXPECT_EQ(status_of(head("POST", "/webhook/heymilo?token=s3")), 401u);
  EXPECT_EQ(status_of(head("POST", "/webhook/heymilo?token=s3%20cretX")), 401u);
  EXPECT_EQ(status_of(head("POST", "/webhook/heymilo?a=b&token=s3%20cret")), 0u);
  // Checked before the media type: an unauthenticated sender learns nothing more.
  EXPECT_EQ(status_of(head("POST", "/webhook/heymilo", "text/plain")), 401u);
}

TEST_F(RequestHandlerTest, AValidPayloadIsAcceptedThenDuplicate) {
  const std::string report = read_file("report_available.json");
  RequestLog log;
  const Response first = post(report, log);
  EXPECT_EQ(first.status, 200u);
  EXPECT_EQ(first.body,
            "{\"status\":\"accepted\",\"event\":\"report_available\","
            "\"interview_id\":\"A1B2C3D4E5F60718\"}\n");
  EXPECT_EQ(log.outcome, Outcome::accepted);
  EXPECT_EQ(log.event, Document::report_available);
  const Response again = post(report);
  EXPECT_EQ(again.status, 200u);
  EXPECT_EQ(again.body.rfind("{\"status\":\"duplicate\",\"event\":\"report_available\"", 0), 0u);
  RequestLog changed_log;
  std::string changed = report;
  changed.insert(changed.rfind('}'), ",\"extra\":1");
  EXPECT_EQ(post(changed, changed_log).status, 200u);
  EXPECT_TRUE(changed_log.body_differs);
  EXPECT_EQ(post(read_file("interview_started.json")).status, 200u);
  EXPECT_NE(metrics_.text().find("heymilo_receiver_duplicates_differing_total 1\n"),
            std::string::npos);
}

TEST_F(RequestHandlerTest, AnInvalidPayloadIsStoredAndAnsweredWithItsErrors) {
  RequestLog log;
  const Response response = post("{\"interview_id\":\"x\",\"metadata\":{}}", log);
  EXPECT_EQ(response.status, 400u);
  EXPECT_EQ(log.outcome, Outcome::rejected);
  EXPECT_EQ(log.event, Document::interview_started);
  ASSERT_TRUE(log.error_code);
  EXPECT_EQ(response.body.rfind("{\"input\":\"-\",\"valid\":false,\"event\":\"interview_started\","
                                "\"errors\":[{\"code\":\"missing_field\",\"path\":\"",
                                0),
            0u)
      << response.body;
}

TEST_F(RequestHandlerTest, WithMaxErrorsTheAnswerAndTheRowHoldEveryError) {
  config_.parser.max_errors = 5;
  RequestLog log;
  const Response response = post("{\"interview_id\":\"x\",\"metadata\":{}}", log);
  EXPECT_EQ(response.status, 400u);
  EXPECT_GT(log.errors, 1u);
  std::size_t codes = 0;
  for (std::size_t at = 0; (at = response.body.find("\"code\":", at)) != std::string::npos; ++at)
    ++codes;
  EXPECT_EQ(codes, log.errors) << response.body;
  EXPECT_EQ(stored_report(), response.body);
}

TEST_F(RequestHandlerTest, DriftWarningsGoToTheLogAndMetricsNotTheAnswer) {
  config_.parser.drift = true;
  std::string report = read_file("report_available.json");
  // A "é" across the logged path's limit of 256 bytes is left out whole.
  const std::string long_key = std::string(254, 'k') + "\xC3\xA9" + std::string(50, 'k');
  report.insert(report.rfind('}'), ",\"new_a\":1,\"new_b\":2,\"" + long_key + "\":3");
  RequestLog log;
  const Response response = post(report, log);
  EXPECT_EQ(response.status, 200u);
  ASSERT_EQ(log.warnings.size(), 3u);
  EXPECT_EQ(log.warnings[0].path, "/new_a");
  EXPECT_EQ(log.warnings[1].path, "/new_b");
  EXPECT_EQ(log.warnings[2].path, "/" + std::string(254, 'k'));
  EXPECT_NE(metrics_.text().find("heymilo_receiver_unknown_fields_total{path=\"other\"} 1\n"),
            std::string::npos);
  EXPECT_NE(metrics_.text().find("heymilo_receiver_unknown_fields_total{path=\"/new_b\"} 1\n"),
            std::string::npos);
}

TEST_F(RequestHandlerTest, RejectStatusTwoHundredAcknowledges) {
  config_.reject_status = 200;
  EXPECT_EQ(post("[1,").status, 200u);
}

TEST_F(RequestHandlerTest, HealthAnswersWhileTheStoreDoes) {
  RequestLog log;
  std::promise<Response> answer;
  std::string body;
  handler().on_body(Route::health, body, log, [&](Response r) { answer.set_value(std::move(r)); });
  EXPECT_EQ(answer.get_future().get().status, 200u);
  std::filesystem::remove(dir_.file("inbox.db"));
  std::promise<Response> gone;
  handler().on_body(Route::health, body, log, [&](Response r) { gone.set_value(std::move(r)); });
  EXPECT_EQ(gone.get_future().get().status, 503u);
}

TEST(MediaType, JsonWithAnyParameters) {
  EXPECT_TRUE(is_json_media_type("application/json"));
  EXPECT_TRUE(is_json_media_type(" application/JSON ; charset=UTF-8"));
  EXPECT_FALSE(is_json_media_type("application/jsonx"));
  EXPECT_FALSE(is_json_media_type("application/x-www-form-urlencoded"));
  EXPECT_FALSE(is_json_media_type(""));
}

TEST(Token, ComparedWholly) {
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
  EXPECT_FALSE(constant_time_equal("", "a"));
  EXPECT_EQ(query_parameter("/p?token=a%2Bb+c", "token"), "a+b c");
  EXPECT_EQ(query_parameter("/p?tokens=1", "token"), std::nullopt);
  EXPECT_EQ(query_parameter("/p", "token"), std::nullopt);
}

}  // namespace
}  // namespace heymilo::receiver
