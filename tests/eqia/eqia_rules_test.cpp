#include "equivalue/core/eqia.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace eqv;

namespace {

// A two-characteristic template (age, sex) with one local addition (carers).
EqiaTemplate small_template() {
  EqiaTemplate t;
  t.id = "test";
  t.name = "Test template";
  t.aims = {{"eliminate-discrimination", "Eliminate discrimination"},
            {"advance-equality", "Advance equality"}};
  t.characteristics = {
      {"age",
       "Age",
       "",
       {"under 65", "65+"},
       {"eliminate-discrimination", "advance-equality"},
       "protected"},
      {"sex", "Sex", "", {"female", "male"}, {"eliminate-discrimination"}, "protected"}};
  t.local_additions = {{"carers", "Carers", "", {"carer", "not a carer"}, {}, "local"}};
  return t;
}

// Segments: A has 1,000 people, 60% aged 65+; B has 3,000 people, 20% aged 65+; both half
// female. The change touches half of A and a tenth of B:
//   A = 500 + 300 = 800; A_65+ = 300 + 60 = 360; B = 4,000; B_65+ = 600 + 600 = 1,200
//   R_65+ = (360 / 800) / (1,200 / 4,000) = 0.45 / 0.30 = 1.5 >= 1.2: age is flagged.
//   R_female = 0.5 / 0.5 = 1: sex is not.
Project complete_project() {
  Project p;
  p.project.name = "Test";
  p.segments.characteristics = {{"age", {"under 65", "65+"}}, {"sex", {"female", "male"}}};
  Segment a, b;
  a.code = "A";
  a.population = 1000;
  a.composition["age"] = {{"under 65", Decimal("0.4")}, {"65+", Decimal("0.6")}};
  a.composition["sex"] = {{"female", Decimal("0.5")}, {"male", Decimal("0.5")}};
  b.code = "B";
  b.population = 3000;
  b.composition["age"] = {{"under 65", Decimal("0.8")}, {"65+", Decimal("0.2")}};
  b.composition["sex"] = {{"female", Decimal("0.5")}, {"male", Decimal("0.5")}};
  p.segments.items = {a, b};
  ServiceChange c;
  c.id = "C1";
  c.title = "Close day centre";
  c.affected_segments = {{"A", Decimal("0.5")}, {"B", Decimal("0.1")}};
  Eqia e;
  e.template_name = "test";
  e.reference = "EQIA-1";
  e.directorate = "Adult social care";
  e.lead_officer = "J Smith";
  e.decision_maker = "Cabinet";
  e.decision_date = "2027-02-01";
  e.proposal_type = "reduction";
  e.screening = {{"age", Relevance::yes, "Most users are older"},
                 {"sex", Relevance::no, "Users are evenly split"}};
  Impact im;
  im.characteristic = "age";
  im.rating = Rating::negative;
  im.evidence = "User survey 2025";
  im.before = {3, 3};
  im.residual = Score{2, 2};
  im.mitigation = "Transport to another centre";
  im.data_gaps = {"Number of users with dementia"};
  e.impacts = {im};
  e.actions = {{"Fill data gap (age): number of users with dementia", "Service manager",
                "2027-01-15", "open"}};
  e.decision = {DecisionOutcome::continue_despite,
                "Necessary to meet the budget; no less harmful option; proportionate"};
  e.review_date = "2028-02-01";
  c.eqia = e;
  p.changes = {c};
  return p;
}

Eqia& eqia_of(Project& p) { return *p.changes[0].eqia; }

// The single problem the rules give, as "path: message".
std::string only_problem(const Project& p, const EqiaTemplate& t) {
  const Problems problems = submission_problems(p, 0, &t);
  if (problems.size() != 1) {
    std::string all = std::to_string(problems.size()) + " problems:";
    for (const auto& x : problems) all += "\n  " + x.text();
    return all;
  }
  return problems[0].text();
}

std::string only_path(const Project& p, const EqiaTemplate& t) {
  const Problems problems = submission_problems(p, 0, &t);
  return problems.size() == 1 ? problems[0].path : only_problem(p, t);
}

const Actor kLead{"J Smith", "2026-11-22T10:00:00Z"};
const Actor kReviewer{"Equality officer", "2026-11-23T09:00:00Z"};

}  // namespace

