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
