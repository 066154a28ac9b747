// What an edit changed, field by field: for the audit trail, and to show a person both
// values of a field someone else changed meanwhile.
#pragma once

#include "equivalue/core/model.hpp"

#include <string>
#include <vector>

namespace eqv {

struct FieldChange {
  std::string record;  // "changes[C1].sroi.outcomes[O1]"
  std::string field;   // "deadweight"
  std::string old_value;
  std::string new_value;
};

// Every field that differs between two states of one service change (either may be
// null: the change was added or removed). `label` names it: "changes[C1]".
void diff_change(const ServiceChange* before, const ServiceChange* after, const std::string& label,
                 std::vector<FieldChange>& out);

// Every field that differs in the project settings and the segment profile.
void diff_project_header(const Project& before, const Project& after,
                         std::vector<FieldChange>& out);

}  // namespace eqv
