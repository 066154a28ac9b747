#include "equivalue/core/sroi.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace eqv;
using eqv::test::D;
using eqv::test::money;
using eqv::test::ratio;

namespace {
const ProjectSettings kSettings;

CalcOptions no_monte_carlo() {
  CalcOptions o;
  o.monte_carlo = false;
  return o;
}
}  // namespace

// ------------------------------------------------------------- method.md worked check

TEST(SroiWorkedExample, ValuesByYearAfterDeductionsAndDropOff) {
  const auto r = calculate_sroi(test::worked_example(), kSettings, no_monte_carlo());
  ASSERT_EQ(r.years.size(), 3u);
  // 50 x 1000 x 0.8 x 0.9 x 0.75 = 27,000; then x 0.9 each later year.
  EXPECT_EQ(r.years[0].value, D("27000"));
  EXPECT_EQ(r.years[1].value, D("24300"));
  EXPECT_EQ(r.years[2].value, D("21870"));
  EXPECT_EQ(to_fixed(r.years[0].discount_factor, 6), "0.966184");
  EXPECT_EQ(money(r.years[0].present_value), "26086.96");
}

TEST(SroiWorkedExample, HeadlineFiguresToThePenny) {
  const auto r = calculate_sroi(test::worked_example(), kSettings, no_monte_carlo());
  EXPECT_EQ(money(r.present_value), "68496.75");
  EXPECT_EQ(money(r.total_inputs), "50000.00");
  EXPECT_EQ(money(r.npv), "18496.75");
  ASSERT_TRUE(r.ratio && r.net_ratio && r.payback_months && r.breakeven_year);
  EXPECT_EQ(ratio(*r.ratio), "1.3699");
  EXPECT_EQ(ratio(*r.net_ratio), "0.3699");
  EXPECT_EQ(money(*r.payback_months), "22.22");  // 50,000 / (27,000 / 12)
  EXPECT_EQ(*r.breakeven_year, 3);               // 26,087 < 48,771 < 50,000 <= 68,497
}

TEST(SroiWorkedExample, FirstYearUndiscounted) {
  auto s = test::worked_example();
  s.first_year_discounted = false;
  const auto r = calculate_core(s, kSettings);
  // 27,000 + 24,300 / 1.035 + 21,870 / 1.035^2
  EXPECT_EQ(money(r.present_value), "70894.14");
  EXPECT_EQ(ratio(*r.ratio), "1.4179");
  EXPECT_EQ(r.years[0].discount_factor, D("1"));
}

TEST(SroiWorkedExample, SwitchingValuesFromTheMethod) {
  const auto r = calculate_sroi(test::worked_example(), kSettings, no_monte_carlo());
  ASSERT_EQ(r.switching.outcomes.size(), 1u);
  const auto& v = r.switching.outcomes[0].second;
  EXPECT_EQ(money(*v.at(Assumption::proxy)), "729.96");
  EXPECT_EQ(money(*v.at(Assumption::quantity)), "36.50");
  EXPECT_EQ(ratio(*v.at(Assumption::deadweight)), "0.4160");
  EXPECT_EQ(ratio(*v.at(Assumption::displacement)), "0.3430");
  EXPECT_EQ(ratio(*v.at(Assumption::attribution)), "0.4525");
  EXPECT_EQ(ratio(*v.at(Assumption::drop_off)), "0.3996");
  ASSERT_TRUE(r.switching.discount_rate);
  EXPECT_EQ(ratio(*r.switching.discount_rate), "0.2268");
}

TEST(SroiWorkedExample, SwitchingValuesReallyBringTheRatioToOne) {
  const auto base = test::worked_example();
  const auto r = calculate_sroi(base, kSettings, no_monte_carlo());
  for (const auto& [assumption, value] : r.switching.outcomes[0].second) {
    auto probe = base;
    probe.outcomes[0].get(assumption) = *value;
    EXPECT_EQ(ratio(*calculate_core(probe, kSettings).ratio), "1.0000")
        << assumption_name(assumption);
  }
  auto probe = base;
  probe.discount.rate = *r.switching.discount_rate;
  EXPECT_EQ(ratio(*calculate_core(probe, kSettings).ratio), "1.0000");
}

// ------------------------------------------------------------- discounting

