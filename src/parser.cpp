// heymilo::Parser: input handling, limits and the choice of document; the walk itself is in
// walker.cpp.
#include <heymilo/parser.hpp>

#include <algorithm>
#include <cstring>

#include "walker.hpp"

namespace heymilo {

static_assert(kPadding == simdjson::SIMDJSON_PADDING);
static_assert(detail::Walker::kSentinels <= detail::Indexer::kSpareEntries);

// Hidden although Parser is exported: nothing outside the library names it.
struct __attribute__((visibility("hidden"))) Parser::Impl {
  Options options;
  Options walk_options;  // `options` with max_depth clamped to kMaxDepthLimit
  detail::Indexer indexer;
  detail::WalkBuffers buffers;
  std::unique_ptr<char[]> copy;  // padded copy of inputs that come without padding
  std::size_t copy_capacity = 0;
  // Taken once: root_plans() checks its one-time initialisation on every call.
  const detail::RootPlans& plans = detail::root_plans();

  // One view per document; a parse overwrites the one it returns.
  InterviewStarted interview_started;
  InterviewCompleted interview_completed;
  ReportAvailable report_available;
  WebhookCreateRequest webhook_create_request;
  Webhook webhook;
  WebhookList webhook_list;
  AnyDocument result;
  std::optional<Document> last_document;

