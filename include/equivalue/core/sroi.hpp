// The SROI engine: method.md section 1, in exact decimal.
//
// value(o, S) = Q x P x (1-DW) x (1-DS) x (1-AT) [x (1-optimism bias)], falling by the
// drop-off each later year of its duration; present value with a constant rate or the
// Green Book declining schedule; ratio, NPV, payback, breakeven; switching values,
// one-at-a-time (tornado) results and a seeded Monte Carlo.
//
// Everything but the Monte Carlo is computed in Decimal. The Monte Carlo is a statistical
// estimate, so it runs in binary floating point for speed (millions of draws), and its
// figures are shown as estimates, never added to money.
#pragma once

#include "equivalue/core/decimal.hpp"
#include "equivalue/core/model.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eqv {

// Green Book declining long-term discount rate in force in year `year` (>= 1).
Decimal green_book_rate(int year);

// DF(t) = prod_{k=1..t} 1/(1+r_k), DF(0) = 1, for t = 0..last_year.
std::vector<Decimal> discount_factors(const Discount& discount, int last_year);

// The factor applied to outcome values of year t under the first-year convention:
// DF(t) when the first year is discounted, DF(t-1) when it is not.
inline const Decimal& applied_factor(const std::vector<Decimal>& df, int year,
                                     bool first_year_discounted) {
  return df[static_cast<std::size_t>(first_year_discounted ? year : year - 1)];
}

// The deflator series proxies are rebased with: the project's own when it has one, else the
// shipped series attached to the settings; nothing when rebasing is turned off
// (rebase_proxies false) or neither series is there.
const std::map<int, Decimal>* deflators_in_use(const ProjectSettings& settings);
// The name of that series, for screens and workbooks ("" when none is in use).
std::string deflator_series_in_use(const ProjectSettings& settings);

// The proxy value rebased from its price year to the project's base-year prices:
// value x index(base year) / index(price year). Unchanged when no series is in use, no
// price year is given, or the series lacks either year (validation reports that).
Decimal real_proxy_value(const Proxy& proxy, const ProjectSettings& settings);

// value(o, S): the outcome's value in its first year, after every deduction.
Decimal first_year_value(const Outcome& o, const Sroi& sroi, const ProjectSettings& settings);

struct YearResult {
  int year = 0;
  Decimal value = 0;            // undiscounted, summed over outcomes
  Decimal discount_factor = 1;  // the factor applied to this year's values
  Decimal present_value = 0;
  Decimal cumulative_present_value = 0;
};

struct OutcomeResult {
  std::string id;
  std::string stakeholder;
  ValueType type = ValueType::social;
  std::vector<Decimal> values;  // index 0 = year 1 ... horizon
  Decimal present_value = 0;
};

struct SwitchingValues {
  // outcome id -> assumption -> value at which PV = total inputs (nullopt: none in range)
  std::vector<std::pair<std::string, std::map<Assumption, std::optional<Decimal>>>> outcomes;
  std::optional<Decimal> discount_rate;
};

struct TornadoBar {
  std::string label;    // "O1 deadweight" or "discount rate"
  std::string outcome;  // empty for the discount rate
  std::optional<Assumption> assumption;
  Decimal low = 0, high = 0;  // the assumption's two test values
  std::optional<Decimal> ratio_at_low, ratio_at_high;
  Decimal swing = 0;  // |ratio_at_high - ratio_at_low|
};

struct MonteCarloResult {
  int draws = 0;
  std::uint64_t seed = 0;
  bool has_ratio = false;  // false when total inputs are zero
  double ratio_p5 = 0, ratio_p50 = 0, ratio_p95 = 0;
  double pv_p5 = 0, pv_p50 = 0, pv_p95 = 0;
  double prob_ratio_below_1 = 0;
  std::vector<double> ratios;  // every draw, for the histogram; empty when !has_ratio
  std::vector<double> present_values;
};

struct ValueSplit {
  std::map<std::string, Decimal> by_type;         // social / economic / fiscal
  std::map<std::string, Decimal> by_stakeholder;  // stakeholder id
  std::map<std::string, Decimal> by_agency;       // fiscal outcomes' benefiting agency
  Decimal cashable = 0;                           // fiscal and cashable
};

struct SroiResult {
  int horizon = 0;
  std::vector<YearResult> years;
  std::vector<OutcomeResult> outcomes;
  Decimal present_value = 0;
  Decimal total_inputs = 0;
  Decimal npv = 0;
  std::optional<Decimal> ratio;  // nullopt when total inputs are zero
  std::optional<Decimal> net_ratio;
  std::optional<Decimal> payback_months;  // nullopt when year 1 has no value
  std::optional<int> breakeven_year;      // nullopt when never reached
  ValueSplit split;                       // present values
  SwitchingValues switching;
  std::vector<TornadoBar> tornado;  // sorted by swing, widest first
  std::optional<MonteCarloResult> monte_carlo;
};

struct CalcOptions {
  bool sensitivity = true;  // switching values and tornado
  bool monte_carlo = true;  // only runs when some outcome has a range
  int draws = 10000;
  std::uint64_t seed = 20260401;
  int threads = 0;  // 0 = all cores
  // Called now and then with the share of Monte Carlo draws done; return false to cancel.
  std::function<bool(double)> progress;
};

// Present value and totals only: the fast path used for live recalculation.
SroiResult calculate_core(const Sroi& sroi, const ProjectSettings& settings);

// Everything, per the options.
SroiResult calculate_sroi(const Sroi& sroi, const ProjectSettings& settings,
                          const CalcOptions& options = {});

// Monte Carlo on its own (used by the benchmark and by the GUI's progress dialog).
// Returns nullopt when cancelled through options.progress or when no range is given.
std::optional<MonteCarloResult> run_monte_carlo(const Sroi& sroi, const ProjectSettings& settings,
                                                const CalcOptions& options);

}  // namespace eqv
