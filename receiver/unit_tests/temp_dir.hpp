#pragma once
// A directory under /tmp for one test, removed with everything in it afterwards.

#include <filesystem>
#include <string>

#include <stdlib.h>

namespace heymilo::receiver::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "heymilo-receiver-XXXXXX");
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace heymilo::receiver::testing
