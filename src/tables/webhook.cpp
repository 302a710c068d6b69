// Field tables of the webhook-management API objects.
#include "declare.hpp"

namespace heymilo::tables {
// One field a line reads best: clang-format would pack them.
// clang-format off
namespace {
constexpr std::string_view kEventTypes[] = {"interview_started", "interview_completed",
                                            "report_available"};
constexpr std::string_view kHttpMethods[] = {"get", "post"};
}  // namespace

HEYMILO_DESCRIBE(WebhookCreateRequest, "webhook_create_request",
  HEYMILO_FIELD(posting_id).always().with(Check::non_empty),
  HEYMILO_FIELD(url).always().with(Check::http_url),
  HEYMILO_FIELD(event_type).always().one_of(kEventTypes),
  HEYMILO_FIELD(http_method).optional().one_of(kHttpMethods))

HEYMILO_DESCRIBE(Webhook, "webhook",
  HEYMILO_FIELD(webhook_id),
  HEYMILO_FIELD(posting_id),
  HEYMILO_FIELD(url),
  HEYMILO_FIELD(event_type).one_of(kEventTypes),
  HEYMILO_FIELD(http_method).one_of(kHttpMethods),
  HEYMILO_FIELD(is_active),
  HEYMILO_FIELD(created_at),
  HEYMILO_FIELD(updated_at))

// clang-format on

}  // namespace heymilo::tables
