#pragma once
// What a binding's caller asks for, read the same way by the Python and Node modules: the
// event to validate as ("auto" detects it from the root's keys, contract rule 11) and the
// parser's options.

#include <optional>
#include <span>
#include <string_view>

#include <heymilo/parser.hpp>

namespace heymilo::bindings {

struct Request {
  std::optional<Document> document;  // none: detect the event (rule 11)
  Options options;
};

// "auto" is none; a document name is that document. False for any other name.
bool read_event(std::string_view name, std::optional<Document>& document) noexcept;

// The names read_event accepts, for error messages: "auto, interview_started, ...".
std::string_view event_names() noexcept;

// Parses `json` as the request says, with a parser kept per thread (a warm parser
// allocates nothing). The result and its views live until this thread's next run().
Result<AnyDocument> run(PaddedInput json, const Request& request);
Result<AnyDocument> run(std::string_view json, const Request& request);

// What the thread's last run() read its input as (Parser::last_read_as).
std::optional<Document> last_read_as() noexcept;

// The thread's last run()'s warnings (Options::drift), valid until its next run().
std::span<const Warning> last_warnings();

}  // namespace heymilo::bindings
