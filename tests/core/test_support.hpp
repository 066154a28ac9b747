// Helpers shared by the core tests: building the method's worked example in code.
#pragma once

#include "equivalue/core/model.hpp"

namespace eqv::test {

inline Decimal D(const char* text) { return Decimal(text); }

// method.md section 1, worked check: Q = 50, P = 1,000, DW 0.20, DS 0.10, AT 0.25,
// DO 0.10, D = 3, r = 0.035, inputs 50,000 at year 0.
inline Sroi worked_example() {
  Sroi s;
  s.stakeholders.push_back({"S1", "Older residents", ""});
  s.inputs.push_back({"S1", "Council grant", D("50000.00"), 0});
  Outcome o;
  o.id = "O1";
  o.stakeholder = "S1";
  o.description = "Less isolation";
  o.quantity = 50;
  o.proxy.value = D("1000.00");
  o.deadweight = D("0.20");
  o.displacement = D("0.10");
  o.attribution = D("0.25");
  o.drop_off = D("0.10");
  o.duration = 3;
  s.outcomes.push_back(o);
  return s;
}

inline std::string money(const Decimal& d) { return to_fixed(d, 2); }
inline std::string ratio(const Decimal& d) { return to_fixed(d, 4); }

}  // namespace eqv::test