TEST(EqiaRules, CompleteAssessmentIsReady) {
  const auto t = small_template();
  const Project p = complete_project();
  EXPECT_TRUE(submission_problems(p, 0, &t).empty()) << only_problem(p, t);
  EXPECT_TRUE(ready_to_submit(p, 0, &t));
}

TEST(EqiaRules, IdentityFields) {
  const auto t = small_template();
  struct Case {
    void (*blank)(Eqia&);
    const char* path;
  };
  const Case cases[] = {
      {[](Eqia& e) { e.reference.clear(); }, "changes[0].eqia.reference"},
      {[](Eqia& e) { e.directorate = "  "; }, "changes[0].eqia.directorate"},
      {[](Eqia& e) { e.lead_officer.clear(); }, "changes[0].eqia.lead_officer"},
      {[](Eqia& e) { e.decision_maker.clear(); }, "changes[0].eqia.decision_maker"},
      {[](Eqia& e) { e.decision_date.clear(); }, "changes[0].eqia.decision_date"},
      {[](Eqia& e) { e.proposal_type.clear(); }, "changes[0].eqia.proposal_type"},
      {[](Eqia& e) { e.proposal_type = "cut"; }, "changes[0].eqia.proposal_type"},
      {[](Eqia& e) { e.proposal_type = "budget-saving"; }, "changes[0].eqia.saving"},
      {[](Eqia& e) { e.review_date.clear(); }, "changes[0].eqia.review_date"},
  };
  for (const auto& c : cases) {
    Project p = complete_project();
    c.blank(eqia_of(p));
    EXPECT_EQ(only_path(p, t), c.path);
  }
  Project p = complete_project();
  eqia_of(p).proposal_type = "budget-saving";
  eqia_of(p).saving = Decimal("120000");
  EXPECT_TRUE(ready_to_submit(p, 0, &t));
}

TEST(EqiaRules, MissingAssessmentOrTemplate) {
  const auto t = small_template();
  Project p = complete_project();
  EXPECT_EQ(submission_problems(p, 0, nullptr)[0].path, "changes[0].eqia.template");
  p.changes[0].eqia.reset();
  EXPECT_EQ(only_path(p, t), "changes[0].eqia");
  EXPECT_EQ(submission_problems(p, 5, &t)[0].path, "changes[5]");
}

TEST(EqiaRules, EveryCharacteristicScreenedWithAReason) {
  const auto t = small_template();
  Project p = complete_project();
  eqia_of(p).screening.pop_back();  // sex not screened
  EXPECT_EQ(only_problem(p, t),
            "changes[0].eqia.screening: screen \"Sex\" (sex): say whether it is relevant to this "
            "proposal (yes, no "
            "or not sure) and why");
  p = complete_project();
  eqia_of(p).screening[1].reason.clear();
  EXPECT_EQ(only_path(p, t), "changes[0].eqia.screening[1].reason");
  p = complete_project();
  eqia_of(p).screening.push_back({"shoe size", Relevance::no, "n/a"});
  EXPECT_EQ(only_path(p, t), "changes[0].eqia.screening[2].characteristic");
}

TEST(EqiaRules, SwitchedOnLocalAdditionsMustBeScreened) {
  const auto t = small_template();
  Project p = complete_project();
  p.project.eqia_additions = {"carers"};
  EXPECT_EQ(only_problem(p, t),
            "changes[0].eqia.screening: screen \"Carers\" (carers): say whether it is relevant to "
            "this proposal (yes, "
            "no or not sure) and why");
  eqia_of(p).screening.push_back({"carers", Relevance::no, "No change for carers"});
  EXPECT_TRUE(ready_to_submit(p, 0, &t));
  p.project.eqia_additions.push_back("pets");
  EXPECT_EQ(only_problem(p, t),
            "project.eqia_additions[1]: \"pets\" is not a local addition of the test template (it "
            "offers: carers)");
}

TEST(EqiaRules, RelevantCharacteristicNeedsAnImpact) {
  const auto t = small_template();
  Project p = complete_project();
  eqia_of(p).screening[1] = {"sex", Relevance::not_sure, "Not known who uses it"};
  EXPECT_EQ(only_problem(p, t),
            "changes[0].eqia.impacts: assess the impact on \"Sex\" (sex), screened as not-sure: "
            "give a rating and "
            "the evidence for it");
}

