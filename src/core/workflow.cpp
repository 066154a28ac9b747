#include "equivalue/core/workflow.hpp"

#include <algorithm>

#include "equivalue/core/eqia.hpp"
#include "equivalue/core/text.hpp"

namespace eqv {
namespace {

// "a project lead", as a sentence names a person holding the role.
const char* role_person(Role role) {
  switch (role) {
    case Role::lead:
      return "a project lead";
    case Role::officer:
      return "an equality officer";
    case Role::finance:
      return "a member of the finance team";
    case Role::admin:
      return "an administrator";
  }
  return "";
}

// What the sentence says the step does: "approve an assessment".
const char* step_phrase(Step step) {
  switch (step) {
    case Step::submit:
      return "submit an assessment for review";
    case Step::return_with_comments:
      return "return an assessment with comments";
    case Step::approve:
      return "approve an assessment";
    case Step::publish:
      return "publish an assessment";
    case Step::new_version:
      return "start a new version of an assessment";
  }
  return "";
}

// The statuses a step starts from, and how the refusal names them.
bool status_allows(Step step, EqiaStatus status) {
  switch (step) {
    case Step::submit:
      return status == EqiaStatus::draft || status == EqiaStatus::returned;
    case Step::return_with_comments:
    case Step::approve:
      return status == EqiaStatus::submitted;
    case Step::publish:
      return status == EqiaStatus::approved;
    case Step::new_version:
      return status == EqiaStatus::approved || status == EqiaStatus::published;
  }
  return false;
}

const char* status_needed(Step step) {
  switch (step) {
    case Step::submit:
      return "Only a draft or a returned assessment can be submitted";
    case Step::return_with_comments:
      return "Only a submitted assessment can be returned with comments";
    case Step::approve:
      return "Only a submitted assessment can be approved";
    case Step::publish:
      return "Only an approved assessment can be published";
    case Step::new_version:
      return "Only an approved or published assessment needs a new version (a draft can simply be "
             "edited)";
  }
  return "";
}

std::string roles_held(const Actor& actor) {
  std::string out;
  for (Role r : kAllRoles)
    if (actor.has(r)) out += (out.empty() ? "" : ", ") + std::string(role_name(r));
  return out.empty() ? "no role" : out;
}

std::optional<std::string> role_refusal(Step step, const Actor& actor) {
  const std::vector<Role> allowed = roles_for(step);
  if (std::any_of(allowed.begin(), allowed.end(), [&](Role r) { return actor.has(r); }))
    return std::nullopt;
  std::string who;
  for (std::size_t k = 0; k < allowed.size(); ++k)
    who += (k == 0                    ? ""
            : k + 1 == allowed.size() ? " or "
                                      : ", ") +
           std::string(role_person(allowed[k]));
  return "Only " + who + " can " + step_phrase(step) + "; you are signed in as " + actor.who +
         " (" + roles_held(actor) + ").";
}

std::optional<std::string> approver_refusal(const Eqia& eqia, const Actor& actor,
                                            const std::vector<std::string>& editors) {
  const std::string submitter = last_submitter(eqia);
  if (!submitter.empty() && same_login(submitter, actor.who))
    return "You (" + actor.who +
           ") submitted this assessment, so another equality officer must approve it.";
  for (const auto& e : editors)
    if (same_login(e, actor.who))
      return "You (" + actor.who +
             ") edited this assessment, so another equality officer must approve it.";
  return std::nullopt;
}

}  // namespace

const char* role_name(Role role) {
  switch (role) {
    case Role::lead:
      return "lead";
    case Role::officer:
      return "officer";
    case Role::finance:
      return "finance";
    case Role::admin:
      return "admin";
  }
  return "";
}

std::optional<Role> role_from_name(const std::string& name) {
  for (Role r : kAllRoles)
    if (lower_case(trimmed(name)) == role_name(r)) return r;
  return std::nullopt;
}

Actor single_user_actor(const std::string& login, const std::string& when) {
  return Actor{login, when, std::set<Role>(std::begin(kAllRoles), std::end(kAllRoles))};
}

const char* step_name(Step step) {
  switch (step) {
    case Step::submit:
      return "submit";
    case Step::return_with_comments:
      return "return";
    case Step::approve:
      return "approve";
    case Step::publish:
      return "publish";
    case Step::new_version:
      return "new-version";
  }
  return "";
}

std::optional<Step> step_from_name(const std::string& name) {
  for (Step s : kAllSteps)
    if (lower_case(trimmed(name)) == step_name(s)) return s;
  return std::nullopt;
}

const char* step_label(Step step) {
  switch (step) {
    case Step::submit:
      return "Submit for review";
    case Step::return_with_comments:
      return "Return with comments";
    case Step::approve:
      return "Approve";
    case Step::publish:
      return "Publish";
    case Step::new_version:
      return "Start a new version";
  }
  return "";
}

std::vector<Role> roles_for(Step step) {
  switch (step) {
    case Step::submit:
      return {Role::lead};
    case Step::return_with_comments:
    case Step::approve:
      return {Role::officer};
    case Step::publish:
      return {Role::officer, Role::admin};
    case Step::new_version:
      return {Role::lead, Role::officer};
  }
  return {};
}

bool same_login(const std::string& a, const std::string& b) {
  return lower_case(trimmed(a)) == lower_case(trimmed(b));
}

std::string last_submitter(const Eqia& eqia) {
  for (auto it = eqia.history.rbegin(); it != eqia.history.rend(); ++it)
    if (it->to == EqiaStatus::submitted) return it->who;
  return "";
}

std::optional<std::string> step_refusal(const Project& project, std::size_t change_index, Step step,
                                        const Actor& actor,
                                        const std::vector<std::string>& editors) {
  if (change_index >= project.changes.size())
    return "There is no service change number " + std::to_string(change_index + 1) +
           " in this project.";
  const ServiceChange& change = project.changes[change_index];
  if (!change.eqia)
    return "Change " + change.id +
           " has no equality impact assessment yet: start the assessment first.";
  if (trimmed(actor.who).empty())
    return "Say who you are: each step is recorded under the name of who took it.";
  const Eqia& eqia = *change.eqia;
  if (!status_allows(step, eqia.status))
    return std::string(status_needed(step)) + "; this one is " + status_name(eqia.status) + ".";
  if (auto why = role_refusal(step, actor)) return why;
  if (step == Step::approve) return approver_refusal(eqia, actor, editors);
  return std::nullopt;
}

Problems apply_step(Project& project, std::size_t change_index, Step step, const Actor& actor,
                    const StepInput& input) {
  const std::string base = field_path(index_path("", "changes", change_index), "eqia");
  if (auto why = step_refusal(project, change_index, step, actor, input.editors))
    return {{field_path(base, "status"), *why}};
  Eqia& eqia = *project.changes[change_index].eqia;
  Problems p;
  switch (step) {
    case Step::submit:
      return submit(project, change_index, input.tmpl, actor);
    case Step::return_with_comments:
      p = return_with_comments(eqia, actor, input.comment);
      break;
    case Step::approve:
      p = approve(eqia, actor);
      break;
    case Step::publish:
      p = publish(eqia, actor);
      break;
    case Step::new_version:
      p = start_new_version(eqia, actor, input.comment);
      break;
  }
  for (auto& problem : p) problem.path = field_path(base, problem.path);
  return p;
}

}  // namespace eqv
