// The projects the officer's-year tests read: the bundled example, and the same council a
// year on (tests/fixtures/officer_year.json).
#pragma once

#include "equivalue/interchange/json_format.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace eqv::test {

inline Project load(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  auto r = read_project_json(text.str());
  EXPECT_TRUE(r.problems.empty()) << path << ": "
                                  << (r.problems.empty() ? "" : r.problems[0].text());
  return r.project;
}

inline Project example() {
  return load(std::string(EQUIVALUE_EXAMPLES_DIR) + "/northshire-2026.json");
}
inline Project officer_year() {
  return load(std::string(EQUIVALUE_TEST_FIXTURES) + "/officer_year.json");
}

}  // namespace eqv::test
