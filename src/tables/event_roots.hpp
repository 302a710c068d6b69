#pragma once
// The root tables of rule 11's events, in a header so that detection (src/detection.cpp)
// derives the keys that identify an event from them at compile time. payloads.cpp and
// report.cpp define describe<>() from them.
#include <cstddef>
#include <utility>

#include "declare.hpp"

namespace heymilo::tables {

// The nested tables the root tables point to, defined in payloads.cpp and report.cpp.
template <>
HEYMILO_API const StructInfo& describe<CandidateMetadata>() noexcept;
template <>
HEYMILO_API const StructInfo& describe<AgenticData>() noexcept;
template <>
HEYMILO_API const StructInfo& describe<InterviewDataModel>() noexcept;

// One field a line reads best: clang-format would pack them.
// clang-format off

HEYMILO_TABLE(InterviewStarted,
  HEYMILO_FIELD(interview_id).always(),
  HEYMILO_FIELD(posting_id).always(),
  HEYMILO_FIELD(timestamp).always(),
  HEYMILO_FIELD(metadata).identifies_event())

HEYMILO_TABLE(InterviewCompleted,
  HEYMILO_FIELD(interview_id).always(),
  HEYMILO_FIELD(agent_conversation_id),
  HEYMILO_FIELD(parent_conversation_id).identifies_event(),
  HEYMILO_FIELD(engagement_id),
  HEYMILO_FIELD(posting_id).always(),
  HEYMILO_FIELD(timestamp).always(),
  HEYMILO_FIELD(workflow_completed).identifies_event(),
  HEYMILO_FIELD(completion_timestamp).identifies_event())

// In the order of the docs' schema table; its nested tables are in report.cpp.
HEYMILO_TABLE(ReportAvailable,
  HEYMILO_FIELD(interview_id).always(),
  HEYMILO_FIELD(posting_id).always(),
  HEYMILO_FIELD(metadata),
  HEYMILO_FIELD(report_url).identifies_event(),
  HEYMILO_FIELD(timestamp).always(),
  HEYMILO_FIELD(interview_type),
  HEYMILO_FIELD(agentic_data).identifies_event(),
  HEYMILO_FIELD(interview_data_model).identifies_event())

// clang-format on

namespace declare {

template <Document document>
struct RootOf;
#define HEYMILO_DOCUMENT(name, View, Root) \
  template <>                              \
  struct RootOf<Document::name> {          \
    using type = Root;                     \
  };
#include <heymilo/documents.inc>

// Calls visit(rank, table) with each event's root table, rank being the event's place in
// kEventPrecedence, in that order.
template <class Visit>
constexpr void for_each_event_table(Visit&& visit) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (visit(I, TableOf<typename RootOf<kEventPrecedence[I]>::type>::table), ...);
  }
  (std::make_index_sequence<std::size(kEventPrecedence)>{});
}

}  // namespace declare
}  // namespace heymilo::tables
