// Field tables of the report_available payload, in the order of the docs' schema tables.
// Defaults: documented, required in strict mode, not nullable (see FieldInfo's builders).
#include "declare.hpp"
#include "event_roots.hpp"

namespace heymilo::tables {
// One field a line reads best: clang-format would pack them.
// clang-format off

HEYMILO_DESCRIBE(Summary, "summary",
  HEYMILO_FIELD(interview_id),
  HEYMILO_FIELD(highlights),
  HEYMILO_FIELD(lowlights),
  HEYMILO_FIELD(match_score).range(0, 100))

HEYMILO_DESCRIBE(TranscriptEntry, "transcript_entry",
  HEYMILO_FIELD(speaker),
  HEYMILO_FIELD(text),
  HEYMILO_FIELD(timestamp).at_least(0),
  HEYMILO_FIELD(timestamp_str))

HEYMILO_DESCRIBE(Question, "question",
  HEYMILO_FIELD(question_id),
  HEYMILO_FIELD(question),
  HEYMILO_FIELD(evaluation_summary),
  HEYMILO_FIELD(evaluation_criteria),
  HEYMILO_FIELD(preview_timestamp).at_least(0),
  HEYMILO_FIELD(evaluation_score).range(1, 10).waived_by("not_scored"),
  HEYMILO_FIELD(rank),
  HEYMILO_FIELD(chat_transcript),
  HEYMILO_FIELD(score_of_1),
  HEYMILO_FIELD(score_of_5),
  HEYMILO_FIELD(score_weight),
  HEYMILO_FIELD(not_scored),
  HEYMILO_FIELD(extracted_text).example_only())

HEYMILO_DESCRIBE(Scorecard, "scorecard",
  HEYMILO_FIELD(interview_id),
  HEYMILO_FIELD(match_details),
  HEYMILO_FIELD(questions),
  HEYMILO_FIELD(tags))

HEYMILO_DESCRIBE(Communication, "communication",
  HEYMILO_FIELD(interview_id),
  HEYMILO_FIELD(speech_score).at_least_or(0, -1),
  HEYMILO_FIELD(evaluations),
  HEYMILO_FIELD(template_id).null_ok())

HEYMILO_DESCRIBE(Transcript, "transcript",
  HEYMILO_FIELD(interview_id),
  HEYMILO_FIELD(transcript))

HEYMILO_DESCRIBE(WebInterviewInfo, "web_interview_info",
  HEYMILO_FIELD(summary),
  HEYMILO_FIELD(scorecard),
  HEYMILO_FIELD(communication),
  HEYMILO_FIELD(transcript),
  HEYMILO_FIELD(audio_recording_link),
  HEYMILO_FIELD(video_recording_link))

HEYMILO_DESCRIBE(AgenticData, "agentic_data",
  HEYMILO_FIELD(web_interview_info).null_ok())

HEYMILO_DESCRIBE(StepDetails, "step_details",
  HEYMILO_FIELD(details).example_only(),
  HEYMILO_FIELD(title).example_only(),
  HEYMILO_FIELD(description).example_only())

HEYMILO_DESCRIBE(StateFlags, "state_flags",
  HEYMILO_FIELD(is_completed),
  HEYMILO_FIELD(is_incomplete),
  HEYMILO_FIELD(is_analyzing_call),
  HEYMILO_FIELD(is_in_progress))

HEYMILO_DESCRIBE(WorkflowStep, "workflow_step",
  HEYMILO_FIELD(complete),
  HEYMILO_FIELD(required),
  HEYMILO_FIELD(order).at_least(1),
  HEYMILO_FIELD(id),
  HEYMILO_FIELD(started),
  HEYMILO_FIELD(details).null_ok(),
  HEYMILO_FIELD(raw_status),
  HEYMILO_FIELD(last_updated_timestamp),
  HEYMILO_FIELD(knocked_out),
  HEYMILO_FIELD(completion_percentage).range(0, 1),
  HEYMILO_FIELD(completion_metadata).null_ok(),
  HEYMILO_FIELD(is_analyzing_call),
  HEYMILO_FIELD(total_duration).null_ok(),
  HEYMILO_FIELD(state_flags))

HEYMILO_DESCRIBE(WorkflowStatus, "workflow_status",
  HEYMILO_FIELD(interview_id),
  HEYMILO_FIELD(step_by_step),
  HEYMILO_FIELD(all_complete),
  HEYMILO_FIELD(last_engagement),
  HEYMILO_FIELD(metadata).null_ok())

HEYMILO_DESCRIBE(WebInterviewMetadata, "web_interview_metadata",
  HEYMILO_FIELD(final_score),
  HEYMILO_FIELD(skill_highlights),
  HEYMILO_FIELD(audio_recording_link),
  HEYMILO_FIELD(video_recording_link))

HEYMILO_DESCRIBE(StageMetadata, "stage_metadata",
  HEYMILO_FIELD(resume).null_ok(),
  HEYMILO_FIELD(web_interview).null_ok(),
  HEYMILO_FIELD(sms).null_ok(),
  HEYMILO_FIELD(form).null_ok())

HEYMILO_DESCRIBE(Details, "details",
  HEYMILO_FIELD(interview_id),
  HEYMILO_FIELD(candidate_id),
  HEYMILO_FIELD(interviewed_on),
  HEYMILO_FIELD(score),
  HEYMILO_FIELD(name),
  HEYMILO_FIELD(email),
  HEYMILO_FIELD(actions).null_ok(),
  HEYMILO_FIELD(status).null_ok(),
  HEYMILO_FIELD(workflow_status),
  HEYMILO_FIELD(metadata),
  HEYMILO_FIELD(candidate_feedback).null_ok(),
  HEYMILO_FIELD(candidate_next_steps).null_ok(),
  HEYMILO_FIELD(candidate_interview_url))

HEYMILO_DESCRIBE(BaseWebInterviewConfig, "base_web_interview_config",
  HEYMILO_FIELD(backdrop_image_url).example_only(),
  HEYMILO_FIELD(avatar_image_url).example_only(),
  HEYMILO_FIELD(remove_heymilo_branding).example_only(),
  HEYMILO_FIELD(intro_message).example_only(),
  HEYMILO_FIELD(outro_message).example_only(),
  HEYMILO_FIELD(welcome_back_message).example_only())

HEYMILO_DESCRIBE(CompanyInfo, "company_info",
  HEYMILO_FIELD(company_id),
  HEYMILO_FIELD(workspace_id),
  HEYMILO_FIELD(created_at),
  HEYMILO_FIELD(updated_at).null_ok(),
  HEYMILO_FIELD(created_by),
  HEYMILO_FIELD(name),
  HEYMILO_FIELD(image_url),
  HEYMILO_FIELD(intro_message).null_ok(),
  HEYMILO_FIELD(company_background).null_ok(),
  HEYMILO_FIELD(voice_id).null_ok(),
  HEYMILO_FIELD(knowledge_base).null_ok(),
  HEYMILO_FIELD(interview_domain).null_ok(),
  HEYMILO_FIELD(interview_domain_id).null_ok(),
  HEYMILO_FIELD(sender_email_id).null_ok(),
  HEYMILO_FIELD(address).null_ok(),
  HEYMILO_FIELD(address_data).null_ok(),
  HEYMILO_FIELD(timezone).null_ok(),
  HEYMILO_FIELD(base_web_interview_config),
  HEYMILO_FIELD(message_settings).null_ok(),
  HEYMILO_FIELD(sms_agent_config).null_ok(),
  HEYMILO_FIELD(pdf_generation_config).null_ok(),
  HEYMILO_FIELD(cheat_detection).null_ok(),
  HEYMILO_FIELD(allow_white_labeling).null_ok(),
  HEYMILO_FIELD(disable_all_candidate_communications).null_ok(),
  HEYMILO_FIELD(interview_completion_confidence_threshold).range(0, 1),
  HEYMILO_FIELD(retention_policy_days).null_ok(),
  HEYMILO_FIELD(video_cheat_detection_enabled).null_ok(),
  HEYMILO_FIELD(form_agent_enabled).null_ok(),
  HEYMILO_FIELD(calendar_management_enabled).null_ok(),
  HEYMILO_FIELD(email_templates_enabled).null_ok(),
  HEYMILO_FIELD(phone_calls_enabled).null_ok(),
  HEYMILO_FIELD(profile_picture_processing).null_ok(),
  HEYMILO_FIELD(chat_agent_enabled).null_ok(),
  HEYMILO_FIELD(copilot_enabled).null_ok(),
  HEYMILO_FIELD(design_templates_enabled).null_ok(),
  HEYMILO_FIELD(interview_templates_enabled).null_ok(),
  HEYMILO_FIELD(sourcing_configs_enabled).null_ok(),
  HEYMILO_FIELD(pbac_enabled).null_ok(),
  HEYMILO_FIELD(email_report_to_candidate_enabled).null_ok())

// The example-only configuration trees: every field optional and nullable (rule 5).
HEYMILO_DESCRIBE(RootLevelConfigs, "root_level_configs",
  HEYMILO_FIELD(instructions).example_only(),
  HEYMILO_FIELD(company_overview).example_only(),
  HEYMILO_FIELD(job_overview).example_only(),
  HEYMILO_FIELD(interview_process_overview).example_only(),
  HEYMILO_FIELD(company_overview_delivery_mode).example_only(),
  HEYMILO_FIELD(job_overview_delivery_mode).example_only(),
  HEYMILO_FIELD(interview_process_overview_delivery_mode).example_only(),
  HEYMILO_FIELD(language).example_only(),
  HEYMILO_FIELD(interviewer_name).example_only(),
  HEYMILO_FIELD(is_multilingual).example_only())

HEYMILO_DESCRIBE(VapiCallConfig, "vapi_call_config",
  HEYMILO_FIELD(end_call_message).example_only(),
  HEYMILO_FIELD(idle_message_max_spoken_count).example_only(),
  HEYMILO_FIELD(idle_timeout_seconds).example_only(),
  HEYMILO_FIELD(wait_seconds).example_only(),
  HEYMILO_FIELD(backoff_seconds).example_only(),
  HEYMILO_FIELD(llm_model).example_only(),
  HEYMILO_FIELD(llm_temperature).example_only())

HEYMILO_DESCRIBE(WebInterviewConfig, "web_interview_config",
  HEYMILO_FIELD(backdrop_image_url).example_only(),
  HEYMILO_FIELD(avatar_image_url).example_only(),
  HEYMILO_FIELD(remove_heymilo_branding).example_only(),
  HEYMILO_FIELD(intro_message).example_only(),
  HEYMILO_FIELD(outro_message).example_only(),
  HEYMILO_FIELD(welcome_back_message).example_only(),
  HEYMILO_FIELD(min_duration_seconds).example_only(),
  HEYMILO_FIELD(max_duration_seconds).example_only(),
  HEYMILO_FIELD(show_transcript).example_only(),
  HEYMILO_FIELD(candidate_presence_enabled).example_only(),
  HEYMILO_FIELD(vapi_call_config).example_only())

HEYMILO_DESCRIBE(CheatDetectionConfig, "cheat_detection_config",
  HEYMILO_FIELD(enabled).example_only(),
  HEYMILO_FIELD(threshold).example_only(),
  HEYMILO_FIELD(types).example_only())

HEYMILO_DESCRIBE(AgentConfig, "agent_config",
  HEYMILO_FLATTEN(root_level, RootLevelConfigs),
  HEYMILO_FIELD(video).example_only(),
  HEYMILO_FIELD(phone_calls_enabled).example_only(),
  HEYMILO_FIELD(voice_id).example_only(),
  HEYMILO_FIELD(interview_type).example_only(),
  HEYMILO_FIELD(prompt_version).example_only(),
  HEYMILO_FIELD(web_interview_config).example_only(),
  HEYMILO_FIELD(min_evaluation_score).example_only(),
  HEYMILO_FIELD(num_questions).example_only(),
  HEYMILO_FIELD(cheat_detection_config).example_only())

HEYMILO_DESCRIBE(AgenticWorkflowStep, "agentic_workflow_step",
  HEYMILO_FIELD(type).example_only(),
  HEYMILO_FIELD(config).example_only(),
  HEYMILO_FIELD(unique_id).example_only())

HEYMILO_DESCRIBE(Workflow, "workflow",
  HEYMILO_FIELD(workflow_id).example_only(),
  HEYMILO_FIELD(posting_id).example_only(),
  HEYMILO_FIELD(created_at).example_only())

HEYMILO_DESCRIBE(StepWorkflowStep, "step_workflow_step",
  HEYMILO_FIELD(step_id).example_only(),
  HEYMILO_FIELD(workflow_id).example_only(),
  HEYMILO_FIELD(step_type).example_only(),
  HEYMILO_FIELD(rank).example_only(),
  HEYMILO_FIELD(details).example_only(),
  HEYMILO_FIELD(created_at).example_only(),
  HEYMILO_FIELD(depends_on).example_only())

HEYMILO_DESCRIBE(StepWorkflow, "step_workflow",
  HEYMILO_FIELD(workflow).example_only(),
  HEYMILO_FIELD(steps).example_only())

HEYMILO_DESCRIBE(PostingInfo, "posting_info",
  HEYMILO_FIELD(posting_id),
  HEYMILO_FIELD(title),
  HEYMILO_FIELD(name),
  HEYMILO_FIELD(internal_name).null_ok(),
  HEYMILO_FIELD(description),
  HEYMILO_FIELD(root_level_configs),
  HEYMILO_FIELD(company_id),
  HEYMILO_FIELD(created_at),
  HEYMILO_FIELD(last_updated),
  HEYMILO_FIELD(archived),
  HEYMILO_FIELD(deadline),
  HEYMILO_FIELD(finalized),
  HEYMILO_FIELD(test_posting),
  HEYMILO_FIELD(agentic_workflow),
  HEYMILO_FIELD(step_workflow),
  HEYMILO_FIELD(phone_number_id).null_ok(),
  HEYMILO_FIELD(sender_email_id),
  HEYMILO_FIELD(email_template_group_id).null_ok(),
  HEYMILO_FIELD(design_template_group_id).null_ok(),
  HEYMILO_FIELD(sourcing_config_ids),
  HEYMILO_FIELD(redirect_url).null_ok(),
  HEYMILO_FIELD(scheduling_url).null_ok(),
  HEYMILO_FIELD(event_slug).null_ok(),
  HEYMILO_FIELD(cal_team_id).null_ok(),
  HEYMILO_FIELD(team_slug).null_ok(),
  HEYMILO_FIELD(mascot_url),
  HEYMILO_FIELD(mascot_id),
  HEYMILO_FIELD(days_to_complete).null_ok(),
  HEYMILO_FIELD(ats_metadata).null_ok(),
  HEYMILO_FIELD(allow_sms_comms),
  HEYMILO_FIELD(max_retakes).null_ok(),
  HEYMILO_FIELD(retake_cooldown_days).null_ok(),
  HEYMILO_FIELD(is_template),
  HEYMILO_FIELD(email_report_to_candidate))

HEYMILO_DESCRIBE(InterviewDataModel, "interview_data_model",
  HEYMILO_FIELD(interview_id),
  HEYMILO_FIELD(details),
  HEYMILO_FIELD(company_info),
  HEYMILO_FIELD(posting_info),
  HEYMILO_FIELD(web_interview_info).null_ok(),
  HEYMILO_FIELD(resume_interview_info).null_ok(),
  HEYMILO_FIELD(sms_interview_info).null_ok(),
  HEYMILO_FIELD(form_interview_info).null_ok())

HEYMILO_DESCRIBE_DECLARED(ReportAvailable, "report_available")  // event_roots.hpp

// clang-format on

}  // namespace heymilo::tables
