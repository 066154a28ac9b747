// The allowed values of every choice field of the model, each with the words an officer
// reads, in the order they are offered. This is the one list: the interchange reader,
// validation, the field registry and the desktop forms all take their values from here.
//
// Choices that are not fixed in the program are not here: the EqIA template of a project
// (jurisdiction) is any template installed (interchange/templates.hpp,
// list_eqia_templates), and references to other records (a stakeholder, a segment) are
// the ids of the records that exist.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "equivalue/core/model.hpp"

namespace eqv {

struct ChoiceValue {
  std::string value;  // as the model and the interchange format write it ("not-sure")
  std::string label;  // as a person reads it ("Not sure")
};
using ChoiceList = std::vector<ChoiceValue>;

// Each field's choices. Where "" is listed, the field may be left unset.
const ChoiceList& proposal_type_choices();  // Eqia::proposal_type: "", new, review, ...
const ChoiceList& action_status_choices();  // Action::status: open, in-progress, done
const ChoiceList& discount_kind_choices();  // Discount::kind: constant, green-book
const ChoiceList& relevance_choices();      // Screening::relevant: yes, no, not-sure
const ChoiceList&
actual_rating_choices();                   // Impact::actual_rating: "" (not reviewed), unknown, ...
const ChoiceList& rating_choices();        // Impact::rating: unknown, positive, ...
const ChoiceList& decision_choices();      // Decision::outcome: "", no-change, ...
const ChoiceList& distribution_choices();  // Range::distribution: uniform, triangular
const ChoiceList& value_type_choices();    // Outcome::type: social, economic, fiscal
const ChoiceList& score_choices();         // Score likelihood and severity: 0 (not scored), 1-4
const ChoiceList& status_choices();        // Eqia::status: draft ... published

// The list for a field named by its interchange path within its record
// ("eqia.proposal_type", "actions.status", "sroi.discount.kind", "outcomes.type",
// "screening.relevant", "impacts.rating", "decision.outcome", "ranges.distribution",
// "eqia.status"); nullptr for a field that is not a fixed choice.
const ChoiceList* choices_for(std::string_view field);

// True when `value` is one of the list's values.
bool is_choice(const ChoiceList& choices, const std::string& value);

// The values, for a message: "new, review, reduction, removal or budget-saving" (the
// unset value "" left out).
std::string choice_values_text(const ChoiceList& choices);

// The label of `value`, or the value itself when it is not in the list.
std::string choice_label(const ChoiceList& choices, const std::string& value);

// The discount kind as the interchange format and the forms write it.
const char* discount_kind_name(DiscountKind kind);  // "constant", "green-book"
std::optional<DiscountKind> discount_kind_from_name(const std::string& name);

}  // namespace eqv
