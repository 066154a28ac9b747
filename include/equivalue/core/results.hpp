// Every figure for every service change of a project: what the CLI prints, the GUI shows
// and the workbook exports, from one place.
#pragma once

#include "equivalue/core/affected.hpp"
#include "equivalue/core/model.hpp"
#include "equivalue/core/sroi.hpp"

#include <optional>
#include <string>
#include <vector>

namespace eqv {

struct ChangeResults {
  std::string id;
  std::string title;
  SroiResult sroi;
  std::optional<AffectedResult>
      affected;  // when the project has segments and the change names some
};

ChangeResults calculate_change(const Project& project, const ServiceChange& change,
                               const CalcOptions& options);

// All changes, or only the one whose id is `only` (empty = all).
std::vector<ChangeResults> calculate_project(const Project& project, const CalcOptions& options,
                                             const std::string& only = {});

}  // namespace eqv
