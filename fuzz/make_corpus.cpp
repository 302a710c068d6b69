// Writes the fuzz targets' seed corpora and dictionary into a build directory:
//   <out>/seeds/<target>/   the docs' examples and generated documents (heymilo::generator)
//                           of several sizes, chosen per target
//   <out>/heymilo.dict      every field name and enum value of the field tables, and JSON
//                           tokens that reach the parser's edge cases
// Usage: heymilo_make_fuzz_corpus <out>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <heymilo/heymilo.hpp>

#include "generator.hpp"

namespace {
using namespace heymilo;
namespace fs = std::filesystem;

constexpr Document kEvents[] = {Document::interview_started, Document::interview_completed,
                                Document::report_available};
// Report sizes: small, medium (within the -max_len fuzz/ci.sh uses) and large (replayed once).
constexpr std::size_t kReportSizes[] = {4 << 10, 16 << 10, 48 << 10, 256 << 10, 1 << 20};
constexpr std::size_t kMediumReport = 16 << 10;

std::string example(Document document) {
  const std::string path =
      std::string(HEYMILO_EXAMPLES_DIR) + "/" + std::string(to_string(document)) + ".json";
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string generated(Document document, std::uint64_t seed, std::size_t bytes = 0) {
  return generator::generate(document, {.seed = seed, .target_bytes = bytes});
}

class Seeds {
 public:
  Seeds(const fs::path& root, std::string_view target) : dir_(root / "seeds" / target) {
    fs::create_directories(dir_);
  }
  void add(const std::string& name, std::string_view bytes) {
    std::ofstream(dir_ / name, std::ios::binary).write(bytes.data(), bytes.size());
  }
  // The example and two generated documents of its natural size.
  void add_document(Document document) {
    const std::string name(to_string(document));
    add(name + "_example.json", example(document));
    for (std::uint64_t seed : {1, 2})
      add(name + "_" + std::to_string(seed) + ".json", generated(document, seed));
  }

 private:
  fs::path dir_;
};

// options_target's 8-byte header (see options_target.cpp), then two documents split at the
// header's offset.
std::string options_input(unsigned selector, std::size_t max_depth, std::size_t max_bytes,
                          std::string_view first, std::string_view second) {
  std::string input;
  const std::size_t split = first.size();
  for (std::size_t byte : {std::size_t{selector}, max_depth, max_depth >> 8, max_bytes,
                           max_bytes >> 8, max_bytes >> 16, split, split >> 8})
    input += static_cast<char>(byte & 0xff);
  return input.append(first).append(second);
}

void write_seeds(const fs::path& out) {
  for (Document document : kAllDocuments) Seeds(out, to_string(document)).add_document(document);
  Seeds report(out, "report_available");
  for (std::size_t bytes : kReportSizes)
    report.add("report_" + std::to_string(bytes) + ".json",
               generated(Document::report_available, 7, bytes));

  Seeds parse(out, "parse");
  for (Document event : kEvents) parse.add_document(event);
  // Each example with a key that decides another event (rule 11) first and last among the
  // root's keys: detection along the walk starts again, or does not, at either end.
  constexpr std::string_view kDeciding[] = {R"("metadata":{})", R"("parent_conversation_id":"p")",
                                            R"("report_url":"https://x.example/r.pdf")"};
  for (Document event : kEvents) {
    const std::string json = example(event), name(to_string(event));
    for (std::size_t i = 0; i < std::size(kDeciding); ++i) {
      std::string first = json, last = json;
      first.insert(json.find('{') + 1, std::string(kDeciding[i]) + ",");
      last.insert(json.rfind('}'), "," + std::string(kDeciding[i]));
      parse.add(name + "_deciding_" + std::to_string(i) + "_first.json", first);
      parse.add(name + "_deciding_" + std::to_string(i) + "_last.json", last);
    }
  }

  for (std::string_view target : {"differential", "round_trip"}) {
    Seeds seeds(out, target);
    for (Document document : kAllDocuments) seeds.add_document(document);
    seeds.add("report_medium.json", generated(Document::report_available, 9, kMediumReport));
  }

  Seeds options(out, "options");
  constexpr unsigned kDetect = 6 << 1, kLenient = 1, kPadded = 0x10;
  for (Document document : kAllDocuments) {
    const unsigned selector = static_cast<unsigned>(document) << 1;
    const std::string name(to_string(document));
    const std::string first = example(document), second = generated(document, 3);
    options.add(name + "_strict", options_input(selector, 1024, 1 << 20, first, second));
    options.add(name + "_lenient_padded",
                options_input(selector | kLenient | kPadded, 1024, 1 << 20, second, first));
    options.add(name + "_shallow", options_input(selector, 2, 1 << 20, first, second));
    options.add(name + "_small", options_input(selector, 1024, first.size(), first, second));
  }
  // Every error and drift (rules 15, 16) on broken and grown documents.
  constexpr unsigned kAllErrors = 3 << 5, kDrift = 0x80;
  for (Document document : kAllDocuments) {
    const unsigned selector = static_cast<unsigned>(document) << 1 | kAllErrors | kDrift;
    // Every other string value made a number followed by an unknown key: wrong types and
    // drift in valid JSON.
    std::string broken = example(document);
    std::size_t nth = 0;
    for (std::size_t at = broken.find("\": \""); at != std::string::npos;
         at = broken.find("\": \"", at + 1))
      if (nth++ % 2 == 0) broken.replace(at, 4, "\": 1, \"zz\": \"");
    std::string grown = generated(document, 5);
    grown.insert(grown.find('{') + 1, R"("new_field":{"x":1},)");
    options.add(std::string(to_string(document)) + "_all_errors",
                options_input(selector, 1024, 1 << 20, broken, grown));
  }
  for (Document event : kEvents)
    options.add(std::string(to_string(event)) + "_detected",
                options_input(kDetect | kPadded, 1024, 1 << 20, example(event),
                              generated(kEvents[(static_cast<int>(event) + 1) % 3], 4)));
}

// A dictionary entry: the bytes in double quotes, with quote and backslash escaped and
// other bytes outside printable ASCII written as \xNN.
std::string dictionary_entry(std::string_view bytes) {
  std::string entry = "\"";
  for (unsigned char c : bytes) {
    if (c == '"' || c == '\\') {
      entry += '\\';
      entry += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7f) {
      char escape[5];
      std::snprintf(escape, sizeof escape, "\\x%02x", c);
      entry += escape;
    } else {
      entry += static_cast<char>(c);
    }
  }
  return entry + "\"";
}

void collect_names(const tables::StructInfo& info, std::set<std::string>& tokens) {
  for (const tables::FieldInfo& field : info.fields) {
    tokens.insert("\"" + std::string(field.name) + "\"");
    for (std::string_view value : field.allowed) tokens.insert("\"" + std::string(value) + "\"");
    if (field.nested) collect_names(field.nested(), tokens);
  }
}

void write_dictionary(const fs::path& out) {
  std::set<std::string> tokens;
  for (Document document : kAllDocuments) collect_names(tables::describe(document), tokens);
  // JSON's own tokens and the values at the edges the contract names: escapes (also lone
  // and swapped surrogates), numbers at the int64/uint64/double limits, integral numbers
  // written as decimals, URL schemes, a BOM and multi-byte UTF-8 (also an encoded surrogate).
  for (std::string_view token : {"{",
                                 "}",
                                 "[",
                                 "]",
                                 ":",
                                 ",",
                                 "\"",
                                 "true",
                                 "false",
                                 "null",
                                 "-",
                                 "0",
                                 ".",
                                 "e",
                                 "E+",
                                 "e-",
                                 "\\u",
                                 "\\ud800",
                                 "\\udc00",
                                 "\\ud83d\\ude00",
                                 "\\u0000",
                                 "\\u005f",
                                 "\\\"",
                                 "\\\\",
                                 "\\/",
                                 "\\n",
                                 "-0",
                                 "7.0",
                                 "1e2",
                                 "0.5",
                                 "-1",
                                 "101",
                                 "1e308",
                                 "1e309",
                                 "-1e400",
                                 "1e-400",
                                 "9223372036854775807",
                                 "9223372036854775808",
                                 "-9223372036854775808",
                                 "-9223372036854775809",
                                 "18446744073709551615",
                                 "18446744073709551616",
                                 "http://",
                                 "https://",
                                 "://",
                                 "\xef\xbb\xbf",
                                 "\xc3\xa9",
                                 "\xed\xa0\x80",
                                 "\xf0\x9f\x98\x80"})
    tokens.insert(std::string(token));
  std::ofstream dict(out / "heymilo.dict", std::ios::binary);
  dict << "# Generated by heymilo_make_fuzz_corpus from the field tables; do not edit.\n";
  for (const std::string& token : tokens) dict << dictionary_entry(token) << "\n";
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUTPUT_DIR\n", argv[0]);
    return 2;
  }
  const fs::path out(argv[1]);
  fs::remove_all(out / "seeds");
  write_seeds(out);
  write_dictionary(out);
  return 0;
}
