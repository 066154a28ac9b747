// Validation: every rule a project must meet before its figures mean anything.
//
// validate() never throws and never stops at the first problem: it returns the whole
// list, each problem naming the field by its path in the interchange format
// ("changes[0].sroi.outcomes[2].deadweight") and saying in plain words what is wrong
// and how to put it right. The CLI prints the list; the GUI shows each message beside
// the control whose name is that field.
#pragma once

#include "equivalue/core/model.hpp"

#include <string>
#include <vector>

namespace eqv {

struct Problem {
  std::string path;     // "changes[0].sroi.outcomes[2].deadweight"; empty for the whole file
  std::string message;  // "must be between 0 and 1, got 20 (did you mean 0.20?)"
  std::string text() const { return path.empty() ? message : path + ": " + message; }
};

using Problems = std::vector<Problem>;

// The rules of the data itself (ranges, references, uniqueness). Submission rules for an
// EqIA are separate (eqia.hpp): a draft may be incomplete, but never wrong.
Problems validate(const Project& project);

// The reference of project.changes[index] is already another change's: one problem at
// "changes[index].id" (none when it is unique or empty). For checking one change on its
// own, as the desktop does while it is edited; validate() checks the whole list.
Problems duplicate_change_id(const Project& project, std::size_t index);

// Path helpers shared by the readers and the rules.
std::string index_path(const std::string& parent, const std::string& list, std::size_t index);
std::string field_path(const std::string& parent, const std::string& field);

// "must be between 0 and 1, got 20 (did you mean 0.20?)"
std::string fraction_message(const Decimal& value);

// True for a calendar date written yyyy-mm-dd.
bool is_iso_date(const std::string& text);

}  // namespace eqv
