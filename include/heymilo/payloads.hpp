#pragma once
// Views of the two small payloads, interview_started and interview_completed, and of the
// candidate metadata they share with report_available. Field names are the JSON keys.

#include <heymilo/field.hpp>

namespace heymilo {

// The inner `metadata` of the candidate: its keys appear only in the docs' examples.
struct IngestionMetadata {
  Field<std::string_view> source;
  Field<std::string_view> job_id;
  Field<std::string_view> candidate_metadata_id;
  Field<std::string_view> resume_url;
};

struct CandidateMetadata {
  Field<std::string_view> candidate_name;
  Field<std::string_view> candidate_email;
  Field<std::string_view> candidate_id;
  Field<IngestionMetadata> metadata;
};

struct InterviewStarted {
  Field<std::string_view> interview_id;
  Field<std::string_view> posting_id;
  Field<double> timestamp;
  Field<CandidateMetadata> metadata;
};

struct InterviewCompleted {
  Field<std::string_view> interview_id;
  Field<std::string_view> agent_conversation_id;
  Field<std::string_view> parent_conversation_id;
  Field<std::string_view> engagement_id;
  Field<std::string_view> posting_id;
  Field<double> timestamp;
  Field<bool> workflow_completed;
  Field<double> completion_timestamp;
};

}  // namespace heymilo
