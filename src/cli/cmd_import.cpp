#include "cli.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/storage/project_store.hpp"
#include "equivalue/storage/register.hpp"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>

namespace eqv::cli {
namespace {

struct ImportArgs {
  std::string file;
  std::string output;
  bool force = false;
};

int run_import(const ImportArgs& args) {
  namespace fs = std::filesystem;
  const Project project = load_valid_project(args.file);
  if (storage::is_register_address(args.output)) {
    // The register refuses a project name it holds already, and writes all or nothing.
    const auto store = storage::create_register_project(args.output, project);
    std::cout << store->location() << ": imported " << project.changes.size() << " service change"
              << (project.changes.size() == 1 ? "" : "s") << " from " << args.file << "\n";
    return 0;
  }
  std::error_code ec;
  const auto existing = fs::symlink_status(args.output, ec);
  if (fs::exists(existing)) {
    if (fs::is_directory(existing))
      throw InputError(args.output +
                       ": this is a folder; give the name of the project file to create, such as "
                       "project.eqv");
    if (!args.force)
      throw InputError(args.output +
                       ": already exists; choose another name, or add --force to replace it");
    // Replacing a project someone is editing would send their next changes nowhere.
    if (const auto editor = storage::editor_of(args.output))
      throw InputError(args.output + ": " + *editor +
                       " has it open for editing; close it there before replacing it");
  }
  // Build the project under a temporary name beside the target and rename it into place
  // only when complete, so a failed import leaves nothing behind.
  const fs::path target(args.output);
  const fs::path temp = target.parent_path() / ("." + target.filename().string() + ".import-" +
                                                std::to_string(::getpid()) + ".tmp");
  try {
    storage::ProjectStore::create(temp.string(), project).reset();  // closed before the rename
    fs::rename(temp, target);
  } catch (...) {
    fs::remove(temp, ec);
    throw;
  }
  std::cout << args.output << ": imported " << project.changes.size() << " service change"
            << (project.changes.size() == 1 ? "" : "s") << " from " << args.file << "\n";
  return 0;
}

}  // namespace

Command add_import_command(CLI::App& app) {
  auto args = std::make_shared<ImportArgs>();
  auto* cmd =
      app.add_subcommand("import",
                         "Make a project file (.eqv), or a project in a shared register, from a "
                         "project (.json, .eqv or register address)");
  cmd->add_option("FILE", args->file,
                  "Project to import (.json, .eqv or postgresql://...?project=NAME)")
      ->required();
  cmd->add_option(
         "-o,--output", args->output,
         "Project file to create (.eqv), or register address postgresql://HOST/DB?project=NAME")
      ->required();
  cmd->add_flag("--force", args->force, "Replace the project file if it already exists");
  return [args] { return run_import(*args); };
}

}  // namespace eqv::cli
