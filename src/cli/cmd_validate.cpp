#include "cli.hpp"

#include <iostream>

namespace eqv::cli {

int run_validate(const std::string& file) {
  const Project project = load_valid_project(file);  // throws InputError listing every problem
  std::cout << file << ": valid (" << project.changes.size() << " service change"
            << (project.changes.size() == 1 ? "" : "s") << ")\n";
  return 0;
}

}  // namespace eqv::cli
