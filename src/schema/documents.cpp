// Document names and each document's root table.
#include <heymilo/schema.hpp>

namespace heymilo {
namespace {
constexpr std::string_view kDocumentNames[] = {
    "interview_started", "interview_completed", "report_available", "webhook_create_request",
    "webhook",           "webhook_list",
};
}  // namespace

std::string_view to_string(Document document) noexcept {
  return kDocumentNames[static_cast<std::size_t>(document)];
}

std::optional<Document> document_from_string(std::string_view name) noexcept {
  for (Document document : kAllDocuments)
    if (to_string(document) == name) return document;
  return std::nullopt;
}

namespace schema {

std::string_view to_string(Kind kind) noexcept {
  constexpr std::string_view kNames[] = {"string", "number", "integer", "boolean",
                                         "object", "object", "any",     "array"};
  return kNames[static_cast<std::size_t>(kind)];
}

const StructInfo& describe(Document document) noexcept {
  switch (document) {
    case Document::interview_started:
      return describe<InterviewStarted>();
    case Document::interview_completed:
      return describe<InterviewCompleted>();
    case Document::report_available:
      return describe<ReportAvailable>();
    case Document::webhook_create_request:
      return describe<WebhookCreateRequest>();
    case Document::webhook:
    case Document::webhook_list:
      return describe<Webhook>();
  }
  return describe<Webhook>();
}

}  // namespace schema
}  // namespace heymilo
