#pragma once
// Indented JSON for files people read and diff: a value that fits on its line stays on one
// line, a longer object or array puts one member per line.

#include <string>

#include "support/json_tree.hpp"

namespace heymilo::schemagen {

std::string to_pretty_json(const test::Json& json);

}  // namespace heymilo::schemagen
