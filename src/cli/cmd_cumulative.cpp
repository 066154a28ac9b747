#include "cli.hpp"

#include "equivalue/core/cumulative.hpp"
#include "equivalue/core/disclosure.hpp"
#include "equivalue/core/eqia_template.hpp"
#include "equivalue/interchange/cumulative_json.hpp"
#include "equivalue/interchange/templates.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>

namespace eqv::cli {
namespace {

struct CumulativeArgs {
  std::string file;
  bool json = false;
  bool publish = false;
};

std::string joined(const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
  return s.empty() ? "-" : s;
}

int run_cumulative(const CumulativeArgs& args) {
  const Project project = load_valid_project(args.file);
  const CumulativeImpact c = cumulative_impact(project);
  const int threshold = project.project.disclosure_threshold;
  if (args.json) {
    std::cout << cumulative_to_json(c, args.publish ? std::optional<int>(threshold) : std::nullopt);
    return 0;
  }
  std::cout << project.project.name << "\n";
  std::cout << "Cumulative impact: " << c.changes << " service change"
            << (c.changes == 1 ? "" : "s") << ", " << c.changes_assessed
            << " with an equality impact assessment\n\n";
  // Characteristics by the names the project's template gives them ("Age / 65+").
  const EqiaTemplate* tmpl = cached_eqia_template(project.project.jurisdiction);
  auto label_of = [&](const CumulativeRow& r) {
    return characteristic_display_name(tmpl, r.characteristic) +
           (r.category.empty() ? " (all groups)" : " / " + r.category);
  };
  std::size_t width = 24;
  for (const auto& r : c.rows) width = std::max(width, label_of(r).size() + 2);
  std::cout << std::left << std::setw(static_cast<int>(width)) << "Characteristic / group"
            << std::right << std::setw(8) << "Changes" << std::setw(16) << "People touched"
            << std::setw(14) << "Savings"
            << "  Rated negative by\n";
  for (const auto& r : c.rows) {
    std::string people = "no figures";
    if (r.has_people) {
      people = args.publish ? disclose_count(whole_people(r.people), threshold).text
                            : to_grouped(r.people, 0);
      if (!r.changes_without_figures.empty()) people += "*";
    }
    const std::string saving = r.count() == 0 ? "-" : "£" + to_grouped(r.saving, 0);
    std::cout << std::left << std::setw(static_cast<int>(width)) << label_of(r) << std::right
              << std::setw(8) << r.count() << std::setw(16) << people
              << std::setw(r.count() == 0 ? 14 : 15) << saving << "  " << joined(r.changes)
              << (r.flagged ? "  << FLAGGED" : "") << "\n";
  }
  const bool any_without = std::any_of(c.rows.begin(), c.rows.end(), [](const CumulativeRow& r) {
    return !r.changes_without_figures.empty();
  });
  if (any_without)
    std::cout
        << "\n* some of these changes name no affected segments, so their people are not counted\n";
  std::cout << "\nFLAGGED: " << c.groups_flagged() << " group"
            << (c.groups_flagged() == 1 ? "" : "s") << " rated negative by " << c.threshold
            << " or more changes (the project's cumulative threshold): "
               "bring them to the decision makers together.\n"
               "People touched: the people in each group that the changes rating the group "
               "negative affect, added\n"
               "up over those changes (one person touched by two changes counts twice). Savings: "
               "the savings those\n"
               "changes' assessments state, added up.\n";
  if (args.publish) std::cout << disclosure_statement(threshold) << "\n";
  return 0;
}

}  // namespace

Command add_cumulative_command(CLI::App& app) {
  auto args = std::make_shared<CumulativeArgs>();
  auto* cmd = app.add_subcommand(
      "cumulative",
      "Cumulative impact of all service changes: per characteristic and group, the changes rating "
      "it negative, the people they touch and the savings they bring; groups bearing several are "
      "flagged");
  cmd->add_option(
         "FILE", args->file,
         "Project file (.json or .eqv), or register address postgresql://HOST/DB?project=NAME")
      ->required();
  cmd->add_flag("--json", args->json, "Print the results as JSON");
  cmd->add_flag(
      "--publish", args->publish,
      "Apply disclosure control (the project's threshold) to the people counts, for publication");
  return [args] { return run_cumulative(*args); };
}

}  // namespace eqv::cli
