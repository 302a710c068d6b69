#include "corpus.hpp"

#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

#include "generator.hpp"

namespace heymilo::bench {

std::span<const Case> all_cases() {
  static const std::vector<Case> cases = [] {
    std::vector<Case> list;
    for (Document document : kAllDocuments)
      list.push_back({std::string(to_string(document)), document});
    constexpr std::size_t kKiB = 1024;
    for (auto [name, bytes] : {std::pair{"report_12KB", 12 * kKiB},
                               {"report_64KB", 64 * kKiB},
                               {"report_1MB", 1024 * kKiB},
                               {"report_16MB", 16384 * kKiB}})
      list.push_back({name, Document::report_available, bytes});
    for (Document document : {Document::interview_started, Document::interview_completed})
      list.push_back({std::string(to_string(document)) + "_detected", document, 0, 1, true});
    list.push_back({"ndjson_10000", std::nullopt, 0, 10000});
    return list;
  }();
  return cases;
}

namespace {
constexpr Document kPayloads[] = {Document::interview_started, Document::interview_completed,
                                  Document::report_available};

std::string generate_case(const Case& c) {
  if (c.document)
    return generator::generate(*c.document, {.seed = 1, .target_bytes = c.target_bytes});
  // The three events in turn, as one interview after another sends them, each minified
  // onto one line.
  std::string text;
  for (std::size_t i = 0; i < c.count; ++i) {
    const std::string json = generator::generate(kPayloads[i % 3], {.seed = i / 3 + 1});
    const std::size_t start = text.size();
    text.resize(start + json.size());
    std::size_t length = 0;
    if (simdjson::minify(json.data(), json.size(), text.data() + start, length))
      throw std::runtime_error("the generator wrote invalid JSON");
    text.resize(start + length);
    text += '\n';
  }
  return text;
}
}  // namespace

const Input& input_of(const Case& c) {
  static std::map<std::string, Input> inputs;
  auto [it, inserted] = inputs.try_emplace(c.name);
  if (inserted) {
    it->second.text = simdjson::padded_string(generate_case(c));
    it->second.documents = c.count;
  }
  return it->second;
}

}  // namespace heymilo::bench
