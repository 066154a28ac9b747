#include "equivalue/core/sroi.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace eqv {
namespace {

const Decimal kOne = 1;

int last_value_year(const Outcome& o) { return o.start_year + o.duration - 1; }

int horizon_of(const Sroi& sroi) {
  int horizon = 0;
  for (const auto& o : sroi.outcomes) horizon = std::max(horizon, last_value_year(o));
  for (const auto& in : sroi.inputs) horizon = std::max(horizon, in.year);
  return std::max(horizon, 1);
}

// The outcome's present value with the given discount factors (index = year).
Decimal outcome_present_value(const Outcome& o, const Sroi& sroi, const ProjectSettings& settings,
                              const std::vector<Decimal>& df) {
  Decimal value = first_year_value(o, sroi, settings);
  Decimal pv = 0;
  const Decimal keep = kOne - o.drop_off;
  for (int t = o.start_year; t <= last_value_year(o); ++t) {
    if (t > o.start_year) value *= keep;
    pv += value * applied_factor(df, t, sroi.first_year_discounted);
  }
  return pv;
}

Decimal inputs_present_value(const Sroi& sroi, const std::vector<Decimal>& df) {
  Decimal total = 0;
  for (const auto& in : sroi.inputs) total += in.amount * df[static_cast<std::size_t>(in.year)];
  return total;
}

// Finds x in [lo, hi] with f(x) = 0 where f(lo), f(hi) differ in sign: the Illinois
// variant of false position, which keeps the bracket and converges superlinearly.
template <typename F>
Decimal solve_bracketed(F f, Decimal lo, Decimal hi, Decimal f_lo, Decimal f_hi) {
  static const Decimal kTolerance("1e-24");
  int side = 0;
  Decimal x = lo;
  for (int i = 0; i < 200; ++i) {
    x = (lo * f_hi - hi * f_lo) / (f_hi - f_lo);
    const Decimal fx = f(x);
    if (abs(fx) < kTolerance || abs(hi - lo) < kTolerance) return x;
    if ((fx > 0) == (f_hi > 0)) {
      hi = x;
      f_hi = fx;
      if (side == -1) f_lo /= 2;
      side = -1;
    } else {
      lo = x;
      f_lo = fx;
      if (side == 1) f_hi /= 2;
      side = 1;
    }
  }
  return x;
}

template <typename F>
std::optional<Decimal> root_on(F f, const Decimal& lo, const Decimal& hi) {
  const Decimal f_lo = f(lo), f_hi = f(hi);
  if (f_lo == 0) return lo;
  if (f_hi == 0) return hi;
  if ((f_lo > 0) == (f_hi > 0)) return std::nullopt;
  return solve_bracketed(f, lo, hi, f_lo, f_hi);
}

std::optional<Decimal> ratio_of(const Decimal& pv, const Decimal& inputs) {
  if (inputs == 0) return std::nullopt;
  return pv / inputs;
}

// An outcome's present value split into its parts, so that sensitivity can move one
// assumption at a time without recomputing the rest:
//   PV = quantity x proxy x (1-DW) x (1-DS) x (1-AT) x (1-OB) x annuity(DO)
//   annuity(DO) = sum over its years j of (1-DO)^j x applied discount factor.
struct OutcomeTerms {
  Decimal factor[5];  // quantity, real proxy, 1-DW, 1-DS, 1-AT (kAllAssumptions order)
  Decimal bias;       // 1 - optimism bias
  std::vector<Decimal> weights;
  Decimal annuity;

  OutcomeTerms(const Outcome& o, const Sroi& sroi, const ProjectSettings& settings,
               const std::vector<Decimal>& df)
      : factor{o.quantity, real_proxy_value(o.proxy, settings), kOne - o.deadweight,
               kOne - o.displacement, kOne - o.attribution},
        bias(kOne - sroi.optimism_bias) {
    for (int t = o.start_year; t <= last_value_year(o); ++t)
      weights.push_back(applied_factor(df, t, sroi.first_year_discounted));
    annuity = annuity_at(o.drop_off);
  }

