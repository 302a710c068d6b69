#include "request_handler.hpp"

#include <heymilo/heymilo.hpp>

#include "json_line.hpp"
#include "outcome.hpp"  // tools/cli: the object `heymilo validate --json` prints

namespace heymilo::receiver {
namespace {

std::string message_body(std::string_view status, std::string_view message) {
  return json_line({{"status", status}, {"message", message}});
}

Response answer(RequestLog& log, unsigned status, Outcome outcome, std::string body,
                std::string_view allow = {}) {
  log.status = status;
  log.outcome = outcome;
  Response response;
  response.status = status;
  response.body = std::move(body);
  response.allow = allow;
  return response;
}

Response error(RequestLog& log, unsigned status, Outcome outcome, std::string_view message,
               std::string_view allow = {}) {
  return answer(log, status, outcome, message_body("error", message), allow);
}

std::string stored_body(std::string_view status, std::string_view event,
                        std::string_view interview_id) {
  return json_line({{"status", status}, {"event", event}, {"interview_id", interview_id}});
}

// The identifiers of a valid payload (rule 10 requires them in both modes).
template <class Payload>
void identify(const Payload& payload, InboxRow& row) {
  row.interview_id = payload.interview_id.value_or({});
  row.posting_id = payload.posting_id.value_or({});
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 &&
        hex_digit(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
      i += 2;
    } else {
      out += text[i] == '+' ? ' ' : text[i];
    }
  }
  return out;
}

// `text`'s first `limit` bytes at most, cut before a UTF-8 continuation byte.
std::string_view utf8_prefix(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
  return text.substr(0, limit);
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

bool is_json_media_type(std::string_view content_type) {
  const std::string_view type = content_type.substr(0, content_type.find(';'));
  const auto first = type.find_first_not_of(" \t");
  const auto last = type.find_last_not_of(" \t");
  if (first == type.npos) return false;
  const std::string_view trimmed = type.substr(first, last - first + 1);
  constexpr std::string_view kJson = "application/json";
  if (trimmed.size() != kJson.size()) return false;
  for (std::size_t i = 0; i < kJson.size(); ++i)
    if (lower(trimmed[i]) != kJson[i]) return false;
  return true;
}

std::optional<std::string> query_parameter(std::string_view target, std::string_view name) {
  const auto question = target.find('?');
  if (question == target.npos) return std::nullopt;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == query.npos ? std::string_view() : query.substr(amp + 1);
    const auto equals = pair.find('=');
    if (percent_decode(pair.substr(0, equals)) == name)
      return equals == pair.npos ? std::string() : percent_decode(pair.substr(equals + 1));
  }
  return std::nullopt;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  unsigned char difference = a.size() == b.size() ? 0 : 1;
  const std::size_t length = std::max(a.size(), b.size());
  for (std::size_t i = 0; i < length; ++i) {
    const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    difference |= x ^ y;
  }
  return difference == 0;
}

RequestHandler::RequestHandler(const Config& config, GroupCommit& store, Metrics& metrics)
    : config_(config), store_(store), metrics_(metrics) {}

bool RequestHandler::token_ok(std::string_view target) const {
  if (config_.secret_env.empty()) return true;
  const auto token = query_parameter(target, "token");
  return token && constant_time_equal(*token, config_.secret);
}

std::variant<Response, Route> RequestHandler::on_head(const RequestHead& head,
                                                      RequestLog& log) const {
  const std::string_view path = head.target.substr(0, head.target.find('?'));
  log.method = head.method;
  log.path = path;
  if (path == "/healthz" || path == "/metrics") {
    if (head.method != "GET") return error(log, 405, Outcome::method_not_allowed, "use GET", "GET");
    return path == "/healthz" ? Route::health : Route::metrics;
  }
  if (path != config_.path)
    return error(log, 404, Outcome::not_found,
                 "no such path; HeyMilo webhooks are received at " + config_.path);
  if (head.method == "GET")
    return error(log, 405, Outcome::method_not_allowed,
                 "payloads are received by POST: register the webhook with \"http_method\": "
                 "\"post\"",
                 "POST");
  if (head.method != "POST")
    return error(log, 405, Outcome::method_not_allowed, "use POST", "POST");
  if (!token_ok(head.target))
    return error(log, 401, Outcome::unauthorized, "missing or wrong token");
  if (!is_json_media_type(head.content_type))
    return error(log, 415, Outcome::unsupported_media_type,
                 "Content-Type must be application/json");
  if (head.content_length && *head.content_length > config_.parser.max_bytes) return too_large(log);
  return Route::webhook;
}

Response RequestHandler::too_large(RequestLog& log) const {
  return error(log, 413, Outcome::too_large,
               "the body is larger than the limit of " + std::to_string(config_.parser.max_bytes) +
                   " bytes");
}

void RequestHandler::on_body(Route route, std::string& body, RequestLog& log, Respond respond) {
  log.bytes = body.size();
  switch (route) {
    case Route::webhook:
      return on_payload(body, log, std::move(respond));
    case Route::health:
      return on_health(log, std::move(respond));
    case Route::metrics: {
      log.status = 200;
      log.outcome = Outcome::metrics;
      Response response;
      response.body = metrics_.text();
      response.content_type = "text/plain; version=0.0.4";
      return respond(std::move(response));
    }
  }
}

void RequestHandler::on_health(RequestLog& log, Respond respond) {
  WriteRequest ping;
  ping.done = [&log, respond = std::move(respond)](WriteOutcome outcome) {
    const bool ok = outcome == WriteOutcome::accepted;
    respond(
        answer(log, ok ? 200 : 503, Outcome::health,
               ok ? "{\"status\":\"ok\"}\n" : message_body("error", "the store does not answer")));
  };
  store_.submit(std::move(ping));
}

void RequestHandler::keep_warnings(std::span<const Warning> warnings, RequestLog& log) {
  metrics_.count_unknown_fields(warnings);
  const std::size_t kept = std::min(warnings.size(), RequestLog::kMaxLoggedWarnings);
  for (const Warning& warning : warnings.first(kept))
    log.warnings.push_back(
        {warning.code, std::string(utf8_prefix(warning.path, RequestLog::kMaxLoggedPathBytes))});
  log.warnings_left_out = warnings.size() - kept;
}

void RequestHandler::on_payload(std::string& body, RequestLog& log, Respond respond) {
  thread_local Parser parser;
  parser.set_options(config_.parser);
  const auto result = parser.parse(padded(body));
  log.event = parser.last_read_as();
  keep_warnings(parser.warnings(), log);
  WriteRequest write;
  if (!result) {
    const Error& failure = result.error();
    metrics_.count_error(failure.code);
    log.error_code = failure.code;
    log.error_path = failure.path;
    log.errors = result.errors().size();
    std::string answer_body;
    cli::append_json_line(answer_body, {"-", 0, log.event, result.errors(), {}}, false);
    write.kind = WriteRequest::Kind::rejected;
    write.rejected = {log.event ? std::string(to_string(*log.event)) : std::string(),
                      std::string(to_string(failure.code)),
                      std::string(failure.path),
                      failure.offset,
                      std::string(failure.message),
                      std::move(body),
                      answer_body};
    write.done = [this, &log, respond = std::move(respond),
                  answer_body = std::move(answer_body)](WriteOutcome outcome) mutable {
      if (outcome != WriteOutcome::rejected_stored)
        return respond(error(log, 503, Outcome::store_failed, "the store failed; send again"));
      respond(answer(log, config_.reject_status, Outcome::rejected, std::move(answer_body)));
    };
    return store_.submit(std::move(write));
  }
  write.kind = WriteRequest::Kind::inbox;
  write.inbox.event = to_string(document_of(*result));
  std::visit(
      [&](const auto* payload) {
        using Payload = std::remove_cvref_t<decltype(*payload)>;
        if constexpr (requires {
                        payload->interview_id;
                        payload->posting_id;
                      })
          identify<Payload>(*payload, write.inbox);
      },
      *result);
  log.interview_id = write.inbox.interview_id;
  write.inbox.body = std::move(body);
  write.done = [this, &log, respond = std::move(respond),
                event = write.inbox.event](WriteOutcome outcome) {
    switch (outcome) {
      case WriteOutcome::accepted:
        return respond(
            answer(log, 200, Outcome::accepted, stored_body("accepted", event, log.interview_id)));
      case WriteOutcome::duplicate:
      case WriteOutcome::duplicate_differs:
        log.body_differs = outcome == WriteOutcome::duplicate_differs;
        metrics_.count_duplicate(log.body_differs);
        return respond(answer(log, 200, Outcome::duplicate,
                              stored_body("duplicate", event, log.interview_id)));
      default:
        return respond(error(log, 503, Outcome::store_failed, "the store failed; send again"));
    }
  };
  store_.submit(std::move(write));
}

}  // namespace heymilo::receiver
