#pragma once
// `heymilo validate --summary`: instead of a line per document, counts over every input
// (contract rule 16): documents per event and verdict, errors per code and path pattern,
// and (with --drift) unknown fields per path pattern with the share of that event's
// documents carrying them. A path pattern writes array indices as `*`. Memory is bounded by
// the number of distinct patterns, at most kMaxPatterns a table; further patterns are
// counted together, as "other patterns".

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "outcome.hpp"

namespace heymilo::cli {

class Summary {
 public:
  static constexpr std::size_t kMaxPatterns = 10000;

  void add(const Outcome& outcome);
  // The plain text, one fact a line, or one JSON object on one line.
  std::string plain() const;
  std::string json() const;

 private:
  struct Verdicts {
    std::uint64_t valid = 0, invalid = 0;
  };
  // Counts per key, at most kMaxPatterns keys; the rest go to `other`.
  template <class Key>
  struct Table {
    std::map<Key, std::uint64_t> counts;
    std::uint64_t other = 0;  // what the patterns past the cap counted
    std::uint64_t other_patterns = 0;
    void add(const Key& key, std::uint64_t n = 1);
  };
  using EventName = std::string;                         // "" when unknown
  using ErrorKey = std::pair<std::string, std::string>;  // code, pattern
  using FieldKey = std::pair<EventName, std::string>;    // event, pattern

  std::map<EventName, Verdicts> documents_;  // at most one entry per Document and ""
  Table<ErrorKey> errors_;
  Table<FieldKey> unknown_fields_;  // documents carrying each pattern
};

}  // namespace heymilo::cli
