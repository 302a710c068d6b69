#pragma once
// heymilo::Parser: validates a HeyMilo document against the contract and extracts every
// field into a view, in one pass over the input.
//
// Lifetime: a view (and an Error) points into the input and into the parser's own buffers.
// It stays valid until the same parser's next parse call or its destruction, and only while
// the input buffer lives. Copy out what you need to keep. A Parser is not thread-safe; use
// one per thread. Once a parser has seen a document of a given shape and size, parsing
// another like it allocates nothing.

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include <heymilo/document.hpp>
#include <heymilo/error.hpp>
#include <heymilo/export.hpp>

namespace heymilo {

enum class Mode : std::uint8_t {
  strict,   // every documented field must be present (contract rule 10)
  lenient,  // only the identifiers (interview_id, posting_id, timestamp, ...) must be
};

struct Options {
  Mode mode = Mode::strict;
  std::size_t max_bytes = std::size_t{64} << 20;  // longer input: too_large
  std::size_t max_depth = 1024;                   // deeper nesting: too_deep; `{}` has depth 1
  // Up to this many errors a document (contract rule 15), the first always the one the
  // default of 1 reports; 0 counts as 1. Result::errors() holds them.
  std::size_t max_errors = 1;
  // Reports every unknown key of a typed object as a warning (contract rule 16), up to
  // kMaxWarnings a document; Parser::warnings() holds them.
  bool drift = false;
};

// The most warnings a document reports; the ones past it are left out.
inline constexpr std::size_t kMaxWarnings = 100;

// The largest max_depth the parser honours; larger settings are clamped to it, so that a
// deep document cannot exhaust the stack of a thread with the common 1 MiB default.
inline constexpr std::size_t kMaxDepthLimit = 4096;

// Bytes that must be readable after the JSON text for the parser to use it in place
// (simdjson's SIMDJSON_PADDING).
inline constexpr std::size_t kPadding = 64;

// JSON text followed by at least kPadding readable bytes (e.g. a simdjson::padded_string,
// or a std::string with spare capacity): the parser reads it where it is, without a copy.
struct PaddedInput {
  std::string_view json;
  std::size_t capacity;  // bytes readable from json.data(); >= json.size() + kPadding
};

// Reserves padding in `buffer` and returns it as padded input.
inline PaddedInput padded(std::string& buffer) {
  buffer.reserve(buffer.size() + kPadding);
  return {buffer, buffer.capacity()};
}

template <class T>
class [[nodiscard]] Result {
 public:
  explicit Result(const T& value) noexcept : value_(&value) {}
  explicit Result(const Error& error) noexcept : errors_(&error, 1) {}
  // At least one error.
  explicit Result(std::span<const Error> errors) noexcept : errors_(errors) {}

  bool ok() const noexcept { return value_ != nullptr; }
  explicit operator bool() const noexcept { return ok(); }
  // Only when ok().
  const T& value() const noexcept { return *value_; }
  const T& operator*() const noexcept { return *value_; }
  const T* operator->() const noexcept { return value_; }
  // Only when !ok(): the first error (the only one unless Options::max_errors > 1).
  const Error& error() const noexcept { return errors_.front(); }
  // Every error reported, in the contract's order (rule 15); empty when ok().
  std::span<const Error> errors() const noexcept { return errors_; }

 private:
  const T* value_ = nullptr;
  std::span<const Error> errors_;
};

class HEYMILO_API Parser {
 public:
  explicit Parser(Options options = {});
  ~Parser();
  Parser(Parser&&) noexcept;
  Parser& operator=(Parser&&) noexcept;

  const Options& options() const noexcept;
  void set_options(const Options& options) noexcept;

  // Validates as the document whose view is `View`, e.g. parse<ReportAvailable>(json); any
  // View of documents.inc.
  template <class View>
  Result<View> parse(std::string_view json);

  // The same by name: parse_interview_started, parse_interview_completed,
  // parse_report_available, parse_webhook_create_request, parse_webhook, parse_webhook_list.
#define HEYMILO_DOCUMENT(name, View, Root) \
  Result<View> parse_##name(std::string_view json) { return parse<View>(json); }
#include <heymilo/documents.inc>

  // Detects the payload from its root keys (contract rule 11): one of the three events.
  Result<AnyDocument> parse(std::string_view json);
  Result<AnyDocument> parse(PaddedInput json);
  // Validates as the given document.
  Result<AnyDocument> parse(std::string_view json, Document document);
  Result<AnyDocument> parse(PaddedInput json, Document document);

  // What the last parse read its input as, valid or not: the document asked for, or the
  // event detected from the root's keys (kept when the input then proves invalid, even as
  // JSON: detection does not check the values it passes). None when detection could not
  // tell: unknown_event, a root that is not an object, an input too large, or one broken
  // before the root's keys could be read.
  std::optional<Document> last_read_as() const noexcept;

  // The last parse's warnings (Options::drift), valid or not, in document order; valid until
  // the next parse, like a view.
  std::span<const Warning> warnings() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// parse<View> is compiled into the library for each document.
#define HEYMILO_DOCUMENT(name, View, Root) \
  extern template Result<View> Parser::parse<View>(std::string_view json);
#include <heymilo/documents.inc>

}  // namespace heymilo
