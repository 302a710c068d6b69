// A sample receiver that `tsc -p typecheck` checks against the generated index.d.ts: it reads
// nested fields, narrows nullable and optional ones, and fails to compile when a field's
// type, nullability or optionality in the declarations moves away from what it expects.
import { parse, validate, HeyMiloValidationError, type Detected, type ReportAvailable, type Lenient } from "..";

declare function record(candidate: string, question: string, score: number): void;

export function onReport(body: Uint8Array): void {
  const report: ReportAvailable = parse(body, { event: "report_available" });
  const name: string = report.metadata.candidate_name;  // documented, not nullable
  const info = report.agentic_data.web_interview_info;   // nullable object
  if (info === null) return;
  const score: number = info.summary.match_score;
  for (const question of info.scorecard.questions) {
    record(name, question.question_id, question.evaluation_score ?? score);
  }
  const source: string | null | undefined = report.metadata.metadata?.source;  // example-only
  void source;
}

export function onAnyEvent(body: string): string {
  try {
    const event: Detected = parse(body);
    if ("report_url" in event) return event.report_url;
    if ("workflow_completed" in event) return String(event.completion_timestamp);
    return event.metadata.candidate_email;
  } catch (error) {
    if (error instanceof HeyMiloValidationError) return error.errors.map((e) => `${e.code} at ${e.path}`).join("; ");
    throw error;
  }
}

export function lenientStarted(body: Uint8Array): string | undefined {
  const started: Lenient.InterviewStarted = parse(body, { event: "interview_started", lenient: true });
  return started.metadata?.candidate_name;  // optional in lenient mode
}

export function check(body: Uint8Array): boolean {
  const result = validate(body, { maxErrors: 10, drift: true });
  for (const warning of result.warnings) console.log(warning.code === "unknown_field", warning.path);
  return result.valid && result.event === "report_available";
}

declare const console: { log(...values: unknown[]): void };

// What the declarations must refuse (tsc fails on an @ts-expect-error that no longer errs).
export function refused(report: ReportAvailable, lenient: Lenient.ReportAvailable): void {
  // @ts-expect-error web_interview_info is nullable
  void report.agentic_data.web_interview_info.summary;
  // @ts-expect-error in lenient mode a documented field may be absent
  const url: string = lenient.report_url;
  void url;
  // @ts-expect-error an example-only field is optional and nullable
  const source: string = report.metadata.metadata!.source;
  void source;
  // @ts-expect-error event names are a closed set
  parse(new Uint8Array(), { event: "interview_ended" });
}
