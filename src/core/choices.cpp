#include "equivalue/core/choices.hpp"

namespace eqv {

const ChoiceList& proposal_type_choices() {
  static const ChoiceList list{{"", "Not stated"},     {"new", "New service"},
                               {"review", "Review"},   {"reduction", "Reduction"},
                               {"removal", "Removal"}, {"budget-saving", "Budget saving"}};
  return list;
}

const ChoiceList& action_status_choices() {
  static const ChoiceList list{{"open", "Open"}, {"in-progress", "In progress"}, {"done", "Done"}};
  return list;
}

const ChoiceList& discount_kind_choices() {
  static const ChoiceList list{{"constant", "One rate every year"},
                               {"green-book", "Green Book declining rates"}};
  return list;
}

const ChoiceList& relevance_choices() {
  static const ChoiceList list{{"yes", "Yes"}, {"no", "No"}, {"not-sure", "Not sure"}};
  return list;
}

const ChoiceList& rating_choices() {
  static const ChoiceList list{{"unknown", "Unknown (not yet known)"},
                               {"positive", "Positive"},
                               {"neutral", "Neutral"},
                               {"negative", "Negative"}};
  return list;
}

const ChoiceList& actual_rating_choices() {
  static const ChoiceList list{{"", "Not reviewed yet"},
                               {"unknown", "Unknown (still not known)"},
                               {"positive", "Positive"},
                               {"neutral", "Neutral"},
                               {"negative", "Negative"}};
  return list;
}

const ChoiceList& decision_choices() {
  static const ChoiceList list{{"", "Not decided yet"},
                               {"no-change", "No major change"},
                               {"adjust", "Adjust the proposal"},
                               {"continue", "Continue despite adverse impact"},
                               {"stop", "Stop and remove the proposal"}};
  return list;
}

const ChoiceList& distribution_choices() {
  static const ChoiceList list{{"uniform", "Uniform"}, {"triangular", "Triangular"}};
  return list;
}

const ChoiceList& value_type_choices() {
  static const ChoiceList list{
      {"social", "Social"}, {"economic", "Economic"}, {"fiscal", "Fiscal (public purse)"}};
  return list;
}

const ChoiceList& score_choices() {
  static const ChoiceList list{
      {"0", "Not scored"}, {"1", "1 - low"}, {"2", "2"}, {"3", "3"}, {"4", "4 - high"}};
  return list;
}

const ChoiceList& status_choices() {
  static const ChoiceList list{{"draft", "Draft"},
                               {"submitted", "Submitted"},
                               {"returned", "Returned"},
                               {"approved", "Approved"},
                               {"published", "Published"}};
  return list;
}

const ChoiceList* choices_for(std::string_view field) {
  struct Entry {
    std::string_view field;
    const ChoiceList& (*list)();
  };
  static const Entry table[] = {
      {"eqia.proposal_type", proposal_type_choices},
      {"actions.status", action_status_choices},
      {"sroi.discount.kind", discount_kind_choices},
      {"screening.relevant", relevance_choices},
      {"impacts.rating", rating_choices},
      {"impacts.actual_rating", actual_rating_choices},
      {"decision.outcome", decision_choices},
      {"ranges.distribution", distribution_choices},
      {"outcomes.type", value_type_choices},
      {"impacts.likelihood", score_choices},
      {"impacts.severity", score_choices},
      {"eqia.status", status_choices},
  };
  for (const auto& e : table)
    if (e.field == field) return &e.list();
  return nullptr;
}

bool is_choice(const ChoiceList& choices, const std::string& value) {
  for (const auto& c : choices)
    if (c.value == value) return true;
  return false;
}

std::string choice_values_text(const ChoiceList& choices) {
  std::vector<std::string> values;
  for (const auto& c : choices)
    if (!c.value.empty()) values.push_back(c.value);
  std::string out;
  for (std::size_t k = 0; k < values.size(); ++k)
    out += (k == 0 ? "" : k + 1 == values.size() ? " or " : ", ") + values[k];
  return out;
}

std::string choice_label(const ChoiceList& choices, const std::string& value) {
  for (const auto& c : choices)
    if (c.value == value) return c.label;
  return value;
}

const char* discount_kind_name(DiscountKind kind) {
  return kind == DiscountKind::green_book ? "green-book" : "constant";
}

std::optional<DiscountKind> discount_kind_from_name(const std::string& name) {
  if (name == "green-book") return DiscountKind::green_book;
  if (name == "constant") return DiscountKind::constant;
  return std::nullopt;
}

}  // namespace eqv
