// Shared helpers for the storage tests: scratch folders and project fixtures.
#pragma once

#include "equivalue/core/model.hpp"
#include "equivalue/interchange/json_format.hpp"
#include "equivalue/storage/project_file.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace eqv::storage::test {

// A fresh folder for one test, removed afterwards.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "equivalue-storage-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot make a scratch folder");
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string fixture(const std::string& name) { return std::string(EQUIVALUE_TEST_FIXTURES) + "/" + name; }

inline Project worked_example() { return load_project_file(fixture("worked_example.json")); }

}  // namespace eqv::storage::test
