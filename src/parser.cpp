// heymilo::Parser: input handling, limits and the choice of document; the walk itself is
// the Walker's (walker.hpp).
#include <heymilo/parser.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <tuple>

#include "event_keys.hpp"
#include "walker.hpp"

namespace heymilo {

static_assert(kPadding == simdjson::SIMDJSON_PADDING);
static_assert(detail::Walker::kSentinels <= detail::Indexer::kSpareEntries);

namespace {

template <class Ignored, class... Views>
using TupleOfRest = std::tuple<Views...>;

// The root of a document read into its view: an object, or webhook_list's array.
template <class View>
bool read_root(detail::Walker& walker, const detail::StructPlan& plan, View& view) {
  return walker.read_root_object(plan, &view);
}
bool read_root(detail::Walker& walker, const detail::StructPlan& plan, WebhookList& view) {
  return walker.read_root_array(plan, view.webhooks);
}

}  // namespace

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
  TupleOfRest<void
#define HEYMILO_DOCUMENT(name, View, Root) , View
#include <heymilo/documents.inc>
              >
      views;
  // Each of `views` as parse() returns it, indexed by Document: built once, picked per parse.
  const std::array<AnyDocument, std::size(kAllDocuments)> any_views = {
#define HEYMILO_DOCUMENT(name, View, Root) AnyDocument(&std::get<View>(views)),
#include <heymilo/documents.inc>
  };
  std::optional<Document> last_read_as;

