// The project the storage benchmarks generate: CHANGES service changes of OUTCOMES
// outcomes each, over 8 segments, every change with an EqIA (see docs/BENCHMARKS.md).
#pragma once

#include <cstdio>
#include <string>

#include "equivalue/core/model.hpp"

namespace eqv::bench {

inline std::string fraction(int thousandths) {  // 125 -> "0.125"
  char text[16];
  std::snprintf(text, sizeof text, "0.%03d", thousandths);
  return text;
}

inline eqv::Project generate(int changes, int outcomes) {
  using namespace eqv;
  Project p;
  p.project.name = "Benchmark: " + std::to_string(changes) + " service changes";
  p.segments.scheme = "oac2021-supergroup";
  p.segments.characteristics = {{"age", {"0-15", "16-64", "65+"}},
                                {"disability", {"disabled", "not disabled"}}};
  for (int s = 1; s <= 8; ++s) {
    Segment seg;
    seg.code = std::to_string(s);
    seg.name = "Supergroup " + seg.code;
    seg.population = 10000 + 1000 * s;
    seg.composition["age"] = {{"0-15", Decimal(fraction(100 + 10 * s))},
                              {"16-64", Decimal(fraction(600))},
                              {"65+", Decimal(fraction(300 - 10 * s))}};
    seg.composition["disability"] = {{"disabled", Decimal(fraction(150 + 5 * s))},
                                     {"not disabled", Decimal(fraction(850 - 5 * s))}};
    p.segments.items.push_back(seg);
  }
  for (int c = 1; c <= changes; ++c) {
    ServiceChange ch;
    ch.id = "C" + std::to_string(c);
    ch.title = "Service change " + std::to_string(c);
    for (int s = 1; s <= 3; ++s)
      ch.sroi.stakeholders.push_back({"S" + std::to_string(s),
                                      "Stakeholder group " + std::to_string(s),
                                      std::to_string(1 + (c + s) % 8)});
    ch.sroi.inputs.push_back({"S1", "Council grant", decimal_from_int(50000 + 10 * c), 0});
    ch.sroi.inputs.push_back({"S2", "Staff time", Decimal("12500.50"), 1});
    for (int o = 1; o <= outcomes; ++o) {
      Outcome out;
      out.id = "O" + std::to_string(o);
      out.stakeholder = "S" + std::to_string(1 + o % 3);
      out.description = "Outcome " + std::to_string(o) + " of change " + std::to_string(c);
      out.indicator = "Indicator " + std::to_string(o);
      out.quantity = decimal_from_int(10 + (c * 7 + o * 13) % 90);
      out.proxy.value = Decimal(std::to_string(100 + (c + o) % 900) + ".50");
      out.proxy.description = "Proxy value";
      out.proxy.source = "Value bank";
      out.proxy.price_year = 2024;
      out.deadweight = Decimal(fraction(100 + (o * 17) % 300));
      out.displacement = Decimal(fraction(50 + (o * 11) % 200));
      out.attribution = Decimal(fraction(100 + (o * 7) % 300));
      out.drop_off = Decimal(fraction(50 + (o * 5) % 250));
      out.duration = 1 + o % 5;
      out.start_year = 1 + o % 2;
      if (o % 4 == 0)
        out.ranges[Assumption::deadweight] = {Decimal("0.05"), Decimal("0.45"),
                                              Distribution::triangular};
      ch.sroi.outcomes.push_back(out);
    }
    ch.affected_segments = {{std::to_string(1 + c % 8), Decimal("0.25")},
                            {std::to_string(1 + (c + 3) % 8), Decimal("0.1")}};
    Eqia e;
    e.screening = {{"age", Relevance::yes, "Older residents use the service"},
                   {"disability", Relevance::not_sure, ""}};
    e.impacts.push_back(
        {"age", Rating::negative, "Survey", "", {3, 2}, Score{2, 1}, "Drop-in help", {}, ""});
    e.actions.push_back({"Review take-up", "Service manager", "2027-03-31", "open"});
    ch.eqia = e;
    p.changes.push_back(ch);
  }
  return p;
}

}  // namespace eqv::bench
