#pragma once
// The JSON Schema (draft 2020-12) of a document, built by walking its field tables
// (heymilo::tables::describe). Nothing here names a field: a field declared in
// src/tables/*.cpp reaches the schemas by the same walk the parser's tables drive.

#include <string>

#include <heymilo/detail/tables.hpp>
#include <heymilo/parser.hpp>

#include "support/json_tree.hpp"

namespace heymilo::schemagen {

// The schema that accepts exactly what Parser accepts for `document` in `mode`, as far as
// JSON Schema can say it (the differential test lists the cases it cannot).
// Throws std::logic_error for a table JSON Schema cannot express the way the parser reads it.
test::Json document_schema(Document document, Mode mode);

// The file a document's schema is committed as, relative to schemas/:
// "<document>.schema.json" in strict mode, "lenient/<document>.schema.json" in lenient mode.
std::string schema_file(Document document, Mode mode);

// The schema's "$id".
std::string schema_id(Document document, Mode mode);

}  // namespace heymilo::schemagen
