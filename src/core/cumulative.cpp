#include "equivalue/core/cumulative.hpp"

#include "equivalue/core/affected.hpp"

#include <algorithm>

namespace eqv {
namespace {

bool rates_negative(const ServiceChange& change, const std::string& characteristic) {
  if (!change.eqia) return false;
  return std::any_of(change.eqia->impacts.begin(), change.eqia->impacts.end(),
                     [&](const Impact& im) {
                       return im.characteristic == characteristic && im.rating == Rating::negative;
                     });
}

}  // namespace

CumulativeImpact cumulative_impact(const Project& project) {
  CumulativeImpact out;
  out.changes = project.changes.size();
  std::vector<std::optional<AffectedResult>> affected;
  for (const auto& change : project.changes) {
    if (change.eqia) ++out.changes_assessed;
    if (!project.segments.items.empty() && !change.affected_segments.empty())
      affected.push_back(
          compute_affected(project.segments, change.affected_segments, project.project.flag_ratio));
    else
      affected.emplace_back();
  }
  for (const auto& ch : project.segments.characteristics)
    for (std::size_t c = 0; c < ch.categories.size(); ++c) {
      CumulativeRow row;
      row.characteristic = ch.name;
      row.category = ch.categories[c];
      row.has_people = true;
      for (std::size_t k = 0; k < project.changes.size(); ++k) {
        if (!rates_negative(project.changes[k], ch.name)) continue;
        row.changes.push_back(project.changes[k].id);
        const CharacteristicImpact* ci = affected[k] ? affected[k]->find(ch.name) : nullptr;
        if (ci && c < ci->categories.size())
          row.people += ci->categories[c].affected;
        else
          row.changes_without_figures.push_back(project.changes[k].id);
      }
      out.rows.push_back(std::move(row));
    }
  // Characteristics rated negative that the segments do not describe, in first-met order.
  for (const auto& change : project.changes) {
    if (!change.eqia) continue;
    for (const auto& im : change.eqia->impacts) {
      if (im.rating != Rating::negative || project.segments.characteristic(im.characteristic))
        continue;
      const bool listed = std::any_of(
          out.rows.begin(), out.rows.end(),
          [&](const CumulativeRow& r) { return r.characteristic == im.characteristic; });
      if (listed) continue;
      CumulativeRow row;
      row.characteristic = im.characteristic;
      for (const auto& k : project.changes)
        if (rates_negative(k, im.characteristic)) row.changes.push_back(k.id);
      out.rows.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace eqv