  // sum_j keep^j w_j by Horner's rule.
  Decimal annuity_at(const Decimal& drop_off) const {
    const Decimal keep = kOne - drop_off;
    Decimal sum = 0;
    for (auto w = weights.rbegin(); w != weights.rend(); ++w) sum = sum * keep + *w;
    return sum;
  }
  Decimal first_year_value() const {
    return factor[0] * factor[1] * factor[2] * factor[3] * factor[4] * bias;
  }
  // The PV per unit of factor k (k < 5): everything but that factor.
  Decimal per_unit(std::size_t k) const {
    Decimal product = bias * annuity;
    for (std::size_t i = 0; i < 5; ++i)
      if (i != k) product *= factor[i];
    return product;
  }
};

// For quantity and proxy the factor is the value itself; for the deductions it is 1 - value.
bool is_deduction(Assumption a) { return a != Assumption::quantity && a != Assumption::proxy; }
std::size_t slot(Assumption a) { return static_cast<std::size_t>(a); }

SwitchingValues switching_values(const Sroi& sroi, const ProjectSettings& settings,
                                 const std::vector<Decimal>& df, const SroiResult& base) {
  SwitchingValues sv;
  const Decimal& inputs = base.total_inputs;
  for (std::size_t i = 0; i < sroi.outcomes.size(); ++i) {
    const Outcome& o = sroi.outcomes[i];
    std::map<Assumption, std::optional<Decimal>> values;
    for (Assumption a : kAllAssumptions) values[a] = std::nullopt;
    if (inputs == 0) {  // no ratio, so nothing can bring it to 1:1
      sv.outcomes.emplace_back(o.id, std::move(values));
      continue;
    }
    const OutcomeTerms terms(o, sroi, settings, df);
    const Decimal others = base.present_value - base.outcomes[i].present_value;
    const Decimal needed = inputs - others;  // what this outcome alone must be worth
    for (Assumption a : kAllAssumptions) {
      if (a == Assumption::drop_off) {
        if (o.duration < 2) continue;  // drop-off never applies in an outcome's first year
        const Decimal v1 = terms.first_year_value();
        values[a] = root_on([&](const Decimal& x) { return v1 * terms.annuity_at(x) - needed; },
                            Decimal(0), Decimal(1));
        continue;
      }
      // PV is linear in the factor: solve per_unit x factor = needed.
      const Decimal per_unit = terms.per_unit(slot(a));
      if (per_unit == 0) continue;
      const Decimal factor = needed / per_unit;
      const Decimal x = is_deduction(a) ? kOne - factor : factor;
      const bool in_domain = is_deduction(a) ? (x >= 0 && x <= 1) : x >= 0;
      if (in_domain) values[a] = x;
    }
    sv.outcomes.emplace_back(o.id, std::move(values));
  }
  if (inputs == 0) return sv;

  // The constant rate at which PV = inputs, searched over 0% to 1,000% a year. Undiscounted
  // values by year do not depend on the rate, so each trial only re-discounts the totals.
  std::vector<Decimal> value_by_year(static_cast<std::size_t>(base.horizon) + 1, Decimal(0));
  for (const auto& y : base.years) value_by_year[static_cast<std::size_t>(y.year)] = y.value;
  std::vector<Decimal> inputs_by_year(static_cast<std::size_t>(base.horizon) + 1, Decimal(0));
  for (const auto& in : sroi.inputs) inputs_by_year[static_cast<std::size_t>(in.year)] += in.amount;
  auto f = [&](const Decimal& r) {
    const Decimal step = kOne / (kOne + r);
    Decimal factor = 1;  // DF(t) at a constant rate
    Decimal previous = 1;
    Decimal net = inputs_by_year[0] == 0 ? Decimal(0) : -inputs_by_year[0];
    for (std::size_t t = 1; t < value_by_year.size(); ++t) {
      previous = factor;
      factor *= step;
      net += value_by_year[t] * (sroi.first_year_discounted ? factor : previous) -
             inputs_by_year[t] * factor;
    }
    return net;
  };
  static const char* kGrid[] = {"0",   "0.01", "0.02", "0.05", "0.1", "0.2",
                                "0.5", "1",    "2",    "5",    "10"};
  Decimal prev_r(kGrid[0]);
  Decimal prev_f = f(prev_r);
  if (prev_f == 0) sv.discount_rate = prev_r;
  for (std::size_t k = 1; k < std::size(kGrid) && !sv.discount_rate; ++k) {
    const Decimal r(kGrid[k]);
    const Decimal fr = f(r);
    if (fr == 0) {
      sv.discount_rate = r;
    } else if ((fr > 0) != (prev_f > 0)) {
      sv.discount_rate = solve_bracketed(f, prev_r, r, prev_f, fr);
    }
    prev_r = r;
    prev_f = fr;
  }
  return sv;
}

std::vector<TornadoBar> tornado(const Sroi& sroi, const ProjectSettings& settings,
                                const std::vector<Decimal>& df, const SroiResult& base) {
  std::vector<TornadoBar> bars;
  const Decimal& inputs = base.total_inputs;
  // Ratios as PV x (1 / inputs): one division per change instead of two per bar. The
  // difference from PV / inputs is beyond the 40th digit, far below the four places shown.
  const Decimal inverse_inputs = inputs == 0 ? Decimal(0) : kOne / inputs;
  auto ratio_at = [&](const Decimal& pv) -> std::optional<Decimal> {
    if (inputs == 0) return std::nullopt;
    return pv * inverse_inputs;
  };
  static const Decimal kLow("0.8"), kHigh("1.2");
  for (std::size_t i = 0; i < sroi.outcomes.size(); ++i) {
    const Outcome& o = sroi.outcomes[i];
    const OutcomeTerms terms(o, sroi, settings, df);
    const Decimal others = base.present_value - base.outcomes[i].present_value;
    auto pv_with = [&](Assumption a, const Decimal& x) {
      if (a == Assumption::drop_off) return terms.first_year_value() * terms.annuity_at(x);
      return terms.per_unit(slot(a)) * (is_deduction(a) ? kOne - x : x);
    };
    for (Assumption a : kAllAssumptions) {
      TornadoBar bar;
      bar.outcome = o.id;
      bar.assumption = a;
      bar.label = o.id + " " + assumption_name(a);
      const auto range = o.ranges.find(a);
      if (range != o.ranges.end()) {
        bar.low = range->second.low;
        bar.high = range->second.high;
      } else {
        bar.low = o.get(a) * kLow;
        bar.high = o.get(a) * kHigh;
        if (is_deduction(a)) bar.high = std::min(bar.high, kOne);
      }
      bar.ratio_at_low = ratio_at(others + pv_with(a, bar.low));
      bar.ratio_at_high = ratio_at(others + pv_with(a, bar.high));
      if (bar.ratio_at_low && bar.ratio_at_high)
        bar.swing = abs(*bar.ratio_at_high - *bar.ratio_at_low);
      bars.push_back(std::move(bar));
    }
  }
  if (sroi.discount.kind == DiscountKind::constant) {
    TornadoBar bar;
    bar.label = "discount rate";
    bar.low = sroi.discount.rate * kLow;
    bar.high = sroi.discount.rate * kHigh;
    for (int end = 0; end < 2; ++end) {
      Sroi probe_sroi = sroi;
      probe_sroi.discount.rate = end == 0 ? bar.low : bar.high;
      const SroiResult r = calculate_core(probe_sroi, settings);
      (end == 0 ? bar.ratio_at_low : bar.ratio_at_high) = r.ratio;
    }
    if (bar.ratio_at_low && bar.ratio_at_high)
      bar.swing = abs(*bar.ratio_at_high - *bar.ratio_at_low);
    bars.push_back(std::move(bar));
  }
  // Swings equal to 12 places (quantity and proxy moved by the same 20 %, say) keep the
  // order of the impact map rather than an order decided by the last digit of a product.
  for (auto& bar : bars) bar.swing = round_half_away(bar.swing, 12);
  std::vector<std::size_t> order(bars.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return bars[x].swing > bars[y].swing; });
  std::vector<TornadoBar> sorted;
  sorted.reserve(bars.size());
  for (std::size_t i : order) sorted.push_back(std::move(bars[i]));
  return sorted;
}