TEST(EqiaRules, ImpactNeedsEvidence) {
  const auto t = small_template();
  Project p = complete_project();
  eqia_of(p).impacts[0].evidence.clear();
  const auto problems = submission_problems(p, 0, &t);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "changes[0].eqia.impacts[0].evidence");
  // age is flagged, and the message says so with the hand-worked ratio 1.5.
  EXPECT_NE(problems[0].message.find("people in \"65+\" are 1.50 times as common"),
            std::string::npos)
      << problems[0].message;
}

TEST(EqiaRules, UnknownRatingNeedsADataGapUnlessFlagged) {
  const auto t = small_template();
  Project p = complete_project();
  eqia_of(p).screening[1] = {"sex", Relevance::yes, "Possibly"};
  Impact sex;
  sex.characteristic = "sex";
  sex.rating = Rating::unknown;
  sex.evidence = "None yet";
  eqia_of(p).impacts.push_back(sex);
  EXPECT_EQ(only_path(p, t), "changes[0].eqia.impacts[1].data_gaps");
  eqia_of(p).impacts[1].data_gaps = {"Sex of users"};
  EXPECT_EQ(only_path(p, t), "changes[0].eqia.impacts[1].data_gaps[0]");  // no action yet
  EXPECT_EQ(add_actions_for_data_gaps(eqia_of(p)), 1u);
  EXPECT_EQ(eqia_of(p).actions.back().description, "Fill data gap (sex): Sex of users");
  const auto problems =
      submission_problems(p, 0, &t);  // the new action needs an owner and a due date
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].path, "changes[0].eqia.actions[1].owner");
  EXPECT_EQ(problems[1].path, "changes[0].eqia.actions[1].due");
  eqia_of(p).actions[1].owner = "Analyst";
  EXPECT_EQ(only_path(p, t), "changes[0].eqia.actions[1].due");
  eqia_of(p).actions[1].due = "2027-01-01";
  EXPECT_TRUE(ready_to_submit(p, 0, &t));
}

TEST(EqiaRules, FlaggedCharacteristicNeedsARatedImpact) {
  const auto t = small_template();
  // Flagged age rated unknown (with a data gap): not enough.
  Project p = complete_project();
  eqia_of(p).impacts[0].rating = Rating::unknown;
  eqia_of(p).decision.outcome = DecisionOutcome::adjust;
  EXPECT_EQ(only_path(p, t), "changes[0].eqia.impacts[0].rating");
  // Flagged age screened "no" and without an impact: two problems, each naming the field.
  p = complete_project();
  eqia_of(p).screening[0] = {"age", Relevance::no, "Thought not relevant"};
  eqia_of(p).impacts.clear();
  eqia_of(p).actions.clear();
  eqia_of(p).decision.outcome = DecisionOutcome::adjust;
  const auto problems = submission_problems(p, 0, &t);
  ASSERT_EQ(problems.size(), 2u) << only_problem(p, t);
  EXPECT_EQ(problems[0].path, "changes[0].eqia.screening[0].relevant");
  EXPECT_EQ(problems[1].path, "changes[0].eqia.impacts");
  EXPECT_NE(problems[1].message.find("flag at 1.2"), std::string::npos);
  // Not flagged once the project's flag ratio is above 1.5: "no" with no impact is then fine.
  p.project.flag_ratio = Decimal("1.6");
  EXPECT_TRUE(ready_to_submit(p, 0, &t)) << only_problem(p, t);
}

TEST(EqiaRules, NegativeImpactIsScoredAndMitigationRescored) {
  const auto t = small_template();
  Project p = complete_project();
  eqia_of(p).impacts[0].before.likelihood = 0;
  EXPECT_EQ(only_path(p, t), "changes[0].eqia.impacts[0].likelihood");
  p = complete_project();
  eqia_of(p).impacts[0].before.severity = 0;
  EXPECT_EQ(only_path(p, t), "changes[0].eqia.impacts[0].severity");
  p = complete_project();
  eqia_of(p).impacts[0].residual.reset();
  EXPECT_EQ(only_path(p, t), "changes[0].eqia.impacts[0].residual");
  p = complete_project();
  eqia_of(p).impacts[0].residual = Score{4, 4};
  EXPECT_EQ(only_problem(p, t),
            "changes[0].eqia.impacts[0].residual: the score after mitigation (16) is higher than "
            "before it (9); "
            "mitigation should not raise the risk: check both scores");
}

