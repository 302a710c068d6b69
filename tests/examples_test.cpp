#include <gtest/gtest.h>
#include <heymilo/heymilo.hpp>
#include <fstream>
#include <sstream>
std::string load(const char* n){ std::ifstream f(std::string(HEYMILO_TEST_DATA)+"/"+n); std::stringstream s; s<<f.rdbuf(); return s.str(); }
TEST(Smoke, All) {
  heymilo::Parser p;
  for (auto d : heymilo::kAllDocuments) {
    auto text = load((std::string(heymilo::to_string(d))+".json").c_str());
    auto r = p.parse(text, d);
    EXPECT_TRUE(r.ok()) << heymilo::to_string(d) << " " << (r.ok() ? "" : heymilo::to_string(r.error()));
  }
}
TEST(Smoke, Extract) {
  heymilo::Parser p;
  auto text = load("report_available.json");
  auto r = p.parse(text);
  ASSERT_TRUE(r.ok());
  std::string out; heymilo::append_json(out, *r);
  std::cout << out << "\n";
}
