#include "http_server.hpp"

#include <array>
#include <chrono>
#include <csignal>
#include <limits>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <heymilo/parser.hpp>

#include "json_line.hpp"
#include "log.hpp"

namespace heymilo::receiver {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

constexpr std::uint32_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kReadBuffer = 64 * 1024;

class SessionBase {
 public:
  virtual ~SessionBase() = default;
  // Closes the connection if it waits for a new request; a request in flight finishes.
  virtual void close_if_idle() = 0;
};

// What sessions share: the configuration, the handler, and the set of open sessions that a
// graceful stop closes.
struct Shared {
  Shared(const Config& config, RequestHandler& handler, Metrics& metrics,
         std::vector<std::unique_ptr<net::io_context>>& loops)
      : config(config), handler(handler), metrics(metrics) {
    for (auto& loop : loops) work.emplace_back(loop->get_executor());
  }

  const Config& config;
  RequestHandler& handler;
  Metrics& metrics;
  // Keeps every loop running while sessions may still be answered from the store's thread.
  std::vector<net::executor_work_guard<net::io_context::executor_type>> work;
  std::atomic<bool> stopping{false};
  std::mutex mutex;
  std::unordered_map<SessionBase*, std::weak_ptr<SessionBase>> sessions;

  Clock::duration timeout() const {
    return std::chrono::duration_cast<Clock::duration>(config.request_timeout);
  }
  void add(SessionBase* session, std::weak_ptr<SessionBase> weak) {
    std::lock_guard lock(mutex);
    sessions.emplace(session, std::move(weak));
  }
  void remove(SessionBase* session) {
    std::lock_guard lock(mutex);
    sessions.erase(session);
    if (stopping && sessions.empty()) work.clear();  // the last one: let run() return
  }
  // The first step of a graceful stop.
  void stop() {
    std::vector<std::shared_ptr<SessionBase>> open;
    {
      std::lock_guard lock(mutex);
      stopping = true;
      for (auto& [raw, weak] : sessions)
        if (auto session = weak.lock()) open.push_back(std::move(session));
      if (sessions.empty()) work.clear();
    }
    for (auto& session : open) session->close_if_idle();
  }
};

template <class Stream>
class Session final : public SessionBase, public std::enable_shared_from_this<Session<Stream>> {
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

 public:
  Session(Shared& shared, Stream stream) : shared_(shared), stream_(std::move(stream)) {}
  ~Session() override { shared_.remove(this); }

  void start() {
    shared_.add(this, this->weak_from_this());
    // Beast reads as much as the buffer's free capacity, at least 512 bytes: without room
    // reserved, a 15 KB body took 30 reads.
    buffer_.reserve(kReadBuffer);
    if constexpr (kTls) {
      lowest().expires_after(shared_.timeout());
      stream_.async_handshake(ssl::stream_base::server,
                              [self = this->shared_from_this()](beast::error_code error) {
                                if (error) return self->lowest().close();
                                self->read_request();
                              });
    } else {
      read_request();
    }
  }

  void close_if_idle() override {
    net::post(stream_.get_executor(), [self = this->shared_from_this()] {
      if (self->idle_ && self->buffer_.size() == 0) self->lowest().cancel();
    });
  }

 private:
  beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

