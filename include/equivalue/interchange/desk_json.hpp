// The equality officer's desk as JSON (equivalue-cli reviews --json):
//   {"today": "2027-11-20", "horizon_days": 60,
//    "lists": {"awaiting-review": [], "returned": [{"change": "C3", "title": "...",
//              "reference": "EQIA-2026-030", "date": "2026-12-08", "days": 347,
//              "note": "returned on 2026-12-08, 347 days ago"}],
//              "review-overdue": [...], "review-due": [...], "approved-late": [...]}}
// Every list is present, empty when nothing is on it; what each list and "days" mean is in
// equivalue/core/reviews.hpp.
#pragma once

#include "equivalue/core/reviews.hpp"

#include <string>

namespace eqv {

std::string desk_to_json(const OfficerDesk& desk);

}  // namespace eqv
