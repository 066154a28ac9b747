#include "cli.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/core/results.hpp"
#include "equivalue/interchange/results_json.hpp"

#include <CLI/CLI.hpp>

#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace eqv::cli {
namespace {

std::string pounds(const Decimal& v) {
  const std::string text = to_grouped(v, kMoneyPlaces);
  return text[0] == '-' ? "-£" + text.substr(1) : "£" + text;
}

std::string maybe(const std::optional<Decimal>& v, int places, const char* none = "n/a") {
  return v ? to_fixed(*v, places) : none;
}

void print_change(std::ostream& out, const ChangeResults& r) {
  const SroiResult& s = r.sroi;
  out << "Service change " << r.id << ": " << r.title << "\n";
  out << "  Present value of benefits  " << pounds(s.present_value) << "\n";
  out << "  Present value of inputs    " << pounds(s.total_inputs) << "\n";
  out << "  Net present value          " << pounds(s.npv) << "\n";
  out << "  SROI ratio                 "
      << (s.ratio ? maybe(s.ratio, 2) + " : 1" : "n/a (no inputs)")
      << (s.ratio ? "   (" + maybe(s.ratio, kRatioPlaces) + ")" : "") << "\n";
  out << "  Net SROI ratio             " << maybe(s.net_ratio, kRatioPlaces) << "\n";
  out << "  Payback                    "
      << (s.payback_months ? maybe(s.payback_months, 2) + " months" : "n/a (no value in year 1)")
      << "\n";
  out << "  Breakeven year             "
      << (s.breakeven_year ? std::to_string(*s.breakeven_year) : "not reached") << "\n\n";
  out << "  Year         Value   Discount factor   Present value\n";
  for (const auto& y : s.years)
    out << "  " << std::setw(4) << y.year << std::setw(14) << to_grouped(y.value, 2)
        << std::setw(18) << to_fixed(y.discount_factor, kFactorPlaces) << std::setw(16)
        << to_grouped(y.present_value, 2) << "\n";
  if (!s.switching.outcomes.empty()) {
    out << "\n  Switching values (what each assumption must become for the ratio to fall to 1:1)\n";
    out << "  Outcome     Quantity       Proxy  Deadweight  Displacement  Attribution  Drop-off\n";
    for (const auto& [id, values] : s.switching.outcomes) {
      out << "  " << std::left << std::setw(8) << id << std::right;
      out << std::setw(12) << maybe(values.at(Assumption::quantity), 2, "none") << std::setw(12)
          << maybe(values.at(Assumption::proxy), 2, "none") << std::setw(12)
          << maybe(values.at(Assumption::deadweight), 4, "none") << std::setw(14)
          << maybe(values.at(Assumption::displacement), 4, "none") << std::setw(13)
          << maybe(values.at(Assumption::attribution), 4, "none") << std::setw(10)
          << maybe(values.at(Assumption::drop_off), 4, "none") << "\n";
    }
    out << "  Discount rate: " << maybe(s.switching.discount_rate, 4, "none in 0% to 1,000%")
        << "\n";
    out << "  (none: no value of that assumption alone brings the ratio down to 1:1, for example\n"
           "   because the other outcomes are already worth more than the inputs)\n";
  }
  if (s.monte_carlo) {
    const auto& mc = *s.monte_carlo;
    out << "\n  Monte Carlo (" << mc.draws << " draws, seed " << mc.seed << ")\n";
    if (mc.has_ratio) {
      out << std::fixed << std::setprecision(4);
      out << "  Ratio P5 / P50 / P95       " << mc.ratio_p5 << " / " << mc.ratio_p50 << " / "
          << mc.ratio_p95 << "\n";
      out << "  Chance the ratio is below 1  " << std::setprecision(1)
          << mc.prob_ratio_below_1 * 100 << "%\n";
      out << std::defaultfloat;
    }
  }
  if (r.affected) {
    out << "\n  People affected: " << to_grouped(r.affected->total, 0) << " of "
        << to_grouped(r.affected->base, 0) << "\n";
    for (const auto& ch : r.affected->characteristics) {
      for (const auto& c : ch.categories) {
        out << "    " << std::left << std::setw(16) << ch.characteristic << std::setw(16)
            << c.category << std::right << std::setw(10) << to_grouped(c.affected, 0) << "  ratio "
            << maybe(c.ratio, 2) << (c.flag ? "  FLAG: over-represented" : "") << "\n";
      }
    }
  }
  out << "\n";
}

struct CalcArgs {
  std::string file;
  bool json = false;
  std::string change;
  std::uint64_t seed = 20260401;
  int draws = 10000;
};

int run_calc(const CalcArgs& args) {
  const Project project = load_valid_project(args.file);
  if (!args.change.empty() && !project.find_change(args.change))
    throw InputError(args.file + ": no service change has the id \"" + args.change + "\"");
  CalcOptions options;
  options.seed = args.seed;
  options.draws = args.draws;
  const auto results = calculate_project(project, options, args.change);
  if (args.json) {
    std::cout << results_to_json(results);
  } else {
    std::cout << project.project.name << "\n\n";
    for (const auto& r : results) print_change(std::cout, r);
  }
  return 0;
}

}  // namespace

Command add_calc_command(CLI::App& app) {
  auto args = std::make_shared<CalcArgs>();
  auto* cmd = app.add_subcommand(
      "calc", "Calculate SROI results and affected groups for each service change");
  cmd->add_option(
         "FILE", args->file,
         "Project file (.json or .eqv), or register address postgresql://HOST/DB?project=NAME")
      ->required();
  cmd->add_flag("--json", args->json, "Print the results as JSON");
  cmd->add_option("--change", args->change, "Only the service change with this id");
  cmd->add_option("--seed", args->seed, "Monte Carlo seed (same seed, same results)");
  cmd->add_option("--draws", args->draws, "Monte Carlo draws (default 10000)")
      ->check(CLI::Range(1, 10'000'000));
  return [args] { return run_calc(*args); };
}

}  // namespace eqv::cli
