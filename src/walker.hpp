#pragma once
// The interpreter of the field tables. simdjson's stage 1 lists where every JSON token of the
// input starts (structural characters, strings, scalars, in order); the walker reads that
// list once, in document order, validating every value and writing each known one into its
// view. Included by parser.cpp and the walker's own files, which compile simdjson's header.

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include <heymilo/detail/tables.hpp>
#include <heymilo/parser.hpp>

#include "arena.hpp"
#include "error_state.hpp"
#include "simdjson_adapter.hpp"
#include "walk_plan.hpp"

namespace heymilo::detail {

using tables::FieldInfo;
using tables::Kind;
using tables::StructInfo;

// The buffers a walk writes into, owned by the parser and reused across parses.
struct WalkBuffers {
  // One per level of arrays in arrays, each in place while the level below is read.
  std::vector<std::unique_ptr<ElementStore>> elements;
  std::unique_ptr<char[]> strings;  // decoded copies of strings that hold escapes
  std::size_t strings_capacity = 0;
  ErrorState errors;
  WarningList warnings;

  // Forgets the previous parse's arrays, errors and warnings (keeping the memory).
  void reset() noexcept {
    for (const auto& store : elements) store->reset();
    errors.clear();
    warnings.clear();
  }

  // Room for every string of an input of `size` bytes decoded (a decoded string is never
  // longer than its JSON text), and for the block the decoder writes past the last one.
  void reserve_strings(std::size_t size);
};

// Rule 11 (detection.cpp): the events the root key `key` (decoded) identifies, as a set of
// event_keys.hpp (one bit), or 0.
unsigned event_key(std::string_view key) noexcept;

// Where a walk is: the input and its next token, the one read position. Functions take it
// by reference and move it on, except the hot recursive ones (read_object, read_array), which
// take it by value and return where they ended: in a register, not in memory, where it would
// be reloaded after every pointer stored into a view (such a store may alias it).
struct Cursor {
  const char* json;
  const std::uint32_t* next;
  // The next token's first character; the sentinel after the last token.
  char peek() const noexcept { return json[*next]; }
  // Where the next token starts; the sentinel after the last token.
  const char* here() const noexcept { return json + *next; }
};

// One Walker reads one input; its jobs are split by file: walk.cpp (the table walk into a
// view), token_reads.hpp (scalars and strings), syntax.cpp (JSON syntax of values the tables
// do not describe, and of a whole document), detection.cpp (rule 11), rules.cpp (the value
// rules and their messages), walk_errors.cpp (raising errors).
class Walker {
 public:
  // A byte of `input` that starts no token and continues none (e.g. a letter inside a
  // string), or npos. The walker reads it past the last token instead of checking for the
  // end at every token.
  static std::size_t find_sentinel(std::string_view input) noexcept;
  // The number of entries after the tokens that must hold the sentinel's offset.
  static constexpr std::size_t kSentinels = 2;

  // `tokens`: where each token of `input` starts, from stage 1 (which found no error),
  // followed by kSentinels entries holding find_sentinel(input).
  Walker(std::span<const std::uint32_t> tokens, std::string_view input, const Options& options,
         WalkBuffers& buffers) noexcept;

  // Each of these reads the input from its first token.
  // The root is an object of the document whose plan is given (not webhook_list's), read
  // into `out`.
  bool read_root_object(const StructPlan& plan, void* out);
  // The root is webhook_list's array of webhooks (`webhook`: the webhook's plan).
  bool read_root_array(const StructPlan& webhook, std::span<const Webhook>& out);
  // Checks the whole input is one valid JSON value within the depth limit (syntax.cpp).
  bool validate_document();
  // Rule 11: the event whose keys the root object carries (detection.cpp).
  bool detect_event(Document& event);
  // Rule 11 along the walk: read_root_object stops, raising nothing, at the first root key
  // that identifies one of `events` (a set of event_keys.hpp), and stopped_at() then says which.
  void stop_at_event_keys(unsigned events) noexcept {
    stop_events_ = events;
    stopped_at_ = 0;
  }
  unsigned stopped_at() const noexcept { return stopped_at_; }

 private:
  enum class JsonType : std::uint8_t { object, array, string, number, boolean, null, invalid };
  static JsonType json_type(char first) noexcept;
  static std::string_view name(JsonType type) noexcept;
  static std::string_view expected_name(Kind kind) noexcept;

