// Field tables of the candidate metadata, and the two small payloads' (their root tables are
// in event_roots.hpp).
#include "declare.hpp"
#include "event_roots.hpp"

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

HEYMILO_DESCRIBE_DECLARED(InterviewStarted, "interview_started")
HEYMILO_DESCRIBE_DECLARED(InterviewCompleted, "interview_completed")

// clang-format on

}  // namespace heymilo::tables