TEST(EqiaRules, DecisionRules) {
  const auto t = small_template();
  Project p = complete_project();
  eqia_of(p).decision.outcome = DecisionOutcome::none;
  EXPECT_EQ(only_path(p, t), "changes[0].eqia.decision.outcome");
  p = complete_project();
  eqia_of(p).decision.justification.clear();  // continue despite a negative impact
  EXPECT_EQ(only_problem(p, t),
            "changes[0].eqia.decision.justification: the proposal continues despite a negative "
            "impact (age): "
            "explain why it is necessary, why no less harmful alternative exists and why it is "
            "proportionate");
  eqia_of(p).decision.outcome = DecisionOutcome::adjust;  // adjusting needs no justification
  EXPECT_TRUE(ready_to_submit(p, 0, &t));
  eqia_of(p).decision.outcome = DecisionOutcome::no_change;
  EXPECT_EQ(only_path(p, t), "changes[0].eqia.decision.outcome");
  eqia_of(p).impacts[0].rating = Rating::neutral;  // no negative impact left
  eqia_of(p).decision.justification.clear();
  EXPECT_TRUE(ready_to_submit(p, 0, &t)) << only_problem(p, t);
}

TEST(EqiaRules, DataGapNeedsAnAction) {
  const auto t = small_template();
  Project p = complete_project();
  eqia_of(p).actions.clear();
  EXPECT_EQ(only_path(p, t), "changes[0].eqia.impacts[0].data_gaps[0]");
  EXPECT_EQ(actions_for_data_gaps(eqia_of(p)).size(), 1u);
  p = complete_project();
  EXPECT_TRUE(
      actions_for_data_gaps(eqia_of(p)).empty());  // "Number of users with dementia" is covered
}

// The review queue lists what is submitted; a returned assessment shows its reviewer's
// comments until it is submitted again.
TEST(EqiaWorkflow, ReviewQueueAndReturnedComments) {
  const auto t = small_template();
  Project p = complete_project();
  EXPECT_FALSE(awaiting_review(eqia_of(p)));
  EXPECT_EQ(open_return(eqia_of(p)), nullptr);
  ASSERT_TRUE(submit(p, 0, &t, kLead).empty());
  EXPECT_TRUE(awaiting_review(eqia_of(p)));
  ASSERT_TRUE(return_with_comments(eqia_of(p), kReviewer, "Add evidence on dementia").empty());
  EXPECT_FALSE(awaiting_review(eqia_of(p)));
  const WorkflowEvent* returned = open_return(eqia_of(p));
  ASSERT_NE(returned, nullptr);
  EXPECT_EQ(returned->comment, "Add evidence on dementia");
  EXPECT_EQ(returned->who, kReviewer.who);
  ASSERT_TRUE(submit(p, 0, &t, kLead).empty());
  EXPECT_EQ(open_return(eqia_of(p)), nullptr);
  ASSERT_TRUE(approve(eqia_of(p), kReviewer).empty());
  EXPECT_FALSE(awaiting_review(eqia_of(p)));
}

