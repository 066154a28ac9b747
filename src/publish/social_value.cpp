// The change's document: the social value, how sure the figures are, and their sources.
#include "certainty.hpp"
#include "change_parts.hpp"
#include "charts.hpp"
#include "equivalue/publish/html.hpp"
#include "page.hpp"
#include "words.hpp"

namespace eqv::publishing {
namespace {

std::string stakeholder_name(const Sroi& sroi, const std::string& id) {
  for (const Stakeholder& s : sroi.stakeholders)
    if (s.id == id) return s.name.empty() ? id : s.name;
  return id;
}

std::string share_of(const Decimal& part, const Decimal& whole) {
  return whole > 0 ? percent(part / whole) : std::string("-");
}

// One chart of value by some key, with its table beside it.
std::string split_chart(const std::string& id, const std::string& what, const std::string& column,
                        const std::vector<std::pair<std::string, Decimal>>& values,
                        const Decimal& total) {
  std::vector<Bar> bars;
  Table t;
  t.caption = "Value created by " + what;
  t.columns = {column, "Value created", "Share"};
  t.numeric = {false, true, true};
  std::string description = "Value created by " + what + ":";
  for (const auto& [label, value] : values) {
    bars.push_back({label, to_double(value), pounds(value)});
    t.rows.push_back({label, pounds(value), share_of(value, total)});
    description += " " + label + " " + pounds(value) + ";";
  }
  t.footer = {"Total", pounds(total), total > 0 ? "100.0%" : "-"};
  description.back() = '.';
  return chart_with_table(
      "<figure>\n<figcaption>" + escape("Chart: value created by " + what) + "</figcaption>\n" +
          bar_chart_svg(id, "Value created by " + what, description, bars) + "</figure>\n",
      table(t));
}

std::string headline_figures(const ChangeContext& c) {
  const SroiResult& r = c.results.sroi;
  const Sroi& sroi = c.change.sroi;
  std::vector<std::pair<std::string, std::string>> items = {
      {"Value created (present value)", pounds(r.present_value)},
      {"Cost (present value of money and time put in)", pounds(r.total_inputs)},
      {"Net value (value created less cost)", pounds(r.npv)}};
  if (r.ratio)
    items.emplace_back("Social return ratio", to_fixed(*r.ratio, kRatioPlaces) + " to 1");
  if (r.payback_months) items.emplace_back("Payback", to_grouped(*r.payback_months, 2) + " months");
  const std::string rate =
      sroi.discount.kind == DiscountKind::constant
          ? percent(sroi.discount.rate, 1) + " a year"
          : "the HM Treasury Green Book's declining rates (3.5% a year for the first 30 years)";
  items.emplace_back("Period", count_of(static_cast<std::size_t>(r.horizon), "year", "years") +
                                   ", future values discounted at " + rate);
  return facts(items);
}

}  // namespace

std::string social_value_section(const ChangeContext& c) {
  const SroiResult& r = c.results.sroi;
  std::string body;
  if (r.ratio)
    body += "<p class=\"headline\">" +
            escape("For every £1 spent, about " + pounds_per_pound(*r.ratio) +
                   " of social value is created.") +
            "</p>\n";
  body += para(
      "Social value is the difference the change makes to people's lives, given a value in pounds "
      "so that "
      "it can be set against the cost. Only the part the change itself brings about is counted: "
      "what "
      "would have happened anyway, and what others contributed, are taken off.");
  body += headline_figures(c);
  std::vector<std::pair<std::string, Decimal>> by_stakeholder, by_type;
  for (const auto& [id, value] : r.split.by_stakeholder)
    by_stakeholder.emplace_back(stakeholder_name(c.change.sroi, id), value);
  for (const char* type : {"social", "economic", "fiscal"})
    if (const auto it = r.split.by_type.find(type); it != r.split.by_type.end() && it->second != 0)
      by_type.emplace_back(value_type_words(type), it->second);
  body += subsection(
      "value-by-stakeholder", "Who gains",
      split_chart("chart-stakeholders", "who gains", "Who gains", by_stakeholder, r.present_value));
  body += subsection(
      "value-by-type", "Kinds of value",
      split_chart("chart-types", "kind of value", "Kind of value", by_type, r.present_value));
  std::string sure;
  for (const std::string& sentence : monte_carlo_words(r)) sure += para(sentence);
  if (const std::string nearest = nearest_switch_words(c.change.sroi, r); !nearest.empty())
    sure += para(nearest);
  sure += switching_table(c.change.sroi, r);
  body += subsection("how-sure", "How sure are we?", sure);
  return section(kValueId, "Social value", body);
}

std::string sources_section(const ChangeContext& c) {
  Table t;
  t.caption = "Each outcome, the value given to it and where that value comes from";
  t.columns = {"Outcome", "Valued as", "Value", "Source", "Price year", "Strength of evidence"};
  t.numeric = {false, false, true, false, true, false};
  for (const Outcome& o : c.change.sroi.outcomes) {
    const Proxy& p = o.proxy;
    t.rows.push_back({o.description, p.description.empty() ? "-" : p.description,
                      pounds(p.value) + (p.unit.empty() ? "" : " per " + p.unit),
                      p.source.empty() ? "Not stated" : p.source,
                      p.price_year > 0 ? std::to_string(p.price_year) : "-",
                      p.evidence_grade.empty() ? "Not graded" : p.evidence_grade});
  }
  std::string body = para(
      "A financial proxy is the value in pounds of one unit of an outcome, taken from published "
      "research or public cost figures. Values from earlier years are brought to " +
      std::to_string(c.project.project.base_year) +
      " prices where the council gave price "
      "figures.");
  body += t.rows.empty() ? para("This change has no outcomes yet.") : table(t);
  return section(kSourcesId, "Where the values come from", body);
}

}  // namespace eqv::publishing