  // The fields of an object whose check failed but a boolean sibling may waive (rule 9),
  // decided when the object ends and the sibling is known.
  struct PendingWaivers {
    struct Entry {
      const FieldInfo* field;
      // The value's text; not a string_view, whose constructor would zero every entry of
      // every object read.
      const char* token;
      std::size_t token_size;
    };
    Entry entries[tables::kMaxWaivedFields];
    std::size_t count = 0;
  };

  // The first token, with the string buffer and the backslash search started again.
  Cursor start() noexcept;
  // Where the next token starts, or the end of the input after the last token.
  const char* next_start(Cursor at) const noexcept {
    return at.next < end_ ? at.here() : json_ + input_.size();
  }
  // The text of the scalar starting at `start`, just consumed.
  std::string_view scalar_text(Cursor at, const char* start) const noexcept;

  // walk.cpp, the hot path: one call per object or array, the rest inlined into them. `at`
  // is just past the opening bracket; they return the position past the closing one, or
  // null after raising an error (in registers both ways).
  const std::uint32_t* read_object(Cursor at, const StructPlan& plan, std::byte* out,
                                   const PathNode* path, std::size_t depth);
  // read_object's body, inlined into it and, as a copy of its own, into read_root_object:
  // with one copy for the root and the nested objects, their branches share predictor
  // entries (cachegrind: 76% more mispredictions on interview_started, 15% more time).
  [[gnu::always_inline]] inline const std::uint32_t* read_members(Cursor at, const StructPlan& plan,
                                                                  std::byte* out,
                                                                  const PathNode* path,
                                                                  std::size_t depth);
  const std::uint32_t* read_array(Cursor at, const FieldPlan& field, const PathNode* path,
                                  std::size_t depth, const void*& data, std::size_t& count);
  [[gnu::always_inline]] inline bool read_field(Cursor& at, const FieldPlan& field,
                                                std::byte* object, const PathNode* path,
                                                std::size_t depth, PendingWaivers& pending);
  [[gnu::always_inline]] inline bool read_value(Cursor& at, Kind kind, const FieldPlan& field,
                                                void* slot, const PathNode* path,
                                                std::size_t depth);
  // A value kept as its JSON text, checked by validate_value.
  [[gnu::always_inline]] inline bool read_raw(Cursor& at, const PathNode* path, std::size_t depth,
                                              std::string_view& out);
  // The field a key the table's order did not predict names: -1 for an unknown key, -2 on
  // error. Decodes `key` in place when it holds escapes.
  int find_field(const StructPlan& plan, std::string_view& key, const PathNode* path);

  // token_reads.hpp: one token each, inlined into the walk and the syntax check.
  [[gnu::always_inline]] inline bool read_string(Cursor& at, const PathNode* path,
                                                 std::string_view& out);
  [[gnu::always_inline]] inline bool read_number(Cursor& at, const PathNode* path, double& out);
  [[gnu::always_inline]] inline bool read_integer(Cursor& at, const PathNode* path,
                                                  std::int64_t& out);
  [[gnu::always_inline]] inline bool read_boolean(Cursor& at, const PathNode* path, bool& out);
  [[gnu::always_inline]] inline bool read_null(Cursor& at, const PathNode* path);
  // A number whose value does not matter, only whether it is one simdjson's DOM would read.
  [[gnu::always_inline]] inline bool read_any_number(Cursor& at, const PathNode* path);
  // The string body [body, end): the input's own bytes when it holds no escape, else
  // decoded. Bodies come in document order (start() starts again).
  [[gnu::always_inline]] inline bool string_value(const char* body, const char* end,
                                                  const PathNode* path, std::string_view& out);
  // The first backslash at or after `from` in the input, or the input's end.
  inline const char* find_backslash(const char* from) const noexcept;
  // A string body decoded into the string buffer (a string with escapes, or a root scalar
  // being checked); false on a bad escape.
  bool decode_string(const char* body, const char* end, const PathNode* path,
                     std::string_view& out);
  bool read_integral_number(const PathNode* path, std::string_view token, std::int64_t& out);
  // The key decoded when it holds escapes; data() is null on error.
  std::string_view decode_key(std::string_view raw, const PathNode* path);

