// The Equality Impact Assessment rules (method.md sections 2 and 3): what must be filled
// in before an assessment is submitted, the workflow draft -> submitted -> returned or
// approved -> published, the lock that approval puts on the record, scores and risk
// bands, data gaps that become actions and the post-implementation review.
//
// These rules live here, not in a front end, so that the CLI, the GUI and the tests all
// refuse the same incomplete assessment with the same messages. Like validate(), the rule
// functions return Problems naming each field by its path
// ("changes[0].eqia.impacts[1].evidence") and never throw; the workflow functions change
// the assessment only when they return no problems.
//
// Submission rules (submission_problems), each unmet rule one problem:
//   identity   reference, directorate, lead officer, proposal type (new, review,
//              reduction, removal, budget-saving), decision maker and decision date; a
//              saving for a budget saving
//   screening  every characteristic the template lists (and every local addition the
//              project switches on) screened yes / no / not sure with a reason; no
//              characteristic screened twice or unknown to the template; every local
//              addition switched on (project.eqia_additions) offered by the template
//   impacts    every relevant characteristic (yes or not sure) has an impact with a rating
//              and evidence; "unknown" is a rating, but it needs a data gap saying what
//              would settle it; a negative impact is scored (likelihood and severity,
//              1-4); a mitigation comes with the score after mitigation, which may not be
//              higher than before
//   the link   every characteristic flagged by the segment figures (compute_affected at
//              the project's flag ratio) has an impact rated positive, neutral or
//              negative (not unknown: the figures say this group is touched) with
//              evidence, and is not screened "no"
//   decision   an outcome chosen; "continue" with any negative impact needs a
//              justification; "no-change" is not open to an assessment that finds a
//              negative impact
//   actions    each data gap has an action (an action "covers" a gap when its description
//              contains the gap's text, as actions_for_data_gaps() writes them); each
//              action has an owner and a due date
//   review     a review date for the post-implementation review
//
// Scores: likelihood 1-4 x severity 1-4 = 1..16. Risk bands: 1-4 low, 5-8 medium,
// 9-16 high (0 = not scored).
#pragma once

#include "equivalue/core/eqia_template.hpp"
#include "equivalue/core/model.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/core/workflow.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace eqv {

// ------------------------------------------------------------------ submission rules

// Every unmet submission rule of the assessment of project.changes[change_index], with
// paths starting "changes[i].eqia". `tmpl` is the template the assessment names (nullptr
// when it could not be found: that is then one problem, and screening is not checked
// against a list). A change without an assessment gives one problem at changes[i].eqia.
Problems submission_problems(const Project& project, std::size_t change_index,
                             const EqiaTemplate* tmpl);

// True when nothing is missing.
bool ready_to_submit(const Project& project, std::size_t change_index, const EqiaTemplate* tmpl);

// ------------------------------------------------------------------ starting and checking

// A new draft assessment of a change in `project`: the project's jurisdiction as its
// template, and one screening row (not sure, no reason yet) for each characteristic to
// consider: the template's, with the local additions the project switches on, or, when
// no template is installed (tmpl == nullptr), the characteristics of the project's segments.
Eqia new_assessment(const Project& project, const EqiaTemplate* tmpl);

// What is wrong with an assessment in any state, not merely incomplete: a screening row
// or an impact on a characteristic that neither the template nor the project's segments
// have ("star-sign"). Empty when the template is not known (tmpl == nullptr).
Problems assessment_errors(const Project& project, std::size_t change_index,
                           const EqiaTemplate* tmpl);

// The assessment of project.changes[change_index] sorted for whoever reports on it (the
// command line's validate, the desktop's assessment page):
struct AssessmentCheck {
  // Faults: assessment_errors(), and every unmet submission rule of an assessment already
  // submitted, approved or published (the record claims a state it does not meet; each
  // message says so). A front end refuses the file (exit 2) when any is present.
  Problems errors;
  // Unmet submission rules of a draft or returned assessment: work still to do.
  Problems to_complete;
  // A decided assessment whose review date `today` (yyyy-mm-dd) has reached, without a
  // complete post-implementation review: what the review still needs (review_problems).
  Problems review_missing;
};
AssessmentCheck check_assessment(const Project& project, std::size_t change_index,
                                 const EqiaTemplate* tmpl, const std::string& today);

