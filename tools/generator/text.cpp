#include "text.hpp"

#include <cctype>
#include <limits>

namespace heymilo::generator {
namespace {
constexpr std::string_view kEmailDomains[] = {"example.com", "gmail.com", "proton.me",
                                              "outlook.com", "acme.io"};

std::string slug_of(std::string_view text) {
  std::string slug;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalnum(u)) {
      slug += static_cast<char>(std::tolower(u));
    } else if (c == ' ' && !slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  return slug;
}

Escape random_escape(Rng& rng) { return rng.percent(16) ? Escape::unicode : Escape::minimal; }
}  // namespace

std::string hex_id(Rng& rng, std::size_t digits) {
  constexpr char kDigits[] = "0123456789ABCDEF";
  std::string id(digits, '0');
  for (char& c : id) c = kDigits[rng.below(16)];
  return id;
}

std::string uuid(Rng& rng) {
  std::string id;
  for (std::size_t part : {8, 4, 4, 4, 12}) {
    if (!id.empty()) id += '-';
    for (std::size_t i = 0; i < part; ++i) id += "0123456789abcdef"[rng.below(16)];
  }
  return id;
}

Persona make_persona(Rng& rng) {
  Persona p;
  const PersonName& first = rng.pick(first_names());
  const PersonName& last = rng.pick(last_names());
  p.name.append(first.display).append(" ").append(last.display);
  p.ascii_name.append(first.ascii).append("-").append(last.ascii);
  p.email.append(first.ascii).append(".").append(last.ascii);
  if (rng.percent(20)) p.email.append("+jobs");
  p.email.append("@").append(rng.pick(std::span<const std::string_view>(kEmailDomains)));
  p.interview_id = hex_id(rng, 16);
  p.posting_id = hex_id(rng, 8);
  p.candidate_id = hex_id(rng, 16);
  p.company_id = "COMP" + std::to_string(rng.between(1000, 9999));
  p.workspace_id = "WS" + std::to_string(rng.between(1000, 9999));
  p.company = rng.pick(phrases(Pool::company)).text;
  p.company_slug = slug_of(p.company);
  if (p.company_slug.empty()) p.company_slug = "company-" + std::to_string(rng.between(10, 99));
  p.job_title = rng.pick(phrases(Pool::job_title)).text;
  p.interviewer = rng.pick(phrases(Pool::interviewer_name)).text;
  p.base_time = 1'760'000'000 + rng.between(0, 20'000'000);
  return p;
}

void append_phrase(std::string& out, Rng& rng, Pool pool) {
  const Phrase& phrase = rng.pick(phrases(pool));
  out += rng.percent(16) ? phrase.unicode : phrase.minimal;
}

void append_text(std::string& out, Rng& rng, std::string_view text) {
  append_escaped(out, text, random_escape(rng));
}

void append_lines(std::string& out, Rng& rng, Pool pool, int lines, std::string_view separator) {
  for (int i = 0; i < lines; ++i) {
    if (i) out += separator;
    append_phrase(out, rng, pool);
  }
}

void append_paragraphs(std::string& out, Rng& rng, Pool pool, std::size_t limit) {
  const std::size_t start = out.size();
  const auto used = [&] { return out.size() - start; };
  // With a limit, as many paragraphs as fit; the limit is always reached (cut) then.
  const int paragraphs =
      limit ? std::numeric_limits<int>::max() : static_cast<int>(rng.between(1, 3));
  for (int p = 0; p < paragraphs; ++p) {
    const int lines = static_cast<int>(rng.between(1, 4));
    for (int l = 0; l < lines; ++l) {
      const std::string_view separator = l ? " " : p ? "\\n\\n" : "";
      const Phrase& phrase = rng.pick(phrases(pool));
      const std::string& text = rng.percent(16) ? phrase.unicode : phrase.minimal;
      if (limit && used() + separator.size() + text.size() > limit) {
        // Fill what is left with the start of the line, cut before a space (never inside
        // an escape or a UTF-8 sequence).
        const std::size_t room = limit - std::min(limit, used() + separator.size());
        const std::size_t cut = text.rfind(' ', room);
        if (cut != std::string::npos && cut > 0 && room > 0) {
          out += separator;
          out.append(text, 0, cut);
        }
        return;
      }
      out += separator;
      out += text;
    }
  }
}

void append_html_description(std::string& out, Rng& rng, const Persona& persona, bool short_form) {
  out += "<p><strong>About the Role</strong></p><p>";
  append_text(out, rng, persona.company);
  out += " is hiring a ";
  append_text(out, rng, persona.job_title);
  out += ". ";
  append_phrase(out, rng, Pool::overview);
  out += "</p>";
  if (short_form) return;
  out += "<h3>What you&#39;ll do</h3><ul>";
  const int bullets = static_cast<int>(rng.between(2, 5));
  for (int i = 0; i < bullets; ++i) {
    out += "<li>";
    append_phrase(out, rng, Pool::html_bullet);
    out += "</li>";
  }
  out += "</ul><p>";
  append_lines(out, rng, Pool::overview, 2, " ");
  out += "</p><p><a href=\\\"https://";
  out += persona.company_slug;
  out += ".com/careers\\\" target=\\\"_blank\\\">See all open roles</a></p>";
}

void append_url(std::string& out, Rng& rng, const Persona& persona, std::string_view name) {
  std::string url;
  const auto has = [&](std::string_view part) { return name.find(part) != std::string_view::npos; };
  if (has("report")) {
    url = "https://cdn.heymilo.ai/reports/" + hex_id(rng, 24) + "/" + persona.ascii_name + ".pdf";
  } else if (has("resume")) {
    url = "https://example.cdn.heymilo.ai/" + persona.workspace_id + "/source/" +
          persona.ascii_name + "_" + std::to_string(rng.between(10000000, 99999999)) + ".pdf";
  } else if (has("audio") || has("video")) {
    const bool audio = has("audio");
    url = std::string("https://cdn.heymilo.ai/") + (audio ? "audio" : "videos") + "/merged/" +
          std::to_string(persona.base_time) + "-" + hex_id(rng, 6) +
          (audio ? "/tmp_audio.wav" : "/tmp_video.mp4");
  } else if (has("image") || has("mascot") || has("avatar") || has("backdrop")) {
    url = "https://heymilo-west-0.s3.us-west-2.amazonaws.com/airstrip/" + persona.workspace_id +
          "/" + hex_id(rng, 12) + ".png";
  } else if (has("interview")) {
    url = "https://gointerview.co/" + persona.company_slug + "/i/" + persona.interview_id;
  } else if (has("scheduling")) {
    url = "https://cal.com/" + persona.company_slug + "/intro-call";
  } else if (name == "url") {
    url = rng.percent(15)
              ? "http://localhost:" + std::to_string(rng.between(3000, 9000)) + "/webhooks/heymilo"
              : "https://hooks." + persona.company_slug + ".com/heymilo/" + hex_id(rng, 8) +
                    "?source=heymilo&v=2";
  } else {
    url = "https://" + persona.company_slug + ".com/careers/" + hex_id(rng, 6);
  }
  append_escaped(out, url, rng.percent(20) ? Escape::slashes : Escape::minimal);
}

}  // namespace heymilo::generator
