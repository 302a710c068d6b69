// A receiver as a user of the library writes one: reads a report_available payload from a
// file, prints a few of its fields and a line per key the library does not know (drift) and
// exits 0, or prints the error and exits 1 when the payload is invalid (2 when the file
// cannot be read). Every consumer project builds it.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <heymilo/heymilo.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: receiver REPORT.json\n";
    return 2;
  }
  std::ifstream file(argv[1], std::ios::binary);
  std::ostringstream body;
  if (!(body << file.rdbuf())) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 2;
  }

  heymilo::Options options;
  options.drift = true;  // the warnings' API is exported too
  heymilo::Parser parser(options);
  const auto report = parser.parse_report_available(body.str());
  if (!report) {
    std::cerr << "rejected: " << heymilo::to_string(report.error()) << "\n";
    return 1;
  }
  const auto& info = *report->agentic_data->web_interview_info;
  std::string candidate;  // the view's canonical JSON: the field tables are exported too
  heymilo::append_json(candidate, *report->metadata);
  std::cout << "heymilo " << heymilo::kVersion << "\n"
            << "interview: " << *report->interview_id << "\n"
            << "candidate: " << *report->metadata->candidate_name << "\n"
            << "match score: " << info.summary->match_score.value_or(-1) << "\n"
            << "questions: " << info.scorecard->questions->size() << "\n"
            << "metadata: " << candidate << "\n";
  for (const heymilo::Warning& warning : parser.warnings())
    std::cout << "warning: " << heymilo::to_string(warning.code) << " " << warning.path << "\n";
  return 0;
}
