#include "cli.hpp"

#include "equivalue/core/eqia.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/interchange/templates.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <ctime>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

namespace eqv::cli {
namespace {

// The template an assessment names: nothing when it is not installed (the submission
// rules then report it); a malformed template is refused outright (InputError).
const EqiaTemplate* template_named(const std::string& name,
                                   std::map<std::string, std::optional<EqiaTemplate>>& cache) {
  auto it = cache.find(name);
  if (it == cache.end()) {
    std::optional<EqiaTemplate> t;
    if (find_eqia_template(name)) t = load_eqia_template(name);
    it = cache.emplace(name, std::move(t)).first;
  }
  return it->second ? &*it->second : nullptr;
}

std::string today_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace

// Besides the rules of the data, validate checks each assessment's submission rules
// (eqia.hpp). For an assessment already submitted, approved or published an unmet rule is
// an error (exit 2): the record claims a state it does not meet. For a draft or a returned
// assessment, unmet rules are work still to do, not faults: they are listed on stdout as
// "not yet ready to submit" and the exit status stays 0. A decided assessment whose review
// date has passed without a complete post-implementation review is listed the same way.
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
    std::map<std::string, std::optional<EqiaTemplate>> templates;
    Problems errors;
    std::vector<std::pair<std::size_t, Problems>> drafts;
    for (std::size_t i = 0; i < project.changes.size(); ++i) {
      const auto& eqia = project.changes[i].eqia;
      if (!eqia) continue;
      Problems unmet =
          submission_problems(project, i, template_named(eqia->template_name, templates));
      if (unmet.empty()) continue;
      if (is_editable(*eqia)) {
        drafts.emplace_back(i, std::move(unmet));
      } else {
        for (auto& p : unmet)
          errors.push_back({*file + ": " + p.path, p.message + " (the assessment is " +
                                                       status_name(eqia->status) +
                                                       ", so this must already be met)"});
      }
    }
    if (!errors.empty()) {
      const std::string message =
          *file + ": " + std::to_string(errors.size()) +
          " unmet submission rule(s) in assessments already submitted, approved or published";
      throw InputError(message, std::move(errors));
    }
    std::cout << *file << ": valid (" << project.changes.size() << " service change"
              << (project.changes.size() == 1 ? "" : "s") << ")\n";
    for (const auto& [index, unmet] : drafts) {
      const auto& change = project.changes[index];
      std::cout << *file << ": service change " << change.id << ": the "
                << status_name(change.eqia->status) << " assessment is not yet ready to submit ("
                << unmet.size() << " thing" << (unmet.size() == 1 ? "" : "s") << " to complete):\n";
      for (const auto& p : unmet) std::cout << "  " << p.text() << "\n";
    }
    // A decided assessment past its review date: the post-implementation review is due.
    const std::string today = today_utc();
    for (std::size_t i = 0; i < project.changes.size(); ++i) {
      const auto& eqia = project.changes[i].eqia;
      if (!eqia || !review_due(*eqia, today)) continue;
      const Problems missing =
          review_problems(*eqia, field_path(index_path("", "changes", i), "eqia"));
      if (missing.empty()) continue;
      std::cout << *file << ": service change " << project.changes[i].id
                << ": the post-implementation review was due on " << eqia->review_date << ":\n";
      for (const auto& p : missing) std::cout << "  " << p.text() << "\n";
    }
    return 0;
  };
}

}  // namespace eqv::cli
