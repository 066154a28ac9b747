// equivalue-cli eqia submit|return|approve|publish|new-version FILE --change ID: one step of
// an assessment's workflow, taken through the store, so that a register's server decides.
// On an .eqv file the actor is the operating-system login, who holds every role but may
// still not approve an assessment they submitted.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <optional>

#include "cli.hpp"
#include "equivalue/core/eqia.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/core/workflow.hpp"
#include "equivalue/interchange/templates.hpp"
#include "equivalue/storage/store.hpp"

namespace eqv::cli {
namespace {

struct StepArgs {
  std::string file;
  std::string change;
  std::string comment;
};

std::size_t change_index(const storage::Store& store, const std::string& id) {
  const auto& changes = store.project().changes;
  for (std::size_t i = 0; i < changes.size(); ++i)
    if (changes[i].id == id) return i;
  throw InputError(store.location() + ": no service change has the id \"" + id +
                   "\"; check --change (equivalue-cli calc lists them)");
}

int run_step(Step step, const StepArgs& args) {
  auto store = storage::open_store(args.file);
  const std::size_t index = change_index(*store, args.change);
  StepInput input;
  input.comment = args.comment;
  if (const auto& eqia = store->project().changes[index].eqia)
    input.tmpl = cached_eqia_template(eqia->template_name);
  Problems refused = store->take_step(index, step, input);
  if (!refused.empty())
    throw InputError(store->location() + ": " + args.change + ": \"" + step_label(step) +
                         "\" was refused for " + store->identity().describe(),
                     std::move(refused));
  const auto& eqia = store->project().changes[index].eqia;
  std::cout << store->location() << ": " << args.change << ": \"" << step_label(step)
            << "\" done by " << store->identity().login << "; the assessment is now "
            << status_name(eqia->status) << "\n";
  return 0;
}

}  // namespace

Command add_eqia_command(CLI::App& app) {
  auto args = std::make_shared<StepArgs>();
  auto chosen = std::make_shared<std::optional<Step>>();
  auto* cmd = app.add_subcommand(
      "eqia",
      "Take a step of an equality impact assessment's workflow: submit, return, approve, "
      "publish or new-version");
  cmd->require_subcommand(1);
  for (Step step : kAllSteps) {
    auto* sub = cmd->add_subcommand(step_name(step), step_label(step));
    sub->add_option("FILE", args->file,
                    "Project file (.eqv), or register address postgresql://HOST/DB?project=NAME")
        ->required();
    sub->add_option("--change", args->change, "Id of the service change, such as C2")->required();
    const bool needs_comment = step == Step::return_with_comments || step == Step::new_version;
    sub->add_option("--comment", args->comment,
                    needs_comment ? "Why (required): the reviewer's comments, or why the approved "
                                    "assessment must change"
                                  : "A comment for the assessment's history");
    sub->final_callback([chosen, step] { *chosen = step; });
  }
  return [args, chosen] { return run_step(chosen->value(), *args); };
}

}  // namespace eqv::cli
