#pragma once
// What the receiver answers, apart from the network: routing, the token, the media type and
// the size limit from the request's headers (before its body is read), then validation and
// the store for its body. The HTTP table of receiver/README.md, in code.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "group_commit.hpp"
#include "log.hpp"
#include "metrics.hpp"
#include "options.hpp"

namespace heymilo::receiver {

struct RequestHead {
  std::string_view method;
  std::string_view target;        // path and query
  std::string_view content_type;  // empty when absent
  std::optional<std::uint64_t> content_length;
};

struct Response {
  unsigned status = 200;
  std::string body;
  std::string_view content_type = "application/json";
  std::string_view allow;  // the Allow header of a 405
};

// Where a request whose body is to be read goes.
enum class Route : std::uint8_t { webhook, health, metrics };

using Respond = std::function<void(Response)>;

class RequestHandler {
 public:
  RequestHandler(const Config& config, GroupCommit& store, Metrics& metrics);

  // After the headers: the answer when it needs no body (the body is then not read), or
  // the route that reads it. Fills log.method, log.path, and log.status/outcome when
  // answering.
  std::variant<Response, Route> on_head(const RequestHead& head, RequestLog& log) const;

  // After the body: calls `respond` exactly once, here or later on the store's writer
  // thread (after the commit). Takes the body (moved into the store).
  void on_body(Route route, std::string& body, RequestLog& log, Respond respond);

  // A body that grew past --max-bytes while read (no Content-Length).
  Response too_large(RequestLog& log) const;

 private:
  void on_payload(std::string& body, RequestLog& log, Respond respond);
  void on_health(RequestLog& log, Respond respond);
  // --drift: the payload's warnings into /metrics and (the first few) into its log line.
  void keep_warnings(std::span<const Warning> warnings, RequestLog& log);
  bool token_ok(std::string_view target) const;

  const Config& config_;
  GroupCommit& store_;
  Metrics& metrics_;
};

// True for application/json, whatever its parameters (charset=utf-8, ...) and case.
bool is_json_media_type(std::string_view content_type);

// The value of query parameter `name` in `target`, percent-decoded; nullopt when absent.
std::optional<std::string> query_parameter(std::string_view target, std::string_view name);

// Compares in time that depends only on the lengths, not on where the bytes differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace heymilo::receiver