  void apply(const Options& given) {
    options = walk_options = given;
    walk_options.max_depth = std::clamp<std::size_t>(given.max_depth, 1, kMaxDepthLimit);
  }
  PaddedInput pad(std::string_view json);
  simdjson::error_code reserve(std::size_t size);
  // Parses as `requested`, or as the detected event when it is null.
  const Error* run(PaddedInput input, const Document* requested);
  const Error* walk(detail::Walker& walker, Document document);
  const Error* walk_detected(detail::Walker& walker);
};

PaddedInput Parser::Impl::pad(std::string_view input) {
  const std::size_t needed = input.size() + kPadding;
  if (copy_capacity < needed) {
    copy_capacity = std::max(needed, copy_capacity * 2);
    copy = std::make_unique_for_overwrite<char[]>(copy_capacity);
  }
  if (!input.empty()) std::memcpy(copy.get(), input.data(), input.size());
  std::memset(copy.get() + input.size(), ' ', kPadding);
  return {{copy.get(), input.size()}, needed};
}

const Error* Parser::Impl::walk(detail::Walker& walker, Document document) {
  const detail::StructPlan& plan = *plans[static_cast<std::size_t>(document)];
  bool ok = false;
  switch (document) {
    case Document::interview_started:
      ok = walker.read_root_object(plan, &interview_started);
      result = &interview_started;
      break;
    case Document::interview_completed:
      ok = walker.read_root_object(plan, &interview_completed);
      result = &interview_completed;
      break;
    case Document::report_available:
      ok = walker.read_root_object(plan, &report_available);
      result = &report_available;
      break;
    case Document::webhook_create_request:
      ok = walker.read_root_object(plan, &webhook_create_request);
      result = &webhook_create_request;
      break;
    case Document::webhook:
      ok = walker.read_root_object(plan, &webhook);
      result = &webhook;
      break;
    case Document::webhook_list:
      ok = walker.read_root_array(plan, webhook_list.webhooks);
      result = &webhook_list;
      break;
  }
  return ok ? nullptr : &buffers.errors.error();
}

// Rule 11 without a pass of its own over the root's keys. The payload is read as
// interview_started, the one event that no key of its own decides, until a root key of
// another event turns up; the walk then starts again as that event (as report_available if
// a report key turns up in the walk as interview_completed). Anything else (an error, or
// interview_started without its `metadata`) goes to detect_event, which decides as the rule
// reads, so what the walk reports is what detecting first would have reported.
const Error* Parser::Impl::walk_detected(detail::Walker& walker) {
  using detail::kCompletedKey;
  using detail::kReportKey;
  Document event = Document::interview_started;
  for (;;) {
    walker.stop_at_event_keys(event == Document::interview_started     ? kReportKey | kCompletedKey
                              : event == Document::interview_completed ? kReportKey
                                                                       : 0);
    const Error* error = walk(walker, event);
    const unsigned stopped = walker.stopped_at();
    walker.stop_at_event_keys(0);
    if (!error &&
        (event != Document::interview_started || !interview_started.metadata.is_absent())) {
      last_document = event;
      return nullptr;
    }
    walker.rewind();
    buffers.reset();
    if (stopped == 0) break;
    event = stopped & kReportKey ? Document::report_available : Document::interview_completed;
  }
  Document detected{};
  if (!walker.detect_event(detected)) return &buffers.errors.error();
  last_document = detected;
  return walk(walker, detected);
}

// Grows the token index and the string buffer to inputs of `size` bytes; a no-op once they
// are large enough, which is what keeps a warm parser from allocating.
simdjson::error_code Parser::Impl::reserve(std::size_t size) {
  buffers.reserve_strings(size);
  return indexer.reserve(size);
}

const Error* Parser::Impl::run(PaddedInput input, const Document* requested) {
  buffers.reset();
  last_document.reset();
  if (requested) last_document = *requested;
  if (input.json.size() > options.max_bytes) {
    buffers.errors.raise(ErrorCode::too_large, nullptr, -1)
        .append("the input is ")
        .append(std::to_string(input.json.size()))
        .append(" bytes, more than the limit of ")
        .append(std::to_string(options.max_bytes));
    return &buffers.errors.error();
  }
  std::size_t sentinel = detail::Walker::find_sentinel(input.json);
  if (input.capacity < input.json.size() + kPadding || sentinel == std::string_view::npos) {
    input = pad(input.json);  // the copy's padding is spaces: one is the sentinel
    if (sentinel == std::string_view::npos) sentinel = input.json.size();
  }
  if (auto error = reserve(input.json.size())) {
    buffers.errors.raise(ErrorCode::too_large, nullptr, -1)
        .append("cannot allocate the parser: ")
        .append(simdjson::error_message(error));
    return &buffers.errors.error();
  }
  if (auto error = indexer.index(input.json)) {
    buffers.errors.raise(ErrorCode::invalid_json, nullptr, -1)
        .append(simdjson::error_message(error));
    return &buffers.errors.error();
  }
  const std::span<std::uint32_t> tokens = indexer.tokens();
  std::fill_n(tokens.data() + tokens.size(), detail::Walker::kSentinels,
              static_cast<std::uint32_t>(sentinel));
  detail::Walker walker(tokens, input.json, walk_options, buffers);
  const Error* error = requested ? walk(walker, *requested) : walk_detected(walker);
  // A broken document is invalid_json whatever else is wrong with it (rule 1), so an error
  // of another kind stands only if the whole input is valid JSON.
  if (error && error->code != ErrorCode::invalid_json && error->code != ErrorCode::too_deep &&
      error->code != ErrorCode::too_large && !walker.validate_document())
    error = &buffers.errors.error();
  return error;
}

Parser::Parser(Options options) : impl_(std::make_unique<Impl>()) { impl_->apply(options); }
Parser::~Parser() = default;
Parser::Parser(Parser&&) noexcept = default;
Parser& Parser::operator=(Parser&&) noexcept = default;

const Options& Parser::options() const noexcept { return impl_->options; }
void Parser::set_options(const Options& options) noexcept { impl_->apply(options); }

Result<AnyDocument> Parser::parse(PaddedInput json, Document document) {
  if (const Error* error = impl_->run(json, &document)) return Result<AnyDocument>(*error);
  return Result<AnyDocument>(impl_->result);
}

Result<AnyDocument> Parser::parse(PaddedInput json) {
  if (const Error* error = impl_->run(json, nullptr)) return Result<AnyDocument>(*error);
  return Result<AnyDocument>(impl_->result);
}

std::optional<Document> Parser::last_document() const noexcept { return impl_->last_document; }

Result<AnyDocument> Parser::parse(std::string_view json, Document document) {
  return parse(PaddedInput{json, 0}, document);
}

Result<AnyDocument> Parser::parse(std::string_view json) { return parse(PaddedInput{json, 0}); }

namespace {
template <class T>
Result<T> narrow(const Result<AnyDocument>& result) {
  if (!result) return Result<T>(result.error());
  return Result<T>(*std::get<const T*>(*result));
}
}  // namespace

Result<InterviewStarted> Parser::parse_interview_started(std::string_view json) {
  return narrow<InterviewStarted>(parse(json, Document::interview_started));
}
Result<InterviewCompleted> Parser::parse_interview_completed(std::string_view json) {
  return narrow<InterviewCompleted>(parse(json, Document::interview_completed));
}
Result<ReportAvailable> Parser::parse_report_available(std::string_view json) {
  return narrow<ReportAvailable>(parse(json, Document::report_available));
}
Result<WebhookCreateRequest> Parser::parse_webhook_create_request(std::string_view json) {
  return narrow<WebhookCreateRequest>(parse(json, Document::webhook_create_request));
}
Result<Webhook> Parser::parse_webhook(std::string_view json) {
  return narrow<Webhook>(parse(json, Document::webhook));
}
Result<WebhookList> Parser::parse_webhook_list(std::string_view json) {
  return narrow<WebhookList>(parse(json, Document::webhook_list));
}

}  // namespace heymilo
