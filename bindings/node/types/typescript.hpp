#pragma once
// TypeScript declarations of the Node addon (bindings/node/index.d.ts): its functions and an
// interface for every view struct, generated from the field tables (each field's type,
// nullability and when it must be present), in strict and in lenient mode.

#include <string>

namespace heymilo::node_types {

std::string typescript_declarations();

}  // namespace heymilo::node_types