  void apply(const Options& given) {
    options = walk_options = given;
    walk_options.max_depth = std::clamp<std::size_t>(given.max_depth, 1, kMaxDepthLimit);
    buffers.errors.set_limit(given.max_errors);
  }
  PaddedInput pad(std::string_view json);
  simdjson::error_code reserve(std::size_t size);
  // Parses as `requested`, or as the detected event when it is null: no errors when valid,
  // and then the view of last_read_as holds the document.
  std::span<const Error> run(PaddedInput input, const Document* requested);
  // Whether the document is valid (else the errors are in buffers.errors). Inlined so that
  // walk_detected's loop unrolls into a walk per event, each with its plan and view known
  // (bench/instructions.sh: 45 fewer instructions a detected interview_completed).
  [[gnu::always_inline]] inline bool walk(detail::Walker& walker, Document document);
  bool walk_detected(detail::Walker& walker);
  std::span<const Error> fail(ErrorCode code, std::string_view message, std::string_view detail);
  // Out of line, so that run's code for a valid input is not laid out around it.
  [[gnu::cold]] std::span<const Error> fail_too_large(std::size_t size);
  // The view of `document`, as parse() returns it.
  const AnyDocument& any(Document document) const {
    return any_views[static_cast<std::size_t>(document)];
  }
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

bool Parser::Impl::walk(detail::Walker& walker, Document document) {
  const detail::StructPlan& plan = *plans[static_cast<std::size_t>(document)];
  bool ok = false;
  switch (document) {
#define HEYMILO_DOCUMENT(name, View, Root)               \
  case Document::name:                                   \
    ok = read_root(walker, plan, std::get<View>(views)); \
    break;
#include <heymilo/documents.inc>
  }
  // With Options::max_errors > 1 a walk may finish after errors it carried on from.
  return ok && buffers.errors.count() == 0;
}

// Rule 11 without a pass of its own over the root's keys. The payload is read as the last
// event in precedence (interview_started) until a root key of an event that outranks it turns
// up; the walk then starts again as that event (and again if a key of an event outranking that
// one turns up in that walk). Anything else (an error, or a valid document without a key of its
// event) goes to detect_event, which decides as the rule reads, so what the walk reports is
// what detecting first would have reported.
bool Parser::Impl::walk_detected(detail::Walker& walker) {
  constexpr Document kLast = tables::kEventPrecedence[std::size(tables::kEventPrecedence) - 1];
  Document event = kLast;
  for (;;) {
    walker.stop_at_event_keys(detail::kEventsOutranking[static_cast<std::size_t>(event)]);
    const bool ok = walk(walker, event);
    const unsigned stopped = walker.stopped_at();
    walker.stop_at_event_keys(0);
    // A walk started again met a key of its event; the first must find one of its own (in its
    // view: `views` holds them in Document order).
    if (ok && (event != kLast ||
               detail::has_event_key(std::get<static_cast<std::size_t>(kLast)>(views)))) {
      last_read_as = event;
      return true;
    }
    buffers.reset();
    if (stopped == 0) break;
    event = detail::first_event(stopped);
  }
  Document detected{};
  if (!walker.detect_event(detected)) return false;
  last_read_as = detected;
  return walk(walker, detected);
}

// Grows the token index and the string buffer to inputs of `size` bytes; a no-op once they
// are large enough, which is what keeps a warm parser from allocating.
simdjson::error_code Parser::Impl::reserve(std::size_t size) {
  buffers.reserve_strings(size);
  return indexer.reserve(size);
}

std::span<const Error> Parser::Impl::fail(ErrorCode code, std::string_view message,
                                          std::string_view detail) {
  buffers.errors.raise(code, nullptr, -1).append(message).append(detail);
  return buffers.errors.errors();
}

std::span<const Error> Parser::Impl::fail_too_large(std::size_t size) {
  return fail(
      ErrorCode::too_large, "the input is ",
      std::to_string(size) + " bytes, more than the limit of " + std::to_string(options.max_bytes));
}

std::span<const Error> Parser::Impl::run(PaddedInput input, const Document* requested) {
  buffers.reset();
  last_read_as.reset();
  if (requested) last_read_as = *requested;
  if (input.json.size() > options.max_bytes) return fail_too_large(input.json.size());
  std::size_t sentinel = detail::Walker::find_sentinel(input.json);
  if (input.capacity < input.json.size() + kPadding || sentinel == std::string_view::npos) {
    input = pad(input.json);  // the copy's padding is spaces: one is the sentinel
    if (sentinel == std::string_view::npos) sentinel = input.json.size();
  }
  if (auto error = reserve(input.json.size()))
    return fail(ErrorCode::too_large,
                "cannot allocate the parser: ", simdjson::error_message(error));
  if (auto error = indexer.index(input.json))
    return fail(ErrorCode::invalid_json, "", simdjson::error_message(error));
  const std::span<std::uint32_t> tokens = indexer.tokens();
  std::fill_n(tokens.data() + tokens.size(), detail::Walker::kSentinels,
              static_cast<std::uint32_t>(sentinel));
  detail::Walker walker(tokens, input.json, walk_options, buffers);
  if (requested ? walk(walker, *requested) : walk_detected(walker)) return {};
  // A broken document is invalid_json whatever else is wrong with it (rule 1), so an error
  // of another kind (unknown_event too) stands only if the whole input is valid JSON. A walk
  // that carried on after field errors (Options::max_errors) and then broke is judged the
  // same way, so that its one error is the one the default mode reports.
  detail::ErrorState& errors = buffers.errors;
  const ErrorCode code = errors.code();
  if (errors.had_field_error() || (code != ErrorCode::invalid_json && code != ErrorCode::too_deep &&
                                   code != ErrorCode::too_large))
    walker.validate_document();
  return errors.errors();
}

Parser::Parser(Options options) : impl_(std::make_unique<Impl>()) { impl_->apply(options); }
Parser::~Parser() = default;
Parser::Parser(Parser&&) noexcept = default;
Parser& Parser::operator=(Parser&&) noexcept = default;

const Options& Parser::options() const noexcept { return impl_->options; }
void Parser::set_options(const Options& options) noexcept { impl_->apply(options); }

Result<AnyDocument> Parser::parse(PaddedInput json, Document document) {
  const std::span<const Error> errors = impl_->run(json, &document);
  if (!errors.empty()) return Result<AnyDocument>(errors);
  return Result<AnyDocument>(impl_->any(document));
}

Result<AnyDocument> Parser::parse(PaddedInput json) {
  const std::span<const Error> errors = impl_->run(json, nullptr);
  if (!errors.empty()) return Result<AnyDocument>(errors);
  return Result<AnyDocument>(impl_->any(*impl_->last_read_as));
}

Result<AnyDocument> Parser::parse(std::string_view json, Document document) {
  return parse(PaddedInput{json, 0}, document);
}

Result<AnyDocument> Parser::parse(std::string_view json) { return parse(PaddedInput{json, 0}); }

template <class View>
Result<View> Parser::parse(std::string_view json) {
  static constexpr Document kDocument = DocumentOf<View>::value;
  const std::span<const Error> errors = impl_->run(PaddedInput{json, 0}, &kDocument);
  if (!errors.empty()) return Result<View>(errors);
  return Result<View>(std::get<View>(impl_->views));
}

#define HEYMILO_DOCUMENT(name, View, Root) \
  template Result<View> Parser::parse<View>(std::string_view json);
#include <heymilo/documents.inc>

std::optional<Document> Parser::last_read_as() const noexcept { return impl_->last_read_as; }

std::span<const Warning> Parser::warnings() const { return impl_->buffers.warnings.reports(); }

}  // namespace heymilo