TEST(EqiaWorkflow, SubmitReturnApprovePublishAndNewVersion) {
  const auto t = small_template();
  Project p = complete_project();
  EXPECT_TRUE(is_editable(eqia_of(p)));
  ASSERT_TRUE(submit(p, 0, &t, kLead).empty());
  EXPECT_EQ(eqia_of(p).status, EqiaStatus::submitted);
  EXPECT_FALSE(is_editable(eqia_of(p)));
  // Returning needs comments.
  EXPECT_EQ(return_with_comments(eqia_of(p), kReviewer, " ").size(), 1u);
  EXPECT_EQ(eqia_of(p).status, EqiaStatus::submitted);
  ASSERT_TRUE(return_with_comments(eqia_of(p), kReviewer, "Add evidence on dementia").empty());
  EXPECT_EQ(eqia_of(p).status, EqiaStatus::returned);
  EXPECT_TRUE(is_editable(eqia_of(p)));
  ASSERT_TRUE(submit(p, 0, &t, kLead).empty());
  // The submitter cannot approve their own assessment.
  const auto self = approve(eqia_of(p), {"j smith ", "2026-11-24T09:00:00Z"});
  ASSERT_EQ(self.size(), 1u);
  EXPECT_EQ(self[0].path, "history");
  ASSERT_TRUE(approve(eqia_of(p), kReviewer).empty());
  EXPECT_EQ(eqia_of(p).status, EqiaStatus::approved);
  EXPECT_FALSE(is_editable(eqia_of(p)));
  EXPECT_EQ(add_actions_for_data_gaps(eqia_of(p)), 0u);  // locked
  ASSERT_TRUE(publish(eqia_of(p), kReviewer).empty());
  EXPECT_EQ(eqia_of(p).status, EqiaStatus::published);
  // Who did what and when.
  const auto& h = eqia_of(p).history;
  ASSERT_EQ(h.size(), 5u);
  EXPECT_EQ(h[0].from, EqiaStatus::draft);
  EXPECT_EQ(h[0].to, EqiaStatus::submitted);
  EXPECT_EQ(h[0].who, "J Smith");
  EXPECT_EQ(h[0].when, "2026-11-22T10:00:00Z");
  EXPECT_EQ(h[1].to, EqiaStatus::returned);
  EXPECT_EQ(h[1].comment, "Add evidence on dementia");
  EXPECT_EQ(h[3].to, EqiaStatus::approved);
  EXPECT_EQ(h[3].who, "Equality officer");
  EXPECT_EQ(h[4].to, EqiaStatus::published);
  // A later change makes a new version; the history stays.
  EXPECT_EQ(start_new_version(eqia_of(p), kLead, "").size(), 1u);
  ASSERT_TRUE(start_new_version(eqia_of(p), kLead, "Opening hours changed").empty());
  EXPECT_EQ(eqia_of(p).version, 2);
  EXPECT_EQ(eqia_of(p).status, EqiaStatus::draft);
  EXPECT_TRUE(is_editable(eqia_of(p)));
  ASSERT_EQ(eqia_of(p).history.size(), 6u);
  EXPECT_EQ(eqia_of(p).history[5].from, EqiaStatus::published);
  EXPECT_EQ(eqia_of(p).history[5].comment, "version 2 started: Opening hours changed");
}

TEST(EqiaWorkflow, TransitionsFromTheWrongStatusAreRefused) {
  const auto t = small_template();
  Project p = complete_project();
  EXPECT_EQ(approve(eqia_of(p), kReviewer)[0].path, "status");
  EXPECT_EQ(publish(eqia_of(p), kReviewer)[0].path, "status");
  EXPECT_EQ(return_with_comments(eqia_of(p), kReviewer, "x")[0].path, "status");
  EXPECT_EQ(start_new_version(eqia_of(p), kLead, "x")[0].path, "status");
  EXPECT_EQ(eqia_of(p).status, EqiaStatus::draft);
  EXPECT_TRUE(eqia_of(p).history.empty());
  // Submitting an incomplete assessment changes nothing and lists what is missing.
  eqia_of(p).reference.clear();
  const auto problems = submit(p, 0, &t, kLead);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "changes[0].eqia.reference");
  EXPECT_EQ(eqia_of(p).status, EqiaStatus::draft);
  // Who and when are required.
  eqia_of(p).reference = "EQIA-1";
  const auto anonymous = submit(p, 0, &t, {"", "yesterday"});
  ASSERT_EQ(anonymous.size(), 2u);
  EXPECT_EQ(anonymous[0].path, "changes[0].eqia.history");
  EXPECT_EQ(eqia_of(p).status, EqiaStatus::draft);
}

TEST(EqiaScores, BandsAndScores) {
  EXPECT_EQ(risk_band(Score{0, 3}), RiskBand::not_scored);
  EXPECT_EQ(risk_band(Score{1, 1}), RiskBand::low);
  EXPECT_EQ(risk_band(Score{2, 2}), RiskBand::low);     // 4
  EXPECT_EQ(risk_band(Score{1, 4}), RiskBand::low);     // 4
  EXPECT_EQ(risk_band(Score{2, 3}), RiskBand::medium);  // 6
  EXPECT_EQ(risk_band(Score{2, 4}), RiskBand::medium);  // 8
  EXPECT_EQ(risk_band(Score{3, 3}), RiskBand::high);    // 9
  EXPECT_EQ(risk_band(Score{4, 4}), RiskBand::high);    // 16
  EXPECT_STREQ(risk_band_name(RiskBand::medium), "medium");
  const Project p = complete_project();
  const ImpactScore s = score_impact(p.changes[0].eqia->impacts[0]);  // 3 x 3 before, 2 x 2 after
  EXPECT_EQ(s.before, 9);
  EXPECT_EQ(s.before_band, RiskBand::high);
  EXPECT_EQ(s.after, 4);
  EXPECT_EQ(s.after_band, RiskBand::low);
}

