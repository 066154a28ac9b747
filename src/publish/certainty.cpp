#include "certainty.hpp"

#include <cmath>
#include <optional>

#include "page.hpp"
#include "words.hpp"

namespace eqv::publishing {
namespace {

std::string money_from_double(double v) {
  const auto d = parse_decimal(std::to_string(v));
  return d ? pounds(*d) : "-";
}

// How an assumption's value is shown: people and units as numbers, money in pounds,
// deductions as percentages.
std::string shown(Assumption a, const Decimal& v) {
  switch (a) {
    case Assumption::quantity:
      return to_grouped(v, 2);
    case Assumption::proxy:
      return pounds(v);
    default:
      return percent(v, 1);
  }
}

std::string verdict(double below) {
  if (below < 0.05) return "It is very likely that the change creates more value than it costs.";
  if (below < 0.25) return "It is likely that the change creates more value than it costs.";
  if (below < 0.5)
    return "It is more likely than not that the change creates more value than it costs, but far "
           "from certain.";
  if (below < 0.75) return "The change may well create less value than it costs.";
  return "It is likely that the change creates less value than it costs.";
}

const Outcome* find_outcome(const Sroi& sroi, const std::string& id) {
  for (const Outcome& o : sroi.outcomes)
    if (o.id == id) return &o;
  return nullptr;
}

// How far an assumption must move, comparably across kinds: the relative change of a
// number or an amount, the change in points of a fraction.
std::optional<Decimal> distance(Assumption a, const Decimal& now, const Decimal& needed) {
  const Decimal gap = abs(needed - now);
  if (a == Assumption::quantity || a == Assumption::proxy) {
    if (now == 0) return std::nullopt;
    return gap / abs(now);
  }
  return gap;
}

}  // namespace

std::vector<std::string> monte_carlo_words(const SroiResult& result) {
  if (!result.monte_carlo || !result.monte_carlo->has_ratio)
    return {
        "The council gave no ranges for its assumptions, so the figures were not tested by varying "
        "them "
        "together. The table below shows how far each assumption would have to change before the "
        "value "
        "created no longer covered the cost."};
  const MonteCarloResult& mc = *result.monte_carlo;
  std::vector<std::string> out;
  out.push_back(
      "Some of the assumptions are estimates, so the council tested the figures by working them "
      "out " +
      to_grouped(decimal_from_int(mc.draws), 0) +
      " times, each time picking the uncertain assumptions at random within the ranges it gave.");
  out.push_back("In nine runs out of ten, every £1 spent created between " +
                money_from_double(mc.ratio_p5) + " and " + money_from_double(mc.ratio_p95) +
                " of value; the middle result was " + money_from_double(mc.ratio_p50) + ".");
  const double below = mc.prob_ratio_below_1;
  const std::string how_often =
      below <= 0 ? "In none of the runs did the change create less value than it cost."
                 : "In " + percent(below, below < 0.01 ? 1 : 0) +
                       " of the runs the change created less value than it cost.";
  out.push_back(how_often + " " + verdict(below));
  return out;
}

std::string nearest_switch_words(const Sroi& sroi, const SroiResult& result) {
  const Outcome* best_outcome = nullptr;
  Assumption best = Assumption::quantity;
  std::optional<Decimal> best_distance, best_value;
  for (const auto& [id, values] : result.switching.outcomes) {
    const Outcome* o = find_outcome(sroi, id);
    if (!o) continue;
    for (const auto& [a, needed] : values) {
      if (!needed) continue;
      const auto d = distance(a, o->get(a), *needed);
      if (d && (!best_distance || *d < *best_distance)) {
        best_distance = d;
        best_outcome = o;
        best = a;
        best_value = needed;
      }
    }
  }
  if (!best_outcome) return {};
  return "The figure the result depends on most is the " + assumption_words(best) + " for \"" +
         best_outcome->description +
         "\": the value created would only just cover the cost if it were " +
         shown(best, *best_value) + " instead of " + shown(best, best_outcome->get(best)) + ".";
}

std::string switching_table(const Sroi& sroi, const SroiResult& result) {
  Table t;
  t.caption = "What would have to change for the value created to equal the cost";
  t.columns = {"Outcome", "Assumption", "Now", "Would have to be"};
  t.numeric = {false, false, true, true};
  for (const auto& [id, values] : result.switching.outcomes) {
    const Outcome* o = find_outcome(sroi, id);
    if (!o) continue;
    for (const Assumption a : kAllAssumptions) {
      const auto it = values.find(a);
      if (it == values.end() || !it->second) continue;
      t.rows.push_back(
          {o->description, assumption_words(a), shown(a, o->get(a)), shown(a, *it->second)});
    }
  }
  if (result.switching.discount_rate && sroi.discount.kind == DiscountKind::constant)
    t.rows.push_back({"All outcomes", "discount rate (how much less a future pound counts)",
                      percent(sroi.discount.rate, 1), percent(*result.switching.discount_rate, 2)});
  if (t.rows.empty())
    return para(
        "No single assumption, changed on its own within its possible values, would make the value "
        "created equal the cost.");
  return table(t) +
         "<p class=\"note\">Each line changes one assumption with all the others left as they are. "
         "A value far "
         "from today's means the result is safe from that assumption alone.</p>\n";
}

}  // namespace eqv::publishing
