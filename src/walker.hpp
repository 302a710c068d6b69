#pragma once
// The interpreter of the field tables: walks a simdjson on-demand document once, in
// document order, validating every value and writing each known one into its view.
// Included only by parser.cpp, the one translation unit that compiles simdjson.

#include <bit>
#include <cmath>
#include <cstring>
#include <deque>

#include <simdjson.h>

#include <heymilo/parser.hpp>
#include <heymilo/schema.hpp>

#include "arena.hpp"
#include "error_state.hpp"
#include "json_text.hpp"

namespace heymilo::detail {

namespace od = simdjson::ondemand;
using schema::Check;
using schema::FieldInfo;
using schema::Kind;
using schema::StructInfo;

// The buffers a walk writes into, owned by the parser and reused across parses.
struct WalkBuffers {
  Arena arena;
  std::deque<ScratchBuffer> scratch;  // one per level of arrays in arrays; never moves
  ErrorState errors;
};

class Walker {
 public:
  Walker(od::document& doc, std::string_view input, const Options& options, WalkBuffers& buffers)
      : doc_(doc), input_(input), options_(options), buffers_(buffers) {}

  // The root is an object described by `info`, read into `out`.
  bool read_root_object(const StructInfo& info, void* out);
  // The root is an array of `element` objects (webhook_list).
  bool read_root_array(const StructInfo& element, std::span<const Webhook>& out);
  // Rewinds and checks the whole input is one valid JSON value within the depth limit.
  bool validate_document();
  // Rule 11: the event whose keys the root object carries (rewinds first).
  bool detect_event(Document& event);

 private:
  enum class JsonType : std::uint8_t { object, array, string, number, boolean, null, invalid };
  static JsonType json_type(char first) noexcept;
  static std::string_view name(JsonType type) noexcept;
  static std::string_view expected_name(Kind kind) noexcept;

  struct Deferred {  // a range violation that a boolean sibling may lift (rule 9)
    const FieldInfo* field = nullptr;
    std::string_view token;
  };

  bool read_object(od::object& object, const char* start, const StructInfo& info, std::byte* out,
                   const PathNode* path, std::size_t depth);
  bool read_field(od::value& value, const FieldInfo& field, std::byte* object, const PathNode* path,
                  std::size_t depth, Deferred& deferred);
  bool read_value(od::value& value, std::string_view token, Kind kind, const FieldInfo& field,
                  void* slot, const PathNode* path, std::size_t depth);
  bool read_array(od::array& array, Kind kind, const FieldInfo& field, std::size_t element_size,
                  const PathNode* path, std::size_t depth, const void*& data, std::size_t& count);
  bool read_string(od::value& value, std::string_view token, const PathNode* path,
                   std::string_view& out);
  bool read_number(od::value& value, std::string_view token, const PathNode* path, double& out);
  bool read_integer(od::value& value, std::string_view token, const PathNode* path,
                    std::int64_t& out);
  bool read_raw(od::value& value, std::string_view token, const PathNode* path, std::size_t depth,
                std::string_view& out);
  bool check_value(const FieldInfo& field, const void* slot, std::string_view token,
                   const PathNode* path);
  bool passes_check(const FieldInfo& field, const void* slot) const noexcept;
  bool check_deferred(const Deferred& deferred, const StructInfo& info, const std::byte* object,
                      const PathNode* path);
  bool validate_value(od::value& value, const PathNode* path, std::size_t depth);
  bool read_key(od::field& field, const PathNode* path, std::string_view& key);
  bool check_end();

  bool enter(std::size_t depth, std::string_view token, const PathNode* path);
  bool fail_json(simdjson::error_code code, const PathNode* path, const char* where);
  bool fail_out_of_range(const FieldInfo& field, std::string_view token, const PathNode* path);
  std::string& raise(ErrorCode code, const PathNode* path, const char* where);
  std::int64_t offset_of(const char* where) const noexcept;
  ScratchBuffer& scratch(std::size_t level);

  od::document& doc_;
  std::string_view input_;
  const Options& options_;
  WalkBuffers& buffers_;
  std::size_t array_level_ = 0;
  bool syntax_only_ = false;  // validate_document(): is the input JSON at all?
};

}  // namespace heymilo::detail