// ------------------------------------------------------------------- Monte Carlo

struct SampledAssumption {
  int slot;  // 0..5 in kAllAssumptions order
  double low, high, mode;
  bool triangular;
};

struct SimOutcome {
  double point[6];              // quantity, proxy, dw, ds, at, do
  double proxy_scale;           // deflator rebasing x (1 - optimism bias)
  std::vector<double> weights;  // applied discount factor for each year of its duration
  std::vector<SampledAssumption> sampled;
};

double percentile(std::vector<double>& v, double p) {
  // Linear interpolation between closest ranks (the spreadsheet PERCENTILE.INC rule).
  if (v.empty()) return 0;
  const double pos = p * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const auto hi = std::min(lo + 1, v.size() - 1);
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(lo), v.end());
  const double a = v[lo];
  double b = a;
  if (hi != lo) b = *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(lo) + 1, v.end());
  return a + (b - a) * (pos - static_cast<double>(lo));
}

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// xoshiro256+ (Blackman and Vigna): a small, fast generator with good statistical quality
// for doubles, several times faster than std::mt19937_64 with generate_canonical.
class Xoshiro256Plus {
 public:
  explicit Xoshiro256Plus(std::uint64_t seed) {
    for (auto& word : state_) word = seed = splitmix64(seed);
  }
  // Uniform on [0, 1), from the top 53 bits.
  double unit() {
    const std::uint64_t result = state_[0] + state_[3];
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = (state_[3] << 45) | (state_[3] >> 19);
    return static_cast<double>(result >> 11) * 0x1.0p-53;
  }

