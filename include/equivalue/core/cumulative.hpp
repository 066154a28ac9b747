// Cumulative impact across all service changes of a project (method.md section 3): the
// budget-round question "which groups do this round's proposals hit, and how many times?"
//
// For every characteristic and category of the project's segments, the changes whose EqIA
// rates that characteristic negative, how many there are, and the people they touch: the
// sum of A_c (compute_affected) over those changes. An assessment rates a characteristic,
// not a category, so a change rating age negative counts against each age category, with
// the people of that category it touches. Characteristics rated negative that the segments
// do not describe (religion, say) get one row with no people figure.
#pragma once

#include "equivalue/core/model.hpp"

#include <string>
#include <vector>

namespace eqv {

struct CumulativeRow {
  std::string characteristic;
  std::string category;              // empty when the segments do not describe the characteristic
  std::vector<std::string> changes;  // ids of the changes rating it negative, in project order
  Decimal people = 0;                // sum of A_c over those changes (not rounded)
  bool has_people = false;           // false when the segments do not describe it
  // Of `changes`, those naming no affected segments: their people are not in `people`.
  std::vector<std::string> changes_without_figures;

  std::size_t count() const { return changes.size(); }
};

struct CumulativeImpact {
  std::vector<CumulativeRow>
      rows;  // segment characteristics and categories in scheme order, then the rest
  std::size_t changes_assessed = 0;  // changes with an assessment
  std::size_t changes = 0;           // all changes
};

CumulativeImpact cumulative_impact(const Project& project);

}  // namespace eqv
