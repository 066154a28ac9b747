// The round's document: every change with its figures and status, the cumulative impact by
// characteristic and group with its heat map, and the totals of savings and people touched.
#include <algorithm>

#include "change_parts.hpp"
#include "charts.hpp"
#include "equivalue/core/cumulative.hpp"
#include "equivalue/core/disclosure.hpp"
#include "equivalue/interchange/templates.hpp"
#include "equivalue/publish/html.hpp"
#include "equivalue/publish/publish.hpp"
#include "page.hpp"
#include "words.hpp"

namespace eqv::publishing {
namespace {

struct RoundContext {
  const Project& project;
  const std::vector<ChangeResults>& results;
  const CumulativeImpact& cumulative;
  int threshold;
  const EqiaTemplate* tmpl;  // the project's jurisdiction's template, for names
};

std::string people_text(const ChangeResults& r, int threshold) {
  return r.affected ? disclose_count(whole_people(r.affected->total), threshold).text
                    : std::string("no figures");
}

struct Totals {
  Decimal savings = 0, value = 0, cost = 0, people = 0;
  std::size_t with_people = 0, final = 0, with_negative = 0;
};

Totals totals_of(const RoundContext& c) {
  Totals t;
  for (std::size_t i = 0; i < c.project.changes.size() && i < c.results.size(); ++i) {
    const ServiceChange& change = c.project.changes[i];
    if (change.eqia && change.eqia->saving) t.savings += *change.eqia->saving;
    t.value += c.results[i].sroi.present_value;
    t.cost += c.results[i].sroi.total_inputs;
    if (c.results[i].affected) t.people += c.results[i].affected->total, ++t.with_people;
    t.final += is_final(change) ? 1 : 0;
    if (change.eqia && std::any_of(change.eqia->impacts.begin(), change.eqia->impacts.end(),
                                   [](const Impact& im) { return im.rating == Rating::negative; }))
      ++t.with_negative;
  }
  return t;
}

std::string summary(const RoundContext& c, const Totals& t) {
  std::vector<std::pair<std::string, std::string>> items = {
      {"Proposals", std::to_string(c.project.changes.size())},
      {"Savings the proposals bring", pounds(t.savings)},
      {"Social value they create", pounds(t.value)},
      {"Their cost", pounds(t.cost)},
      {"People touched", disclose_count(whole_people(t.people), c.threshold).text},
      {"Proposals with a negative impact on some group", std::to_string(t.with_negative)},
      {"Assessments approved",
       std::to_string(t.final) + " of " + std::to_string(c.project.changes.size())}};
  const std::string body =
      facts(items) +
      para(
          "People touched adds up the people each proposal affects: someone affected by two "
          "proposals is counted twice.");
  return section(kSummaryId, "Summary", "<div class=\"summary\">\n" + body + "</div>\n");
}

std::string changes_section(const RoundContext& c) {
  Table t;
  t.caption = "Every proposal in the round";
  t.columns = {"Proposal", "Value for every £1 spent", "Net value",
               "Saving",   "People affected",          "Assessment"};
  t.numeric = {false, true, true, true, true, false};
  t.cell_class = {"", "", "", "", "count", ""};
  for (std::size_t i = 0; i < c.project.changes.size() && i < c.results.size(); ++i) {
    const ServiceChange& change = c.project.changes[i];
    const ChangeResults& r = c.results[i];
    const auto& e = change.eqia;
    t.rows.push_back({change.id + ": " + change.title,
                      r.sroi.ratio ? pounds_per_pound(*r.sroi.ratio) : "-", pounds(r.sroi.npv),
                      e && e->saving ? pounds(*e->saving) : "-", people_text(r, c.threshold),
                      e ? status_words(e->status) : "Not started"});
  }
  const std::string body = para(
                               "Value for every £1 spent is the social return ratio: the social "
                               "value the proposal creates for each "
                               "pound it costs. Net value is the value created less the cost.") +
                           table(t);
  return section("proposals", "Every proposal", body);
}

std::string row_label(const CumulativeRow& row, const RoundContext& c) {
  const std::string name = characteristic_name(row.characteristic, c.tmpl);
  return row.category.empty() ? name : name + ": " + row.category;
}

std::string cumulative_section(const RoundContext& c) {
  HeatMap map;
  std::vector<std::string> ids;
  for (const ServiceChange& change : c.project.changes)
    if (change.eqia) ids.push_back(change.id), map.columns.push_back(change.id);
  Table t;
  t.caption =
      "Proposals rated negative for each group, the people they touch and the savings they bring";
  t.columns = {"Group",          "Proposals rated negative", "Which",
               "People touched", "Savings they bring",       "For the decision makers"};
  t.numeric = {false, true, false, true, true, false};
  t.cell_class = {"", "", "", "count", "", ""};
  for (const CumulativeRow& row : c.cumulative.rows) {
    map.rows.push_back(row_label(row, c));
    std::vector<bool> marked;
    for (const std::string& id : ids)
      marked.push_back(std::find(row.changes.begin(), row.changes.end(), id) != row.changes.end());
    map.marked.push_back(marked);
    std::string which;
    for (const std::string& id : row.changes) which += (which.empty() ? "" : ", ") + id;
    const std::string people =
        row.has_people ? disclose_count(whole_people(row.people), c.threshold).text : "no figures";
    t.rows.push_back({row_label(row, c), std::to_string(row.count()),
                      which.empty() ? "none" : which, people,
                      row.count() == 0 ? "-" : pounds(row.saving),
                      row.flagged ? "Flagged: " + std::to_string(row.count()) + " proposals" : ""});
  }
  std::string body = para(
      "For each group of people, how many proposals the council's assessments rate negative for "
      "it, and how many people of that group those proposals touch. A group hit by several "
      "proposals at once may feel their combined effect: a group rated negative by " +
      std::to_string(c.cumulative.threshold) +
      " or more proposals is flagged for the decision makers (" +
      std::to_string(c.cumulative.groups_flagged()) + " flagged).");
  const std::string svg =
      heat_map_svg("chart-heat-map", "Heat map: proposals rated negative, by group",
                   "Each row is a group of people and each column a proposal; a shaded cell marked "
                   "negative means the "
                   "proposal's assessment rates its impact on that group negative. The last column "
                   "counts them. The same "
                   "figures are in the table that follows.",
                   map);
  body += chart_with_table(
      "<figure>\n<figcaption>Heat map: proposals rated negative, by group</figcaption>\n" + svg +
          "</figure>\n",
      table(t));
  body += "<p class=\"note\">" +
          escape(
              "People touched adds up, over the proposals rated negative, the people of the group "
              "each one "
              "affects: someone touched by two proposals counts twice. " +
              disclosure_statement(c.threshold)) +
          "</p>\n";
  return section("cumulative", "Cumulative impact on each group", body);
}

}  // namespace

std::string round_document(const Project& project, const std::vector<ChangeResults>& results,
                           const PublishOptions& options) {
  const CumulativeImpact cumulative = cumulative_impact(project);
  std::optional<EqiaTemplate> tmpl;
  try {
    tmpl = load_eqia_template(project.project.jurisdiction);
  } catch (const std::exception&) {
    // names then fall back to the ids the assessments use
  }
  const RoundContext c{project, results, cumulative, project.project.disclosure_threshold,
                       tmpl ? &*tmpl : nullptr};
  const Totals t = totals_of(c);
  PageParts parts;
  parts.title = project.project.name;
  parts.subtitle = "Equality impact and social value of every proposal in the round";
  parts.draft = t.final < project.changes.size();
  parts.draft_reason = std::to_string(project.changes.size() - t.final) + " of the " +
                       std::to_string(project.changes.size()) +
                       " assessments have not been approved yet, so this report may still change.";
  parts.lead = summary(c, t);
  parts.body = changes_section(c) + cumulative_section(c);
  parts.contents = {{"proposals", "Every proposal"},
                    {"cumulative", "Cumulative impact on each group"},
                    {kAboutId, "About this document"}};
  const auto when = options.produced_at ? *options.produced_at : std::chrono::system_clock::now();
  parts.body += section(
      kAboutId, "About this document",
      para("Produced on " + long_date(when) + " by Equivalue.") +
          para(disclosure_statement(c.threshold)) +
          para("Each proposal also has its own document setting out its assessment in full."));
  parts.footer = "<p>" + escape(project.project.name) + ". Made with Equivalue.</p>\n";
  return page(parts);
}

std::string round_document(const Project& project, const PublishOptions& options) {
  CalcOptions calc = options.calc;
  calc.monte_carlo = false;  // the round shows point figures only
  calc.sensitivity = false;
  return round_document(project, calculate_project(project, calc), options);
}

}  // namespace eqv::publishing