TEST(EqiaReview, PostImplementationReview) {
  const auto t = small_template();
  Project p = complete_project();
  Eqia& e = eqia_of(p);
  EXPECT_FALSE(review_due(e, "2030-01-01"));  // a draft has no review
  ASSERT_TRUE(submit(p, 0, &t, kLead).empty());
  ASSERT_TRUE(approve(e, kReviewer).empty());
  EXPECT_FALSE(review_due(e, "2028-01-31"));
  EXPECT_TRUE(review_due(e, "2028-02-01"));
  // One impact: its actual effect, actual rating and evidence are missing, and the summary.
  ASSERT_EQ(review_problems(e, "changes[0].eqia").size(), 4u);
  EXPECT_EQ(review_problems(e, "changes[0].eqia")[0].path,
            "changes[0].eqia.impacts[0].actual_impact");
  EXPECT_EQ(review_problems(e, "changes[0].eqia")[1].path,
            "changes[0].eqia.impacts[0].actual_rating");
  EXPECT_EQ(review_problems(e, "changes[0].eqia")[2].path,
            "changes[0].eqia.impacts[0].actual_evidence");
  const ImpactReview found{"Fewer users travelled than expected", Rating::neutral,
                           "Hub attendance register, 2028"};
  EXPECT_EQ(record_review(e, {}, "Summary", kReviewer).size(), 1u);  // one actual per impact
  EXPECT_EQ(record_review(e, {found}, "", kReviewer).size(), 1u);
  EXPECT_EQ(
      record_review(e, {{found.actual, std::nullopt, found.evidence}}, "Lower", kReviewer).size(),
      1u);
  EXPECT_EQ(record_review(e, {{found.actual, Rating::neutral, " "}}, "Lower", kReviewer).size(),
            1u);
  EXPECT_TRUE(e.impacts[0].actual_impact.empty());  // refused reviews change nothing
  ASSERT_TRUE(record_review(e, {found}, "Impact lower than expected", kReviewer).empty());
  EXPECT_EQ(e.impacts[0].actual_impact, "Fewer users travelled than expected");
  EXPECT_EQ(e.impacts[0].actual_rating, Rating::neutral);
  EXPECT_EQ(e.impacts[0].actual_evidence, "Hub attendance register, 2028");
  EXPECT_EQ(e.review_summary, "Impact lower than expected");
  EXPECT_EQ(e.status, EqiaStatus::approved);
  EXPECT_EQ(e.history.back().comment, "post-implementation review recorded");
  EXPECT_TRUE(review_problems(e, "").empty());
}

TEST(EqiaRules, ImpactOnAnUnknownCharacteristic) {
  const auto t = small_template();
  Project p = complete_project();
  Impact odd;
  odd.characteristic = "hair colour";
  odd.rating = Rating::neutral;
  odd.evidence = "None";
  eqia_of(p).impacts.push_back(odd);
  EXPECT_EQ(only_problem(p, t),
            "changes[0].eqia.impacts[1].characteristic: \"hair colour\" is not a characteristic of "
            "the test template "
            "or of the project's segments");
}

// An impact on a characteristic that neither the template nor the segments have is a
// fault in any state, not work still to do.
TEST(EqiaRules, UnknownCharacteristicIsAnErrorInAnyState) {
  const auto t = small_template();
  Project p = complete_project();
  Impact star;
  star.characteristic = "star-sign";
  star.rating = Rating::neutral;
  star.evidence = "Horoscopes";
  eqia_of(p).impacts.push_back(star);
  for (EqiaStatus status : {EqiaStatus::draft, EqiaStatus::returned, EqiaStatus::approved}) {
    eqia_of(p).status = status;
    const AssessmentCheck check = check_assessment(p, 0, &t, "2026-12-01");
    ASSERT_EQ(check.errors.size(), 1u) << status_name(status);
    EXPECT_EQ(check.errors[0].path, "changes[0].eqia.impacts[1].characteristic");
    EXPECT_EQ(check.errors[0].message,
              "\"star-sign\" is not a characteristic of the test template or of the "
              "project's segments");
    EXPECT_TRUE(check.to_complete.empty()) << status_name(status);
  }
}

