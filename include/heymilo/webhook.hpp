#pragma once
// Views of the webhook-management API objects: the create request, a webhook as the API
// returns it, and the list the "Get All Webhooks" endpoint returns.

#include <span>

#include <heymilo/field.hpp>

namespace heymilo {

struct WebhookCreateRequest {
  Field<std::string_view> posting_id;
  Field<std::string_view> url;
  Field<std::string_view> event_type;
  // Absent means "post" (the API's default); the view keeps it absent so that
  // `heymilo extract` shows what was sent.
  Field<std::string_view> http_method;
};

struct Webhook {
  Field<std::string_view> webhook_id;
  Field<std::string_view> posting_id;
  Field<std::string_view> url;
  Field<std::string_view> event_type;
  Field<std::string_view> http_method;
  Field<bool> is_active;
  Field<double> created_at;
  Field<double> updated_at;
};

// The root of a webhook list is a JSON array; this wraps its elements.
struct WebhookList {
  std::span<const Webhook> webhooks;
};

}  // namespace heymilo
