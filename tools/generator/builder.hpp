#pragma once
// The table walker behind generate(): writes one document by walking
// heymilo::tables::describe, choosing for every field whether it is present, null or absent
// and a value that fits its kind, its checks and (for realism) its name.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <heymilo/detail/tables.hpp>

#include "rng.hpp"
#include "text.hpp"

namespace heymilo::generator {

// How one run sizes the document.
struct Plan {
  bool lean = false;      // nullable fields null, optional ones absent, short text: the
                          // smallest strict-valid report, for small size targets
  bool budgeted = false;  // the report's growth arrays (agentic_data's scorecard questions
                          // and transcript) hold `growth_bytes` instead of a natural count
  std::size_t growth_bytes = 0;
};

class Builder {
 public:
  Builder(std::uint64_t seed, const Plan& plan, std::string& out);
  void document(Document document);

 private:
  using FieldInfo = tables::FieldInfo;
  using StructInfo = tables::StructInfo;

  Rng& rng() { return *rng_; }

  void object(const StructInfo& info);
  void value(const FieldInfo& field, const StructInfo& parent, bool waived);
  void array(const FieldInfo& field);
  void growth_array(const FieldInfo& field);
  void element(const FieldInfo& field, std::size_t index);
  bool is_growth_array(const FieldInfo& field) const;
  bool leads_to_growth(const FieldInfo& field) const;
  std::size_t natural_count(const FieldInfo& field);

  // values.cpp: the scalars, chosen by kind, check and name.
  void string_value(const FieldInfo& field, std::string_view parent);
  void string_element(std::string_view array_name);
  void number_value(const FieldInfo& field);
  void integer_value(const FieldInfo& field, bool waived);
  void boolean_value(const FieldInfo& field);
  void raw_object(int depth);
  void raw_json(int depth);
  void timestamp(std::string_view name);
  bool in_chat_transcript() const;

  Rng root_rng_;
  Rng* rng_;  // root_rng_, or a fork while a growth array is written
  Plan plan_;
  std::string& out_;
  Persona persona_;
  std::vector<std::string_view> path_;  // keys from the root to the value being written
  std::size_t index_ = 0;               // position in the innermost array
  std::int64_t clock_ = 0;              // seconds into the interview, for transcripts
  std::int64_t last_clock_ = 0;         // the last transcript timestamp written
  bool bot_speaking_ = false;           // the current transcript entry's speaker
  std::size_t grown_ = 0;               // bytes written into growth arrays so far
  std::size_t text_limit_ = 0;          // when set: the next transcript text's byte budget
  std::size_t text_bytes_ = 0;          // bytes of the last transcript text written
};

}  // namespace heymilo::generator