// A draft's unmet rules are work to do; the same rules unmet on an approved assessment are
// faults, and say why.
TEST(EqiaRules, CheckAssessmentSortsByState) {
  const auto t = small_template();
  Project p = complete_project();
  eqia_of(p).reference.clear();
  AssessmentCheck draft = check_assessment(p, 0, &t, "2026-12-01");
  EXPECT_TRUE(draft.errors.empty());
  ASSERT_EQ(draft.to_complete.size(), 1u);
  EXPECT_EQ(draft.to_complete[0].path, "changes[0].eqia.reference");
  eqia_of(p).status = EqiaStatus::approved;
  AssessmentCheck approved = check_assessment(p, 0, &t, "2026-12-01");
  ASSERT_EQ(approved.errors.size(), 1u);
  EXPECT_EQ(approved.errors[0].message,
            "the assessment's reference is required before the assessment is submitted "
            "(the assessment is approved, so this must already be met)");
  // The review date (2028-02-01) reached: the review is due, with the one impact's actual
  // effect, actual rating and evidence and the summary still to record.
  EXPECT_TRUE(approved.review_missing.empty());
  EXPECT_EQ(check_assessment(p, 0, &t, "2028-02-01").review_missing.size(), 4u);
}

// Starting an assessment seeds one "not sure" row per characteristic to screen: the
// template's (with the local additions switched on), else the segments'.
TEST(EqiaRules, NewAssessmentSeedsTheScreening) {
  const auto t = small_template();
  Project p = complete_project();
  p.project.jurisdiction = "test";
  p.project.eqia_additions = {"carers"};
  const Eqia e = new_assessment(p, &t);
  EXPECT_EQ(e.template_name, "test");
  EXPECT_EQ(e.status, EqiaStatus::draft);
  ASSERT_EQ(e.screening.size(), 3u);
  EXPECT_EQ(e.screening[0].characteristic, "age");
  EXPECT_EQ(e.screening[1].characteristic, "sex");
  EXPECT_EQ(e.screening[2].characteristic, "carers");
  EXPECT_EQ(e.screening[2].relevant, Relevance::not_sure);
  const Eqia without = new_assessment(p, nullptr);
  ASSERT_EQ(without.screening.size(), 2u);  // the segments' age and sex
  EXPECT_EQ(without.screening[1].characteristic, "sex");
}

// A joint group (65+ women, from a Census multivariate table) flags each characteristic it
// crosses. With the flag ratio at 1.6, age alone (1.5) is not flagged. The joint group:
//   A: 50% of segment A are 65+ women, 5% of B; the change touches half of A, a tenth of B
//   A_j = 250 + 15 = 265 of A = 800: 0.33125;  B_j = 500 + 150 = 650 of 4,000: 0.1625
//   R = 0.33125 / 0.1625 = 2.04 >= 1.6: age and sex are both flagged.
TEST(EqiaRules, AFlaggedJointGroupAsksAboutEachCharacteristicItCrosses) {
  const auto t = small_template();
  Project p = complete_project();
  p.project.flag_ratio = Decimal("1.6");
  EXPECT_TRUE(ready_to_submit(p, 0, &t)) << only_problem(p, t);
  p.segments.characteristics.push_back({"age x sex", {"65+ women", "other"}});
  p.segments.intersections["age x sex"] = {"age", "sex"};
  p.segments.items[0].composition["age x sex"] = {{"65+ women", Decimal("0.5")},
                                                  {"other", Decimal("0.5")}};
  p.segments.items[1].composition["age x sex"] = {{"65+ women", Decimal("0.05")},
                                                  {"other", Decimal("0.95")}};
  const auto problems = submission_problems(p, 0, &t);
  ASSERT_EQ(problems.size(), 2u) << only_problem(p, t);
  // Sex was screened "no" and has no impact; age has its rated impact already.
  EXPECT_EQ(problems[0].path, "changes[0].eqia.screening[1].relevant");
  EXPECT_EQ(problems[1].path, "changes[0].eqia.impacts");
  EXPECT_NE(problems[1].message.find("the segment figures flag age x sex: people in \"65+ "
                                     "women\" are 2.04 times as common"),
            std::string::npos)
      << problems[1].message;
}