  void read_request() {
    if (shared_.stopping) return close();
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    // Checked against Content-Length after the headers. Not boost::none: Beast 1.74 compares
    // a Content-Length with an empty limit as over it.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    log_ = RequestLog{};
    idle_ = true;
    read_started_ = Clock::now();
    lowest().expires_after(shared_.timeout());  // one deadline for headers and body
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = this->shared_from_this()](
                                beast::error_code error, std::size_t) { self->on_header(error); });
  }

  void on_header(beast::error_code error) {
    const bool partial = buffer_.size() > 0;
    idle_ = false;
    start_ = Clock::now();
    if (error) {
      if (error == beast::error::timeout && partial) return drop_slow_client();
      if (error == http::error::end_of_stream || error == beast::error::timeout ||
          error == net::error::operation_aborted || !partial)
        return close();
      return send(bad_request("the request cannot be read as HTTP/1.1: " + error.message()), true);
    }
    auto& request = parser_->get();
    const RequestHead head{request.method_string(), request.target(),
                           request[http::field::content_type], content_length()};
    auto action = shared_.handler.on_head(head, log_);
    if (auto* response = std::get_if<Response>(&action))
      return send(std::move(*response), !parser_->is_done());
    route_ = std::get<Route>(action);
    if (parser_->is_done()) return on_body({});
    parser_->body_limit(shared_.config.parser.max_bytes);
    if (const auto length = parser_->content_length())
      request.body().reserve(*length + kPadding);  // room for the parser: no copy
    if (beast::iequals(request[http::field::expect], "100-continue")) {
      continue_.emplace(http::status::continue_, request.version());
      return http::async_write(
          stream_, *continue_,
          [self = this->shared_from_this()](beast::error_code error, std::size_t) {
            if (error) return self->close();
            self->read_body();
          });
    }
    read_body();
  }

  std::optional<std::uint64_t> content_length() const {
    const auto length = parser_->content_length();
    return length ? std::optional<std::uint64_t>(*length) : std::nullopt;
  }

  void read_body() {
    http::async_read(stream_, buffer_, *parser_,
                     [self = this->shared_from_this()](beast::error_code error, std::size_t) {
                       self->on_body(error);
                     });
  }

  void on_body(beast::error_code error) {
    if (error == http::error::body_limit) return send(shared_.handler.too_large(log_), true);
    if (error == beast::error::timeout) return drop_slow_client();
    if (error) return close();
    shared_.handler.on_body(
        route_, parser_->get().body(), log_, [self = this->shared_from_this()](Response response) {
          net::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
            self->send(std::move(response), false);
          });
        });
  }

  Response bad_request(const std::string& message) {
    log_.status = 400;
    log_.outcome = Outcome::bad_request;
    Response response;
    response.status = 400;
    response.body = json_line({{"status", "error"}, {"message", message}});
    return response;
  }

  // `close_after`: the request's body was not read, so the connection cannot carry another.
  void send(Response response, bool close_after) {
    const unsigned version = parser_ && parser_->is_header_done() ? parser_->get().version() : 11;
    response_ = {};
    response_.version(version);
    response_.result(response.status);
    response_.set(http::field::server, "heymilo-receiver");
    response_.set(http::field::content_type, response.content_type);
    if (!response.allow.empty()) response_.set(http::field::allow, response.allow);
    response_.body() = std::move(response.body);
    const bool keep_alive = !close_after && !shared_.stopping && parser_ &&
                            parser_->is_header_done() && parser_->get().keep_alive();
    response_.keep_alive(keep_alive);
    response_.prepare_payload();
    lowest().expires_after(shared_.timeout());
    http::async_write(stream_, response_,
                      [self = this->shared_from_this(), keep_alive, close_after](
                          beast::error_code error, std::size_t) {
                        self->finish_request();
                        if (error) return self->close();
                        if (close_after) return self->linger();
                        if (!keep_alive) return self->close();
                        self->read_request();
                      });
  }

  void finish_request() {
    const std::chrono::duration<double> latency = Clock::now() - start_;
    shared_.metrics.count_request(log_.event, log_.outcome, latency);
    write_log(format_request_line(log_, latency));
  }

  void drop_slow_client() {
    log_.outcome = Outcome::timeout;
    log_.status = 0;
    start_ = read_started_;
    finish_request();
    close();
  }

  // After an answer sent before the body was read (413, 415, ...): stop sending, then read
  // and discard what the client still sends until it closes or the deadline passes, so that
  // it reads the answer instead of a reset.
  void linger() {
    if constexpr (kTls) {
      close();
    } else {
      beast::error_code ignored;
      lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
      lowest().expires_after(shared_.timeout());
      drain();
    }
  }

  void drain() {
    lowest().async_read_some(net::buffer(scratch_), [self = this->shared_from_this()](
                                                        beast::error_code error, std::size_t) {
      if (error) return self->lowest().close();
      self->drain();
    });
  }

  void close() {
    if constexpr (kTls) {
      lowest().expires_after(std::chrono::seconds(1));
      stream_.async_shutdown(
          [self = this->shared_from_this()](beast::error_code) { self->lowest().close(); });
    } else {
      beast::error_code ignored;
      lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
      lowest().close();
    }
  }

  Shared& shared_;
  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::response<http::empty_body>> continue_;
  http::response<http::string_body> response_;
  RequestLog log_;
  Route route_ = Route::webhook;
  bool idle_ = false;
  Clock::time_point read_started_;  // waiting for the request began
  Clock::time_point start_;         // its headers were read
  std::array<char, 16 * 1024> scratch_;
};

}  // namespace

