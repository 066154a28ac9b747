// Cumulative impact as JSON (equivalue-cli cumulative --json):
//   {"changes": 3, "changes_assessed": 3,
//    "characteristics": {"age": {"65+": {"negative": ["C1", "C3"], "count": 2, "people": 2502,
//                                        "without_figures": []}}}}
// People are whole people (rounded half away from zero); null for a characteristic the
// segments do not describe (its one row has the category "all"). With a disclosure
// threshold, people counts are published under disclosure control: small counts become
// the text "<10" and the rule applied is given as "disclosure".
#pragma once

#include "equivalue/core/cumulative.hpp"

#include <optional>
#include <string>

namespace eqv {

std::string cumulative_to_json(const CumulativeImpact& cumulative,
                               std::optional<int> disclosure_threshold = {});

}  // namespace eqv
