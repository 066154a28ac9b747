#include "cli.hpp"

#include "equivalue/interchange/json_format.hpp"
#include "equivalue/storage/project_file.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace eqv::cli {

Command add_dump_command(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("dump", "Print a project (.eqv or .json) as equivalue/1 JSON");
  cmd->add_option(
         "FILE", *file,
         "Project file (.eqv or .json), or register address postgresql://HOST/DB?project=NAME")
      ->required();
  return [file] {
    // No validation: a draft with problems still dumps, so that it can be put right.
    std::cout << write_project_json(load_project(*file));
    return 0;
  };
}

}  // namespace eqv::cli