 private:
  std::uint64_t state_[4];
};

}  // namespace

Decimal green_book_rate(int year) {
  if (year <= 30) return Decimal("0.035");
  if (year <= 75) return Decimal("0.030");
  if (year <= 125) return Decimal("0.025");
  if (year <= 200) return Decimal("0.020");
  if (year <= 300) return Decimal("0.015");
  return Decimal("0.010");
}

std::vector<Decimal> discount_factors(const Discount& discount, int last_year) {
  std::vector<Decimal> df(static_cast<std::size_t>(std::max(last_year, 0) + 1));
  df[0] = 1;
  // One division per distinct rate, then multiplications: 1/(1+r) is computed to 40
  // significant digits either way, so the factors agree with repeated division far
  // beyond the six places shown.
  Decimal rate = -1, step = 1;
  for (int t = 1; t <= last_year; ++t) {
    const Decimal rate_t =
        discount.kind == DiscountKind::green_book ? green_book_rate(t) : discount.rate;
    if (rate_t != rate) {
      rate = rate_t;
      step = kOne / (kOne + rate);
    }
    df[static_cast<std::size_t>(t)] = df[static_cast<std::size_t>(t - 1)] * step;
  }
  return df;
}

const std::map<int, Decimal>* deflators_in_use(const ProjectSettings& settings) {
  if (!settings.rebase_proxies) return nullptr;
  if (!settings.deflators.empty()) return &settings.deflators;
  if (!settings.shipped_deflators.index.empty()) return &settings.shipped_deflators.index;
  return nullptr;
}

std::string deflator_series_in_use(const ProjectSettings& settings) {
  const auto* series = deflators_in_use(settings);
  if (!series) return {};
  if (series == &settings.shipped_deflators.index) return settings.shipped_deflators.name;
  return settings.deflator_series.empty() ? "the project's own deflator series"
                                          : settings.deflator_series;
}

// Exact: the quotient is kept to Decimal's 40 digits; it is rounded only where shown.
Decimal real_proxy_value(const Proxy& proxy, const ProjectSettings& settings) {
  const auto* deflators = deflators_in_use(settings);
  if (!deflators || proxy.price_year == 0 || proxy.price_year == settings.base_year)
    return proxy.value;
  const auto base = deflators->find(settings.base_year);
  const auto priced = deflators->find(proxy.price_year);
  if (base == deflators->end() || priced == deflators->end() || priced->second == 0)
    return proxy.value;  // validation reports the missing year
  return proxy.value * base->second / priced->second;
}

Decimal first_year_value(const Outcome& o, const Sroi& sroi, const ProjectSettings& settings) {
  return o.quantity * real_proxy_value(o.proxy, settings) * (kOne - o.deadweight) *
         (kOne - o.displacement) * (kOne - o.attribution) * (kOne - sroi.optimism_bias);
}

