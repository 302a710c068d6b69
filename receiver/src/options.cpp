#include "options.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <utility>

namespace heymilo::receiver {
namespace {

constexpr std::string_view kHelp =
    R"(heymilo-receiver - a durable HeyMilo webhook receiver

Usage: heymilo-receiver [FLAGS]

Accepts HeyMilo webhook POSTs, validates each payload (interview_started,
interview_completed, report_available, told apart by their keys), stores it durably and
deduplicated by (event, interview_id), and answers 200 only after the commit. Invalid
payloads are kept in a capped table of their own and answered with their errors. One JSON
log line per request goes to stderr; GET /healthz and GET /metrics (Prometheus) are served
next to the webhook path. SIGTERM or SIGINT: stop accepting, finish requests, exit 0.

Flags:
  --listen HOST:PORT     address to listen on (default 127.0.0.1:8080; [::1]:8080 for IPv6).
                           heymilo-receiver --listen 0.0.0.0:9000
  --path PATH            the webhook path (default /webhook/heymilo); other paths are 404.
                           heymilo-receiver --path /hooks/heymilo
  --store URI            where payloads are stored: sqlite:FILE (default
                         sqlite:heymilo-inbox.db; WAL, synchronous=FULL, one receiver per
                         file) or a libpq URI for several receivers sharing one database.
                           heymilo-receiver --store sqlite:/var/lib/heymilo/inbox.db
                           heymilo-receiver --store postgresql://heymilo@db/heymilo
  --lenient              documented fields may be absent, except the identifiers
                         (contract rule 10).
                           heymilo-receiver --lenient
  --max-bytes N          largest body accepted (default 16M; K, M, G are powers of 1024);
                         a longer one is 413, refused without being read into memory.
                           heymilo-receiver --max-bytes 4M
  --max-depth N          nesting deeper than N is too_deep (default 1024).
                           heymilo-receiver --max-depth 64
  --max-errors N         report up to N errors a rejected payload (default 1, at most 100),
                         in document order: in the answer, as `heymilo validate --json
                         --max-errors N -` prints them, and in its rejected row.
                           heymilo-receiver --max-errors 10
  --drift                also report each unknown key of a typed object (a field the
                         contract does not know) as an unknown_field warning: in the log
                         line and counted by path pattern in /metrics. The verdict and the
                         answer do not change.
                           heymilo-receiver --drift
  --threads N            HTTP threads (default: one per core; the server is event-driven,
                         so any number of kept-alive connections share them).
                           heymilo-receiver --threads 4
  --request-timeout S    whole-request deadline in seconds, headers and body together
                         (default 10): a client that trickles its request is dropped then.
                         A kept-alive connection idle this long is closed.
                           heymilo-receiver --request-timeout 5
  --reject-status CODE   status for an invalid payload (default 400; 200 acknowledges it,
                         so that the sender counts it delivered). The body is what
                         `heymilo validate --json -` prints for it.
                           heymilo-receiver --reject-status 200
  --rejected-max-bytes N total size of the kept rejected payloads (default 64M); the oldest
                         are dropped first above it.
                           heymilo-receiver --rejected-max-bytes 1G
  --secret-env VAR       require ?token=<value of $VAR> on the webhook URL (compared in
                         constant time); a missing or wrong token is 401 and never stored.
                           HEYMILO_TOKEN=s3cret heymilo-receiver --secret-env HEYMILO_TOKEN
  --exec CMD             the asynchronous handler, run by /bin/sh for each stored payload:
                         the raw payload on stdin, HEYMILO_EVENT, HEYMILO_INTERVIEW_ID and
                         HEYMILO_POSTING_ID in its environment. Exit 0 marks the row done;
                         anything else is retried with exponential backoff, then failed.
                         Without --exec rows stay pending for your own consumer.
                           heymilo-receiver --exec 'jq .interview_id >> /tmp/seen'
  --exec-timeout S       seconds a handler may run before it is killed (default 30).
                           heymilo-receiver --exec ./sync-ats.sh --exec-timeout 120
  --exec-attempts N      runs before a row is marked failed (default 8).
                           heymilo-receiver --exec ./sync-ats.sh --exec-attempts 3
  --exec-backoff S       wait before the first retry, doubled after each failure up to an
                         hour (default 1).
                           heymilo-receiver --exec ./sync-ats.sh --exec-backoff 30
  --retain-days N        delete done rows handled more than N days ago (default 30; 0 keeps
                         them).
                           heymilo-receiver --exec ./sync-ats.sh --retain-days 7
  --tls-cert F --tls-key F
                         serve HTTPS with this PEM certificate chain and private key.
                           heymilo-receiver --listen 0.0.0.0:8443 --tls-cert cert.pem --tls-key key.pem
  --requeue-failed       mark the store's failed rows pending again (attempts reset),
                         print how many, and exit.
                           heymilo-receiver --store sqlite:inbox.db --requeue-failed
  -h, --help             show this help.

Try it:
  heymilo-receiver &
  curl -H 'Content-Type: application/json' --data @payload.json \
       http://127.0.0.1:8080/webhook/heymilo
  curl http://127.0.0.1:8080/metrics

Exit codes: 0 after SIGTERM/SIGINT (or --requeue-failed), 1 when the store or the
listening socket cannot be opened, 2 on a usage error.
)";

// --max-errors at most: as many as the CLI's --all-errors, which bounds the answer and row.
constexpr unsigned kMaxErrorsLimit = 100;

class Cursor {
 public:
  explicit Cursor(std::span<const std::string_view> args) : args_(args) {}
  bool done() const { return next_ >= args_.size(); }

