// Document names and each document's root table, from the list in documents.inc.
#include <heymilo/detail/tables.hpp>

namespace heymilo {

std::string_view to_string(Document document) noexcept {
  switch (document) {
#define HEYMILO_DOCUMENT(name, View, Root) \
  case Document::name:                     \
    return #name;
#include <heymilo/documents.inc>
  }
  return {};
}

std::optional<Document> document_from_string(std::string_view name) noexcept {
  for (Document document : kAllDocuments)
    if (to_string(document) == name) return document;
  return std::nullopt;
}

namespace tables {

std::string_view to_string(Kind kind) noexcept {
  constexpr std::string_view kNames[] = {"string", "number", "integer", "boolean",
                                         "object", "object", "any",     "array"};
  return kNames[static_cast<std::size_t>(kind)];
}

const StructInfo& describe(Document document) noexcept {
  switch (document) {
#define HEYMILO_DOCUMENT(name, View, Root) \
  case Document::name:                     \
    return describe<Root>();
#include <heymilo/documents.inc>
  }
  return describe<Webhook>();
}

}  // namespace tables
}  // namespace heymilo
