// Cumulative impact as JSON (equivalue-cli cumulative --json):
//   {"changes": 3, "changes_assessed": 3, "threshold": 2, "groups_flagged": 1,
//    "change_ids": ["C1", "C2", "C3"],
//    "characteristics": {"age": {"65+": {"negative": ["C2", "C3"], "count": 2, "people": 2502,
//                                        "saving": "237000.00", "flagged": true,
//                                        "without_figures": [], "without_saving": [],
//                                        "ratings": {"C1": "positive", "C2": "negative",
//                                                    "C3": "negative"}}}}}
// People are whole people (rounded half away from zero); null for a characteristic the
// segments do not describe (a row for the whole characteristic has the group "all").
// Savings are pounds to the penny, as text. "ratings" is the heat map's row: the rating each
// change gives the group, null where no impact of the change bears on it. With a disclosure
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