  std::string_view take_flag() {
    std::string_view arg = args_[next_++];
    inline_value_.reset();
    if (const auto equals = arg.find('='); arg.starts_with("--") && equals != arg.npos) {
      inline_value_ = arg.substr(equals + 1);
      arg = arg.substr(0, equals);
    }
    if (!arg.starts_with('-')) fail("unexpected argument '" + std::string(arg) + "'");
    return arg;
  }

  std::string_view value(std::string_view flag) {
    if (inline_value_) return *std::exchange(inline_value_, std::nullopt);
    if (done()) fail("flag '" + std::string(flag) + "' needs a value");
    return args_[next_++];
  }

  void no_value(std::string_view flag) const {
    if (inline_value_) fail("flag '" + std::string(flag) + "' takes no value");
  }

  [[noreturn]] static void fail(const std::string& message) {
    throw UsageError("heymilo-receiver: " + message + " (see 'heymilo-receiver --help')");
  }

 private:
  std::span<const std::string_view> args_;
  std::size_t next_ = 0;
  std::optional<std::string_view> inline_value_;
};

std::uint64_t parse_count(std::string_view flag, std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size())
    Cursor::fail("flag '" + std::string(flag) + "' needs a non-negative integer, not '" +
                 std::string(text) + "'");
  return value;
}

unsigned parse_small(std::string_view flag, std::string_view text, unsigned low, unsigned high) {
  const std::uint64_t value = parse_count(flag, text);
  if (value < low || value > high)
    Cursor::fail("flag '" + std::string(flag) + "' must be within " + std::to_string(low) + ".." +
                 std::to_string(high));
  return static_cast<unsigned>(value);
}

std::size_t parse_size(std::string_view flag, std::string_view text) {
  int shift = 0;
  if (!text.empty()) {
    switch (text.back()) {
      case 'K':
      case 'k':
        shift = 10;
        break;
      case 'M':
      case 'm':
        shift = 20;
        break;
      case 'G':
      case 'g':
        shift = 30;
        break;
    }
  }
  const std::uint64_t count = parse_count(flag, shift ? text.substr(0, text.size() - 1) : text);
  if (count > (std::numeric_limits<std::size_t>::max() >> shift))
    Cursor::fail("flag '" + std::string(flag) + "': " + std::string(text) + " is too large");
  return static_cast<std::size_t>(count << shift);
}

