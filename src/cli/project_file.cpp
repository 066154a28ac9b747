#include "cli.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/storage/project_file.hpp"

namespace eqv::cli {

Project load_valid_project(const std::string& path) {
  Project project = storage::load_project_file(path);
  Problems problems = validate(project);
  if (!problems.empty()) {
    for (auto& p : problems) p.path = p.path.empty() ? path : path + ": " + p.path;
    throw InputError(path + ": " + std::to_string(problems.size()) + " problem(s) to put right", std::move(problems));
  }
  return project;
}

}  // namespace eqv::cli
