// The change's document: assembly, the summary, the proposal and the people affected.
#include "change_parts.hpp"
#include "equivalue/core/disclosure.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/interchange/templates.hpp"
#include "equivalue/publish/html.hpp"
#include "equivalue/publish/publish.hpp"
#include "page.hpp"
#include "words.hpp"

namespace eqv::publishing {

std::optional<EqiaTemplate> template_for(const ServiceChange& change) {
  if (!change.eqia) return std::nullopt;
  try {
    return load_eqia_template(change.eqia->template_name);
  } catch (const std::exception&) {
    return std::nullopt;  // names then fall back to the ids the assessment uses
  }
}

bool is_final(const ServiceChange& change) {
  return change.eqia && (change.eqia->status == EqiaStatus::approved ||
                         change.eqia->status == EqiaStatus::published);
}

std::string people_affected_text(const ChangeContext& c) {
  if (!c.results.affected) return {};
  return disclose_count(whole_people(c.results.affected->total), c.threshold).text;
}

namespace {

std::string summary_impacts(const ChangeContext& c) {
  const Eqia& e = *c.change.eqia;
  std::string out;
  const std::string people = people_affected_text(c);
  if (!people.empty()) out += para("People affected: " + people + ".");
  if (e.impacts.empty())
    return out + para("The assessment does not yet record the impact on any group.");
  out += "<ul>\n";
  for (const Impact& i : e.impacts)
    out += "<li>" +
           escape(characteristic_name(i.characteristic, c.tmpl) + ": " + rating_words(i.rating)) +
           "</li>\n";
  return out + "</ul>\n";
}

std::string summary_response(const ChangeContext& c) {
  const Eqia& e = *c.change.eqia;
  std::size_t mitigations = 0;
  for (const Impact& i : e.impacts) mitigations += i.mitigation.empty() ? 0 : 1;
  std::string earliest;
  for (const Action& a : e.actions)
    if (!a.due.empty() && (earliest.empty() || a.due < earliest)) earliest = a.due;
  std::string text = "The council plans " + count_of(e.actions.size(), "action", "actions") +
                     " and records " + count_of(mitigations, "way", "ways") + " of reducing harm.";
  if (!earliest.empty()) text += " The first action is due by " + long_date(earliest) + ".";
  return para(text);
}

std::string summary_value(const ChangeContext& c) {
  const SroiResult& r = c.results.sroi;
  if (!r.ratio) return para("Social value created: " + pounds(r.present_value) + ".");
  return para("For every £1 spent, the change is expected to create " + pounds_per_pound(*r.ratio) +
              " of social value (" + pounds(r.present_value) + " in all, against a cost of " +
              pounds(r.total_inputs) + ").");
}

}  // namespace

std::string summary_section(const ChangeContext& c) {
  std::string body = "<div class=\"summary\">\n";
  std::string proposed = c.change.title + ".";
  if (c.change.eqia) proposed += " " + proposal_type_words(c.change.eqia->proposal_type) + ".";
  body += subsection("summary-proposed", "What is proposed", para(proposed));
  if (c.change.eqia) {
    const Eqia& e = *c.change.eqia;
    body += subsection("summary-who", "Who is affected and how", summary_impacts(c));
    body +=
        subsection("summary-response", "What the council will do about it", summary_response(c));
    std::string decided = decision_title(e.decision.outcome) + ". ";
    if (!e.decision_maker.empty())
      decided += "Decision by " + e.decision_maker +
                 (e.decision_date.empty() ? "" : ", " + long_date(e.decision_date)) + ".";
    body += subsection("summary-decision", "The decision", para(decided));
  } else {
    body += para("No equality impact assessment has been started for this change yet.");
  }
  body += subsection("summary-value", "Social value", summary_value(c));
  return section(kSummaryId, "Summary", body + "</div>\n");
}

std::string proposal_section(const ChangeContext& c) {
  std::vector<std::pair<std::string, std::string>> items = {{"Proposal", c.change.title}};
  if (const auto& e = c.change.eqia) {
    items.emplace_back("Type", proposal_type_words(e->proposal_type));
    if (!e->reference.empty()) items.emplace_back("Reference", e->reference);
    if (!e->directorate.empty()) items.emplace_back("Council department", e->directorate);
    if (!e->lead_officer.empty()) items.emplace_back("Lead officer", e->lead_officer);
    if (e->budget) items.emplace_back("Budget", pounds(*e->budget));
    if (e->saving) items.emplace_back("Saving", pounds(*e->saving));
    if (!e->decision_maker.empty()) items.emplace_back("Decision maker", e->decision_maker);
    items.emplace_back("Decision date", long_date(e->decision_date));
    items.emplace_back("Assessment",
                       status_words(e->status) + ", version " + std::to_string(e->version));
  }
  return section(kProposalId, "The proposal", facts(items));
}

namespace {

std::string characteristic_table(const ChangeContext& c, const CharacteristicImpact& ch) {
  DisclosureTable counts;
  counts.column_totals = true;
  for (const CategoryImpact& cat : ch.categories)
    counts.counts.push_back({whole_people(cat.affected)});
  const DisclosedTable shown = apply_disclosure(counts, c.threshold);
  Table t;
  const std::string name = characteristic_name(ch.characteristic, c.tmpl);
  t.caption = name + ": people affected in each group";
  t.columns = {"Group", "People affected", "Share of those affected", "Share of all residents",
               "More than their share?"};
  t.numeric = {false, true, true, true, false};
  t.cell_class = {"", "count", "", "", ""};
  for (std::size_t i = 0; i < ch.categories.size(); ++i) {
    const CategoryImpact& cat = ch.categories[i];
    const DisclosedCell& cell = shown.cell(i, 0);
    const std::string share = cat.share ? disclose_derived(cell, percent(*cat.share)).text : "-";
    const std::string flag = disclose_derived(cell, cat.flag ? "Yes" : "No").text;
    t.rows.push_back(
        {cat.category, cell.text, share, cat.base_share ? percent(*cat.base_share) : "-", flag});
  }
  t.footer = {"All groups", shown.column_totals.at(0).text, "", "", ""};
  return subsection("people-" + html_id(ch.characteristic), name, table(t));
}

}  // namespace

std::string people_section(const ChangeContext& c) {
  if (!c.results.affected)
    return section(
        kPeopleId, "People affected",
        para(
            "This change does not yet name the parts of the population it affects, so there are no "
            "figures of people affected."));
  const AffectedResult& a = *c.results.affected;
  std::string body =
      para("Number of people affected: " + people_affected_text(c) + ", out of " +
           to_grouped(decimal_from_int(whole_people(a.base)), 0) +
           " people living in the area. The tables show, for each characteristic, how many of "
           "them are in each group, and whether a group is affected more than its share of "
           "the population (by a factor of " +
           to_grouped(c.project.project.flag_ratio, 1) + " or more).");
  body +=
      "<p class=\"note\">" + escape(disclosure_statement(c.threshold)) +
      " Figures are rounded to whole people, so totals can differ slightly from the sum of their "
      "parts.</p>\n";
  for (const CharacteristicImpact& ch : a.characteristics) body += characteristic_table(c, ch);
  return section(kPeopleId, "People affected", body);
}

namespace {

std::string about_section(const Project& project, const ChangeResults& results,
                          const PublishOptions& options) {
  const auto when = options.produced_at ? *options.produced_at : std::chrono::system_clock::now();
  std::string body =
      para("Produced on " + long_date(when) + " by Equivalue from the council's project \"" +
           project.project.name + "\".");
  body += para(disclosure_statement(project.project.disclosure_threshold));
  body += para(
      "Money is worked out exactly and rounded to the penny only where it is shown. Social value "
      "follows "
      "the Cabinet Office Guide to Social Return on Investment; future values are discounted as "
      "the HM "
      "Treasury Green Book sets out.");
  if (results.sroi.monte_carlo)
    body +=
        para("The test of how sure the figures are used " +
             to_grouped(decimal_from_int(results.sroi.monte_carlo->draws), 0) + " runs with seed " +
             std::to_string(results.sroi.monte_carlo->seed) + ", so anyone can repeat it.");
  return section(kAboutId, "About this document", body);
}

}  // namespace

std::string change_document(const Project& project, const ChangeResults& results,
                            const PublishOptions& options) {
  const ServiceChange* change = project.find_change(results.id);
  if (!change) throw InputError("No service change has the id \"" + results.id + "\"");
  const std::optional<EqiaTemplate> tmpl = template_for(*change);
  const ChangeContext c{project, *change, results, tmpl ? &*tmpl : nullptr,
                        project.project.disclosure_threshold};
  const bool welsh = tmpl && tmpl->jurisdiction == "wales";
  PageParts parts;
  parts.title = change->title;
  parts.subtitle = escape(project.project.name) +
                   (welsh ? ": equality and integrated impact assessment "
                            "(<span lang=\"cy\">asesiad effaith integredig</span>)"
                          : ": equality impact assessment and social value");
  parts.draft = !is_final(*change);
  parts.draft_reason = change->eqia
                           ? "This assessment is " + status_words(change->eqia->status) +
                                 " and has not been approved yet, so it may still change."
                           : "No equality impact assessment has been approved for this change yet.";
  parts.lead = summary_section(c);
  const std::vector<std::pair<const char*, std::string (*)(const ChangeContext&)>> sections = {
      {kProposalId, proposal_section}, {kPeopleId, people_section},
      {kImpactsId, impacts_section},   {kDecisionId, decision_section},
      {kActionsId, actions_section},   {kValueId, social_value_section},
      {kSourcesId, sources_section},   {kReviewId, review_section}};
  if (welsh)
    parts.body += wales_section(c),
        parts.contents.emplace_back(kWalesId, "Report under regulation 8");
  static const std::map<std::string, std::string> kHeadings = {
      {kProposalId, "The proposal"},
      {kPeopleId, "People affected"},
      {kImpactsId, "Impact on each group"},
      {kDecisionId, "The decision"},
      {kActionsId, "Action plan"},
      {kValueId, "Social value"},
      {kSourcesId, "Where the values come from"},
      {kReviewId, "Review"}};
  for (const auto& [id, make] : sections) {
    parts.body += make(c);
    parts.contents.emplace_back(id, kHeadings.at(id));
  }
  parts.body += about_section(project, results, options);
  parts.contents.emplace_back(kAboutId, "About this document");
  parts.footer = "<p>" + escape(project.project.name) + ". Made with Equivalue.</p>\n";
  return page(parts);
}

std::string change_document(const Project& project, const std::string& change_id,
                            const PublishOptions& options) {
  const ServiceChange* change = project.find_change(change_id);
  if (!change) throw InputError("No service change has the id \"" + change_id + "\"");
  return change_document(project, calculate_change(project, *change, options.calc), options);
}

}  // namespace eqv::publishing
