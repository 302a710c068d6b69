#pragma once
// The library's one contact with simdjson's internals: its stage-1 indexer
// (internal::dom_parser_implementation) and its number and literal parsers
// (builtin::numberparsing, builtin::atomparsing), which are not public API and may change in
// any release. No other file names them.
//
// Checked against simdjson 3.0.1 (Debian 12) and 4.6.7. A release outside 3.0.1 to 4.x fails
// to compile here, with a message saying what to check, rather than misbehaving at run time.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include <simdjson.h>

namespace heymilo::detail {

// SIMDJSON_VERSION is a bare token in 3.0.1 and a string in 4.x; the enum values are not.
inline constexpr bool kCheckedSimdjson =
    (simdjson::SIMDJSON_VERSION_MAJOR == 3 &&
     (simdjson::SIMDJSON_VERSION_MINOR > 0 || simdjson::SIMDJSON_VERSION_REVISION >= 1)) ||
    simdjson::SIMDJSON_VERSION_MAJOR == 4;
static_assert(kCheckedSimdjson,
              "heymilo uses simdjson internals checked with simdjson 3.0.1 to 4.x; check "
              "src/simdjson_adapter.hpp against this simdjson release before allowing it here "
              "and in cmake/simdjson_range.cmake");

// simdjson's stage 1 for the CPU it runs on, the layer its own DOM and on-demand parsers are
// built on: it checks UTF-8, control characters and string termination, and lists where
// each token starts.
class Indexer {
 public:
  // Room for inputs of `size` bytes; a no-op once there is (no allocation).
  simdjson::error_code reserve(std::size_t size) {
    if (!impl_) {
      // The depth is the DOM stage's business; stage 1 alone does not use it.
      return simdjson::get_active_implementation()->create_dom_parser_implementation(size, 1,
                                                                                     impl_);
    }
    return impl_->capacity() < size ? impl_->set_capacity(size) : simdjson::SUCCESS;
  }

  // Indexes `json`, which is followed by simdjson::SIMDJSON_PADDING readable bytes and no
  // longer than the last reserve().
  simdjson::error_code index(std::string_view json) {
    return impl_->stage1(reinterpret_cast<const std::uint8_t*>(json.data()), json.size(),
                         simdjson::stage1_mode::regular);
  }

  // Entries writable after the last token: simdjson allocates one per input byte, and an
  // input has at most one token per byte, plus 2 + 7 more.
  static constexpr std::size_t kSpareEntries = 9;

  // Where each token of the last input starts; kSpareEntries writable entries follow.
  std::span<std::uint32_t> tokens() const noexcept {
    return {impl_->structural_indexes.get(), impl_->n_structural_indexes};
  }

 private:
  std::unique_ptr<simdjson::internal::dom_parser_implementation> impl_;
};

namespace adapter {

inline const std::uint8_t* bytes(const char* text) noexcept {
  return reinterpret_cast<const std::uint8_t*>(text);
}

// parse_number's output when only the validity of a number matters.
struct IgnoreNumber {
  void append_s64(std::int64_t) noexcept {}
  void append_u64(std::uint64_t) noexcept {}
  void append_double(double) noexcept {}
  void skip_double() noexcept {}
};

}  // namespace adapter

// The parsers below read the token starting at `start`, which a structural character, a
// space or the input's padding follows; simdjson compiles them for this translation unit's
// target.

// A JSON number as a double; false when it is not one or beyond the double range.
[[gnu::always_inline]] inline bool parse_double(const char* start, double& out) noexcept {
  return simdjson::builtin::numberparsing::parse_double(adapter::bytes(start)).get(out) ==
         simdjson::SUCCESS;
}

// Digits alone (with an optional minus) within int64; false for anything else.
[[gnu::always_inline]] inline bool parse_int64(const char* start, std::int64_t& out) noexcept {
  return simdjson::builtin::numberparsing::parse_integer(adapter::bytes(start)).get(out) ==
         simdjson::SUCCESS;
}

// A number simdjson's DOM accepts: valid JSON, within the double range, and an integer
// written as digits alone within [-2^63, 2^64).
[[gnu::always_inline]] inline bool is_dom_number(const char* start) noexcept {
  adapter::IgnoreNumber ignore;
  return simdjson::builtin::numberparsing::parse_number(adapter::bytes(start), ignore) ==
         simdjson::SUCCESS;
}

[[gnu::always_inline]] inline bool is_true_literal(const char* start) noexcept {
  return simdjson::builtin::atomparsing::is_valid_true_atom(adapter::bytes(start));
}
[[gnu::always_inline]] inline bool is_false_literal(const char* start) noexcept {
  return simdjson::builtin::atomparsing::is_valid_false_atom(adapter::bytes(start));
}
[[gnu::always_inline]] inline bool is_null_literal(const char* start) noexcept {
  return simdjson::builtin::atomparsing::is_valid_null_atom(adapter::bytes(start));
}

}  // namespace heymilo::detail
