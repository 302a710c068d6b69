#pragma once
// The HTTP(S) server: Boost.Beast on an Asio event loop run by --threads threads, so that
// any number of kept-alive connections share them. Each request has one deadline for its
// headers and body together (--request-timeout); bodies over --max-bytes are refused from
// their Content-Length, or as soon as they grow past it, without being read into memory.

#include <memory>

#include "metrics.hpp"
#include "options.hpp"
#include "request_handler.hpp"

namespace heymilo::receiver {

class HttpServer {
 public:
  // Binds the listening socket; throws std::runtime_error when it cannot (or when the TLS
  // certificate or key cannot be loaded).
  HttpServer(const Config& config, RequestHandler& handler, Metrics& metrics);
  ~HttpServer();

  // Serves until SIGTERM or SIGINT: then stops accepting, closes idle connections, answers
  // the requests in flight, and returns.
  void run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace heymilo::receiver
