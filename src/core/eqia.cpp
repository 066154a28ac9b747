#include "equivalue/core/eqia.hpp"

#include "equivalue/core/affected.hpp"
#include "equivalue/core/choices.hpp"
#include "equivalue/core/text.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace eqv {
namespace {

bool blank(const std::string& text) { return is_blank(text); }

std::string folded(const std::string& text) { return lower_case(trimmed(text)); }

// "Age (age)" when the template knows the characteristic, else "age".
std::string label(const EqiaTemplate* tmpl, const std::string& id) {
  if (tmpl)
    if (const auto* c = tmpl->find(id); c && !c->name.empty() && c->name != id)
      return "\"" + c->name + "\" (" + id + ")";
  return "\"" + id + "\"";
}

// Why a characteristic is flagged, in words: its most over-represented flagged category.
std::string flag_words(const CharacteristicImpact& ch, const Decimal& flag_ratio) {
  const CategoryImpact* top = nullptr;
  for (const auto& c : ch.categories)
    if (c.flag && (!top || *c.ratio > *top->ratio)) top = &c;
  if (!top) return "";
  return "the segment figures flag " + ch.characteristic + ": people in \"" + top->category +
         "\" are " + to_fixed(*top->ratio, 2) +
         " times as common among those affected as in the whole area (flag at " +
         to_exact_string(flag_ratio) + ")";
}

bool bears_on_any(const Impact& impact, const std::vector<std::string>& groups) {
  return std::any_of(groups.begin(), groups.end(),
                     [&](const std::string& g) { return impact_bears_on(impact, g); });
}

bool any_impact_bears_on(const Eqia& eqia, const std::string& characteristic,
                         const std::string& group) {
  return std::any_of(eqia.impacts.begin(), eqia.impacts.end(), [&](const Impact& im) {
    return im.characteristic == characteristic && impact_bears_on(im, group);
  });
}

bool known_characteristic(const Project& project, const EqiaTemplate* tmpl, const std::string& id) {
  return (tmpl && tmpl->find(id)) || project.segments.characteristic(id) != nullptr;
}

Problems check_actor(const Actor& actor) {
  Problems p;
  if (blank(actor.who))
    p.push_back({"history", "say who is doing this (name or role of the officer)"});
  if (actor.when.size() < 10 || !is_iso_date(actor.when.substr(0, 10)))
    p.push_back(
        {"history",
         "the time must be written as an ISO date and time, such as 2026-11-22T10:15:00Z, got \"" +
             actor.when + "\""});
  return p;
}

void record(Eqia& eqia, EqiaStatus to, const Actor& actor, const std::string& comment) {
  eqia.history.push_back({eqia.status, to, actor.who, actor.when, comment});
  eqia.status = to;
}

Problems wrong_status(const Eqia& eqia, const char* what, const char* needs) {
  return {{"status", std::string(what) + " needs " + needs + "; this assessment is " +
                         status_name(eqia.status)}};
}

}  // namespace

// ------------------------------------------------------------------ submission rules

namespace {

// The submission rules of one assessment, one group of rules per function; each unmet
// rule is one problem in `out`.
struct SubmissionCheck {
  const Project& project;
  const ServiceChange& change;
  const Eqia& e;
  const EqiaTemplate* tmpl;
  std::string path;  // "changes[i].eqia"
  std::map<std::string, std::string>
      flagged;  // characteristic -> why the figures flag it, in words
  std::map<std::string, std::vector<std::string>>
      flagged_groups;  // characteristic -> the groups flagged
  Problems out;

  void add(const std::string& at, std::string message) { out.push_back({at, std::move(message)}); }
  std::string at(const std::string& field) const { return field_path(path, field); }