SroiResult calculate_core(const Sroi& sroi, const ProjectSettings& settings) {
  SroiResult r;
  r.horizon = horizon_of(sroi);
  const auto df = discount_factors(sroi.discount, r.horizon);
  r.years.resize(static_cast<std::size_t>(r.horizon));
  for (int t = 1; t <= r.horizon; ++t) {
    auto& y = r.years[static_cast<std::size_t>(t - 1)];
    y.year = t;
    y.discount_factor = applied_factor(df, t, sroi.first_year_discounted);
  }
  for (const auto& o : sroi.outcomes) {
    OutcomeResult out;
    out.id = o.id;
    out.stakeholder = o.stakeholder;
    out.type = o.type;
    out.values.assign(static_cast<std::size_t>(r.horizon), Decimal(0));
    Decimal value = first_year_value(o, sroi, settings);
    const Decimal keep = kOne - o.drop_off;
    for (int t = o.start_year; t <= last_value_year(o); ++t) {
      if (t > o.start_year) value *= keep;
      auto& y = r.years[static_cast<std::size_t>(t - 1)];
      out.values[static_cast<std::size_t>(t - 1)] = value;
      const Decimal pv = value * y.discount_factor;
      y.value += value;
      y.present_value += pv;
      out.present_value += pv;
    }
    r.present_value += out.present_value;
    r.split.by_type[value_type_name(o.type)] += out.present_value;
    r.split.by_stakeholder[o.stakeholder] += out.present_value;
    if (o.type == ValueType::fiscal) {
      r.split.by_agency[o.agency.empty() ? "unspecified" : o.agency] += out.present_value;
      if (o.cashable) r.split.cashable += out.present_value;
    }
    r.outcomes.push_back(std::move(out));
  }
  Decimal running = 0;
  for (auto& y : r.years) {
    running += y.present_value;
    y.cumulative_present_value = running;
  }
  r.total_inputs = inputs_present_value(sroi, df);
  r.npv = r.present_value - r.total_inputs;
  r.ratio = ratio_of(r.present_value, r.total_inputs);
  if (r.ratio) r.net_ratio = r.npv / r.total_inputs;
  const Decimal& year_one = r.years.front().value;
  if (year_one != 0) r.payback_months = r.total_inputs / (year_one / 12);
  for (const auto& y : r.years) {
    if (y.cumulative_present_value >= r.total_inputs) {
      r.breakeven_year = y.year;
      break;
    }
  }
  return r;
}

SroiResult calculate_sroi(const Sroi& sroi, const ProjectSettings& settings,
                          const CalcOptions& options) {
  SroiResult r = calculate_core(sroi, settings);
  if (options.sensitivity) {
    const auto df = discount_factors(sroi.discount, r.horizon);
    r.switching = switching_values(sroi, settings, df, r);
    r.tornado = tornado(sroi, settings, df, r);
  }
  if (options.monte_carlo) r.monte_carlo = run_monte_carlo(sroi, settings, options);
  return r;
}

