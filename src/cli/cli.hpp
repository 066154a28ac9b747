// equivalue-cli: a thin front end. Each command is one function in its own file; main()
// parses the command line, calls it, and turns exceptions into exit statuses:
// 0 success, 2 invalid input or usage, 1 any other failure.
#pragma once

#include "equivalue/core/model.hpp"

#include <cstdint>
#include <string>

namespace eqv::cli {

// Reads a project from FILE (.json, or .eqv once the storage library is linked), validates
// it and throws InputError listing every problem, each prefixed with the file name.
Project load_valid_project(const std::string& path);


int run_validate(const std::string& file);

struct CalcArgs {
  std::string file;
  bool json = false;
  std::string change;
  std::uint64_t seed = 20260401;
  int draws = 10000;
};
int run_calc(const CalcArgs& args);

}  // namespace eqv::cli