  void identity();
  void find_flagged();
  void screening();
  void local_additions();
  void impacts(std::vector<std::string>& negative);
  void impact(const Impact& im, const std::string& ipath, std::vector<std::string>& negative);
  void impacts_needed();
  void decision(const std::vector<std::string>& negative);
  void actions_and_review();
};

void SubmissionCheck::identity() {
  if (!tmpl)
    add(at("template"),
        "the template \"" + e.template_name +
            "\" could not be found, so the characteristics to screen are not known; name one of "
            "the "
            "installed templates (england, wales, scotland, northern-ireland) or install the "
            "council's own");
  auto required = [&](const std::string& field, const std::string& value, const char* what) {
    if (blank(value))
      add(at(field), std::string(what) + " is required before the assessment is submitted");
  };
  required("reference", e.reference, "the assessment's reference");
  required("directorate", e.directorate, "the directorate");
  required("lead_officer", e.lead_officer, "the lead officer");
  required("decision_maker", e.decision_maker,
           "the decision maker (who has due regard to this assessment)");
  required("decision_date", e.decision_date, "the date of the decision");
  if (blank(e.proposal_type))
    add(at("proposal_type"),
        "choose the proposal type: " + choice_values_text(proposal_type_choices()));
  else if (!is_choice(proposal_type_choices(), e.proposal_type))
    add(at("proposal_type"),
        "must be one of new, review, reduction, removal, budget-saving, got \"" + e.proposal_type +
            "\"");
  if (e.proposal_type == "budget-saving" && !e.saving)
    add(at("saving"), "a budget saving needs the saving it is expected to make, in pounds");
}

// The link: which characteristics the segment figures flag for this change. A flagged
// joint group (older and disabled) asks for each characteristic it crosses.
void SubmissionCheck::find_flagged() {
  if (project.segments.items.empty() || change.affected_segments.empty()) return;
  const AffectedResult affected =
      compute_affected(project.segments, change.affected_segments, project.project.flag_ratio);
  const auto& joint = project.segments.intersections;
  for (const auto& ch : affected.characteristics)
    if (ch.flagged() && !joint.count(ch.characteristic)) {
      flagged[ch.characteristic] = flag_words(ch, project.project.flag_ratio);
      for (const auto& cat : ch.categories)
        if (cat.flag) flagged_groups[ch.characteristic].push_back(cat.category);
    }
  for (const auto& ch : affected.characteristics)
    if (const auto crossed = joint.find(ch.characteristic); ch.flagged() && crossed != joint.end())
      for (const auto& name : crossed->second)
        flagged.emplace(name, flag_words(ch, project.project.flag_ratio));
}

void SubmissionCheck::screening() {
  std::set<std::string> screened;
  for (std::size_t i = 0; i < e.screening.size(); ++i) {
    const Screening& s = e.screening[i];
    const std::string spath = index_path(path, "screening", i);
    screened.insert(s.characteristic);
    if (!blank(s.characteristic) && tmpl && !known_characteristic(project, tmpl, s.characteristic))
      add(field_path(spath, "characteristic"), "\"" + s.characteristic +
                                                   "\" is not a characteristic of the " + tmpl->id +
                                                   " template or of the project's segments");
    if (blank(s.reason))
      add(field_path(spath, "reason"), "give the reason for screening " +
                                           label(tmpl, s.characteristic) + " as " +
                                           relevance_name(s.relevant));
    if (s.relevant == Relevance::no && flagged.count(s.characteristic))
      add(field_path(spath, "relevant"),
          flagged[s.characteristic] +
              "; screen it as relevant (yes or not sure) and assess the impact");
  }
  if (!tmpl) return;
  local_additions();
  for (const TemplateCharacteristic* c : tmpl->to_screen(project.project.eqia_additions))
    if (!screened.count(c->id))
      add(at("screening"),
          "screen " + label(tmpl, c->id) +
              ": say whether it is relevant to this proposal (yes, no or not sure) and why");
}

void SubmissionCheck::local_additions() {
  for (std::size_t k = 0; k < project.project.eqia_additions.size(); ++k) {
    const std::string& id = project.project.eqia_additions[k];
    const bool offered = std::any_of(tmpl->local_additions.begin(), tmpl->local_additions.end(),
                                     [&](const TemplateCharacteristic& c) { return c.id == id; });
    if (offered) continue;
    std::string ids;
    for (const auto& c : tmpl->local_additions) ids += (ids.empty() ? "" : ", ") + c.id;
    add(index_path("project", "eqia_additions", k),
        "\"" + id + "\" is not a local addition of the " + tmpl->id +
            " template (it offers: " + ids + ")");
  }
}

void SubmissionCheck::impacts(std::vector<std::string>& negative) {
  for (std::size_t k = 0; k < e.impacts.size(); ++k)
    impact(e.impacts[k], index_path(path, "impacts", k), negative);
  impacts_needed();
}

void SubmissionCheck::impact(const Impact& im, const std::string& ipath,
                             std::vector<std::string>& negative) {
  if (!blank(im.characteristic) && tmpl && !known_characteristic(project, tmpl, im.characteristic))
    add(field_path(ipath, "characteristic"), "\"" + im.characteristic +
                                                 "\" is not a characteristic of the " + tmpl->id +
                                                 " template or of the project's segments");
  const bool is_flagged = flagged.count(im.characteristic) > 0;
  const bool bears_on_flagged = is_flagged && bears_on_any(im, flagged_groups[im.characteristic]);
  if (blank(im.evidence))
    add(field_path(ipath, "evidence"),
        "give the evidence for this rating (data, research, what people told us), with references" +
            std::string(is_flagged ? "; " + flagged[im.characteristic] : ""));
  if (im.rating == Rating::unknown && bears_on_flagged)
    add(field_path(ipath, "rating"),
        flagged[im.characteristic] +
            "; rate the impact positive, neutral or negative: unknown is not enough "
            "for a group the figures show is touched");
  else if (im.rating == Rating::unknown && im.data_gaps.empty())
    add(field_path(ipath, "data_gaps"),
        "the impact is rated unknown: record the data gap that stops it being rated (each gap "
        "becomes an action)");
  if (im.rating == Rating::negative) {
    negative.push_back(im.characteristic);
    if (im.before.likelihood == 0)
      add(field_path(ipath, "likelihood"),
          "score how likely this negative impact is, from 1 (unlikely) to 4 (almost certain)");
    if (im.before.severity == 0)
      add(field_path(ipath, "severity"),
          "score how severe this negative impact is, from 1 (minor) to 4 (severe)");
    if (!blank(im.mitigation) && (!im.residual || !im.residual->scored()))
      add(field_path(ipath, "residual"),
          "score the impact after mitigation (likelihood and severity, 1 to 4), so the effect of "
          "the mitigation shows");
  }
  if (im.residual && im.residual->scored() && im.before.scored() &&
      im.residual->value() > im.before.value())
    add(field_path(ipath, "residual"),
        "the score after mitigation (" + std::to_string(im.residual->value()) +
            ") is higher than before it (" + std::to_string(im.before.value()) +
            "); mitigation should not raise the risk: check both scores");
  for (std::size_t g = 0; g < im.data_gaps.size(); ++g) {
    const std::string gpath = index_path(ipath, "data_gaps", g);
    if (blank(im.data_gaps[g]))
      add(gpath, "describe the data gap, or remove it");
    else if (!gap_has_action(e, im.data_gaps[g]))
      add(gpath,
          "this data gap has no action in the action plan: add an action to fill it, with an owner "
          "and a "
          "due date");
  }
}

// Every relevant or flagged characteristic has an impact.
void SubmissionCheck::impacts_needed() {
  std::set<std::string> assessed;
  for (const auto& im : e.impacts) assessed.insert(im.characteristic);
  for (const auto& s : e.screening)
    if ((s.relevant == Relevance::yes || s.relevant == Relevance::not_sure) &&
        !blank(s.characteristic) && !assessed.count(s.characteristic))
      add(at("impacts"), "assess the impact on " + label(tmpl, s.characteristic) +
                             ", screened as " + relevance_name(s.relevant) +
                             ": give a rating and the evidence for it");
  for (const auto& [characteristic, why] : flagged)
    if (!assessed.count(characteristic))
      add(at("impacts"), why + "; assess the impact on " + label(tmpl, characteristic) +
                             ": give a rating and the evidence for it");
    else
      for (const auto& group : flagged_groups[characteristic])
        if (!any_impact_bears_on(e, characteristic, group))
          add(at("impacts"), why + "; no impact on " + label(tmpl, characteristic) +
                                 " names the group \"" + group +
                                 "\": add it to an impact's groups, or assess its impact");
}

void SubmissionCheck::decision(const std::vector<std::string>& negative) {
  std::string negative_list;
  for (const auto& n : negative) negative_list += (negative_list.empty() ? "" : ", ") + n;
  const bool any_negative = !negative.empty();
  if (e.decision.outcome == DecisionOutcome::none)
    add(at("decision.outcome"), "choose the decision: no-change, adjust, continue or stop");
  if (e.decision.outcome == DecisionOutcome::continue_despite && any_negative &&
      blank(e.decision.justification))
    add(at("decision.justification"), "the proposal continues despite a negative impact (" +
                                          negative_list +
                                          "): explain why it is necessary, why no less harmful "
                                          "alternative exists and why it is proportionate");
  if (e.decision.outcome == DecisionOutcome::no_change && any_negative)
    add(at("decision.outcome"),
        "\"no-change\" means the assessment found no adverse impact, but it rates " +
            negative_list + " negative: choose adjust, continue (with a justification) or stop");
}

void SubmissionCheck::actions_and_review() {
  for (std::size_t i = 0; i < e.actions.size(); ++i) {
    const std::string apath = index_path(path, "actions", i);
    if (blank(e.actions[i].owner)) add(field_path(apath, "owner"), "say who owns this action");
    if (blank(e.actions[i].due))
      add(field_path(apath, "due"), "give this action a due date (yyyy-mm-dd)");
  }
  if (blank(e.review_date))
    add(at("review_date"), "set a review date (yyyy-mm-dd) for the post-implementation review");
}

}  // namespace