struct HttpServer::Impl {
  const Config& config;
  // One event loop per thread: a connection stays on the loop that accepted it, so its
  // handlers never contend for a shared queue (a shared io_context cost ~37 futex calls
  // per request with 8 threads).
  std::vector<std::unique_ptr<net::io_context>> loops;
  std::size_t next_loop = 0;
  Shared shared;
  tcp::acceptor acceptor;
  std::optional<ssl::context> tls;
  net::signal_set signals;

  Impl(const Config& config, RequestHandler& handler, Metrics& metrics)
      : config(config),
        loops(make_loops(std::max(1u, config.threads))),
        shared(config, handler, metrics, loops),
        acceptor(*loops.front()),
        signals(*loops.front(), SIGINT, SIGTERM) {
    if (!config.tls_cert.empty()) load_tls();
    bind();
  }

  static std::vector<std::unique_ptr<net::io_context>> make_loops(unsigned count) {
    std::vector<std::unique_ptr<net::io_context>> out;
    for (unsigned i = 0; i < count; ++i) out.push_back(std::make_unique<net::io_context>(1));
    return out;
  }

  void load_tls() {
    tls.emplace(ssl::context::tls_server);
    tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                     ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    beast::error_code error;
    tls->use_certificate_chain_file(config.tls_cert, error);
    if (error) throw std::runtime_error("--tls-cert " + config.tls_cert + ": " + error.message());
    tls->use_private_key_file(config.tls_key, ssl::context::pem, error);
    if (error) throw std::runtime_error("--tls-key " + config.tls_key + ": " + error.message());
  }

  void bind() {
    beast::error_code error;
    const auto address = net::ip::make_address(config.host, error);
    if (error) throw std::runtime_error("--listen: '" + config.host + "' is not an IP address");
    const tcp::endpoint endpoint(address, static_cast<unsigned short>(std::stoul(config.port)));
    acceptor.open(endpoint.protocol());
    acceptor.set_option(net::socket_base::reuse_address(true));
    acceptor.bind(endpoint, error);
    if (error)
      throw std::runtime_error("cannot listen on " + config.host + ":" + config.port + ": " +
                               error.message());
    acceptor.listen(net::socket_base::max_listen_connections);
  }

  void accept() {
    net::io_context& loop = *loops[next_loop++ % loops.size()];
    acceptor.async_accept(loop, [this](beast::error_code error, tcp::socket socket) {
      if (error) {
        if (!acceptor.is_open()) return;
        return accept();  // e.g. out of descriptors: keep serving the others
      }
      socket.set_option(tcp::no_delay(true), error);
      beast::tcp_stream stream(std::move(socket));
      if (tls) {
        std::make_shared<Session<TlsStream>>(shared, TlsStream(std::move(stream), *tls))->start();
      } else {
        std::make_shared<Session<beast::tcp_stream>>(shared, std::move(stream))->start();
      }
      accept();
    });
  }

  void run() {
    signals.async_wait([this](beast::error_code error, int) {
      if (error) return;
      log_message("info", "stopping: no new connections; finishing the requests in flight");
      beast::error_code ignored;
      acceptor.close(ignored);
      shared.stop();
    });
    accept();
    const auto threads = static_cast<unsigned>(loops.size());
    log_message("info", "listening on " + config.host + ":" + config.port + (tls ? " (TLS)" : "") +
                            " with " + std::to_string(threads) + " threads, webhook path " +
                            config.path);
    std::vector<std::thread> workers;
    for (unsigned i = 1; i < threads; ++i) workers.emplace_back([this, i] { loops[i]->run(); });
    loops.front()->run();
    for (auto& worker : workers) worker.join();
  }
};

HttpServer::HttpServer(const Config& config, RequestHandler& handler, Metrics& metrics)
    : impl_(std::make_unique<Impl>(config, handler, metrics)) {}

HttpServer::~HttpServer() = default;

void HttpServer::run() { impl_->run(); }

}  // namespace heymilo::receiver