TEST(Discounting, GreenBookDecliningSchedule) {
  Discount gb;
  gb.kind = DiscountKind::green_book;
  const auto df = discount_factors(gb, 76);
  EXPECT_EQ(to_fixed(df[30], 6), "0.356278");  // 1.035^-30
  EXPECT_EQ(to_fixed(df[31], 6), "0.345901");  // then 3.0% from year 31
  EXPECT_EQ(to_fixed(df[76], 6), "0.091916");  // and 2.5% from year 76
  EXPECT_EQ(green_book_rate(30), D("0.035"));
  EXPECT_EQ(green_book_rate(31), D("0.030"));
  EXPECT_EQ(green_book_rate(126), D("0.020"));
  EXPECT_EQ(green_book_rate(201), D("0.015"));
  EXPECT_EQ(green_book_rate(301), D("0.010"));
}

TEST(Discounting, GreenBookMatchesConstantRateForTheFirstThirtyYears) {
  auto s = test::worked_example();
  s.discount.kind = DiscountKind::green_book;
  EXPECT_EQ(money(calculate_core(s, kSettings).present_value), "68496.75");
}

// ------------------------------------------------------------- timing of values and inputs

TEST(Timing, StartYearShiftsValuesAndDropOffStartsAfterTheFirstYear) {
  Sroi s;
  s.stakeholders.push_back({"S1", "Tenants", ""});
  s.discount.rate = D("0.1");
  Outcome o;
  o.id = "O1";
  o.stakeholder = "S1";
  o.quantity = 10;
  o.proxy.value = 100;
  o.drop_off = D("0.5");
  o.duration = 2;
  o.start_year = 2;
  s.outcomes.push_back(o);
  s.inputs.push_back({"S1", "Grant", D("500"), 0});
  const auto r = calculate_core(s, kSettings);
  ASSERT_EQ(r.years.size(), 3u);
  EXPECT_EQ(r.years[0].value, D("0"));
  EXPECT_EQ(r.years[1].value, D("1000"));  // full value in its own first year
  EXPECT_EQ(r.years[2].value, D("500"));   // then halved
  // 1000 / 1.1^2 + 500 / 1.1^3 = 826.4463 + 375.6574
  EXPECT_EQ(money(r.present_value), "1202.10");
  EXPECT_FALSE(r.payback_months.has_value());  // nothing in year 1
  EXPECT_EQ(*r.breakeven_year, 2);
}

TEST(Timing, InputsInLaterYearsAreDiscounted) {
  Sroi s;
  s.stakeholders.push_back({"S1", "Tenants", ""});
  s.discount.rate = D("0.1");
  Outcome o;
  o.id = "O1";
  o.stakeholder = "S1";
  o.quantity = 1;
  o.proxy.value = 1000;
  o.duration = 3;
  s.outcomes.push_back(o);
  s.inputs.push_back({"S1", "Set-up", D("1000"), 0});
  s.inputs.push_back({"S1", "Running", D("1100"), 1});
  const auto r = calculate_core(s, kSettings);
  EXPECT_EQ(money(r.total_inputs), "2000.00");   // 1000 + 1100 / 1.1
  EXPECT_EQ(money(r.present_value), "2486.85");  // 1000 (1/1.1 + 1/1.21 + 1/1.331)
  EXPECT_EQ(money(r.npv), "486.85");
  EXPECT_EQ(ratio(*r.ratio), "1.2434");
  EXPECT_EQ(money(*r.payback_months), "24.00");  // 2000 / (1000 / 12)
  EXPECT_EQ(*r.breakeven_year, 3);               // 909.09, 1735.54, 2486.85
}

TEST(Timing, BreakevenNeverReached) {
  auto s = test::worked_example();
  s.inputs[0].amount = D("100000");
  const auto r = calculate_core(s, kSettings);
  EXPECT_FALSE(r.breakeven_year.has_value());
}

// ------------------------------------------------------------- null results

TEST(NullResults, NoInputsMeansNoRatioAndNoSwitchingValues) {
  auto s = test::worked_example();
  s.inputs.clear();
  const auto r = calculate_sroi(s, kSettings, no_monte_carlo());
  EXPECT_FALSE(r.ratio.has_value());
  EXPECT_FALSE(r.net_ratio.has_value());
  EXPECT_EQ(money(*r.payback_months), "0.00");
  for (const auto& [a, v] : r.switching.outcomes[0].second)
    EXPECT_FALSE(v.has_value()) << assumption_name(a);
  EXPECT_FALSE(r.switching.discount_rate.has_value());
}

