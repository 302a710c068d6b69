#pragma once
// What every fuzz target needs: a check that aborts with a message (so libFuzzer records
// the input), an input copied into a buffer padded exactly as the API requires (so that
// AddressSanitizer sees any read past the padding), and a comparison of two outcomes.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include <heymilo/heymilo.hpp>

namespace heymilo::fuzz {

[[noreturn]] inline void fail(std::string_view what, std::string_view detail = {}) {
  std::string message = "heymilo fuzz check failed: ";
  message.append(what).append("\n").append(detail).append("\n");
  std::fwrite(message.data(), 1, message.size(), stderr);
  std::abort();
}

inline void check(bool condition, std::string_view what, std::string_view detail = {}) {
  if (!condition) fail(what, detail);
}

// The input followed by exactly kPadding bytes, in its own heap block.
class PaddedCopy {
 public:
  explicit PaddedCopy(std::string_view json)
      : size_(json.size()), bytes_(std::make_unique<char[]>(json.size() + kPadding)) {
    if (!json.empty()) std::copy(json.begin(), json.end(), bytes_.get());
  }
  PaddedInput input() const { return {{bytes_.get(), size_}, size_ + kPadding}; }

 private:
  std::size_t size_;
  std::unique_ptr<char[]> bytes_;
};

// "ok:<canonical extract>" or "error:<code> <path> <offset> <message>": two parses agree
// exactly when their outcomes are equal.
inline std::string outcome(const Result<AnyDocument>& result) {
  std::string text;
  if (result) {
    text = "ok:";
    append_json(text, *result);
    return text;
  }
  const Error& error = result.error();
  text.append("error:").append(to_string(error));
  text.append(" @").append(std::to_string(error.offset));
  return text;
}

// The outcome of the document's own entry point (parse_report_available, ...).
inline std::string typed_outcome(Parser& parser, Document document, std::string_view json) {
  const auto describe = [](const auto& typed) {
    if (!typed) return outcome(Result<AnyDocument>(typed.error()));
    const AnyDocument view = &typed.value();
    return outcome(Result<AnyDocument>(view));
  };
  switch (document) {
#define HEYMILO_DOCUMENT(name, View, Root) \
  case Document::name:                     \
    return describe(parser.parse_##name(json));
#include <heymilo/documents.inc>
  }
  fail("unknown document");
}

// The contract's invariants of any error (rule 12): a JSON Pointer, an offset inside the
// input or -1, and a message.
inline void check_error(const Error& error, std::string_view input) {
  check(error.path.empty() || error.path.front() == '/', "error path is not a JSON Pointer",
        error.path);
  check(error.offset >= -1 && error.offset <= static_cast<std::int64_t>(input.size()),
        "error offset outside the input", to_string(error));
  check(!error.message.empty(), "error without a message", to_string(error));
}

}  // namespace heymilo::fuzz
