#include "equivalue/core/cumulative.hpp"

#include "equivalue/core/affected.hpp"

#include <algorithm>

namespace eqv {
namespace {

// Higher is worse: the order in which one change's ratings of a group give way to each other.
int harm(Rating r) {
  switch (r) {
    case Rating::positive:
      return 0;
    case Rating::neutral:
      return 1;
    case Rating::unknown:
      return 2;
    case Rating::negative:
      return 3;
  }
  return 0;
}

// The worst rating the change's assessment gives the group, nullopt when none bears on it.
std::optional<Rating> rating_of(const ServiceChange& change, const std::string& characteristic,
                                const std::string& group) {
  if (!change.eqia) return std::nullopt;
  std::optional<Rating> worst;
  for (const auto& im : change.eqia->impacts) {
    if (im.characteristic != characteristic) continue;
    if (!group.empty() && !impact_bears_on(im, group)) continue;
    if (!worst || harm(im.rating) > harm(*worst)) worst = im.rating;
  }
  return worst;
}

// Fills the row's cells and the totals over the changes rating the group negative.
// `people_of(k)` is the group's A_c for change k, nullopt without figures.
template <typename PeopleOf>
void fill_row(const Project& project, CumulativeRow& row, PeopleOf people_of) {
  for (std::size_t k = 0; k < project.changes.size(); ++k) {
    const ServiceChange& change = project.changes[k];
    CumulativeCell cell;
    cell.rating = rating_of(change, row.characteristic, row.category);
    cell.people = people_of(k);
    if (cell.rating == Rating::negative) {
      row.changes.push_back(change.id);
      if (cell.people)
        row.people += *cell.people;
      else if (row.has_people)
        row.changes_without_figures.push_back(change.id);
      if (change.eqia && change.eqia->saving)
        row.saving += *change.eqia->saving;
      else
        row.changes_without_saving.push_back(change.id);
    }
    row.cells.push_back(std::move(cell));
  }
  row.flagged = project.project.cumulative_threshold > 0 &&
                row.count() >= static_cast<std::size_t>(project.project.cumulative_threshold);
}

// The groups of a characteristic the segments do not describe: those its impacts name, in
// first-met order; one empty group (the whole characteristic) when they name none.
std::vector<std::string> named_groups(const Project& project, const std::string& characteristic) {
  std::vector<std::string> groups;
  for (const auto& change : project.changes) {
    if (!change.eqia) continue;
    for (const auto& im : change.eqia->impacts)
      if (im.characteristic == characteristic)
        for (const auto& g : im.groups)
          if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
  }
  if (groups.empty()) groups.emplace_back();
  return groups;
}

}  // namespace

std::size_t CumulativeImpact::groups_flagged() const {
  return static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [](const CumulativeRow& r) { return r.flagged; }));
}

const CumulativeRow* CumulativeImpact::find(const std::string& characteristic,
                                            const std::string& category) const {
  for (const auto& r : rows)
    if (r.characteristic == characteristic && r.category == category) return &r;
  return nullptr;
}

CumulativeImpact cumulative_impact(const Project& project) {
  CumulativeImpact out;
  out.changes = project.changes.size();
  out.threshold = project.project.cumulative_threshold;
  std::vector<std::optional<AffectedResult>> affected;
  for (const auto& change : project.changes) {
    out.change_ids.push_back(change.id);
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
      fill_row(project, row, [&](std::size_t k) -> std::optional<Decimal> {
        const CharacteristicImpact* ci = affected[k] ? affected[k]->find(ch.name) : nullptr;
        if (ci && c < ci->categories.size()) return ci->categories[c].affected;
        return std::nullopt;
      });
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
      for (const auto& group : named_groups(project, im.characteristic)) {
        CumulativeRow row;
        row.characteristic = im.characteristic;
        row.category = group;
        fill_row(project, row, [](std::size_t) -> std::optional<Decimal> { return std::nullopt; });
        out.rows.push_back(std::move(row));
      }
    }
  }
  return out;
}

}  // namespace eqv
