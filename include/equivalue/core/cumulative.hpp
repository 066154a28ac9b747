// Cumulative impact across all service changes of a project (method.md section 3): the
// budget-round question "which groups do this round's proposals hit, and how many times?"
//
// For every characteristic and group (category) of the project's segments, the changes whose
// EqIA rates that group negative, how many there are, the people they touch (the sum of A_c,
// compute_affected, over those changes) and the savings they bring (the sum of the savings
// their assessments state). An impact bears on the groups it names ("groups": ["65+"]), or on
// every group of its characteristic when it names none. Characteristics rated negative that
// the segments do not describe (religion, say) get one row per group the impacts name, or one
// row for the whole characteristic when they name none, with no people figure.
//
// A group rated negative by project.cumulative_threshold changes or more is flagged for the
// decision makers. Each row also carries one cell per change (the heat map: groups x changes)
// with the rating that change gives the group and the people of the group it touches.
#pragma once

#include "equivalue/core/eqia.hpp"
#include "equivalue/core/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace eqv {

// One change's entry for one group: its rating of the group, and the people it touches there.
struct CumulativeCell {
  // The worst rating the change's assessment gives the group (negative, then unknown, then
  // neutral, then positive); nullopt when no impact of the assessment bears on the group.
  std::optional<Rating> rating;
  std::optional<Decimal> people;  // A_c for the group; nullopt without segment figures
};

struct CumulativeRow {
  std::string characteristic;
  std::string category;  // empty: the whole characteristic (segments do not describe it)
  std::vector<std::string>
      changes;              // ids of the changes rating the group negative, in project order
  Decimal people = 0;       // sum of A_c over those changes (not rounded)
  bool has_people = false;  // false when the segments do not describe the characteristic
  // Of `changes`, those naming no affected segments: their people are not in `people`.
  std::vector<std::string> changes_without_figures;
  Decimal saving = 0;  // sum of the savings stated by the assessments of `changes`
  // Of `changes`, those whose assessment states no saving.
  std::vector<std::string> changes_without_saving;
  bool flagged = false;               // count() >= the project's cumulative threshold
  std::vector<CumulativeCell> cells;  // one per project change, in project order

  std::size_t count() const { return changes.size(); }
};

struct CumulativeImpact {
  std::vector<CumulativeRow>
      rows;  // segment characteristics and categories in scheme order, then the rest
  std::vector<std::string> change_ids;  // the heat map's columns: every change, in project order
  std::size_t changes_assessed = 0;     // changes with an assessment
  std::size_t changes = 0;              // all changes
  int threshold = 2;                    // the project's cumulative threshold
  std::size_t groups_flagged() const;
  const CumulativeRow* find(const std::string& characteristic, const std::string& category) const;
};

CumulativeImpact cumulative_impact(const Project& project);

}  // namespace eqv