// True when the impact bears on `group` of its characteristic: it names the group, or names
// no group at all (the whole characteristic). Groups are compared exactly.
bool impact_bears_on(const Impact& impact, const std::string& group);

// ------------------------------------------------------------------ workflow

// Each transition changes the assessment only when it returns no problems, and then appends
// one WorkflowEvent {from, to, who, when, comment} to its history. submit() names fields by
// their full path (changes[i].eqia...); the others, which see only the assessment, use
// paths relative to it ("status", "history").
//
// Who acts and when: Actor (workflow.hpp). These transitions check the status and the
// assessment's content only; which roles may take a step is workflow.hpp's apply_step(),
// which front ends and stores call.

// draft or returned -> submitted, only when submission_problems() is empty.
Problems submit(Project& project, std::size_t change_index, const EqiaTemplate* tmpl,
                const Actor& actor);
// submitted -> returned; the reviewer's comments are required.
Problems return_with_comments(Eqia& eqia, const Actor& reviewer, const std::string& comments);
// submitted -> approved; the reviewer may not be the person who submitted it.
Problems approve(Eqia& eqia, const Actor& reviewer);
// approved -> published.
Problems publish(Eqia& eqia, const Actor& actor);

// Approval locks the record: only a draft or a returned assessment can be edited.
bool is_editable(const Eqia& eqia);

// Submitted and not yet returned or approved: what an equality officer's review queue lists.
bool awaiting_review(const Eqia& eqia);

// The reviewer's comments while a returned assessment is back with its author: the event
// that returned it, or nothing (not returned, moved on since, or returned without a word).
const WorkflowEvent* open_return(const Eqia& eqia);

// An approved or published assessment that must change becomes a new draft version
// (version + 1); its history is kept and records the new version. Refused otherwise.
Problems start_new_version(Eqia& eqia, const Actor& actor, const std::string& reason);

// ------------------------------------------------------------------ scores

enum class RiskBand { not_scored, low, medium, high };
RiskBand risk_band(const Score& score);     // 1-4 low, 5-8 medium, 9-16 high
const char* risk_band_name(RiskBand band);  // "not scored", "low", "medium", "high"

struct ImpactScore {
  int before = 0;  // likelihood x severity, 0 = not scored
  RiskBand before_band = RiskBand::not_scored;
  int after = 0;  // after mitigation (the residual score), 0 = not scored
  RiskBand after_band = RiskBand::not_scored;
};
ImpactScore score_impact(const Impact& impact);

// ------------------------------------------------------------------ data gaps -> actions

// True when some action's description contains the gap's text (ignoring case and the
// spaces around it).
bool gap_has_action(const Eqia& eqia, const std::string& gap);

// One open action for every data gap that has none yet: "Fill data gap (age): <gap>".
std::vector<Action> actions_for_data_gaps(const Eqia& eqia);

// Adds those actions to the plan (an edit: refused by returning 0 when not editable).
// Returns how many were added.
std::size_t add_actions_for_data_gaps(Eqia& eqia);

// ------------------------------------------------------------------ post-implementation review

// Due once the assessment is approved or published and `today` (yyyy-mm-dd) has reached
// the review date.
bool review_due(const Eqia& eqia, const std::string& today);

// What a complete review needs: for every impact, what actually happened, the rating it
// turned out to deserve and the evidence for it; and a summary of actual against expected.
// Empty when complete.
Problems review_problems(const Eqia& eqia, const std::string& path);

// The review of one impact: what happened, the rating it turned out to deserve, the evidence.
struct ImpactReview {
  std::string actual;
  std::optional<Rating> rating;
  std::string evidence;
};

// Records the review on an approved or published assessment (the review does not reopen
// the assessment): reviews[i] is what happened for impacts[i] (same count), plus the
// summary. Records a workflow event with status unchanged. Nothing changes when it returns
// problems.
Problems record_review(Eqia& eqia, const std::vector<ImpactReview>& reviews,
                       const std::string& summary, const Actor& actor);

}  // namespace eqv
