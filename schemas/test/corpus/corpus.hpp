#pragma once
// The differential corpus: documents for ajv and the parser to judge. The parser's verdict
// is added by main.cpp; the cases here only say what each document is.

#include <string>
#include <vector>

#include <heymilo/detail/tables.hpp>

#include "support/json_tree.hpp"

namespace heymilo::corpus {

struct Case {
  std::string name;  // says where the document comes from and what was changed
  std::string kind;  // "example", "generated", "mutation", "url", "boundary", "excluded"
  Document document;
  std::string json;
  std::string exclusion;  // for kind "excluded": the name of a case JSON Schema cannot express
};

// Values the JSON tree cannot hold (a number in a given spelling, an escaped key, a lone
// surrogate): they go into the tree as placeholder strings and are swapped in by write().
class RawTokens {
 public:
  // A string node that write() replaces by `raw`, a JSON value's text.
  test::Json value(std::string raw);
  // An object key that write() replaces by `raw`, a JSON string's text (quotes included).
  std::string key(std::string raw);
  std::string write(const test::Json& json) const;

 private:
  std::vector<std::string> raw_;
};

// Single-field mutations of `base`, a valid document: every field of every table that the
// base holds is deleted, nulled, given wrong types, pushed out of its range or enum, and so
// on. `covered` collects the fields that were mutated.
void add_mutations(Document document, const std::string& base_name, const test::Json& base,
                   std::vector<Case>& cases, std::vector<const tables::FieldInfo*>& covered);

// Cases about the whole document: the root's type, escaped keys, deep nesting and numbers
// beyond double in unknown fields.
void add_root_cases(Document document, const std::string& base_name, const test::Json& base,
                    std::vector<Case>& cases);

// Every field with the http_url check in `base` (a create request) set to each URL of a list
// that exercises every branch of the parser's URL rule.
void add_url_cases(const test::Json& base, std::vector<Case>& cases);

}  // namespace heymilo::corpus
