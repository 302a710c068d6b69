// The scalar values of Builder: each follows the field's kind and check (contract rule 9)
// first, and its name second, so that a document reads like a real one.
#include <algorithm>
#include <cmath>

#include "builder.hpp"

namespace heymilo::generator {
namespace {
using tables::Check;

bool ends_with(std::string_view text, std::string_view suffix) { return text.ends_with(suffix); }
bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

bool is_time_name(std::string_view name) {
  return contains(name, "timestamp") || ends_with(name, "_at") || ends_with(name, "_on") ||
         name == "last_updated" || name == "last_engagement" || name == "deadline";
}

constexpr std::string_view kStepIds[] = {"web_interview", "resume", "sms", "form"};
constexpr std::string_view kStepTypes[] = {"web_interview", "resume_screen", "sms_interview",
                                           "form"};
constexpr std::string_view kStatuses[] = {"completed", "in_progress", "analyzing", "invited"};
constexpr std::string_view kRawStatuses[] = {"INTERVIEW_PROCESSED_RAW_FILES", "INTERVIEW_STARTED",
                                             "REPORT_READY", "INVITE_SENT"};
constexpr std::string_view kSources[] = {"user_ingestion", "ats_sync", "career_page", "referral"};
constexpr std::string_view kDeliveryModes[] = {"summarized_delivery", "exact_delivery"};
constexpr std::string_view kLlmModels[] = {"gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet"};
constexpr std::string_view kOpaqueKeys[] = {"enabled", "channel",   "template_id", "retries",
                                            "notes",   "languages", "updated_at",  "thresholds"};

template <std::size_t N>
std::string_view pick(Rng& rng, const std::string_view (&items)[N]) {
  return items[rng.below(N)];
}
}  // namespace

bool Builder::in_chat_transcript() const {
  return std::find(path_.begin(), path_.end(), "chat_transcript") != path_.end();
}

void Builder::string_value(const FieldInfo& field, std::string_view parent) {
  const std::string_view name = field.name;
  if (field.check == Check::one_of)
    return append_quoted(out_, rng().pick(field.allowed), Escape::minimal);
  out_ += '"';
  if (field.check == Check::http_url || name == "url" || ends_with(name, "_url") ||
      ends_with(name, "_link")) {
    append_url(out_, rng(), persona_, name);
  } else if (name == "interview_id") {
    out_ += persona_.interview_id;
  } else if (name == "posting_id" || name == "job_id") {
    out_ += persona_.posting_id;
  } else if (name == "candidate_id") {
    out_ += persona_.candidate_id;
  } else if (name == "company_id") {
    out_ += persona_.company_id;
  } else if (name == "workspace_id") {
    out_ += persona_.workspace_id;
  } else if (name == "workflow_id") {
    out_ += "wf_" + persona_.posting_id;
  } else if (name == "question_id") {
    out_.append("Q").append(hex_id(rng(), 7));
  } else if (name == "candidate_metadata_id") {
    out_ += uuid(rng());
  } else if (name == "id") {
    out_ += pick(rng(), kStepIds);
  } else if (name == "type" || name == "step_type") {
    out_ += pick(rng(), kStepTypes);
  } else if (name == "voice_id") {
    out_ += "voice-" + std::to_string(rng().between(1, 9));
  } else if (name == "sender_email_id" && rng().percent(40)) {
    // the docs' example sends an empty id
  } else if (ends_with(name, "_id")) {
    out_ += hex_id(rng(), 12);
  } else if (name == "created_by") {
    out_ += "email|" + hex_id(rng(), 12);
  } else if (contains(name, "email")) {
    out_ += persona_.email;
  } else if (name == "candidate_name" ||
             (name == "name" && parent != "company_info" && parent != "posting_info")) {
    append_text(out_, rng(), persona_.name);
  } else if (name == "name" && parent == "company_info") {
    append_text(out_, rng(), persona_.company);
  } else if (name == "name" || ends_with(name, "_slug")) {
    out_ += persona_.company_slug + "-" + hex_id(rng(), 4);
  } else if (name == "internal_name") {
    out_ += "REQ-" + std::to_string(rng().between(100, 999));
  } else if (name == "title" && parent == "posting_info") {
    append_text(out_, rng(), persona_.job_title);
  } else if (name == "description" && parent == "posting_info") {
    append_html_description(out_, rng(), persona_, plan_.lean);
  } else if (name == "title" || name == "description" || name == "details") {
    append_phrase(out_, rng(), Pool::step_detail);
  } else if (name == "speaker") {
    const bool chat = in_chat_transcript();
    bot_speaking_ = chat ? rng().percent(15) : index_ % 2 == 0;
    out_ += chat ? (bot_speaking_ ? "Interviewer" : "Candidate") : (bot_speaking_ ? "bot" : "user");
  } else if (name == "text" || name == "extracted_text") {
    const Pool pool =
        bot_speaking_ && name == "text" ? Pool::interviewer_line : Pool::candidate_line;
    const std::size_t start = out_.size();
    if (plan_.lean && !text_limit_) {
      append_phrase(out_, rng(), pool);
    } else {
      append_paragraphs(out_, rng(), pool, text_limit_);
    }
    text_bytes_ = out_.size() - start;
  } else if (ends_with(name, "_str")) {
    const std::int64_t minutes = last_clock_ / 60, seconds = last_clock_ % 60;
    out_ += (minutes < 10 ? "0" : "") + std::to_string(minutes) + (seconds < 10 ? ":0" : ":") +
            std::to_string(seconds);
  } else if (name == "question") {
    append_phrase(out_, rng(), Pool::question);
  } else if (name == "evaluation_summary") {
    append_lines(out_, rng(), Pool::summary_point, static_cast<int>(rng().between(2, 4)), "\\n");
  } else if (name == "evaluation_criteria") {
    append_phrase(out_, rng(), Pool::criteria);
  } else if (name == "score_of_1") {
    append_phrase(out_, rng(), Pool::score_of_1);
  } else if (name == "score_of_5") {
    append_phrase(out_, rng(), Pool::score_of_5);
  } else if (name == "source") {
    out_ += pick(rng(), kSources);
  } else if (name == "raw_status") {
    out_ += pick(rng(), kRawStatuses);
  } else if (name == "status") {
    out_ += pick(rng(), kStatuses);
  } else if (name == "interview_type") {
    out_ += parent == "agent_config" ? (rng().percent(50) ? "voice" : "video") : "web_interview";
  } else if (name == "language") {
    append_phrase(out_, rng(), Pool::language);
  } else if (ends_with(name, "_delivery_mode")) {
    out_ += pick(rng(), kDeliveryModes);
  } else if (name == "timezone") {
    append_phrase(out_, rng(), Pool::timezone);
  } else if (name == "address") {
    append_phrase(out_, rng(), Pool::address);
  } else if (name == "interviewer_name") {
    append_text(out_, rng(), persona_.interviewer);
  } else if (ends_with(name, "_message")) {
    if (!rng().percent(15)) append_phrase(out_, rng(), Pool::message);
  } else if (name == "instructions" || ends_with(name, "_overview") ||
             ends_with(name, "_background")) {
    append_lines(out_, rng(), Pool::overview, static_cast<int>(rng().between(1, 3)), " ");
  } else if (name == "prompt_version") {
    out_ += "v" + std::to_string(rng().between(1, 3));
  } else if (name == "llm_model") {
    out_ += pick(rng(), kLlmModels);
  } else if (name == "interview_domain") {
    out_ += "interviews." + persona_.company_slug + ".com";
  } else {
    append_phrase(out_, rng(), Pool::summary_point);
  }
  out_ += '"';
}

void Builder::string_element(std::string_view array_name) {
  out_ += '"';
  if (array_name == "highlights") {
    append_phrase(out_, rng(), Pool::highlight);
  } else if (array_name == "lowlights") {
    append_phrase(out_, rng(), Pool::lowlight);
  } else if (array_name == "match_details") {
    append_phrase(out_, rng(), rng().percent(60) ? Pool::highlight : Pool::lowlight);
  } else if (array_name == "tags" || array_name == "skill_highlights") {
    append_phrase(out_, rng(), Pool::tag);
  } else if (ends_with(array_name, "_ids")) {
    out_ += hex_id(rng(), 12);
  } else {
    append_phrase(out_, rng(), Pool::summary_point);
  }
  out_ += '"';
}

void Builder::timestamp(std::string_view name) {
  std::int64_t seconds = persona_.base_time;
  if (name == "deadline") {
    // Midnight UTC some weeks ahead, written as an integer as in the docs.
    append_integer(out_, (seconds / 86400 + rng().between(30, 365)) * 86400);
    return;
  }
  if (name == "created_at")
    seconds -= rng().between(86400, 90 * 86400);
  else
    seconds += rng().between(0, 3600);
  if (rng().percent(10)) return append_integer(out_, seconds);
  append_double(
      out_, static_cast<double>(seconds) + static_cast<double>(rng().between(0, 9999999)) / 1e7);
}

void Builder::number_value(const FieldInfo& field) {
  const std::string_view name = field.name;
  const auto hundredths = [&](std::int64_t low, std::int64_t high) {
    const std::int64_t value = rng().between(low, high);
    if (value % 100 == 0) return append_integer(out_, value / 100);
    append_double(out_, static_cast<double>(value) / 100);
  };
  if (field.check == Check::range_or_sentinel) {  // speech_score: -1 or a score
    if (rng().percent(30)) return append_integer(out_, static_cast<std::int64_t>(field.sentinel));
    return hundredths(static_cast<std::int64_t>(std::ceil(field.min * 100)), 10000);
  }
  if (field.check == Check::range && std::isfinite(field.max)) {
    return hundredths(static_cast<std::int64_t>(std::ceil(field.min * 100)),
                      static_cast<std::int64_t>(std::floor(field.max * 100)));
  }
  if (is_time_name(name)) return timestamp(name);
  const std::int64_t floor =
      field.check == Check::range ? static_cast<std::int64_t>(std::ceil(field.min * 100)) : 0;
  if (contains(name, "score")) return hundredths(std::max<std::int64_t>(floor, 0), 10000);
  if (contains(name, "temperature")) return hundredths(std::max<std::int64_t>(floor, 0), 100);
  // Ranks, counts and thresholds: whole numbers, as the docs' examples write them.
  if (name == "rank" || contains(name, "questions") || contains(name, "threshold"))
    return integer_value(field, false);
  if (ends_with(name, "_count"))
    return append_integer(out_, std::max<std::int64_t>(floor / 100, rng().between(1, 5)));
  if (contains(name, "second") || contains(name, "duration"))
    return hundredths(std::max<std::int64_t>(floor, 100), 180000);
  hundredths(floor, floor + 10000);
}

void Builder::integer_value(const FieldInfo& field, bool waived) {
  const std::string_view name = field.name;
  const bool ranged = field.check == Check::range;
  const auto low = static_cast<std::int64_t>(ranged ? std::ceil(field.min) : 0);
  if (waived) {
    // The check is lifted: write what a sender writes for an unscored question, a value
    // outside the range (0 below 1..10) and now and then one above it.
    if (rng().percent(70)) return append_integer(out_, low - 1);
    return append_integer(out_, static_cast<std::int64_t>(field.max) + rng().between(1, 5));
  }
  if (ranged && std::isfinite(field.max))
    return append_integer(out_,
                          rng().between(low, static_cast<std::int64_t>(std::floor(field.max))));
  std::int64_t value = 0;
  if (contains(name, "timestamp")) {
    value = last_clock_ = clock_;
    clock_ += rng().between(3, 60);
  } else if (name == "rank" || name == "order") {
    value = static_cast<std::int64_t>(index_) + 1;
  } else if (name == "score_weight") {
    value = rng().between(1, 10);
  } else if (contains(name, "questions")) {
    value = rng().between(3, 10);
  } else if (contains(name, "score")) {
    value = rng().between(0, 5);
  } else if (contains(name, "threshold")) {
    value = rng().between(50, 90);
  } else if (contains(name, "days")) {
    value = name == "retention_policy_days" ? rng().between(30, 730) : rng().between(1, 30);
  } else if (contains(name, "second")) {
    value = rng().between(2, 30);
  } else if (contains(name, "retakes")) {
    value = rng().between(0, 3);
  } else {
    value = rng().between(0, 100);
  }
  append_integer(out_, std::max(value, low));
}

void Builder::boolean_value(const FieldInfo& field) {
  const unsigned chance_true = field.name == "is_active" ? 90 : 50;
  out_ += rng().percent(chance_true) ? "true" : "false";
}

// An opaque object (contract rule 6): any JSON object; here a few settings-like members.
void Builder::raw_object(int depth) {
  if (plan_.lean) {
    out_ += "{}";
    return;
  }
  const std::size_t count = rng().below(depth ? 3 : 5);
  const std::size_t start = rng().below(std::size(kOpaqueKeys));
  out_ += '{';
  for (std::size_t i = 0; i < count; ++i) {
    if (i) out_ += ',';
    append_quoted(out_, kOpaqueKeys[(start + i) % std::size(kOpaqueKeys)], Escape::minimal);
    out_ += ':';
    raw_json(depth + 1);
  }
  out_ += '}';
}

// Any JSON value, nesting at most two levels.
void Builder::raw_json(int depth) {
  switch (rng().below(depth < 2 ? 8 : 6)) {
    case 0:
      out_ += "null";
      break;
    case 1:
      out_ += rng().percent(50) ? "true" : "false";
      break;
    case 2:
      append_integer(out_, rng().between(-1000, 100000));
      break;
    case 3:
      out_ += rng().percent(50) ? "2.5e-3" : "1.25E+2";
      break;
    case 4:
    case 5:
      out_ += '"';
      append_phrase(out_, rng(), Pool::tag);
      out_ += '"';
      break;
    case 6: {
      const std::size_t count = rng().below(4);
      out_ += '[';
      for (std::size_t i = 0; i < count; ++i) {
        if (i) out_ += ',';
        raw_json(depth + 1);
      }
      out_ += ']';
      break;
    }
    default:
      raw_object(depth + 1);
  }
}

}  // namespace heymilo::generator
