// equivalue-cli: validate, calculate, import, dump and export Equivalue projects.
#include "cli.hpp"

#include "equivalue/core/errors.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <utility>
#include <vector>

int main(int argc, char** argv) {
  CLI::App app{
      "Equivalue: social value (SROI) and equality impact (EqIA) of council service changes.",
      "equivalue-cli"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "equivalue-cli 0.1.0");

  // Every command, in the order `--help` lists them.
  std::vector<std::pair<CLI::App*, eqv::cli::Command>> commands;
  auto add = [&](eqv::cli::Command (*adder)(CLI::App&)) {
    const std::size_t before = app.get_subcommands({}).size();
    eqv::cli::Command run = adder(app);
    commands.emplace_back(app.get_subcommands({}).at(before), std::move(run));
  };
  add(eqv::cli::add_validate_command);
  add(eqv::cli::add_calc_command);
  add(eqv::cli::add_import_command);
  add(eqv::cli::add_dump_command);
  add(eqv::cli::add_export_command);
  add(eqv::cli::add_profile_command);
  add(eqv::cli::add_cumulative_command);
  add(eqv::cli::add_segments_command);
  add(eqv::cli::add_proxies_command);
  add(eqv::cli::add_publish_command);
  add(eqv::cli::add_server_command);
  add(eqv::cli::add_eqia_command);
  add(eqv::cli::add_reviews_command);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? 0 : 2;
  }

  try {
    for (auto& [sub, run] : commands)
      if (sub->parsed()) return run();
  } catch (const eqv::InputError& e) {
    for (const auto& p : e.problems()) std::cerr << p.text() << "\n";
    std::cerr << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "equivalue-cli: " << e.what() << "\n";
    return 1;
  }
  return 1;
}
