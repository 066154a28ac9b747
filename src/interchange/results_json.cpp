#include "equivalue/interchange/results_json.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>

namespace eqv {
namespace {

using ojson = nlohmann::ordered_json;

// A rounded decimal as a JSON number: the rounded text is what is parsed, so the number
// printed is the rounded figure exactly as the application shows it.
ojson rounded(const Decimal& value, int places) {
  const std::string text = to_fixed(value, places);
  double x = 0;
  if (places == 0) {  // counts of people: whole numbers
    long long whole = 0;
    std::from_chars(text.data(), text.data() + text.size(), whole);
    return ojson(whole);
  }
  std::from_chars(text.data(), text.data() + text.size(), x);
  return ojson(x);
}

ojson rounded(const std::optional<Decimal>& value, int places) {
  return value ? rounded(*value, places) : ojson(nullptr);
}

ojson estimate(double value, int places) {
  if (!std::isfinite(value)) return ojson(nullptr);
  return rounded(Decimal(std::to_string(value)), places);
}

int places_for(Assumption a) {
  return a == Assumption::quantity || a == Assumption::proxy ? kMoneyPlaces : kRatioPlaces;
}

ojson sroi_json(const SroiResult& r) {
  ojson s;
  s["present_value"] = rounded(r.present_value, kMoneyPlaces);
  s["total_inputs"] = rounded(r.total_inputs, kMoneyPlaces);
  s["npv"] = rounded(r.npv, kMoneyPlaces);
  s["ratio"] = rounded(r.ratio, kRatioPlaces);
  s["net_ratio"] = rounded(r.net_ratio, kRatioPlaces);
  s["payback_months"] = rounded(r.payback_months, kMoneyPlaces);
  s["breakeven_year"] = r.breakeven_year ? ojson(*r.breakeven_year) : ojson(nullptr);
  s["years"] = ojson::array();
  for (const auto& y : r.years)
    s["years"].push_back(
        {{"year", y.year},
         {"value", rounded(y.value, kMoneyPlaces)},
         {"discount_factor", rounded(y.discount_factor, kFactorPlaces)},
         {"present_value", rounded(y.present_value, kMoneyPlaces)},
         {"cumulative_present_value", rounded(y.cumulative_present_value, kMoneyPlaces)}});
  ojson outcomes = ojson::array();
  for (const auto& o : r.outcomes)
    outcomes.push_back({{"id", o.id},
                        {"stakeholder", o.stakeholder},
                        {"type", value_type_name(o.type)},
                        {"present_value", rounded(o.present_value, kMoneyPlaces)}});
  s["outcomes"] = outcomes;
  ojson split;
  for (const char* part : {"by_type", "by_stakeholder", "by_agency"}) {
    const auto& m = std::string(part) == "by_type"          ? r.split.by_type
                    : std::string(part) == "by_stakeholder" ? r.split.by_stakeholder
                                                            : r.split.by_agency;
    ojson mv = ojson::object();
    for (const auto& [k, v] : m) mv[k] = rounded(v, kMoneyPlaces);
    split[part] = mv;
  }
  split["cashable"] = rounded(r.split.cashable, kMoneyPlaces);
  s["split"] = split;
  if (!r.switching.outcomes.empty() || r.switching.discount_rate) {
    ojson sv = ojson::object();
    for (const auto& [id, values] : r.switching.outcomes) {
      ojson ov = ojson::object();
      for (const auto& [a, v] : values) ov[assumption_name(a)] = rounded(v, places_for(a));
      sv[id] = ov;
    }
    sv["discount_rate"] = rounded(r.switching.discount_rate, kRatioPlaces);
    s["switching_values"] = sv;
  }
  if (!r.tornado.empty()) {
    ojson bars = ojson::array();
    for (const auto& b : r.tornado) {
      const int places = b.assumption ? places_for(*b.assumption) : kRatioPlaces;
      bars.push_back(
          {{"label", b.label},
           {"outcome", b.outcome},
           {"assumption", b.assumption ? assumption_name(*b.assumption) : "discount_rate"},
           {"low", rounded(b.low, places)},
           {"high", rounded(b.high, places)},
           {"ratio_at_low", rounded(b.ratio_at_low, kRatioPlaces)},
           {"ratio_at_high", rounded(b.ratio_at_high, kRatioPlaces)},
           {"swing", rounded(b.swing, kRatioPlaces)}});
    }
    s["tornado"] = bars;
  }
  if (r.monte_carlo) {
    const auto& mc = *r.monte_carlo;
    ojson m;
    m["draws"] = mc.draws;
    m["seed"] = mc.seed;
    m["ratio_p5"] = mc.has_ratio ? estimate(mc.ratio_p5, kRatioPlaces) : ojson(nullptr);
    m["ratio_p50"] = mc.has_ratio ? estimate(mc.ratio_p50, kRatioPlaces) : ojson(nullptr);
    m["ratio_p95"] = mc.has_ratio ? estimate(mc.ratio_p95, kRatioPlaces) : ojson(nullptr);
    m["pv_p5"] = estimate(mc.pv_p5, kMoneyPlaces);
    m["pv_p50"] = estimate(mc.pv_p50, kMoneyPlaces);
    m["pv_p95"] = estimate(mc.pv_p95, kMoneyPlaces);
    m["prob_ratio_below_1"] =
        mc.has_ratio ? estimate(mc.prob_ratio_below_1, kRatioPlaces) : ojson(nullptr);
    s["monte_carlo"] = m;
  }
  return s;
}

ojson affected_json(const AffectedResult& a) {
  ojson v;
  v["total"] = rounded(a.total, 0);
  v["base"] = rounded(a.base, 0);
  ojson chars = ojson::object();
  for (const auto& ch : a.characteristics) {
    ojson cats = ojson::object();
    for (const auto& c : ch.categories)
      cats[c.category] = {{"affected", rounded(c.affected, 0)},
                          {"share", rounded(c.share, kRatioPlaces)},
                          {"base_share", rounded(c.base_share, kRatioPlaces)},
                          {"ratio", rounded(c.ratio, kRatioPlaces)},
                          {"flag", c.flag}};
    chars[ch.characteristic] = cats;
  }
  v["characteristics"] = chars;
  return v;
}

}  // namespace

std::string results_to_json(const std::vector<ChangeResults>& results) {
  ojson root;
  root["changes"] = ojson::array();
  for (const auto& r : results) {
    ojson c;
    c["id"] = r.id;
    c["title"] = r.title;
    c["sroi"] = sroi_json(r.sroi);
    if (r.affected) c["affected"] = affected_json(*r.affected);
    root["changes"].push_back(c);
  }
  return root.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace eqv
