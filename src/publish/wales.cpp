// The change's document on the Welsh template: the contents regulation 8 of the Equality
// Act 2010 (Statutory Duties) (Wales) Regulations 2011 asks a published assessment report
// to set out, each under its own heading: the purpose of what was assessed, the steps taken
// (including engagement), the information taken into account, the results and the
// decisions taken in the light of them.
#include "change_parts.hpp"
#include "equivalue/publish/html.hpp"
#include "page.hpp"
#include "words.hpp"

namespace eqv::publishing {
namespace {

std::string see(const char* id, const std::string& heading) {
  return "<p>More detail: <a href=\"#" + std::string(id) + "\">" + escape(heading) + "</a>.</p>\n";
}

std::string steps_taken(const ChangeContext& c, const Eqia& e) {
  std::size_t relevant = 0;
  for (const Screening& s : e.screening) relevant += s.relevant == Relevance::no ? 0 : 1;
  std::string body = para(
      "The council screened " + count_of(e.screening.size(), "characteristic", "characteristics") +
      " for relevance and found " + std::to_string(relevant) +
      " relevant or possibly relevant. It compared the people the change affects with the "
      "whole population of the area, and assessed each relevant characteristic.");
  std::string engagement;
  for (const Impact& i : e.impacts)
    if (!i.engagement.empty())
      engagement += "<li>" +
                    escape(characteristic_name(i.characteristic, c.tmpl) + ": " + i.engagement) +
                    "</li>\n";
  body += engagement.empty()
              ? para("No engagement with the people likely to be affected is recorded yet.")
              : "<p>Engagement with the people likely to be affected:</p>\n<ul>\n" + engagement +
                    "</ul>\n";
  for (const WorkflowEvent& event : e.history)
    if (event.to == EqiaStatus::approved)
      body += para("The assessment was reviewed and approved on " +
                   long_date(event.when.substr(0, 10)) + ".");
  return body;
}

std::string information_used(const ChangeContext& c, const Eqia& e) {
  std::string items;
  for (const Impact& i : e.impacts)
    if (!i.evidence.empty())
      items += "<li>" + escape(characteristic_name(i.characteristic, c.tmpl) + ": " + i.evidence) +
               "</li>\n";
  if (c.results.affected)
    items +=
        "<li>" +
        escape("Population figures by group for the area (" + c.project.segments.scheme + ")") +
        "</li>\n";
  if (!c.change.sroi.outcomes.empty())
    items +=
        "<li>The published sources of the social values listed under \"Where the values come "
        "from\"</li>\n";
  return items.empty() ? para("No information is recorded yet.") : "<ul>\n" + items + "</ul>\n";
}

std::string results(const ChangeContext& c, const Eqia& e) {
  if (e.impacts.empty()) return para("No impacts are recorded yet.");
  std::string items;
  for (const Impact& i : e.impacts)
    items += "<li>" +
             escape(characteristic_name(i.characteristic, c.tmpl) + ": " + rating_words(i.rating)) +
             "</li>\n";
  return "<ul>\n" + items + "</ul>\n";
}

}  // namespace

std::string wales_section(const ChangeContext& c) {
  if (!c.change.eqia) return {};
  const Eqia& e = *c.change.eqia;
  std::string body = para(
      "Regulation 8 of the Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011 sets "
      "out what a published assessment report must contain. Each is summarised here, with a "
      "link to the detail further on.");
  body += subsection("reg8-purpose", "The purpose of the proposal",
                     para(c.change.title + ". " + proposal_type_words(e.proposal_type) + ".") +
                         see(kProposalId, "The proposal"));
  body += subsection("reg8-steps", "The steps taken to assess it",
                     steps_taken(c, e) + see(kPeopleId, "People affected"));
  body += subsection("reg8-information", "The information taken into account",
                     information_used(c, e) + see(kSourcesId, "Where the values come from"));
  body += subsection("reg8-results", "The results of the assessment",
                     results(c, e) + see(kImpactsId, "Impact on each group"));
  std::string decided =
      decision_title(e.decision.outcome) + ". " + decision_words(e.decision.outcome);
  body += subsection("reg8-decisions", "The decisions taken",
                     para(decided) +
                         para("The council plans " +
                              count_of(e.actions.size(), "action", "actions") + " in response.") +
                         see(kDecisionId, "The decision"));
  return section(kWalesId, "Report under regulation 8 (Wales)", body);
}

}  // namespace eqv::publishing
