// heymilo_schemagen OUTPUT_DIR: writes the JSON Schema of every document, strict and
// lenient, into OUTPUT_DIR (schemas/ in the source tree is where they are committed).
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "json_schema.hpp"
#include "pretty_json.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: heymilo_schemagen OUTPUT_DIR\n";
    return 2;
  }
  const std::filesystem::path output = argv[1];
  try {
    for (heymilo::Mode mode : {heymilo::Mode::strict, heymilo::Mode::lenient}) {
      for (heymilo::Document document : heymilo::kAllDocuments) {
        const auto path = output / heymilo::schemagen::schema_file(document, mode);
        std::filesystem::create_directories(path.parent_path());
        std::ofstream file(path, std::ios::binary);
        file << heymilo::schemagen::to_pretty_json(
            heymilo::schemagen::document_schema(document, mode));
        if (!file.flush()) throw std::runtime_error("cannot write " + path.string());
      }
    }
  } catch (const std::exception& error) {
    std::cerr << "heymilo_schemagen: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