Seconds parse_seconds(std::string_view flag, std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size() ||
      !std::isfinite(value) || value <= 0 || value > 1e6)
    Cursor::fail("flag '" + std::string(flag) + "' needs a positive number of seconds, not '" +
                 std::string(text) + "'");
  return Seconds(value);
}

void parse_listen(Config& config, std::string_view text) {
  const auto colon = text.rfind(':');
  if (colon == text.npos || colon + 1 == text.size())
    Cursor::fail("--listen needs HOST:PORT, not '" + std::string(text) + "'");
  std::string_view host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  config.host = host.empty() ? "0.0.0.0" : std::string(host);
  config.port = std::string(text.substr(colon + 1));
  parse_small("--listen", config.port, 0, 65535);
}

void read_secret(Config& config) {
  const char* value = std::getenv(config.secret_env.c_str());
  if (!value || !*value)
    Cursor::fail("--secret-env " + config.secret_env + ": the variable is not set or empty");
  config.secret = value;
}
}  // namespace

bool asks_for_help(std::span<const std::string_view> args) {
  for (std::string_view arg : args)
    if (arg == "--help" || arg == "-h") return true;
  return false;
}

std::string_view help_text() { return kHelp; }

Config parse_args(std::span<const std::string_view> args) {
  Config config;
  Cursor cursor(args);
  while (!cursor.done()) {
    const std::string_view flag = cursor.take_flag();
    const auto value = [&] { return cursor.value(flag); };
    if (flag == "--listen") {
      parse_listen(config, value());
    } else if (flag == "--path") {
      config.path = value();
      if (!config.path.starts_with('/')) Cursor::fail("--path must start with '/'");
    } else if (flag == "--store") {
      config.store = value();
    } else if (flag == "--lenient") {
      cursor.no_value(flag);
      config.parser.mode = Mode::lenient;
    } else if (flag == "--max-bytes") {
      config.parser.max_bytes = parse_size(flag, value());
      if (config.parser.max_bytes == 0) Cursor::fail("--max-bytes must be at least 1");
    } else if (flag == "--max-depth") {
      config.parser.max_depth = parse_small(flag, value(), 1, kMaxDepthLimit);
    } else if (flag == "--max-errors") {
      config.parser.max_errors = parse_small(flag, value(), 1, kMaxErrorsLimit);
    } else if (flag == "--drift") {
      cursor.no_value(flag);
      config.parser.drift = true;
    } else if (flag == "--threads") {
      config.threads = parse_small(flag, value(), 1, 1024);
    } else if (flag == "--request-timeout") {
      config.request_timeout = parse_seconds(flag, value());
    } else if (flag == "--reject-status") {
      config.reject_status = parse_small(flag, value(), 200, 599);
    } else if (flag == "--rejected-max-bytes") {
      config.rejected_max_bytes = parse_size(flag, value());
    } else if (flag == "--secret-env") {
      config.secret_env = value();
    } else if (flag == "--exec") {
      config.exec = value();
    } else if (flag == "--exec-timeout") {
      config.exec_timeout = parse_seconds(flag, value());
    } else if (flag == "--exec-attempts") {
      config.exec_attempts = parse_small(flag, value(), 1, 1000);
    } else if (flag == "--exec-backoff") {
      config.exec_backoff = parse_seconds(flag, value());
    } else if (flag == "--retain-days") {
      config.retain_days = parse_small(flag, value(), 0, 100000);
    } else if (flag == "--tls-cert") {
      config.tls_cert = value();
    } else if (flag == "--tls-key") {
      config.tls_key = value();
    } else if (flag == "--requeue-failed") {
      cursor.no_value(flag);
      config.requeue_failed = true;
    } else {
      Cursor::fail("unknown flag '" + std::string(flag) + "'");
    }
  }
  if (config.tls_cert.empty() != config.tls_key.empty())
    Cursor::fail("--tls-cert and --tls-key go together");
  if (!config.secret_env.empty()) read_secret(config);
  return config;
}

}  // namespace heymilo::receiver
