// equivalue-cli: validate, calculate, import, dump and export Equivalue projects.
#include "cli.hpp"

#include "equivalue/core/errors.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
  CLI::App app{"Equivalue: social value (SROI) and equality impact (EqIA) of council service changes.",
               "equivalue-cli"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "equivalue-cli 0.1.0");

  std::string file;
  auto* validate = app.add_subcommand("validate", "Check a project (.json or .eqv) and list every problem");
  validate->add_option("FILE", file, "Project file (.json or .eqv)")->required();

  eqv::cli::CalcArgs calc_args;
  auto* calc = app.add_subcommand("calc", "Calculate SROI results and affected groups for each service change");
  calc->add_option("FILE", calc_args.file, "Project file (.json or .eqv)")->required();
  calc->add_flag("--json", calc_args.json, "Print the results as JSON");
  calc->add_option("--change", calc_args.change, "Only the service change with this id");
  calc->add_option("--seed", calc_args.seed, "Monte Carlo seed (same seed, same results)");
  calc->add_option("--draws", calc_args.draws, "Monte Carlo draws (default 10000)")
      ->check(CLI::Range(1, 10'000'000));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? 0 : 2;
  }

  try {
    if (*validate) return eqv::cli::run_validate(file);
    if (*calc) return eqv::cli::run_calc(calc_args);
  } catch (const eqv::InputError& e) {
    if (e.problems().empty()) {
      std::cerr << e.what() << "\n";
    } else {
      for (const auto& p : e.problems()) std::cerr << p.text() << "\n";
      std::cerr << e.what() << "\n";
    }
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "equivalue-cli: " << e.what() << "\n";
    return 1;
  }
  return 1;
}
