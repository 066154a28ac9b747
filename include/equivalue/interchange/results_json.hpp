// Calculated results as JSON (the `calc --json` contract in docs/FORMAT.md). Money is
// rounded to pence, ratios to four places and discount factors to six, by the one
// rounding rule (round_half_away); values are JSON numbers.
#pragma once

#include "equivalue/core/results.hpp"

#include <string>
#include <vector>

namespace eqv {

std::string results_to_json(const std::vector<ChangeResults>& results);

}  // namespace eqv
