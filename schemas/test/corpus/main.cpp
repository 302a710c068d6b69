// heymilo_schema_corpus OUTPUT: writes the differential corpus as NDJSON, one record per
// document: {"name", "kind", "document", "exclusion", "strict", "lenient", "json"}, where
// "strict" and "lenient" are heymilo::Parser's verdicts in each mode ({"valid", "error"}).
// The documents are the docs' examples, generated documents of several seeds and sizes,
// single-field mutations of both, URL cases and the named cases JSON Schema cannot express.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include <heymilo/heymilo.hpp>

#include "corpus.hpp"
#include "generator.hpp"

namespace heymilo::corpus {
namespace {

using tables::FieldInfo;
using tables::StructInfo;

constexpr std::size_t kMinimumMutations = 2000;
// Generated documents up to this size are mutated too. A generated report (~40 KB) is not:
// its mutations would make the corpus hundreds of MB, and the example report's mutations
// already reach every field.
constexpr std::size_t kMutatedGeneratedBytes = 16 << 10;

std::vector<Case> build_cases(std::vector<const FieldInfo*>& covered) {
  std::vector<Case> cases;
  for (Document document : kAllDocuments) {
    const std::string name(to_string(document));
    const std::string example = test::read_file(test::data_path(name + ".json"));
    const test::Json example_tree = test::parse_json(example);
    cases.push_back({"example " + name, "example", document, example, ""});
    add_mutations(document, "example " + name, example_tree, cases, covered);
    add_root_cases(document, "example " + name, example_tree, cases);
    if (document == Document::webhook_create_request) add_url_cases(example_tree, cases);

    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
      const std::string generated = generator::generate(document, {.seed = seed});
      const std::string label = "generated " + name + " seed " + std::to_string(seed);
      cases.push_back({label, "generated", document, generated, ""});
      if (seed == 1 && generated.size() <= kMutatedGeneratedBytes)
        add_mutations(document, label, test::parse_json(generated), cases, covered);
    }
    if (document != Document::report_available) continue;
    for (std::size_t size : {16u << 10, 256u << 10, 2u << 20}) {
      cases.push_back({"generated " + name + " " + std::to_string(size) + " bytes", "generated",
                       document, generator::generate(document, {.seed = 7, .target_bytes = size}),
                       ""});
    }
  }
  return cases;
}

void collect_fields(const StructInfo& info, std::set<const FieldInfo*>& all) {
  for (const FieldInfo& field : info.fields)
    if (all.insert(&field).second && field.nested) collect_fields(field.nested(), all);
}

// The fields of every table that no mutation reached, as "table.field".
std::vector<std::string> unmutated(const std::vector<const FieldInfo*>& covered) {
  std::set<const FieldInfo*> all;
  for (Document document : kAllDocuments) collect_fields(tables::describe(document), all);
  for (const FieldInfo* field : covered) all.erase(field);
  std::vector<std::string> names;
  for (const FieldInfo* field : all) names.emplace_back(field->name);
  return names;
}

void append_verdict(std::string& out, Parser& parser, const Case& test) {
  auto result = parser.parse(test.json, test.document);
  if (result) {
    out += R"({"valid":true,"error":null})";
    return;
  }
  out += R"({"valid":false,"error":)";
  append_json_string(out, to_string(result.error()));
  out += '}';
}

void write_record(std::ostream& out, const Case& test, Parser& strict, Parser& lenient) {
  std::string line = "{\"name\":";
  append_json_string(line, test.name);
  line += ",\"kind\":\"" + test.kind + "\",\"document\":\"" +
          std::string(to_string(test.document)) + "\",\"exclusion\":";
  append_json_string(line, test.exclusion);
  line += ",\"strict\":";
  append_verdict(line, strict, test);
  line += ",\"lenient\":";
  append_verdict(line, lenient, test);
  line += ",\"json\":";
  append_json_string(line, test.json);
  out << line << "}\n";
}

}  // namespace
}  // namespace heymilo::corpus

int main(int argc, char** argv) {
  using namespace heymilo;
  if (argc != 2) {
    std::cerr << "usage: heymilo_schema_corpus OUTPUT.ndjson\n";
    return 2;
  }
  std::vector<const tables::FieldInfo*> covered;
  const std::vector<corpus::Case> cases = corpus::build_cases(covered);

  if (const auto missed = corpus::unmutated(covered); !missed.empty()) {
    std::cerr << "heymilo_schema_corpus: no mutation reached these fields (the base documents "
                 "lack them):";
    for (const std::string& name : missed) std::cerr << ' ' << name;
    std::cerr << '\n';
    return 1;
  }
  const auto mutations = std::count_if(
      cases.begin(), cases.end(), [](const corpus::Case& test) { return test.kind == "mutation"; });
  if (mutations < static_cast<std::ptrdiff_t>(corpus::kMinimumMutations)) {
    std::cerr << "heymilo_schema_corpus: only " << mutations << " mutations\n";
    return 1;
  }

  std::ofstream out(argv[1], std::ios::binary);
  std::map<std::string, std::size_t> kinds;
  Parser strict(Options{.mode = Mode::strict});
  Parser lenient(Options{.mode = Mode::lenient});
  for (const corpus::Case& test : cases) {
    corpus::write_record(out, test, strict, lenient);
    ++kinds[test.kind];
  }
  if (!out.flush()) {
    std::cerr << "heymilo_schema_corpus: cannot write " << argv[1] << '\n';
    return 1;
  }
  std::cout << "wrote " << cases.size() << " documents to " << argv[1] << ":";
  for (const auto& [kind, count] : kinds) std::cout << ' ' << count << ' ' << kind;
  std::cout << " (mutations reach all " << std::set(covered.begin(), covered.end()).size()
            << " fields of the tables)\n";
  return 0;
}
