#include "request.hpp"

#include <string>

namespace heymilo::bindings {
namespace {
Parser& thread_parser() {
  thread_local Parser parser;
  return parser;
}

std::string list_event_names() {
  std::string names = "auto";
  for (Document document : kAllDocuments) names.append(", ").append(to_string(document));
  return names;
}
}  // namespace

bool read_event(std::string_view name, std::optional<Document>& document) noexcept {
  if (name == "auto") {
    document.reset();
    return true;
  }
  document = document_from_string(name);
  return document.has_value();
}

std::string_view event_names() noexcept {
  static const std::string names = list_event_names();
  return names;
}

Result<AnyDocument> run(PaddedInput json, const Request& request) {
  Parser& parser = thread_parser();
  parser.set_options(request.options);
  return request.document ? parser.parse(json, *request.document) : parser.parse(json);
}

Result<AnyDocument> run(std::string_view json, const Request& request) {
  Parser& parser = thread_parser();
  parser.set_options(request.options);
  return request.document ? parser.parse(json, *request.document) : parser.parse(json);
}

std::optional<Document> last_read_as() noexcept { return thread_parser().last_read_as(); }

std::span<const Warning> last_warnings() { return thread_parser().warnings(); }

}  // namespace heymilo::bindings
