// Who may move an Equality Impact Assessment through its workflow, and the one function
// that moves it. Every front end and every store asks here: the desktop application greys
// a button because step_refusal() said why; the PostgreSQL register refuses the same step
// on the server with the same sentence. None of them re-derives a rule.
//
// The steps, from the status each needs to the status it gives:
//   submit       draft or returned -> submitted   lead          (submission rules must be met)
//   return       submitted -> returned            officer       (comments required)
//   approve      submitted -> approved            officer       (not the officer who submitted
//                                                                or edited it)
//   publish      approved -> published            officer, admin
//   new version  approved or published -> draft   lead, officer (a reason required; version + 1)
//
// Roles: lead (project lead: completes and submits assessments), officer (equality officer:
// reviews, returns, approves), finance (reads results and workbooks; takes no workflow step),
// admin (runs the register: may publish). A person may hold several roles.
//
// On a single-user .eqv file the operating-system user holds every role
// (single_user_actor), but separation of duties still holds: no one approves an assessment
// they submitted or (when the store records edits) edited.
//
// Usage (a front end):
//   Actor me = single_user_actor(login, now_utc);
//   if (auto why = step_refusal(project, i, Step::approve, me)) grey_button(*why);
//   Problems p = apply_step(project, i, Step::approve, me, {});
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "equivalue/core/eqia_template.hpp"
#include "equivalue/core/model.hpp"
#include "equivalue/core/validation.hpp"

namespace eqv {

enum class Role { lead, officer, finance, admin };
inline constexpr Role kAllRoles[] = {Role::lead, Role::officer, Role::finance, Role::admin};
const char* role_name(Role role);  // "lead", "officer", "finance", "admin"
std::optional<Role> role_from_name(const std::string& name);

// Who acts, in which roles, and when. `who` is the login recorded in the assessment's
// history; `when` is ISO 8601 UTC (2026-11-22T10:15:00Z). Both are required to take a step.
struct Actor {
  std::string who;
  std::string when;
  std::set<Role> roles = {};  // empty: no role (the low-level eqia.hpp transitions ignore roles)

  bool has(Role role) const { return roles.count(role) > 0; }
};

// The operating-system user of a single-user .eqv file: every role.
Actor single_user_actor(const std::string& login, const std::string& when);

enum class Step { submit, return_with_comments, approve, publish, new_version };
inline constexpr Step kAllSteps[] = {Step::submit, Step::return_with_comments, Step::approve,
                                     Step::publish, Step::new_version};
const char* step_name(Step step);  // "submit", "return", "approve", "publish", "new-version"
std::optional<Step> step_from_name(const std::string& name);
const char* step_label(Step step);  // "Submit for review", ... as a button or menu says it

// The roles that may take a step (any one of them is enough).
std::vector<Role> roles_for(Step step);

// The same comparison everywhere a login is matched: spaces around it and letter case ignored.
bool same_login(const std::string& a, const std::string& b);

// The login that last submitted the assessment, from its history (empty when never submitted).
std::string last_submitter(const Eqia& eqia);

// nullopt when `actor` may take `step` on the assessment of project.changes[change_index]
// now; otherwise one sentence a council officer understands saying why not ("Only an
// equality officer can approve an assessment; you are signed in as J Smith (lead)."). It
// checks that the change and its assessment exist, the status, the actor's roles and, for
// approval, that the actor neither submitted the assessment nor is among `editors`: the
// logins that edited this version of it, when the store records them (an .eqv file's
// model does not, so pass none). It does not check the content: submit may still
// be refused by apply_step() for unmet submission rules.
std::optional<std::string> step_refusal(const Project& project, std::size_t change_index, Step step,
                                        const Actor& actor,
                                        const std::vector<std::string>& editors = {});

// What a step needs besides the actor.
struct StepInput {
  std::string comment;                    // return: the reviewer's comments; new version: why
  const EqiaTemplate* tmpl = nullptr;     // submit: the template the assessment names
  std::vector<std::string> editors = {};  // as for step_refusal()
};

// Takes the step: checks step_refusal() (one problem at "changes[i].eqia.status" when
// refused), then the step's own rules (eqia.hpp: submission rules, comments, reason). The
// assessment changes only when no problem is returned; then one WorkflowEvent records it.
Problems apply_step(Project& project, std::size_t change_index, Step step, const Actor& actor,
                    const StepInput& input);

}  // namespace eqv