  // syntax.cpp
  // The raw text of a member's key, up to the value; data() is null on error.
  std::string_view read_key(Cursor& at, const PathNode* path);
  bool validate_value(Cursor& at, const PathNode* path, std::size_t depth);
  // validate_value for the walk's hot functions, whose cursor must not have its address
  // taken (see Cursor): takes it by value and returns the token after the value, or null.
  // Not inlined: inlined, it would take the address of the caller's cursor again.
  [[gnu::noinline]] const std::uint32_t* skip_valid_value(Cursor at, const PathNode* path,
                                                          std::size_t depth);
  bool validate_root_scalar(Cursor& at);
  // Whether the last token closes the root `open` starts; raises the error if not.
  bool root_is_closed(char open);
  bool check_end(Cursor at);

  // detection.cpp: steps over one value without checking it.
  bool skip_value(Cursor& at);

  // rules.cpp
  [[gnu::always_inline]] inline bool passes_check(const FieldPlan& field,
                                                  const void* slot) const noexcept;
  bool fail_check(const FieldInfo& field, const void* slot, std::string_view token,
                  const PathNode* path);
  bool check_waivers(const PendingWaivers& pending, const StructPlan& plan, const std::byte* object,
                     const PathNode* path);

  // Rule 15 (Options::max_errors > 1), out of the hot path: after a field-level error, whether
  // the walk carries on; carry_on then steps over the value at token `value` (checking its
  // syntax only, as the default mode's check of a document with an error does) and returns
  // the token after it, or null to stop. Neither takes the walk's cursor: passing it would
  // keep a copy of it in memory in read_object's loop.
  [[gnu::cold]] bool may_carry_on() const noexcept;
  [[gnu::cold]] const std::uint32_t* carry_on(const std::uint32_t* value, const PathNode* path,
                                              std::size_t depth);
  // After a field's own value failed to read: carry_on at the value (the last error's
  // offset: a value's first byte, for every error carried on from), the field then absent.
  [[gnu::cold]] const std::uint32_t* carry_on_field(const FieldPlan& field, std::byte* object,
                                                    const PathNode* path, std::size_t depth);
  // The token that starts at `where`; the one the last error's offset points at.
  const std::uint32_t* token_of(const char* where) const noexcept;
  const std::uint32_t* error_token() const noexcept;
  // Each of the object's `missing` fields, in declaration order, as far as errors are kept.
  [[gnu::cold]] bool fail_missing_fields(const StructPlan& plan, std::uint64_t missing,
                                         const PathNode* path, const char* where);
  // Rule 16 (Options::drift): the key at `quote` is not in the plan.
  [[gnu::cold]] void warn_unknown_field(const StructPlan& plan, const PathNode* key,
                                        const char* quote);

  bool enter(std::size_t depth, const char* where, const PathNode* path) {
    return depth <= options_.max_depth || fail_too_deep(where, path);
  }

  // walk_errors.cpp, kept out of the hot path. Each raises the parser's one error and
  // returns false.
  [[gnu::cold]] bool fail_syntax(const PathNode* path, const char* where, std::string_view message);
  [[gnu::cold]] bool fail_syntax_at(Cursor at, const PathNode* path, std::string_view message);
  [[gnu::cold]] bool fail_wrong_type(const char* where, std::string_view expected,
                                     const PathNode* path);
  [[gnu::cold]] bool fail_too_deep(const char* where, const PathNode* path);
  [[gnu::cold]] bool fail_duplicate(const PathNode* path, const char* where);
  [[gnu::cold]] bool fail_missing(const FieldInfo& field, const PathNode* path, const char* where);
  [[gnu::cold]] bool fail_number(const PathNode* path, std::string_view token);
  [[gnu::cold]] bool fail_out_of_range(const FieldInfo& field, std::string_view token,
                                       const PathNode* path);
  std::string& raise(ErrorCode code, const PathNode* path, const char* where);
  std::int64_t offset_of(const char* where) const noexcept;
  ElementStore& elements(std::size_t level);

  std::string_view input_;
  const char* json_;
  const std::uint32_t* begin_;  // the token offsets
  const std::uint32_t* end_;
  // The first backslash at or after the last string body looked at (or the input's end):
  // the strings that end before it hold no escape. One memchr finds it for all of them, so
  // no string is searched on its own and the input is searched once in all.
  const char* backslash_;
  const Options& options_;
  WalkBuffers& buffers_;
  std::size_t strings_used_ = 0;
  std::size_t array_level_ = 0;
  // validate_document(): is the input JSON at all? Also a walk carrying on after an error.
  bool syntax_only_ = false;
  unsigned stop_events_ = 0;  // stop_at_event_keys()
  unsigned stopped_at_ = 0;
};

}  // namespace heymilo::detail
