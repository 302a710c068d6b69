// The docs' examples parse in strict mode and their values arrive in the views.
#include <gtest/gtest.h>

#include <heymilo/heymilo.hpp>

#include "support/json_tree.hpp"

namespace heymilo {
namespace {

using test::data_path;
using test::read_file;

std::string example(Document document) {
  return read_file(data_path(std::string(to_string(document)) + ".json"));
}

TEST(Examples, EveryDocsExampleIsStrictValid) {
  Parser parser;
  for (Document document : kAllDocuments) {
    const std::string text = example(document);
    auto result = parser.parse(text, document);
    ASSERT_TRUE(result.ok()) << to_string(document) << ": " << to_string(result.error());
    EXPECT_EQ(document_of(*result), document);
  }
}

TEST(Examples, DetectionPicksTheEventOfEachPayloadExample) {
  Parser parser;
  for (Document document :
       {Document::interview_started, Document::interview_completed, Document::report_available}) {
    const std::string text = example(document);
    auto result = parser.parse(text);
    ASSERT_TRUE(result.ok()) << to_string(result.error());
    EXPECT_EQ(document_of(*result), document);
  }
}

TEST(Examples, InterviewStartedValues) {
  Parser parser;
  const std::string text = example(Document::interview_started);
  auto started = parser.parse_interview_started(text);
  ASSERT_TRUE(started.ok());
  EXPECT_EQ(*started->interview_id, "A1B2C3D4E5F60718");
  EXPECT_EQ(*started->posting_id, "F9E8D7C6");
  EXPECT_DOUBLE_EQ(*started->timestamp, 1770816760.310334);
  const CandidateMetadata& candidate = *started->metadata;
  EXPECT_EQ(*candidate.candidate_name, "Jane Doe");
  EXPECT_EQ(*candidate.candidate_email, "jane.doe@example.com");
  EXPECT_EQ(*candidate.candidate_id, "B4C5D6E7");
  EXPECT_EQ(*candidate.metadata->source, "user_ingestion");
  EXPECT_EQ(*candidate.metadata->job_id, "F9E8D7C6");
  EXPECT_TRUE(candidate.metadata->resume_url.is_absent());
}

TEST(Examples, InterviewCompletedValues) {
  Parser parser;
  const std::string text = example(Document::interview_completed);
  auto completed = parser.parse_interview_completed(text);
  ASSERT_TRUE(completed.ok());
  EXPECT_EQ(*completed->agent_conversation_id, "");
  EXPECT_TRUE(completed->agent_conversation_id.has_value());
  EXPECT_EQ(*completed->parent_conversation_id, "7A8B9C0D1E2F3A4B");
  EXPECT_TRUE(*completed->workflow_completed);
  EXPECT_DOUBLE_EQ(*completed->timestamp, 1770810397.0832531);
  EXPECT_DOUBLE_EQ(*completed->completion_timestamp, 1770810397.0827055);
}

TEST(Examples, ReportAnalysisValues) {
  Parser parser;
  const std::string text = example(Document::report_available);
  auto report = parser.parse_report_available(text);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(*report->metadata->metadata->candidate_metadata_id,
            "550e8400-e29b-41d4-a716-446655440000");
  EXPECT_EQ(*report->interview_type, "web_interview");

  const WebInterviewInfo& info = *report->agentic_data->web_interview_info;
  ASSERT_EQ(info.summary->highlights->size(), 3u);
  EXPECT_EQ((*info.summary->highlights)[1],
            "Provided clear examples of past project experience with measurable outcomes.");
  EXPECT_EQ(info.summary->lowlights->size(), 2u);
  EXPECT_EQ(*info.summary->match_score, 78);

  const auto& questions = *info.scorecard->questions;
  ASSERT_EQ(questions.size(), 2u);
  EXPECT_EQ(*questions[0].question_id, "Q1A2B3C4");
  EXPECT_EQ(*questions[0].evaluation_score, 7);
  EXPECT_EQ(*questions[1].evaluation_score, 6);
  EXPECT_EQ(*questions[1].preview_timestamp, 274);
  EXPECT_FALSE(*questions[1].not_scored);
  // A string with \n escapes is decoded.
  EXPECT_EQ(*questions[1].evaluation_summary,
            "Provided general insights on project challenges.\nArticulated team coordination "
            "well.\nCould have gone deeper on measurable impact.");
  ASSERT_EQ(questions[1].chat_transcript->size(), 2u);
  EXPECT_EQ(*(*questions[1].chat_transcript)[1].timestamp, 418);
  EXPECT_EQ(*(*questions[1].chat_transcript)[1].timestamp_str, "06:58");
  EXPECT_EQ(info.scorecard->tags->size(), 3u);

  EXPECT_DOUBLE_EQ(*info.communication->speech_score, -1);
  EXPECT_TRUE(info.communication->evaluations.has_value());
  EXPECT_TRUE(info.communication->evaluations->empty());
  EXPECT_TRUE(info.communication->template_id.is_null());
  ASSERT_EQ(info.transcript->transcript->size(), 3u);
  EXPECT_EQ(*(*info.transcript->transcript)[2].timestamp, 830);
  EXPECT_EQ(*(*info.transcript->transcript)[0].speaker, "bot");
}

TEST(Examples, ReportRecordValues) {
  Parser parser;
  const std::string text = example(Document::report_available);
  auto report = parser.parse_report_available(text);
  ASSERT_TRUE(report.ok());
  const InterviewDataModel& model = *report->interview_data_model;

  const Details& details = *model.details;
  EXPECT_EQ(*details.name, "Jane Doe");
  EXPECT_DOUBLE_EQ(*details.score, 0);
  EXPECT_TRUE(details.actions.is_null());
  EXPECT_TRUE(details.status.is_null());
  const WorkflowStep& step = (*details.workflow_status->step_by_step)[0];
  EXPECT_EQ(*step.order, 1);
  EXPECT_EQ(*step.details->title, "Interview Processed Successfully");
  EXPECT_DOUBLE_EQ(*step.completion_percentage, 1);
  EXPECT_TRUE(step.total_duration.is_null());
  EXPECT_TRUE(*step.state_flags->is_completed);
  EXPECT_DOUBLE_EQ(*details.metadata->web_interview->final_score, 78);
  EXPECT_TRUE(details.metadata->resume.is_null());

  const CompanyInfo& company = *model.company_info;
  EXPECT_EQ(*company.name, "Example Corp");
  EXPECT_TRUE(company.updated_at.is_null());
  EXPECT_DOUBLE_EQ(*company.interview_completion_confidence_threshold, 0.7);
  EXPECT_TRUE(company.base_web_interview_config->remove_heymilo_branding.is_null());
  EXPECT_TRUE(company.pbac_enabled.is_null());

  const PostingInfo& posting = *model.posting_info;
  EXPECT_EQ(*posting.title, "Senior Software Engineer");
  EXPECT_TRUE(posting.description->starts_with("<p><strong>About the Role</strong></p>"));
  EXPECT_EQ(*posting.root_level_configs->company_overview_delivery_mode, "summarized_delivery");
  EXPECT_DOUBLE_EQ(*posting.deadline, 1833235200);
  const AgentConfig& config = *(*posting.agentic_workflow)[0].config;
  EXPECT_EQ(*config.num_questions, 5);
  EXPECT_EQ(*config.root_level.interviewer_name, "Sarah");  // flattened: the keys sit in config
  EXPECT_TRUE(config.root_level.interview_process_overview.is_null());
  EXPECT_DOUBLE_EQ(*config.web_interview_config->vapi_call_config->wait_seconds, 2.4);
  EXPECT_TRUE(config.web_interview_config->vapi_call_config->llm_model.is_null());
  EXPECT_EQ(*config.cheat_detection_config->threshold, 70);
  EXPECT_TRUE(config.cheat_detection_config->types->empty());
  const StepWorkflowStep& workflow_step = (*posting.step_workflow->steps)[0];
  EXPECT_EQ(*workflow_step.step_id, "step_001");
  EXPECT_EQ(workflow_step.depends_on.presence, Presence::null);
  EXPECT_TRUE(posting.sourcing_config_ids->empty());
  EXPECT_EQ(*posting.sender_email_id, "");
  EXPECT_EQ(*posting.mascot_id, "MASCOT123456");

  const Question& duplicate = (*model.web_interview_info->scorecard->questions)[0];
  EXPECT_TRUE(duplicate.extracted_text.is_null());
  EXPECT_TRUE(model.form_interview_info.is_null());
}

TEST(Examples, WebhookObjects) {
  Parser parser;
  std::string text = example(Document::webhook_create_request);
  auto request = parser.parse_webhook_create_request(text);
  ASSERT_TRUE(request.ok());
  EXPECT_EQ(*request->url, "https://your-domain.com/webhook-endpoint");
  EXPECT_EQ(*request->http_method, "post");

  text = example(Document::webhook_list);
  auto list = parser.parse_webhook_list(text);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->webhooks.size(), 2u);
  EXPECT_EQ(*list->webhooks[1].webhook_id, "webhook_790");
  EXPECT_EQ(*list->webhooks[1].event_type, "report_available");
  EXPECT_DOUBLE_EQ(*list->webhooks[1].created_at, 1703097700.0);
  EXPECT_TRUE(*list->webhooks[0].is_active);
}

}  // namespace
}  // namespace heymilo
