#pragma once
// What the library is measured against, on the same padded buffers: simdjson's own parses.

#include <string_view>

#include <simdjson.h>

namespace heymilo::bench {

// A generic on-demand walk of one document that decodes every key and reads every value,
// as a consumer that knows nothing of the schema would. Returns the first error.
simdjson::error_code walk_every_value(simdjson::ondemand::parser& parser, std::string_view json,
                                      std::size_t capacity);

}  // namespace heymilo::bench