namespace {

// The outcomes with ranges, ready to draw; the others add a fixed present value.
std::vector<SimOutcome> simulated_outcomes(const Sroi& sroi, const ProjectSettings& settings,
                                           const std::vector<Decimal>& df, double& fixed_pv) {
  fixed_pv = 0;
  std::vector<SimOutcome> sims;
  for (const auto& o : sroi.outcomes) {
    if (o.ranges.empty()) {
      fixed_pv += to_double(outcome_present_value(o, sroi, settings, df));
      continue;
    }
    SimOutcome s;
    for (int k = 0; k < 6; ++k) s.point[k] = to_double(o.get(kAllAssumptions[k]));
    const Decimal scale =
        o.proxy.value == 0 ? Decimal(1) : real_proxy_value(o.proxy, settings) / o.proxy.value;
    s.proxy_scale = to_double(scale * (kOne - sroi.optimism_bias));
    for (int t = o.start_year; t <= last_value_year(o); ++t)
      s.weights.push_back(to_double(applied_factor(df, t, sroi.first_year_discounted)));
    for (int k = 0; k < 6; ++k) {
      const auto it = o.ranges.find(kAllAssumptions[k]);
      if (it == o.ranges.end()) continue;
      SampledAssumption a;
      a.slot = k;
      a.low = to_double(it->second.low);
      a.high = to_double(it->second.high);
      a.mode = std::clamp(s.point[k], a.low, a.high);
      a.triangular = it->second.distribution == Distribution::triangular;
      s.sampled.push_back(a);
    }
    sims.push_back(std::move(s));
  }
  return sims;
}

// One draw's present value: each sampled assumption drawn, the rest at their point values.
inline double draw_present_value(const std::vector<SimOutcome>& sims, double fixed_pv,
                                 Xoshiro256Plus& rng) {
  double p[6];
  double pv = fixed_pv;
  for (const auto& s : sims) {
    std::copy(std::begin(s.point), std::end(s.point), p);
    for (const auto& a : s.sampled) {
      const double u = rng.unit();
      if (!a.triangular || a.high <= a.low) {
        p[a.slot] = a.low + u * (a.high - a.low);
      } else {
        const double width = a.high - a.low;
        const double cut = (a.mode - a.low) / width;
        p[a.slot] = u < cut ? a.low + std::sqrt(u * width * (a.mode - a.low))
                            : a.high - std::sqrt((1 - u) * width * (a.high - a.mode));
      }
    }
    double value = p[0] * p[1] * s.proxy_scale * (1 - p[2]) * (1 - p[3]) * (1 - p[4]);
    const double keep = 1 - p[5];
    double sum = 0;
    for (double w : s.weights) {
      sum += value * w;
      value *= keep;
    }
    pv += sum;
  }
  return pv;
}

// Percentiles and the chance of a ratio below 1, from the drawn present values.
void summarise(MonteCarloResult& mc, double inputs) {
  if (mc.has_ratio) {
    mc.ratios.reserve(mc.present_values.size());
    std::size_t below = 0;
    for (double pv : mc.present_values) {
      const double ratio = pv / inputs;
      if (ratio < 1) ++below;
      mc.ratios.push_back(ratio);
    }
    mc.prob_ratio_below_1 = static_cast<double>(below) / static_cast<double>(mc.draws);
    std::vector<double> sorted = mc.ratios;
    mc.ratio_p5 = percentile(sorted, 0.05);
    mc.ratio_p50 = percentile(sorted, 0.50);
    mc.ratio_p95 = percentile(sorted, 0.95);
  }
  std::vector<double> sorted = mc.present_values;
  mc.pv_p5 = percentile(sorted, 0.05);
  mc.pv_p50 = percentile(sorted, 0.50);
  mc.pv_p95 = percentile(sorted, 0.95);
}

}  // namespace

std::optional<MonteCarloResult> run_monte_carlo(const Sroi& sroi, const ProjectSettings& settings,
                                                const CalcOptions& options) {
  bool any_range = false;
  for (const auto& o : sroi.outcomes) any_range = any_range || !o.ranges.empty();
  if (!any_range || options.draws <= 0) return std::nullopt;

  const auto df = discount_factors(sroi.discount, horizon_of(sroi));
  const double inputs = to_double(inputs_present_value(sroi, df));
  double fixed_pv = 0;
  const std::vector<SimOutcome> sims = simulated_outcomes(sroi, settings, df, fixed_pv);

  MonteCarloResult mc;
  mc.draws = options.draws;
  mc.seed = options.seed;
  mc.has_ratio = inputs != 0;
  mc.present_values.assign(static_cast<std::size_t>(options.draws), 0.0);

  // Draws are made in fixed blocks, each with its own generator seeded from (seed, block),
  // so the result is the same whatever the number of threads.
  constexpr int kBlock = 1024;
  const int blocks = (options.draws + kBlock - 1) / kBlock;
  std::atomic<int> next_block{0};
  std::atomic<int> done_blocks{0};
  std::atomic<bool> cancelled{false};
  auto worker = [&]() {
    for (int b = next_block++; b < blocks && !cancelled; b = next_block++) {
      Xoshiro256Plus rng(options.seed ^ splitmix64(static_cast<std::uint64_t>(b)));
      const int last = std::min(options.draws, (b + 1) * kBlock);
      for (int d = b * kBlock; d < last; ++d)
        mc.present_values[static_cast<std::size_t>(d)] = draw_present_value(sims, fixed_pv, rng);
      const int done = ++done_blocks;
      if (options.progress && !options.progress(static_cast<double>(done) / blocks))
        cancelled = true;
    }
  };
  unsigned threads = options.threads > 0 ? static_cast<unsigned>(options.threads)
                                         : std::max(1u, std::thread::hardware_concurrency());
  // Progress callbacks go to one thread only: the GUI's dialog is not thread-safe.
  if (options.progress) threads = 1;
  threads = std::min<unsigned>(threads, static_cast<unsigned>(blocks));
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (cancelled) return std::nullopt;
  summarise(mc, inputs);
  return mc;
}

}  // namespace eqv