Problems submission_problems(const Project& project, std::size_t change_index,
                             const EqiaTemplate* tmpl) {
  const std::string change_path = index_path("", "changes", change_index);
  if (change_index >= project.changes.size())
    return {{change_path, "there is no such service change"}};
  const ServiceChange& change = project.changes[change_index];
  const std::string path = field_path(change_path, "eqia");
  if (!change.eqia)
    return {
        {path, "this service change has no equality impact assessment yet: start one from the " +
                   project.project.jurisdiction + " template"}};
  SubmissionCheck check{project, change, *change.eqia, tmpl, path, {}, {}, {}};
  check.identity();
  check.find_flagged();
  check.screening();
  std::vector<std::string> negative;
  check.impacts(negative);
  check.decision(negative);
  check.actions_and_review();
  return std::move(check.out);
}

bool impact_bears_on(const Impact& impact, const std::string& group) {
  return impact.groups.empty() ||
         std::find(impact.groups.begin(), impact.groups.end(), group) != impact.groups.end();
}

bool ready_to_submit(const Project& project, std::size_t change_index, const EqiaTemplate* tmpl) {
  return submission_problems(project, change_index, tmpl).empty();
}

// ------------------------------------------------------------------ starting and checking

Eqia new_assessment(const Project& project, const EqiaTemplate* tmpl) {
  Eqia e;
  e.template_name = project.project.jurisdiction;
  if (tmpl) {
    for (const auto* ch : tmpl->to_screen(project.project.eqia_additions))
      e.screening.push_back({ch->id, Relevance::not_sure, ""});
  } else {
    for (const auto& ch : project.segments.characteristics)
      e.screening.push_back({ch.name, Relevance::not_sure, ""});
  }
  return e;
}

