#pragma once
// Composite text for generated documents: the candidate's persona (kept consistent across a
// document), identifiers, e-mail addresses, URLs, HTML job descriptions and multi-paragraph
// transcript text. Everything is appended to `out` already escaped for a JSON string.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "corpus.hpp"
#include "json_out.hpp"
#include "rng.hpp"

namespace heymilo::generator {

// Who the document is about; the same person, company and ids appear wherever the
// docs' example repeats them.
struct Persona {
  std::string name;        // UTF-8, as displayed
  std::string ascii_name;  // "first-last"
  std::string email;
  std::string interview_id;
  std::string posting_id;
  std::string candidate_id;
  std::string company_id;
  std::string workspace_id;
  std::string company;
  std::string company_slug;
  std::string job_title;
  std::string interviewer;
  std::int64_t base_time = 0;  // unix seconds around which the interview happened
};

Persona make_persona(Rng& rng);

// `digits` random characters from 0-9A-F.
std::string hex_id(Rng& rng, std::size_t digits);
std::string uuid(Rng& rng);

// A random pool line in a random escaping (unicode escapes for ~1 in 6).
void append_phrase(std::string& out, Rng& rng, Pool pool);
// A string in a random escaping (as append_phrase).
void append_text(std::string& out, Rng& rng, std::string_view text);

// `lines` pool lines separated by `separator` (already escaped, e.g. "\\n" or " ").
void append_lines(std::string& out, Rng& rng, Pool pool, int lines, std::string_view separator);

// 1-3 paragraphs of 1-4 lines, separated by blank lines. With `limit` > 0 instead: as many
// paragraphs as fill `limit` escaped bytes (the last line cut at a space), so that a caller
// can fill an exact byte budget.
void append_paragraphs(std::string& out, Rng& rng, Pool pool, std::size_t limit);

// An HTML job description: headings, paragraphs and a bullet list, with entities and an
// attribute in quotes.
void append_html_description(std::string& out, Rng& rng, const Persona& persona, bool short_form);

// An http(s) URL fitting the field's name (recordings, reports, images, webhooks, ...).
void append_url(std::string& out, Rng& rng, const Persona& persona, std::string_view name);

}  // namespace heymilo::generator
