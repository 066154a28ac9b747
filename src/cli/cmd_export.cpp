#include "cli.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/workbook/workbook.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

namespace eqv::cli {
namespace {

struct ExportArgs {
  std::string file;
  std::string out;
  std::string change;
  std::uint64_t seed = 20260401;
  int draws = 10000;
};

int run_export(const ExportArgs& args) {
  const Project project = load_valid_project(args.file);
  if (!args.change.empty() && !project.find_change(args.change))
    throw InputError(args.file + ": no service change has the id \"" + args.change + "\"");
  const std::filesystem::path out(args.out);
  if (out.extension() != ".xlsx")
    throw InputError(args.out + ": the workbook's name must end in .xlsx");
  const auto folder = out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec))
    throw InputError(args.out + ": the folder " + folder.string() +
                     " does not exist; create it or choose another");
  if (std::filesystem::is_directory(out, ec))
    throw InputError(args.out + ": this is a folder; give a file name ending .xlsx");

  workbook::ExportOptions options;
  options.source_name = std::filesystem::path(args.file).filename().string();
  options.calc.seed = args.seed;
  options.calc.draws = args.draws;
  if (args.change.empty()) {
    workbook::export_project_workbook(project, args.out, options);
    std::cout << args.out << ": register of " << project.changes.size() << " service change"
              << (project.changes.size() == 1 ? "" : "s") << "\n";
  } else {
    workbook::export_change_workbook(project, args.change, args.out, options);
    std::cout << args.out << ": service change " << args.change << "\n";
  }
  return 0;
}

}  // namespace

Command add_export_command(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  auto* cmd = app.add_subcommand("export",
                                 "Write an Excel workbook: the project register, or with --change "
                                 "the full workbook of one change");
  cmd->add_option(
         "FILE", args->file,
         "Project file (.json or .eqv), or register address postgresql://HOST/DB?project=NAME")
      ->required();
  cmd->add_option("-o,--output", args->out, "Workbook to write (.xlsx)")->required();
  cmd->add_option("--change", args->change,
                  "Export the workbook of the service change with this id");
  cmd->add_option("--seed", args->seed, "Monte Carlo seed (same seed, same results)");
  cmd->add_option("--draws", args->draws, "Monte Carlo draws (default 10000)")
      ->check(CLI::Range(1, 10'000'000));
  return [args] { return run_export(*args); };
}

}  // namespace eqv::cli
