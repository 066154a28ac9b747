// Who may take which workflow step (core/workflow.hpp), with the sentence a refused
// officer reads.
#include "equivalue/core/workflow.hpp"

#include <gtest/gtest.h>

using namespace eqv;

namespace {

const char* kMonday = "2026-11-23T09:00:00Z";

Actor person(const std::string& who, std::set<Role> roles) {
  return Actor{who, kMonday, std::move(roles)};
}

// Change C1 with an assessment J Smith submitted on 22 November.
Project submitted_project() {
  Project p;
  ServiceChange c;
  c.id = "C1";
  c.title = "Close day centre";
  Eqia e;
  e.status = EqiaStatus::submitted;
  e.history = {{EqiaStatus::draft, EqiaStatus::submitted, "J Smith", "2026-11-22T10:00:00Z", ""}};
  c.eqia = e;
  p.changes = {c};
  return p;
}

}  // namespace

TEST(Workflow, NamesRoundTrip) {
  for (Role r : kAllRoles) EXPECT_EQ(role_from_name(role_name(r)), r);
  for (Step s : kAllSteps) EXPECT_EQ(step_from_name(step_name(s)), s);
  EXPECT_EQ(role_from_name(" Officer "), Role::officer);
  EXPECT_FALSE(role_from_name("mayor"));
  EXPECT_EQ(std::string(step_name(Step::new_version)), "new-version");
}

TEST(Workflow, SingleUserHoldsEveryRole) {
  const Actor me = single_user_actor("jsmith", kMonday);
  for (Role r : kAllRoles) EXPECT_TRUE(me.has(r)) << role_name(r);
  EXPECT_EQ(me.who, "jsmith");
}

TEST(Workflow, OfficerMayApproveWhatSomeoneElseSubmitted) {
  const Project p = submitted_project();
  EXPECT_EQ(step_refusal(p, 0, Step::approve, person("A Patel", {Role::officer})), std::nullopt);
  EXPECT_EQ(step_refusal(p, 0, Step::return_with_comments, person("A Patel", {Role::officer})),
            std::nullopt);
}

TEST(Workflow, NoOneApprovesWhatTheySubmittedEvenHoldingEveryRole) {
  const Project p = submitted_project();
  EXPECT_EQ(
      step_refusal(p, 0, Step::approve, single_user_actor(" j smith ", kMonday)),
      "You ( j smith ) submitted this assessment, so another equality officer must approve it.");
}

TEST(Workflow, NoOneApprovesWhatTheyEdited) {
  const Project p = submitted_project();
  EXPECT_EQ(
      step_refusal(p, 0, Step::approve, person("A Patel", {Role::officer}), {"B Khan", "a patel"}),
      "You (A Patel) edited this assessment, so another equality officer must approve it.");
}

TEST(Workflow, RolesDecideWhoTakesEachStep) {
  const Project p = submitted_project();
  EXPECT_EQ(step_refusal(p, 0, Step::approve, person("F Jones", {Role::finance})),
            "Only an equality officer can approve an assessment; you are signed in as F Jones "
            "(finance).");
  EXPECT_EQ(
      step_refusal(p, 0, Step::approve, person("A Lee", {})),
      "Only an equality officer can approve an assessment; you are signed in as A Lee (no role).");
  Project draft = submitted_project();
  draft.changes[0].eqia->status = EqiaStatus::draft;
  EXPECT_EQ(step_refusal(draft, 0, Step::submit, person("A Patel", {Role::officer, Role::finance})),
            "Only a project lead can submit an assessment for review; you are signed in as A Patel "
            "(officer, finance).");
  Project approved = submitted_project();
  approved.changes[0].eqia->status = EqiaStatus::approved;
  EXPECT_EQ(step_refusal(approved, 0, Step::publish, person("R Admin", {Role::admin})),
            std::nullopt);
  EXPECT_EQ(step_refusal(approved, 0, Step::publish, person("J Smith", {Role::lead})),
            "Only an equality officer or an administrator can publish an assessment; you are "
            "signed in as J Smith "
            "(lead).");
}

TEST(Workflow, StatusDecidesWhichStepsAreOpen) {
  const Project p = submitted_project();
  const Actor me = single_user_actor("A Patel", kMonday);
  EXPECT_EQ(step_refusal(p, 0, Step::publish, me),
            "Only an approved assessment can be published; this one is submitted.");
  EXPECT_EQ(step_refusal(p, 0, Step::submit, me),
            "Only a draft or a returned assessment can be submitted; this one is submitted.");
  Project none = p;
  none.changes[0].eqia.reset();
  EXPECT_EQ(step_refusal(none, 0, Step::submit, me),
            "Change C1 has no equality impact assessment yet: start the assessment first.");
  EXPECT_EQ(step_refusal(p, 3, Step::submit, me),
            "There is no service change number 4 in this project.");
}

TEST(Workflow, ApplyStepRecordsTheStep) {
  Project p = submitted_project();
  EXPECT_TRUE(apply_step(p, 0, Step::approve, person("A Patel", {Role::officer}), {}).empty());
  const Eqia& e = *p.changes[0].eqia;
  EXPECT_EQ(e.status, EqiaStatus::approved);
  ASSERT_EQ(e.history.size(), 2u);
  EXPECT_EQ(e.history[1].who, "A Patel");
  EXPECT_EQ(e.history[1].when, kMonday);
  EXPECT_EQ(e.history[1].from, EqiaStatus::submitted);
}

TEST(Workflow, ApplyStepRefusedChangesNothing) {
  Project p = submitted_project();
  const Project before = p;
  const Problems refused = apply_step(p, 0, Step::approve, person("J Smith", {Role::officer}), {});
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].path, "changes[0].eqia.status");
  EXPECT_EQ(p, before);
  // A return needs the reviewer's comments: the problem names the assessment's history.
  const Problems no_comment =
      apply_step(p, 0, Step::return_with_comments, person("A Patel", {Role::officer}), {});
  ASSERT_EQ(no_comment.size(), 1u);
  EXPECT_EQ(no_comment[0].path, "changes[0].eqia.history");
  EXPECT_EQ(p, before);
}

TEST(Workflow, NewVersionNeedsAReason) {
  Project p = submitted_project();
  p.changes[0].eqia->status = EqiaStatus::published;
  StepInput why;
  why.comment = "Opening hours changed";
  EXPECT_TRUE(apply_step(p, 0, Step::new_version, person("J Smith", {Role::lead}), why).empty());
  EXPECT_EQ(p.changes[0].eqia->status, EqiaStatus::draft);
  EXPECT_EQ(p.changes[0].eqia->version, 2);
}
