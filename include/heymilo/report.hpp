#pragma once
// Views of the report_available payload: the AI analysis (agentic_data) and the full
// interview record (interview_data_model) with its company and posting configuration.
// One struct per object type in the docs, members in the docs' order, named as the JSON keys.

#include <cstdint>
#include <span>
#include <string_view>

#include <heymilo/field.hpp>
#include <heymilo/payloads.hpp>

namespace heymilo {

using Strings = std::span<const std::string_view>;

struct Summary {
  Field<std::string_view> interview_id;
  Field<Strings> highlights;
  Field<Strings> lowlights;
  Field<std::int64_t> match_score;  // 0..100
};

// An entry of `chat_transcript[]` and of `transcript.transcript[]`.
struct TranscriptEntry {
  Field<std::string_view> speaker;
  Field<std::string_view> text;
  Field<std::int64_t> timestamp;  // seconds from the start, >= 0
  Field<std::string_view> timestamp_str;
};

struct Question {
  Field<std::string_view> question_id;
  Field<std::string_view> question;
  Field<std::string_view> evaluation_summary;
  Field<std::string_view> evaluation_criteria;
  Field<std::int64_t> preview_timestamp;  // >= 0
  Field<std::int64_t> evaluation_score;   // 1..10 unless not_scored
  Field<std::int64_t> rank;
  Field<std::span<const TranscriptEntry>> chat_transcript;
  Field<std::string_view> score_of_1;
  Field<std::string_view> score_of_5;
  Field<std::int64_t> score_weight;
  Field<bool> not_scored;
  Field<std::string_view> extracted_text;  // example-only
};

struct Scorecard {
  Field<std::string_view> interview_id;
  Field<Strings> match_details;
  Field<std::span<const Question>> questions;
  Field<Strings> tags;
};

struct Communication {
  Field<std::string_view> interview_id;
  Field<double> speech_score;  // -1 (not scored) or >= 0
  Field<std::span<const RawObject>> evaluations;
  Field<std::string_view> template_id;
};

struct Transcript {
  Field<std::string_view> interview_id;
  Field<std::span<const TranscriptEntry>> transcript;
};

struct WebInterviewInfo {
  Field<Summary> summary;
  Field<Scorecard> scorecard;
  Field<Communication> communication;
  Field<Transcript> transcript;
  Field<std::string_view> audio_recording_link;
  Field<std::string_view> video_recording_link;
};

struct AgenticData {
  Field<WebInterviewInfo> web_interview_info;
};

// `step_by_step[].details`: its keys appear only in the docs' example.
struct StepDetails {
  Field<std::string_view> details;
  Field<std::string_view> title;
  Field<std::string_view> description;
};

struct StateFlags {
  Field<bool> is_completed;
  Field<bool> is_incomplete;
  Field<bool> is_analyzing_call;
  Field<bool> is_in_progress;
};

struct WorkflowStep {
  Field<bool> complete;
  Field<bool> required;
  Field<std::int64_t> order;  // >= 1
  Field<std::string_view> id;
  Field<bool> started;
  Field<StepDetails> details;
  Field<std::string_view> raw_status;
  Field<double> last_updated_timestamp;
  Field<bool> knocked_out;
  Field<double> completion_percentage;  // 0..1
  Field<RawObject> completion_metadata;
  Field<bool> is_analyzing_call;
  Field<double> total_duration;
  Field<StateFlags> state_flags;
};

struct WorkflowStatus {
  Field<std::string_view> interview_id;
  Field<std::span<const WorkflowStep>> step_by_step;
  Field<bool> all_complete;
  Field<double> last_engagement;
  Field<RawObject> metadata;
};

struct WebInterviewMetadata {
  Field<double> final_score;
  Field<Strings> skill_highlights;
  Field<std::string_view> audio_recording_link;
  Field<std::string_view> video_recording_link;
};

struct StageMetadata {
  Field<RawObject> resume;
  Field<WebInterviewMetadata> web_interview;
  Field<RawObject> sms;
  Field<RawObject> form;
};

struct Details {
  Field<std::string_view> interview_id;
  Field<std::string_view> candidate_id;
  Field<double> interviewed_on;
  Field<double> score;
  Field<std::string_view> name;
  Field<std::string_view> email;
  Field<RawObject> actions;
  Field<std::string_view> status;
  Field<WorkflowStatus> workflow_status;
  Field<StageMetadata> metadata;
  Field<RawObject> candidate_feedback;
  Field<RawObject> candidate_next_steps;
  Field<std::string_view> candidate_interview_url;
};

// `company_info.base_web_interview_config`: keys from the docs' example.
struct BaseWebInterviewConfig {
  Field<std::string_view> backdrop_image_url;
  Field<std::string_view> avatar_image_url;
  Field<bool> remove_heymilo_branding;
  Field<std::string_view> intro_message;
  Field<std::string_view> outro_message;
  Field<std::string_view> welcome_back_message;
};

struct CompanyInfo {
  Field<std::string_view> company_id;
  Field<std::string_view> workspace_id;
  Field<double> created_at;
  Field<double> updated_at;
  Field<std::string_view> created_by;
  Field<std::string_view> name;
  Field<std::string_view> image_url;
  Field<std::string_view> intro_message;
  Field<std::string_view> company_background;
  Field<std::string_view> voice_id;
  Field<RawObject> knowledge_base;
  Field<std::string_view> interview_domain;
  Field<std::string_view> interview_domain_id;
  Field<std::string_view> sender_email_id;
  Field<std::string_view> address;
  Field<RawObject> address_data;
  Field<std::string_view> timezone;
  Field<BaseWebInterviewConfig> base_web_interview_config;
  Field<RawObject> message_settings;
  Field<RawObject> sms_agent_config;
  Field<RawObject> pdf_generation_config;
  Field<RawObject> cheat_detection;
  Field<bool> allow_white_labeling;
  Field<bool> disable_all_candidate_communications;
  Field<double> interview_completion_confidence_threshold;  // 0..1
  Field<std::int64_t> retention_policy_days;
  Field<bool> video_cheat_detection_enabled;
  Field<bool> form_agent_enabled;
  Field<bool> calendar_management_enabled;
  Field<bool> email_templates_enabled;
  Field<bool> phone_calls_enabled;
  Field<bool> profile_picture_processing;
  Field<bool> chat_agent_enabled;
  Field<bool> copilot_enabled;
  Field<bool> design_templates_enabled;
  Field<bool> interview_templates_enabled;
  Field<bool> sourcing_configs_enabled;
  Field<bool> pbac_enabled;
  Field<bool> email_report_to_candidate_enabled;
};

// `posting_info.root_level_configs`: keys from the docs' example.
struct RootLevelConfigs {
  Field<std::string_view> instructions;
  Field<std::string_view> company_overview;
  Field<std::string_view> job_overview;
  Field<std::string_view> interview_process_overview;
  Field<std::string_view> company_overview_delivery_mode;
  Field<std::string_view> job_overview_delivery_mode;
  Field<std::string_view> interview_process_overview_delivery_mode;
  Field<std::string_view> language;
  Field<std::string_view> interviewer_name;
  Field<bool> is_multilingual;
};

// The `agentic_workflow[].config` tree: keys from the docs' example.
struct VapiCallConfig {
  Field<std::string_view> end_call_message;
  Field<double> idle_message_max_spoken_count;
  Field<double> idle_timeout_seconds;
  Field<double> wait_seconds;
  Field<double> backoff_seconds;
  Field<std::string_view> llm_model;
  Field<double> llm_temperature;
};

struct WebInterviewConfig {
  Field<std::string_view> backdrop_image_url;
  Field<std::string_view> avatar_image_url;
  Field<bool> remove_heymilo_branding;
  Field<std::string_view> intro_message;
  Field<std::string_view> outro_message;
  Field<std::string_view> welcome_back_message;
  Field<double> min_duration_seconds;
  Field<double> max_duration_seconds;
  Field<bool> show_transcript;
  Field<bool> candidate_presence_enabled;
  Field<VapiCallConfig> vapi_call_config;
};

struct CheatDetectionConfig {
  Field<bool> enabled;
  Field<double> threshold;
  Field<std::span<const RawJson>> types;
};

struct AgentConfig {
  // An agent's config repeats root_level_configs' keys at its own level, before its own.
  RootLevelConfigs root_level;
  Field<bool> video;
  Field<bool> phone_calls_enabled;
  Field<std::string_view> voice_id;
  Field<std::string_view> interview_type;
  Field<std::string_view> prompt_version;
  Field<WebInterviewConfig> web_interview_config;
  Field<double> min_evaluation_score;
  Field<double> num_questions;
  Field<CheatDetectionConfig> cheat_detection_config;
};

struct AgenticWorkflowStep {
  Field<std::string_view> type;
  Field<AgentConfig> config;
  Field<std::string_view> unique_id;
};

// `posting_info.step_workflow`: keys from the docs' example.
struct Workflow {
  Field<std::string_view> workflow_id;
  Field<std::string_view> posting_id;
  Field<double> created_at;
};

struct StepWorkflowStep {
  Field<std::string_view> step_id;
  Field<std::string_view> workflow_id;
  Field<std::string_view> step_type;
  Field<double> rank;
  Field<std::string_view> details;
  Field<double> created_at;
  Field<RawJson> depends_on;  // the docs show only null: any JSON value
};

struct StepWorkflow {
  Field<Workflow> workflow;
  Field<std::span<const StepWorkflowStep>> steps;
};

struct PostingInfo {
  Field<std::string_view> posting_id;
  Field<std::string_view> title;
  Field<std::string_view> name;
  Field<std::string_view> internal_name;
  Field<std::string_view> description;  // HTML
  Field<RootLevelConfigs> root_level_configs;
  Field<std::string_view> company_id;
  Field<double> created_at;
  Field<double> last_updated;
  Field<bool> archived;
  Field<double> deadline;
  Field<bool> finalized;
  Field<bool> test_posting;
  Field<std::span<const AgenticWorkflowStep>> agentic_workflow;
  Field<StepWorkflow> step_workflow;
  Field<std::string_view> phone_number_id;
  Field<std::string_view> sender_email_id;
  Field<std::string_view> email_template_group_id;
  Field<std::string_view> design_template_group_id;
  Field<Strings> sourcing_config_ids;
  Field<std::string_view> redirect_url;
  Field<std::string_view> scheduling_url;
  Field<std::string_view> event_slug;
  Field<std::string_view> cal_team_id;
  Field<std::string_view> team_slug;
  Field<std::string_view> mascot_url;
  Field<std::string_view> mascot_id;
  Field<std::int64_t> days_to_complete;
  Field<RawObject> ats_metadata;
  Field<bool> allow_sms_comms;
  Field<std::int64_t> max_retakes;
  Field<std::int64_t> retake_cooldown_days;
  Field<bool> is_template;
  Field<bool> email_report_to_candidate;
};

struct InterviewDataModel {
  Field<std::string_view> interview_id;
  Field<Details> details;
  Field<CompanyInfo> company_info;
  Field<PostingInfo> posting_info;
  Field<WebInterviewInfo> web_interview_info;
  Field<RawObject> resume_interview_info;
  Field<RawObject> sms_interview_info;
  Field<RawObject> form_interview_info;
};

struct ReportAvailable {
  Field<std::string_view> interview_id;
  Field<std::string_view> posting_id;
  Field<CandidateMetadata> metadata;
  Field<std::string_view> report_url;
  Field<double> timestamp;
  Field<std::string_view> interview_type;
  Field<AgenticData> agentic_data;
  Field<InterviewDataModel> interview_data_model;
};

}  // namespace heymilo
