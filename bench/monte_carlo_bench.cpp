// Monte Carlo benchmark: 100,000 draws over a 200-outcome, 10-year project.
//
// Builds the model in code (fixed pseudo-random assumptions, so every run is the same
// model), writes it to a CSV that bench/monte_carlo_numpy.py reads, so numpy runs exactly
// the same model, then times eqv::run_monte_carlo. Prints one line of results.
#include "equivalue/core/sroi.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

int main(int argc, char** argv) {
  const std::string model_csv = argc > 1 ? argv[1] : "mc_model.csv";
  const int draws = argc > 2 ? std::stoi(argv[2]) : 100000;
  const int repeats = argc > 3 ? std::stoi(argv[3]) : 3;

  eqv::Sroi sroi;
  sroi.stakeholders.push_back({"S1", "Residents", ""});
  sroi.inputs.push_back({"S1", "Programme budget", eqv::Decimal("150000000"), 0});
  std::mt19937 gen(7);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(gen); };
  std::ofstream csv(model_csv);
  csv << "quantity,proxy,deadweight,displacement,attribution,drop_off,duration,start_year,"
         "q_low,q_high,dw_low,dw_high,at_low,at_high,do_low,do_high\n";
  for (int i = 0; i < 200; ++i) {
    eqv::Outcome o;
    o.id = "O" + std::to_string(i + 1);
    o.stakeholder = "S1";
    const int q = pick(20, 400);
    o.quantity = q;
    o.proxy.value = eqv::Decimal(pick(100, 5000));
    o.deadweight = eqv::Decimal(pick(5, 40)) / 100;
    o.displacement = eqv::Decimal(pick(0, 20)) / 100;
    o.attribution = eqv::Decimal(pick(5, 50)) / 100;
    o.drop_off = eqv::Decimal(pick(0, 30)) / 100;
    o.duration = pick(3, 10);
    o.start_year = std::min(pick(1, 3), 11 - o.duration);
    using eqv::Assumption;
    using eqv::Decimal;
    o.ranges[Assumption::quantity] = {Decimal(q * 8 / 10), Decimal(q * 12 / 10), eqv::Distribution::uniform};
    o.ranges[Assumption::deadweight] = {o.deadweight / 2, o.deadweight * 3 / 2, eqv::Distribution::triangular};
    o.ranges[Assumption::attribution] = {o.attribution / 2, std::min(Decimal(1), o.attribution * 3 / 2),
                                         eqv::Distribution::uniform};
    o.ranges[Assumption::drop_off] = {Decimal(0), std::min(Decimal(1), o.drop_off * 2 + Decimal("0.02")),
                                      eqv::Distribution::uniform};
    auto s = [](const Decimal& d) { return eqv::to_exact_string(d); };
    csv << s(o.quantity) << ',' << s(o.proxy.value) << ',' << s(o.deadweight) << ',' << s(o.displacement) << ','
        << s(o.attribution) << ',' << s(o.drop_off) << ',' << o.duration << ',' << o.start_year;
    for (Assumption a : {Assumption::quantity, Assumption::deadweight, Assumption::attribution, Assumption::drop_off})
      csv << ',' << s(o.ranges[a].low) << ',' << s(o.ranges[a].high);
    csv << '\n';
    sroi.outcomes.push_back(o);
  }
  csv.close();

  eqv::ProjectSettings settings;
  eqv::CalcOptions options;
  options.draws = draws;
  options.seed = 1;
  double best = 1e30;
  std::optional<eqv::MonteCarloResult> mc;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    mc = eqv::run_monte_carlo(sroi, settings, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::min(best, seconds);
  }
  std::printf("equivalue: %d draws x 200 outcomes x 10 years, best of %d: %.3f s, %.0f draws/s, ratio P5/P50/P95 %.4f/%.4f/%.4f\n",
              draws, repeats, best, draws / best, mc->ratio_p5, mc->ratio_p50, mc->ratio_p95);
  return 0;
}
