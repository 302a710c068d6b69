#pragma once
// The words the generator draws from: names, companies, interview lines, rubric text. Lines
// mix plain ASCII with quotes, accents, CJK and emoji, so that generated text exercises
// escaping and UTF-8 the way real transcripts do.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace heymilo::generator {

enum class Pool {
  interviewer_line,  // what the AI interviewer says
  candidate_line,    // what a candidate says
  question,
  criteria,
  score_of_1,
  score_of_5,
  highlight,
  lowlight,
  summary_point,  // a line of an evaluation summary
  tag,
  overview,     // a sentence of company/job background
  html_bullet,  // a responsibility or requirement for a job description
  message,      // an interviewer's intro/outro template
  step_detail,
  job_title,
  company,
  interviewer_name,
  language,
  timezone,
  address,
};

// A line of a pool with its two escaped forms precomputed (escaping is the generator's
// inner loop for large documents).
struct Phrase {
  std::string_view text;
  std::string minimal;  // Escape::minimal
  std::string unicode;  // Escape::unicode
};

std::span<const Phrase> phrases(Pool pool);

struct PersonName {
  std::string_view display;  // as written, possibly non-ASCII
  std::string_view ascii;    // for emails and slugs
};
std::span<const PersonName> first_names();
std::span<const PersonName> last_names();

}  // namespace heymilo::generator
