// equivalue-cli proxies: the proxy libraries a project is offered, listed as priced and
// rebased, and a council's own (licensed) library imported into a project.
#include "cli.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/core/sroi.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/interchange/json_format.hpp"
#include "equivalue/interchange/proxy_library.hpp"
#include "equivalue/storage/project_file.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace eqv::cli {
namespace {

struct ProxiesArgs {
  std::string csv;
  std::string into;
  std::string out;
  std::string project;
};

int run_import(const ProxiesArgs& args) {
  Project project = load_project(args.into);
  ProxyLibraryRead read = read_proxy_library_csv(storage::read_text_file(args.csv));
  if (!read.problems.empty())
    refuse_file(args.csv, std::move(read.problems), "nothing was written");
  const std::size_t replaced = merge_into_library(project.proxy_library, read.rows);
  Problems problems = validate(project);
  if (!problems.empty())
    refuse_file(args.into, std::move(problems),
                "with the imported proxies the project is not valid; nothing was written");
  write_output_file(args.out, write_project_json(project));
  std::cout << "Imported " << read.rows.size() << " prox" << (read.rows.size() == 1 ? "y" : "ies")
            << " from " << args.csv << " into the project's own library in " << args.out;
  if (replaced) std::cout << " (" << replaced << " replaced a row with the same id)";
  std::cout << "; it now holds " << project.proxy_library.size() << ".\n";
  return 0;
}

void list_rows(const std::vector<LibraryProxy>& rows, const ProjectSettings& settings,
               const char* heading) {
  std::cout << heading << " (" << rows.size() << ")\n";
  for (const auto& row : rows) {
    std::cout << "  " << row.id << ": " << row.proxy.description << ": \xC2\xA3"
              << to_grouped(row.proxy.value, 2) << " per " << row.proxy.unit;
    if (row.proxy.price_year) std::cout << " (" << row.proxy.price_year << " prices)";
    const Decimal real = real_proxy_value(row.proxy, settings);
    if (real != row.proxy.value)
      std::cout << " = \xC2\xA3" << to_grouped(real, 2) << " in " << settings.base_year
                << " prices";
    std::cout << "; " << row.proxy.source
              << (row.source_table.empty() ? "" : ", " + row.source_table) << " [" << row.licence
              << "]\n";
  }
}

int run_list(const ProxiesArgs& args) {
  Project project;
  if (args.project.empty())
    attach_shipped_deflators(project);  // the default base year, rebased with the shipped series
  else
    project = load_project(args.project);
  const std::string series = deflator_series_in_use(project.project);
  std::cout << "Values are shown as priced and, where the price year differs, rebased to "
            << project.project.base_year << " prices with "
            << (series.empty() ? std::string("no deflator series (proxies are used as priced)")
                               : series)
            << ".\n";
  list_rows(proxy_library(), project.project, "Shipped library");
  if (!project.proxy_library.empty())
    list_rows(project.proxy_library, project.project, "The project's own library");
  return 0;
}

}  // namespace

Command add_proxies_command(CLI::App& app) {
  auto args = std::make_shared<ProxiesArgs>();
  auto* cmd = app.add_subcommand(
      "proxies", "Financial proxy libraries: list them, import a council's own (licensed) copy");
  cmd->require_subcommand(1);
  auto* import = cmd->add_subcommand(
      "import",
      "Read proxies from CSV (columns id, description, unit, value, price_year, type, agency, "
      "evidence_grade, source, source_table, source_url, licence) into a project's own library, "
      "written "
      "as JSON; a row whose id the library has already replaces it");
  import->add_option("CSV", args->csv, "The CSV file of proxies")->required();
  import->add_option("--into", args->into, "The project to put them in (.json or .eqv)")
      ->required();
  import->add_option("-o,--output", args->out, "Where to write the project with its library (JSON)")
      ->required();
  auto* list = cmd->add_subcommand(
      "list", "List the shipped library (and a project's own), nominal and rebased");
  list->add_option("--project", args->project,
                   "A project whose base year, deflators and own library to use");
  return [args, import, list] {
    if (import->parsed()) return run_import(*args);
    if (list->parsed()) return run_list(*args);
    return 2;
  };
}

}  // namespace eqv::cli