TEST(NullResults, SwitchingValueNullWhereNoValidValueGetsThere) {
  Sroi s;
  s.stakeholders.push_back({"S1", "Residents", ""});
  s.discount.rate = D("0");
  s.inputs.push_back({"S1", "Grant", D("1000"), 0});
  Outcome small;
  small.id = "O1";
  small.stakeholder = "S1";
  small.quantity = 1;
  small.proxy.value = 100;
  small.duration = 1;
  Outcome big = small;
  big.id = "O2";
  big.proxy.value = 10000;
  s.outcomes = {small, big};
  const auto r = calculate_sroi(s, kSettings, no_monte_carlo());
  // O2 alone is worth 10,000 against inputs of 1,000: nothing O1 can do brings the ratio to 1.
  for (const auto& [a, v] : r.switching.outcomes[0].second)
    EXPECT_FALSE(v.has_value()) << assumption_name(a);
  const auto& o2 = r.switching.outcomes[1].second;
  EXPECT_EQ(money(*o2.at(Assumption::quantity)), "0.09");  // 900 / 10,000
  EXPECT_EQ(money(*o2.at(Assumption::proxy)), "900.00");
  EXPECT_EQ(ratio(*o2.at(Assumption::deadweight)), "0.9100");
  EXPECT_FALSE(
      o2.at(Assumption::drop_off).has_value());  // one-year outcome: drop-off never applies
  // Both outcomes fall in year 1, which is discounted: 10,100 / (1 + r) = 1,000 at r = 9.1 (910 %).
  ASSERT_TRUE(r.switching.discount_rate.has_value());
  EXPECT_EQ(ratio(*r.switching.discount_rate), "9.1000");
}

// ------------------------------------------------------------- extras beyond the Guide

TEST(Extras, DeflatorRebasesProxiesToBaseYearPrices) {
  auto s = test::worked_example();
  s.outcomes[0].quantity = 1;
  s.outcomes[0].deadweight = s.outcomes[0].displacement = s.outcomes[0].attribution = 0;
  s.outcomes[0].proxy.price_year = 2024;
  ProjectSettings settings;
  settings.base_year = 2026;
  settings.deflators = {{2024, D("95")}, {2026, D("100")}};
  EXPECT_EQ(money(first_year_value(s.outcomes[0], s, settings)), "1052.63");  // 1000 x 100 / 95
}

TEST(Extras, OptimismBiasReducesEveryBenefit) {
  auto s = test::worked_example();
  s.optimism_bias = D("0.1");
  EXPECT_EQ(calculate_core(s, kSettings).years[0].value, D("24300"));  // 27,000 x 0.9
}

TEST(Extras, ValueSplitsByTypeStakeholderAndAgency) {
  auto s = test::worked_example();
  Outcome fiscal = s.outcomes[0];
  fiscal.id = "O2";
  fiscal.type = ValueType::fiscal;
  fiscal.agency = "NHS";
  fiscal.cashable = true;
  s.outcomes.push_back(fiscal);
  const auto r = calculate_core(s, kSettings);
  EXPECT_EQ(money(r.split.by_type.at("social")), "68496.75");
  EXPECT_EQ(money(r.split.by_type.at("fiscal")), "68496.75");
  EXPECT_EQ(money(r.split.by_agency.at("NHS")), "68496.75");
  EXPECT_EQ(money(r.split.cashable), "68496.75");
  EXPECT_EQ(money(r.split.by_stakeholder.at("S1")), "136993.51");
}

// ------------------------------------------------------------- tornado

TEST(Tornado, UsesRangesOrTwentyPercentAndSortsBySwing) {
  auto s = test::worked_example();
  s.outcomes[0].ranges[Assumption::deadweight] = {D("0.1"), D("0.3"), Distribution::uniform};
  const auto r = calculate_sroi(s, kSettings, no_monte_carlo());
  ASSERT_EQ(r.tornado.size(), 7u);  // six assumptions and the discount rate
  for (std::size_t i = 1; i < r.tornado.size(); ++i)
    EXPECT_GE(r.tornado[i - 1].swing, r.tornado[i].swing);
  const TornadoBar* dw = nullptr;
  const TornadoBar* quantity = nullptr;
  for (const auto& b : r.tornado) {
    if (b.assumption == Assumption::deadweight) dw = &b;
    if (b.assumption == Assumption::quantity) quantity = &b;
  }
  ASSERT_TRUE(dw && quantity);
  EXPECT_EQ(ratio(*dw->ratio_at_low), "1.5412");         // 1.369935 x 0.9 / 0.8 (PV 68,496.7535)
  EXPECT_EQ(ratio(*dw->ratio_at_high), "1.1987");        // 1.369935 x 0.7 / 0.8
  EXPECT_EQ(quantity->low, D("40"));                     // no range: +/- 20 %
  EXPECT_EQ(ratio(*quantity->ratio_at_high), "1.6439");  // 1.369935 x 1.2
}

