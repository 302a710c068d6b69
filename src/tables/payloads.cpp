// Field tables of the two small payloads and of the candidate metadata.
#include "declare.hpp"

namespace heymilo::tables {
// One field a line reads best: clang-format would pack them.
// clang-format off

HEYMILO_DESCRIBE(IngestionMetadata, "ingestion_metadata",
  HEYMILO_FIELD(source).example_only(),
  HEYMILO_FIELD(job_id).example_only(),
  HEYMILO_FIELD(candidate_metadata_id).example_only(),
  HEYMILO_FIELD(resume_url).example_only())

HEYMILO_DESCRIBE(CandidateMetadata, "candidate_metadata",
  HEYMILO_FIELD(candidate_name),
  HEYMILO_FIELD(candidate_email),
  HEYMILO_FIELD(candidate_id),
  HEYMILO_FIELD(metadata).null_ok())

HEYMILO_DESCRIBE(InterviewStarted, "interview_started",
  HEYMILO_FIELD(interview_id).always(),
  HEYMILO_FIELD(posting_id).always(),
  HEYMILO_FIELD(timestamp).always(),
  HEYMILO_FIELD(metadata).identifies_event())

HEYMILO_DESCRIBE(InterviewCompleted, "interview_completed",
  HEYMILO_FIELD(interview_id).always(),
  HEYMILO_FIELD(agent_conversation_id),
  HEYMILO_FIELD(parent_conversation_id).identifies_event(),
  HEYMILO_FIELD(engagement_id),
  HEYMILO_FIELD(posting_id).always(),
  HEYMILO_FIELD(timestamp).always(),
  HEYMILO_FIELD(workflow_completed).identifies_event(),
  HEYMILO_FIELD(completion_timestamp).identifies_event())

// clang-format on

}  // namespace heymilo::tables