Problems assessment_errors(const Project& project, std::size_t change_index,
                           const EqiaTemplate* tmpl) {
  Problems out;
  if (!tmpl || change_index >= project.changes.size() || !project.changes[change_index].eqia)
    return out;
  const Eqia& e = *project.changes[change_index].eqia;
  const std::string path = field_path(index_path("", "changes", change_index), "eqia");
  auto check = [&](const std::string& id, const std::string& at) {
    if (!blank(id) && !known_characteristic(project, tmpl, id))
      out.push_back({field_path(at, "characteristic"),
                     "\"" + id + "\" is not a characteristic of the " + tmpl->id +
                         " template or of the project's segments"});
  };
  for (std::size_t i = 0; i < e.screening.size(); ++i)
    check(e.screening[i].characteristic, index_path(path, "screening", i));
  for (std::size_t k = 0; k < e.impacts.size(); ++k)
    check(e.impacts[k].characteristic, index_path(path, "impacts", k));
  return out;
}

AssessmentCheck check_assessment(const Project& project, std::size_t change_index,
                                 const EqiaTemplate* tmpl, const std::string& today) {
  AssessmentCheck out;
  if (change_index >= project.changes.size() || !project.changes[change_index].eqia) return out;
  const Eqia& e = *project.changes[change_index].eqia;
  const std::string path = field_path(index_path("", "changes", change_index), "eqia");
  out.errors = assessment_errors(project, change_index, tmpl);
  auto is_error = [&](const Problem& p) {
    return std::any_of(out.errors.begin(), out.errors.end(), [&](const Problem& x) {
      return x.path == p.path && x.message == p.message;
    });
  };
  for (auto& p : submission_problems(project, change_index, tmpl)) {
    if (is_error(p)) continue;
    if (is_editable(e)) {
      out.to_complete.push_back(std::move(p));
    } else {
      p.message += std::string(" (the assessment is ") + status_name(e.status) +
                   ", so this must already be met)";
      out.errors.push_back(std::move(p));
    }
  }
  if (review_due(e, today)) out.review_missing = review_problems(e, path);
  return out;
}