// ------------------------------------------------------------- Monte Carlo

namespace {
Sroi ranged_example(Distribution dist) {
  auto s = test::worked_example();
  s.outcomes[0].ranges[Assumption::deadweight] = {D("0.1"), D("0.3"), dist};
  return s;
}
}  // namespace

TEST(MonteCarlo, SameSeedSameResultsWhateverTheThreads) {
  CalcOptions a;
  a.seed = 42;
  a.threads = 1;
  CalcOptions b = a;
  b.threads = 2;
  const auto x = run_monte_carlo(ranged_example(Distribution::uniform), kSettings, a);
  const auto y = run_monte_carlo(ranged_example(Distribution::uniform), kSettings, b);
  ASSERT_TRUE(x && y);
  EXPECT_EQ(x->present_values, y->present_values);
  CalcOptions c = a;
  c.seed = 43;
  const auto z = run_monte_carlo(ranged_example(Distribution::uniform), kSettings, c);
  EXPECT_NE(x->present_values, z->present_values);
}

TEST(MonteCarlo, UniformPercentilesMatchTheHandWorkedQuantiles) {
  CalcOptions o;
  o.draws = 20000;
  const auto mc = run_monte_carlo(ranged_example(Distribution::uniform), kSettings, o);
  ASSERT_TRUE(mc);
  // PV is 68,496.7535 x (1 - DW) / 0.8. DW ~ U(0.1, 0.3): its 95th percentile is 0.29 and its
  // 5th is 0.11, so PV's 5th percentile is 68,496.75 x 0.71 / 0.8 = 60,790.87, its 95th
  // 68,496.75 x 0.89 / 0.8 = 76,202.64 and its median 68,496.75.
  EXPECT_NEAR(mc->pv_p5, 60790.87, 60790.87 * 0.005);
  EXPECT_NEAR(mc->pv_p50, 68496.75, 68496.75 * 0.005);
  EXPECT_NEAR(mc->pv_p95, 76202.64, 76202.64 * 0.005);
  EXPECT_NEAR(mc->ratio_p50, 1.3699, 0.007);
  EXPECT_EQ(mc->prob_ratio_below_1, 0.0);  // the worst case, DW = 0.3, still gives 1.1987
}

TEST(MonteCarlo, TriangularIsCentredOnItsMode) {
  CalcOptions o;
  o.draws = 20000;
  const auto mc = run_monte_carlo(ranged_example(Distribution::triangular), kSettings, o);
  ASSERT_TRUE(mc);
  EXPECT_NEAR(mc->pv_p50, 68496.75, 68496.75 * 0.005);
  // A triangle on [0.1, 0.3] with mode 0.2: P(DW > x) = (0.3 - x)^2 / 0.02 for x >= 0.2, so the
  // 95th percentile of DW is 0.3 - sqrt(0.001) = 0.268377: PV 5th percentile 62,642.23.
  EXPECT_NEAR(mc->pv_p5, 62642.23, 62642.23 * 0.005);
}

TEST(MonteCarlo, ProbabilityRatioBelowOne) {
  auto s = test::worked_example();
  s.outcomes[0].deadweight = D("0.45");
  s.outcomes[0].ranges[Assumption::deadweight] = {D("0.3"), D("0.6"), Distribution::uniform};
  CalcOptions o;
  o.draws = 20000;
  const auto mc = run_monte_carlo(s, kSettings, o);
  ASSERT_TRUE(mc);
  // The ratio falls below 1 once DW passes its switching value 0.416025: (0.6 - 0.416025) / 0.3.
  EXPECT_NEAR(mc->prob_ratio_below_1, 0.61325, 0.015);
}

TEST(MonteCarlo, OnlyRunsWithRangesAndCanBeCancelled) {
  EXPECT_FALSE(run_monte_carlo(test::worked_example(), kSettings, CalcOptions{}).has_value());
  CalcOptions o;
  o.progress = [](double) { return false; };
  EXPECT_FALSE(run_monte_carlo(ranged_example(Distribution::uniform), kSettings, o).has_value());
}
