#include "cli.hpp"

#include "equivalue/core/eqia.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/interchange/templates.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>

namespace eqv::cli {
namespace {

std::string today_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace

// Besides the rules of the data, validate checks each assessment (check_assessment in
// eqia.hpp decides which problem is a fault and which is work to do). Faults exit 2;
// unmet rules of a draft or returned assessment are listed on stdout as "not yet ready to
// submit" and the exit status stays 0; so is an overdue post-implementation review.
Command add_validate_command(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  auto* cmd =
      app.add_subcommand("validate", "Check a project (.json or .eqv) and list every problem");
  cmd->add_option(
         "FILE", *file,
         "Project file (.json or .eqv), or register address postgresql://HOST/DB?project=NAME")
      ->required();
  return [file] {
    const Project project = load_valid_project(*file);  // throws InputError listing every problem
    std::vector<std::pair<std::size_t, AssessmentCheck>> checks;
    Problems errors;
    for (std::size_t i = 0; i < project.changes.size(); ++i) {
      const auto& eqia = project.changes[i].eqia;
      if (!eqia) continue;
      AssessmentCheck check =
          check_assessment(project, i, cached_eqia_template(eqia->template_name), today_utc());
      for (auto& p : check.errors) errors.push_back({*file + ": " + p.path, p.message});
      checks.emplace_back(i, std::move(check));
    }
    if (!errors.empty()) {
      const std::string message =
          *file + ": " + std::to_string(errors.size()) +
          " fault(s) in the equality impact assessments: rules an assessment already "
          "submitted, approved or published must meet, or characteristics no template or "
          "segment has";
      throw InputError(message, std::move(errors));
    }
    std::cout << *file << ": valid (" << project.changes.size() << " service change"
              << (project.changes.size() == 1 ? "" : "s") << ")\n";
    for (const auto& [index, check] : checks) {
      const auto& change = project.changes[index];
      if (check.to_complete.empty()) continue;
      std::cout << *file << ": service change " << change.id << ": the "
                << status_name(change.eqia->status) << " assessment is not yet ready to submit ("
                << check.to_complete.size() << " thing"
                << (check.to_complete.size() == 1 ? "" : "s") << " to complete):\n";
      for (const auto& p : check.to_complete) std::cout << "  " << p.text() << "\n";
    }
    // A decided assessment past its review date: the post-implementation review is due.
    for (const auto& [index, check] : checks) {
      if (check.review_missing.empty()) continue;
      std::cout << *file << ": service change " << project.changes[index].id
                << ": the post-implementation review was due on "
                << project.changes[index].eqia->review_date << ":\n";
      for (const auto& p : check.review_missing) std::cout << "  " << p.text() << "\n";
    }
    return 0;
  };
}

}  // namespace eqv::cli