// ------------------------------------------------------------------ workflow

Problems submit(Project& project, std::size_t change_index, const EqiaTemplate* tmpl,
                const Actor& actor) {
  Problems p = submission_problems(project, change_index, tmpl);
  if (change_index >= project.changes.size() || !project.changes[change_index].eqia) return p;
  Eqia& e = *project.changes[change_index].eqia;
  const std::string path = field_path(index_path("", "changes", change_index), "eqia");
  if (e.status != EqiaStatus::draft && e.status != EqiaStatus::returned)
    p.push_back({field_path(path, "status"),
                 std::string("only a draft or a returned assessment can be submitted; "
                             "this one is ") +
                     status_name(e.status)});
  for (auto& a : check_actor(actor)) p.push_back({field_path(path, a.path), a.message});
  if (p.empty()) record(e, EqiaStatus::submitted, actor, "");
  return p;
}

Problems return_with_comments(Eqia& eqia, const Actor& reviewer, const std::string& comments) {
  if (eqia.status != EqiaStatus::submitted)
    return wrong_status(eqia, "returning an assessment", "a submitted one");
  Problems p = check_actor(reviewer);
  if (blank(comments))
    p.push_back(
        {"history",
         "the reviewer's comments are required: say what must change before it can be approved"});
  if (p.empty()) record(eqia, EqiaStatus::returned, reviewer, comments);
  return p;
}

Problems approve(Eqia& eqia, const Actor& reviewer) {
  if (eqia.status != EqiaStatus::submitted)
    return wrong_status(eqia, "approval", "a submitted assessment");
  Problems p = check_actor(reviewer);
  for (auto it = eqia.history.rbegin(); it != eqia.history.rend(); ++it)
    if (it->to == EqiaStatus::submitted) {
      if (!blank(reviewer.who) && folded(it->who) == folded(reviewer.who))
        p.push_back({"history", "the person who submitted this assessment (" + it->who +
                                    ") cannot approve it: another officer must review it"});
      break;
    }
  if (p.empty()) record(eqia, EqiaStatus::approved, reviewer, "");
  return p;
}

Problems publish(Eqia& eqia, const Actor& actor) {
  if (eqia.status != EqiaStatus::approved)
    return wrong_status(eqia, "publishing", "an approved assessment");
  Problems p = check_actor(actor);
  if (p.empty()) record(eqia, EqiaStatus::published, actor, "");
  return p;
}

bool is_editable(const Eqia& eqia) {
  return eqia.status == EqiaStatus::draft || eqia.status == EqiaStatus::returned;
}

bool awaiting_review(const Eqia& eqia) { return eqia.status == EqiaStatus::submitted; }

const WorkflowEvent* open_return(const Eqia& eqia) {
  if (eqia.status != EqiaStatus::returned || eqia.history.empty()) return nullptr;
  const WorkflowEvent& last = eqia.history.back();
  return last.to == EqiaStatus::returned && !last.comment.empty() ? &last : nullptr;
}

Problems start_new_version(Eqia& eqia, const Actor& actor, const std::string& reason) {
  if (eqia.status != EqiaStatus::approved && eqia.status != EqiaStatus::published)
    return wrong_status(eqia, "a new version",
                        "an approved or published assessment (a draft can simply be edited)");
  Problems p = check_actor(actor);
  if (blank(reason)) p.push_back({"history", "say why the approved assessment must change"});
  if (!p.empty()) return p;
  ++eqia.version;
  record(eqia, EqiaStatus::draft, actor,
         "version " + std::to_string(eqia.version) + " started: " + reason);
  return p;
}

// ------------------------------------------------------------------ scores

RiskBand risk_band(const Score& score) {
  if (!score.scored()) return RiskBand::not_scored;
  const int v = score.value();
  if (v <= 4) return RiskBand::low;
  if (v <= 8) return RiskBand::medium;
  return RiskBand::high;
}

