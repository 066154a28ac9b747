#include "cli.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/interchange/proxy_library.hpp"
#include "equivalue/storage/project_file.hpp"

#include <iostream>

namespace eqv::cli {

Project load_project(const std::string& path) {
  Problems ignored;
  Project project = storage::load_project_file(path, ignored);
  for (const auto& p : ignored) std::cerr << "note: " << p.text() << "\n";
  attach_shipped_deflators(project);  // never saved: a project without its own series uses it
  return project;
}

Project load_valid_project(const std::string& path) {
  Project project = load_project(path);
  Problems problems = validate(project);
  if (!problems.empty()) {
    for (auto& p : problems) p.path = p.path.empty() ? path : path + ": " + p.path;
    // The message is built before the list is moved into the exception.
    const std::string message =
        path + ": " + std::to_string(problems.size()) + " problem(s) to put right";
    throw InputError(message, std::move(problems));
  }
  return project;
}

}  // namespace eqv::cli
