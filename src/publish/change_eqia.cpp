// The change's document: the equality impact assessment's own sections.
#include "change_parts.hpp"
#include "equivalue/core/joined.hpp"
#include "equivalue/core/eqia.hpp"
#include "equivalue/publish/html.hpp"
#include "page.hpp"
#include "words.hpp"

namespace eqv::publishing {
namespace {

const char* kNoAssessment = "No equality impact assessment has been started for this change yet.";

std::string score_words(const Score& s) {
  if (!s.scored()) return "Not scored";
  return std::to_string(s.value()) + " out of 16, " + risk_band_name(risk_band(s)) +
         " risk (likelihood " + std::to_string(s.likelihood) + " out of 4, severity " +
         std::to_string(s.severity) + " out of 4)";
}

std::string or_none(const std::string& text, const std::string& none) {
  return text.empty() ? none : text;
}

// "Age: 65+" for an impact on named groups, "Age" for one on the whole characteristic.
std::string impact_name(const ChangeContext& c, const Impact& i) {
  const std::string groups = joined(i.groups);
  const std::string name = characteristic_name(i.characteristic, c.tmpl);
  return groups.empty() ? name : name + ": " + groups;
}

std::string one_impact(const ChangeContext& c, const Impact& i) {
  std::vector<std::pair<std::string, std::string>> items = {
      {"Impact", rating_words(i.rating)},
      {"What the evidence shows", or_none(i.evidence, "No evidence recorded")},
      {"What people told us", or_none(i.engagement, "No engagement recorded")},
      {"What the council will do", or_none(i.mitigation, "No mitigation recorded")},
      {"Risk before mitigation", score_words(i.before)},
      {"Risk after mitigation", i.residual ? score_words(*i.residual) : "Not scored"}};
  if (!i.actual_impact.empty()) items.emplace_back("What happened", i.actual_impact);
  std::string body = facts(items);
  if (!i.data_gaps.empty()) {
    body += "<p>What we do not know yet:</p>\n<ul>\n";
    for (const std::string& gap : i.data_gaps) body += "<li>" + escape(gap) + "</li>\n";
    body += "</ul>\n";
  }
  std::string id = "impact-" + html_id(i.characteristic);
  for (const std::string& g : i.groups) id += "-" + html_id(g);
  return "<div class=\"impact " + std::string(rating_name(i.rating)) + "\">\n" +
         subsection(id, impact_name(c, i), body) + "</div>\n";
}

std::string scores_table(const ChangeContext& c, const Eqia& e) {
  Table t;
  t.caption = "Risk scores before and after mitigation (likelihood times severity, out of 16)";
  t.columns = {"Characteristic", "Impact", "Score before", "Score after"};
  t.numeric = {false, false, true, true};
  for (const Impact& i : e.impacts) {
    const ImpactScore s = score_impact(i);
    const auto shown = [](int v, RiskBand b) {
      return v == 0 ? std::string("not scored")
                    : std::to_string(v) + " (" + risk_band_name(b) + ")";
    };
    t.rows.push_back({impact_name(c, i), rating_words(i.rating), shown(s.before, s.before_band),
                      shown(s.after, s.after_band)});
  }
  return table(t);
}

std::string not_relevant_table(const ChangeContext& c, const Eqia& e) {
  Table t;
  t.caption = "Characteristics the assessment found not relevant, and why";
  t.columns = {"Characteristic", "Why not relevant"};
  for (const Screening& s : e.screening)
    if (s.relevant == Relevance::no)
      t.rows.push_back({characteristic_name(s.characteristic, c.tmpl), s.reason});
  return t.rows.empty() ? std::string() : table(t);
}

// The post-implementation review: each impact as expected and as it turned out.
std::string expected_against_actual(const ChangeContext& c, const Eqia& e) {
  Table t;
  t.caption = "Expected against actual impact on each group";
  t.columns = {"Group", "Expected", "As it turned out", "What happened", "Evidence"};
  for (const Impact& i : e.impacts)
    t.rows.push_back({impact_name(c, i), rating_words(i.rating),
                      i.actual_rating ? rating_words(*i.actual_rating) : "Not recorded",
                      or_none(i.actual_impact, "Not recorded"),
                      or_none(i.actual_evidence, "Not recorded")});
  return t.rows.empty() ? std::string() : table(t);
}

}  // namespace

std::string impacts_section(const ChangeContext& c) {
  const char* heading = "Impact on each group";
  if (!c.change.eqia) return section(kImpactsId, heading, para(kNoAssessment));
  const Eqia& e = *c.change.eqia;
  std::string body = para(
      "For each characteristic the assessment found relevant: what the evidence shows, what "
      "people told the council, the likely impact, what the council will do about it, and the "
      "risk before and after that.");
  for (const Impact& i : e.impacts) body += one_impact(c, i);
  if (!e.impacts.empty()) body += scores_table(c, e);
  body += not_relevant_table(c, e);
  return section(kImpactsId, heading, body);
}

std::string decision_section(const ChangeContext& c) {
  const char* heading = "The decision";
  if (!c.change.eqia) return section(kDecisionId, heading, para(kNoAssessment));
  const Eqia& e = *c.change.eqia;
  std::string body = "<p class=\"headline\">" + escape(decision_title(e.decision.outcome)) +
                     "</p>\n" + para(decision_words(e.decision.outcome));
  if (e.decision.outcome == DecisionOutcome::continue_despite)
    body += subsection(
        "justification", "Why the council is going ahead",
        para(or_none(e.decision.justification, "No justification has been recorded yet.")));
  else if (!e.decision.justification.empty())
    body += subsection("reasons", "The reasons", para(e.decision.justification));
  if (!e.decision_maker.empty())
    body += para("Decision maker: " + e.decision_maker +
                 ". Decision date: " + long_date(e.decision_date) + ".");
  return section(kDecisionId, heading, body);
}

std::string actions_section(const ChangeContext& c) {
  const char* heading = "Action plan";
  if (!c.change.eqia) return section(kActionsId, heading, para(kNoAssessment));
  const Eqia& e = *c.change.eqia;
  if (e.actions.empty()) return section(kActionsId, heading, para("No actions are planned."));
  Table t;
  t.caption = "What the council will do, who is responsible and by when";
  t.columns = {"Action", "Owner", "Due by", "Progress"};
  for (const Action& a : e.actions) {
    const std::string progress = a.status == "done"          ? "Done"
                                 : a.status == "in-progress" ? "In progress"
                                                             : "Not started";
    t.rows.push_back({a.description, or_none(a.owner, "Not assigned"), long_date(a.due), progress});
  }
  return section(kActionsId, heading, table(t));
}

std::string review_section(const ChangeContext& c) {
  const char* heading = "Review";
  if (!c.change.eqia) return section(kReviewId, heading, para(kNoAssessment));
  const Eqia& e = *c.change.eqia;
  std::string body =
      e.review_date.empty()
          ? para("A date to review the actual impact of this change has not been set yet.")
          : para("The council will review what actually happened to the groups affected by " +
                 long_date(e.review_date) + ", and compare it with what this assessment expected.");
  if (!e.review_summary.empty()) {
    body += subsection("review-findings", "What the review found", para(e.review_summary));
    body += expected_against_actual(c, e);
  }
  return section(kReviewId, heading, body);
}

}  // namespace eqv::publishing