const char* risk_band_name(RiskBand band) {
  switch (band) {
    case RiskBand::not_scored:
      return "not scored";
    case RiskBand::low:
      return "low";
    case RiskBand::medium:
      return "medium";
    case RiskBand::high:
      return "high";
  }
  return "not scored";
}

ImpactScore score_impact(const Impact& impact) {
  ImpactScore s;
  if (impact.before.scored()) s.before = impact.before.value();
  s.before_band = risk_band(impact.before);
  if (impact.residual && impact.residual->scored()) {
    s.after = impact.residual->value();
    s.after_band = risk_band(*impact.residual);
  }
  return s;
}

// ------------------------------------------------------------------ data gaps -> actions

bool gap_has_action(const Eqia& eqia, const std::string& gap) {
  const std::string wanted = folded(gap);
  if (wanted.empty()) return true;
  for (const auto& a : eqia.actions)
    if (folded(a.description).find(wanted) != std::string::npos) return true;
  return false;
}

std::vector<Action> actions_for_data_gaps(const Eqia& eqia) {
  std::vector<Action> out;
  Eqia seen = eqia;  // so that one gap listed under two impacts gets one action
  for (const auto& im : eqia.impacts)
    for (const auto& gap : im.data_gaps) {
      if (blank(gap) || gap_has_action(seen, gap)) continue;
      Action a;
      a.description = "Fill data gap (" + im.characteristic + "): " + gap;
      a.status = "open";
      seen.actions.push_back(a);
      out.push_back(std::move(a));
    }
  return out;
}

std::size_t add_actions_for_data_gaps(Eqia& eqia) {
  if (!is_editable(eqia)) return 0;
  auto added = actions_for_data_gaps(eqia);
  for (auto& a : added) eqia.actions.push_back(a);
  return added.size();
}

// ------------------------------------------------------------------ post-implementation review

bool review_due(const Eqia& eqia, const std::string& today) {
  const bool decided = eqia.status == EqiaStatus::approved || eqia.status == EqiaStatus::published;
  return decided && is_iso_date(eqia.review_date) && is_iso_date(today) &&
         today >= eqia.review_date;
}

Problems review_problems(const Eqia& eqia, const std::string& path) {
  Problems p;
  for (std::size_t k = 0; k < eqia.impacts.size(); ++k) {
    const Impact& im = eqia.impacts[k];
    const std::string ipath = index_path(path, "impacts", k);
    const std::string expected = std::string(rating_name(im.rating)) + " impact expected";
    if (blank(im.actual_impact))
      p.push_back({field_path(ipath, "actual_impact"),
                   "record what actually happened for this group, against the " + expected});
    if (!im.actual_rating)
      p.push_back({field_path(ipath, "actual_rating"),
                   "rate the impact as it turned out (positive, neutral, negative or unknown), "
                   "against the " +
                       expected});
    if (blank(im.actual_evidence))
      p.push_back({field_path(ipath, "actual_evidence"),
                   "give the evidence for what happened (monitoring data, complaints, what people "
                   "told us)"});
  }
  if (blank(eqia.review_summary))
    p.push_back({field_path(path, "review_summary"),
                 "summarise the review: actual against expected impact"});
  return p;
}

Problems record_review(Eqia& eqia, const std::vector<ImpactReview>& reviews,
                       const std::string& summary, const Actor& actor) {
  if (eqia.status != EqiaStatus::approved && eqia.status != EqiaStatus::published)
    return wrong_status(eqia, "a post-implementation review",
                        "an approved or published assessment");
  Problems p = check_actor(actor);
  if (reviews.size() != eqia.impacts.size())
    p.push_back({"impacts", "give one actual impact for each of the " +
                                std::to_string(eqia.impacts.size()) + " impacts assessed, got " +
                                std::to_string(reviews.size())});
  if (!p.empty()) return p;
  Eqia reviewed = eqia;
  for (std::size_t k = 0; k < reviews.size(); ++k) {
    reviewed.impacts[k].actual_impact = reviews[k].actual;
    reviewed.impacts[k].actual_rating = reviews[k].rating;
    reviewed.impacts[k].actual_evidence = reviews[k].evidence;
  }
  reviewed.review_summary = summary;
  p = review_problems(reviewed, "");
  if (!p.empty()) return p;
  eqia = std::move(reviewed);
  record(eqia, eqia.status, actor, "post-implementation review recorded");
  return p;
}

}  // namespace eqv
