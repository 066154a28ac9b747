#include "equivalue/core/results.hpp"

namespace eqv {

ChangeResults calculate_change(const Project& project, const ServiceChange& change,
                               const CalcOptions& options) {
  ChangeResults r;
  r.id = change.id;
  r.title = change.title;
  r.sroi = calculate_sroi(change.sroi, project.project, options);
  if (!project.segments.items.empty() && !change.affected_segments.empty())
    r.affected =
        compute_affected(project.segments, change.affected_segments, project.project.flag_ratio);
  return r;
}

std::vector<ChangeResults> calculate_project(const Project& project, const CalcOptions& options,
                                             const std::string& only) {
  std::vector<ChangeResults> all;
  for (const auto& change : project.changes)
    if (only.empty() || change.id == only)
      all.push_back(calculate_change(project, change, options));
  return all;
}

}  // namespace eqv
