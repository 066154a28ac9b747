#include "cli.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace eqv::cli {

Command add_validate_command(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("validate", "Check a project (.json or .eqv) and list every problem");
  cmd->add_option("FILE", *file, "Project file (.json or .eqv)")->required();
  return [file] {
    const Project project = load_valid_project(*file);  // throws InputError listing every problem
    std::cout << *file << ": valid (" << project.changes.size() << " service change"
              << (project.changes.size() == 1 ? "" : "s") << ")\n";
    return 0;
  };
}

}  // namespace eqv::cli
