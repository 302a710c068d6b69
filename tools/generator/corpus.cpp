#include "corpus.hpp"

#include <array>

#include "json_out.hpp"

namespace heymilo::generator {
namespace {

constexpr std::string_view kInterviewerLines[] = {
    "Hi, thanks for taking the time to meet with me today. How is your day going so far?",
    "Great. Let's start with your background: what have you been working on recently?",
    "Could you walk me through a project you're especially proud of?",
    "That's helpful, thank you. What was the hardest trade-off you had to make there?",
    "How did you measure whether the change was a success?",
    "Tell me about a time you disagreed with a teammate. How did you resolve it?",
    "Interesting! Could you say a bit more about the \"on-call\" part of that role?",
    "What would your first 90 days here look like, in your own words?",
    "Thanks. Next question: how do you approach debugging a production incident?",
    "Perfect — that covers it. Do you have any questions for me?",
    "Thank you for your time. I appreciate you completing the interview. 🙂",
    "Merci ! Let's move on to the next topic, if that's all right.",
};

constexpr std::string_view kCandidateLines[] = {
    "Sure. I started my career at a small agency in Lyon, then moved to a fintech start-up.",
    "Honestly, the hardest part was convincing the team to pause feature work for two weeks.",
    "We cut the p99 latency from 480 ms to about 120 ms, which the support team noticed right "
    "away.",
    "My manager used to say \"measure twice, ship once\", and I still work that way.",
    "I led a team of five, including two engineers in Tokyo (東京) and one in München.",
    "The tricky bit was the data migration: 3.2 million rows, zero downtime, and a strict "
    "deadline.",
    "I'd say my strength is turning vague requirements into something we can actually ship 🚀.",
    "We wrote a small runbook — \"if X, page Y\" — and the number of escalations dropped by half.",
    "I'm comfortable with Python, Go and SQL; C++ I've used mostly for performance-critical paths.",
    "To be honest, I haven't worked with Kafka in production, but I've read the docs end to end.",
    "In my last role I also mentored two juniors, which I really enjoyed.",
    "We had a café-style retro every Friday, which sounds naïve but it kept everyone honest.",
    "The customer's team was in Zürich, so we overlapped only two hours a day.",
    "I'd start by listening: meet the team, read the incident history, then pick one quick win.",
    "My résumé says \"backend\", but I've done a fair amount of front-end work too.",
    "That project taught me to write things down: design docs saved us weeks later.",
    "We used feature flags so that we could roll back in seconds if something went wrong.",
    "日本語も少し話せます — I lived in Osaka for a year during university.",
    "The result: a 30% drop in churn over two quarters, confirmed by an A/B test.",
    "I'm excited about this role because the product solves a problem I've had myself 😊.",
};

constexpr std::string_view kQuestions[] = {
    "Can you walk me through your professional background and key achievements in your recent "
    "roles?",
    "Describe a challenging project you led and how you handled obstacles along the way.",
    "How do you prioritize when several stakeholders want different things at once?",
    "Tell me about a time you had to learn a new technology quickly.",
    "How do you approach debugging a problem you cannot reproduce locally?",
    "What does good code review look like to you?",
    "Describe a decision you made with incomplete data. What happened?",
    "How would you explain a technical trade-off to a non-technical stakeholder?",
    "Tell me about a time you received difficult feedback. What did you change?",
    "Why are you interested in this role, and what would you bring to the team?",
};

constexpr std::string_view kCriteria[] = {
    "A good answer provides a clear, concise summary of relevant work experience, highlighting key "
    "roles and achievements.",
    "A good answer describes a specific project, the obstacles faced, the actions taken and the "
    "outcomes achieved.",
    "A good answer shows a structured approach, concrete examples and an awareness of trade-offs.",
    "A good answer names the stakeholders, the conflict, and how the candidate reached a decision.",
    "A good answer is honest about what went wrong and what the candidate learned from it.",
};

constexpr std::string_view kScoreOf1[] = {
    "Very vague, unclear, or incomplete. Missing names, roles or timelines; no achievements "
    "mentioned.",
    "A weak answer lacks specific details and fails to describe actions taken or outcomes "
    "achieved.",
    "Does not answer the question, or gives only generic statements without examples.",
};

constexpr std::string_view kScoreOf5[] = {
    "Gives a clear, chronological account and connects past experience to the role.",
    "Clearly describes the situation, obstacles, actions and outcomes with measurable results.",
    "Structured, specific and reflective; shows ownership and a clear line from action to result.",
};

constexpr std::string_view kHighlights[] = {
    "Demonstrated strong understanding of core technical concepts.",
    "Provided clear examples of past project experience with measurable outcomes.",
    "Communicated ideas concisely and showed a good problem-solving approach.",
    "Showed ownership of production systems, including on-call duties.",
    "Gave a thoughtful answer on mentoring and team culture.",
};

constexpr std::string_view kLowlights[] = {
    "Did not elaborate on experience with distributed systems.",
    "Missed the opportunity to connect leadership experience to the role's requirements.",
    "Answers on testing strategy stayed at a high level.",
    "Limited hands-on experience with the team's main cloud provider.",
};

constexpr std::string_view kSummaryPoints[] = {
    "Provided a clear career overview.",
    "Mentioned specific companies and roles.",
    "Did not fully connect experience to this position.",
    "Articulated team coordination well.",
    "Could have gone deeper on measurable impact.",
    "Gave a concrete, well-structured example.",
    "Referred to \"lessons learned\" without details.",
};

constexpr std::string_view kTags[] = {
    "Technical Skills", "Project Leadership", "Problem Solving", "Communication",
    "Ownership",        "Mentoring",          "System Design",   "Customer Focus",
};

constexpr std::string_view kOverview[] = {
    "We build software that helps recruiting teams interview thousands of candidates fairly.",
    "Our customers range from two-person start-ups to Fortune 500 companies in 30 countries.",
    "The team is remote-first, with hubs in San Francisco, Berlin and São Paulo.",
    "You will own services end to end, from design docs to on-call.",
    "The interview has five questions and takes about twenty minutes.",
    "Candidates hear back within three business days — no ghosting, ever.",
};

constexpr std::string_view kHtmlBullets[] = {
    "Design, build &amp; operate backend services used by millions of candidates",
    "Work closely with product, design and data science",
    "5+ years of experience with Python, Go or Java",
    "Experience with PostgreSQL, Redis and message queues",
    "A habit of writing things down — design docs, runbooks, post-mortems",
    "Competitive salary: $150,000 – $190,000 + equity",
    "Flexible hours, remote-friendly, 25 days of paid leave",
};

constexpr std::string_view kMessages[] = {
    "Hi {{name}}, thanks for taking the time to meet with me! My name is {{interviewer_name}}, and "
    "I'm the AI interviewer.",
    "Thank you for your time {{name}}, I appreciate you completing the interview!",
    "Welcome back, {{name}}! Let's pick up where we left off.",
    "Bonjour {{name}} ! Ready when you are.",
};

constexpr std::string_view kStepDetails[] = {
    "Raw Interview Data Has Been Processed",
    "Interview Processed Successfully",
    "Candidate has attended the interview and completed it",
    "Waiting for the candidate to start",
    "Report generated and sent to the hiring team",
};

constexpr std::string_view kJobTitles[] = {
    "Senior Software Engineer", "Staff Data Engineer",       "Product Designer",
    "Customer Success Manager", "Site Reliability Engineer", "Engineering Manager",
    "Développeur Full-Stack",   "Account Executive",         "Machine Learning Engineer",
};

constexpr std::string_view kCompanies[] = {
    "Example Corp",     "Acme Talent",    "Nordlicht GmbH", "Café Analytics",
    "Blue Harbor Labs", "株式会社サクラ", "Tandem Health",  "Quill & Co",
};

constexpr std::string_view kInterviewerNames[] = {"Sarah", "Milo", "Aiko", "Lucas", "Zoë"};
constexpr std::string_view kLanguages[] = {"en", "es", "fr", "de", "ja", "pt"};
constexpr std::string_view kTimezones[] = {"America/New_York", "Europe/Berlin", "Asia/Tokyo",
                                           "America/Los_Angeles", "Europe/London"};
constexpr std::string_view kAddresses[] = {
    "1 Market Street, San Francisco, CA 94105",
    "Friedrichstraße 68, 10117 Berlin",
    "2-11-3 Meguro, Tokyo 153-0063",
    "Rua Augusta 1500, São Paulo",
};

constexpr PersonName kFirstNames[] = {
    {"Jane", "jane"},   {"José", "jose"},     {"Zoë", "zoe"},       {"Jürgen", "juergen"},
    {"Priya", "priya"}, {"Wei", "wei"},       {"Ngozi", "ngozi"},   {"Chloé", "chloe"},
    {"Søren", "soren"}, {"Aiko", "aiko"},     {"Mateus", "mateus"}, {"Fatima", "fatima"},
    {"Liam", "liam"},   {"Olivia", "olivia"}, {"Noah", "noah"},     {"Émile", "emile"},
    {"花子", "hanako"}, {"Björn", "bjorn"},   {"Amara", "amara"},   {"Diego", "diego"},
};
constexpr PersonName kLastNames[] = {
    {"Doe", "doe"},           {"García", "garcia"},     {"Müller", "mueller"},
    {"Okafor", "okafor"},     {"Nakamura", "nakamura"}, {"Dubois", "dubois"},
    {"Sharma", "sharma"},     {"Chen", "chen"},         {"O'Brien", "obrien"},
    {"Kowalski", "kowalski"}, {"Silva", "silva"},       {"Andersson", "andersson"},
    {"山田", "yamada"},       {"Nguyễn", "nguyen"},     {"Smith", "smith"},
    {"Haddad", "haddad"},
};

std::span<const std::string_view> texts(Pool pool) {
  switch (pool) {
    case Pool::interviewer_line:
      return kInterviewerLines;
    case Pool::candidate_line:
      return kCandidateLines;
    case Pool::question:
      return kQuestions;
    case Pool::criteria:
      return kCriteria;
    case Pool::score_of_1:
      return kScoreOf1;
    case Pool::score_of_5:
      return kScoreOf5;
    case Pool::highlight:
      return kHighlights;
    case Pool::lowlight:
      return kLowlights;
    case Pool::summary_point:
      return kSummaryPoints;
    case Pool::tag:
      return kTags;
    case Pool::overview:
      return kOverview;
    case Pool::html_bullet:
      return kHtmlBullets;
    case Pool::message:
      return kMessages;
    case Pool::step_detail:
      return kStepDetails;
    case Pool::job_title:
      return kJobTitles;
    case Pool::company:
      return kCompanies;
    case Pool::interviewer_name:
      return kInterviewerNames;
    case Pool::language:
      return kLanguages;
    case Pool::timezone:
      return kTimezones;
    case Pool::address:
      return kAddresses;
  }
  return {};
}

constexpr std::size_t kPoolCount = static_cast<std::size_t>(Pool::address) + 1;

std::vector<Phrase> escape_all(std::span<const std::string_view> lines) {
  std::vector<Phrase> result;
  for (std::string_view line : lines) {
    Phrase phrase{line, {}, {}};
    append_escaped(phrase.minimal, line, Escape::minimal);
    append_escaped(phrase.unicode, line, Escape::unicode);
    result.push_back(std::move(phrase));
  }
  return result;
}
}  // namespace

std::span<const Phrase> phrases(Pool pool) {
  static const auto all = [] {
    std::array<std::vector<Phrase>, kPoolCount> pools;
    for (std::size_t i = 0; i < kPoolCount; ++i) pools[i] = escape_all(texts(static_cast<Pool>(i)));
    return pools;
  }();
  return all[static_cast<std::size_t>(pool)];
}

std::span<const PersonName> first_names() { return kFirstNames; }
std::span<const PersonName> last_names() { return kLastNames; }

}  // namespace heymilo::generator
