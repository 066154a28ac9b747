#include "fields.hpp"

#include <sstream>

namespace eqv::gui {
namespace {

std::string text_of(const Decimal& d) { return to_exact_string(d); }

Decimal decimal_of(const std::string& text) { return parse_decimal(text).value_or(Decimal(0)); }

int whole_of(const std::string& text) {
  try {
    return std::stoi(text);
  } catch (const std::exception&) {
    return 0;
  }
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// Field makers: a member reached through `access`, shown and stored as `kind`.
template <typename M, typename Access>
FieldDef<M> text_field(std::string name, std::string label, Access access) {
  return {std::move(name), std::move(label), FieldKind::text, {},
          [access](const M& m) { return access(const_cast<M&>(m)); },
          [access](M& m, const std::string& t) { access(m) = t; }};
}

template <typename M, typename Access>
FieldDef<M> decimal_field(std::string name, std::string label, Access access) {
  return {std::move(name), std::move(label), FieldKind::decimal, {},
          [access](const M& m) { return text_of(access(const_cast<M&>(m))); },
          [access](M& m, const std::string& t) { access(m) = decimal_of(trimmed(t)); }};
}

template <typename M, typename Access>
FieldDef<M> optional_decimal_field(std::string name, std::string label, Access access) {
  return {std::move(name), std::move(label), FieldKind::optional_decimal, {},
          [access](const M& m) {
            const auto& v = access(const_cast<M&>(m));
            return v ? text_of(*v) : std::string();
          },
          [access](M& m, const std::string& t) {
            const std::string s = trimmed(t);
            if (s.empty())
              access(m).reset();
            else
              access(m) = decimal_of(s);
          }};
}

template <typename M, typename Access>
FieldDef<M> whole_field(std::string name, std::string label, Access access) {
  return {std::move(name), std::move(label), FieldKind::whole, {},
          [access](const M& m) { return std::to_string(access(const_cast<M&>(m))); },
          [access](M& m, const std::string& t) { access(m) = whole_of(trimmed(t)); }};
}

template <typename M, typename Access>
FieldDef<M> flag_field(std::string name, std::string label, Access access) {
  return {std::move(name), std::move(label), FieldKind::flag, {},
          [access](const M& m) { return std::string(access(const_cast<M&>(m)) ? "1" : "0"); },
          [access](M& m, const std::string& t) { access(m) = t == "1"; }};
}

// A choice stored as a string member.
template <typename M, typename Access>
FieldDef<M> choice_field(std::string name, std::string label, std::vector<Choice> choices, Access access) {
  return {std::move(name), std::move(label), FieldKind::choice, std::move(choices),
          [access](const M& m) { return std::string(access(const_cast<M&>(m))); },
          [access](M& m, const std::string& t) { access(m) = t; }};
}

// A choice stored as an enum, through the model's own name functions.
template <typename M, typename Enum, typename Access>
FieldDef<M> enum_field(std::string name, std::string label, std::vector<Choice> choices, Access access,
                       const char* (*to_name)(Enum), std::optional<Enum> (*from_name)(const std::string&)) {
  return {std::move(name), std::move(label), FieldKind::choice, std::move(choices),
          [access, to_name](const M& m) { return std::string(to_name(access(const_cast<M&>(m)))); },
          [access, from_name](M& m, const std::string& t) {
            if (auto e = from_name(t)) access(m) = *e;
          }};
}

const std::vector<Choice> kScoreChoices{{"0", "Not scored"}, {"1", "1 - low"}, {"2", "2"}, {"3", "3"}, {"4", "4 - high"}};

const char* discount_kind_name(DiscountKind k) { return k == DiscountKind::green_book ? "green-book" : "constant"; }
std::optional<DiscountKind> discount_kind_from_name(const std::string& s) {
  if (s == "green-book") return DiscountKind::green_book;
  if (s == "constant") return DiscountKind::constant;
  return std::nullopt;
}

template <typename M, typename Access>
FieldDef<M> score_field(std::string name, std::string label, Access access) {
  return {std::move(name), std::move(label), FieldKind::choice, kScoreChoices,
          [access](const M& m) { return std::to_string(access(const_cast<M&>(m))); },
          [access](M& m, const std::string& t) { access(m) = whole_of(t); }};
}

// Residual scores are optional in the model: a score set on either creates them.
template <typename Member>
FieldDef<Impact> residual_field(std::string name, std::string label, Member member) {
  return {std::move(name), std::move(label), FieldKind::choice, kScoreChoices,
          [member](const Impact& m) { return m.residual ? std::to_string((*m.residual).*member) : std::string("0"); },
          [member](Impact& m, const std::string& t) {
            if (!m.residual) m.residual = Score{};
            (*m.residual).*member = whole_of(t);
            if (!m.residual->likelihood && !m.residual->severity) m.residual.reset();
          }};
}

}  // namespace

std::optional<std::string> check_field_text(FieldKind kind, const std::string& raw) {
  const std::string text = trimmed(raw);
  switch (kind) {
    case FieldKind::decimal:
      if (!parse_decimal(text)) return "enter a number written with digits and a point, such as 0.25 or 1000";
      return std::nullopt;
    case FieldKind::optional_decimal:
      if (!text.empty() && !parse_decimal(text))
        return "enter a number such as 25000, or leave it blank";
      return std::nullopt;
    case FieldKind::whole: {
      if (text.empty()) return "enter a whole number, such as 3";
      std::size_t used = 0;
      try {
        (void)std::stoi(text, &used);
      } catch (const std::exception&) {
        return "enter a whole number, such as 3";
      }
      if (used != text.size()) return "enter a whole number, such as 3";
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

const FormDef<ProjectSettings>& project_settings_fields() {
  static const FormDef<ProjectSettings> form{
      text_field<ProjectSettings>("name", "Project name", [](ProjectSettings& m) -> auto& { return m.name; }),
      choice_field<ProjectSettings>("jurisdiction", "Equality template",
                                    {{"england", "England"},
                                     {"wales", "Wales"},
                                     {"scotland", "Scotland"},
                                     {"northern-ireland", "Northern Ireland"}},
                                    [](ProjectSettings& m) -> auto& { return m.jurisdiction; }),
      whole_field<ProjectSettings>("base_year", "Base year for prices",
                                   [](ProjectSettings& m) -> auto& { return m.base_year; }),
      text_field<ProjectSettings>("currency", "Currency", [](ProjectSettings& m) -> auto& { return m.currency; }),
      whole_field<ProjectSettings>("disclosure_threshold", "Hide counts below",
                                   [](ProjectSettings& m) -> auto& { return m.disclosure_threshold; }),
      decimal_field<ProjectSettings>("flag_ratio", "Flag groups over-represented by",
                                     [](ProjectSettings& m) -> auto& { return m.flag_ratio; }),
  };
  return form;
}

const FormDef<ServiceChange>& change_fields() {
  static const FormDef<ServiceChange> form{
      text_field<ServiceChange>("id", "Reference", [](ServiceChange& m) -> auto& { return m.id; }),
      text_field<ServiceChange>("title", "Title", [](ServiceChange& m) -> auto& { return m.title; }),
      enum_field<ServiceChange>("sroi.discount.kind", "Discounting",
                                {{"constant", "One rate every year"},
                                 {"green-book", "Green Book declining rates"}},
                                [](ServiceChange& m) -> auto& { return m.sroi.discount.kind; }, discount_kind_name,
                                discount_kind_from_name),
      decimal_field<ServiceChange>("sroi.discount.rate", "Discount rate",
                                   [](ServiceChange& m) -> auto& { return m.sroi.discount.rate; }),
      flag_field<ServiceChange>("sroi.first_year_discounted", "Discount the first year",
                                [](ServiceChange& m) -> auto& { return m.sroi.first_year_discounted; }),
      decimal_field<ServiceChange>("sroi.optimism_bias", "Optimism bias",
                                   [](ServiceChange& m) -> auto& { return m.sroi.optimism_bias; }),
  };
  return form;
}

const FormDef<Stakeholder>& stakeholder_fields() {
  static const FormDef<Stakeholder> form{
      text_field<Stakeholder>("id", "Reference", [](Stakeholder& m) -> auto& { return m.id; }),
      text_field<Stakeholder>("name", "Stakeholder group", [](Stakeholder& m) -> auto& { return m.name; }),
      text_field<Stakeholder>("segment", "Segment code", [](Stakeholder& m) -> auto& { return m.segment; }),
  };
  return form;
}

const FormDef<Input>& input_fields() {
  static const FormDef<Input> form{
      text_field<Input>("stakeholder", "Who puts it in", [](Input& m) -> auto& { return m.stakeholder; }),
      text_field<Input>("description", "What it is", [](Input& m) -> auto& { return m.description; }),
      decimal_field<Input>("amount", "Amount (£)", [](Input& m) -> auto& { return m.amount; }),
      whole_field<Input>("year", "Year (0 = up front)", [](Input& m) -> auto& { return m.year; }),
  };
  return form;
}

const FormDef<Outcome>& outcome_fields() {
  static const FormDef<Outcome> form{
      text_field<Outcome>("id", "Ref", [](Outcome& m) -> auto& { return m.id; }),
      text_field<Outcome>("stakeholder", "Stakeholder", [](Outcome& m) -> auto& { return m.stakeholder; }),
      text_field<Outcome>("description", "Outcome", [](Outcome& m) -> auto& { return m.description; }),
      text_field<Outcome>("indicator", "Indicator", [](Outcome& m) -> auto& { return m.indicator; }),
      decimal_field<Outcome>("quantity", "Quantity", [](Outcome& m) -> auto& { return m.quantity; }),
      whole_field<Outcome>("start_year", "Start year", [](Outcome& m) -> auto& { return m.start_year; }),
      whole_field<Outcome>("duration", "Years", [](Outcome& m) -> auto& { return m.duration; }),
      enum_field<Outcome>("type", "Type of value",
                          {{"social", "Social"}, {"economic", "Economic"}, {"fiscal", "Fiscal (public purse)"}},
                          [](Outcome& m) -> auto& { return m.type; }, value_type_name, value_type_from_name),
      text_field<Outcome>("agency", "Agency that benefits", [](Outcome& m) -> auto& { return m.agency; }),
      flag_field<Outcome>("cashable", "Cashable", [](Outcome& m) -> auto& { return m.cashable; }),
      decimal_field<Outcome>("proxy.value", "Proxy (£)", [](Outcome& m) -> auto& { return m.proxy.value; }),
      text_field<Outcome>("proxy.description", "Proxy",
                          [](Outcome& m) -> auto& { return m.proxy.description; }),
      text_field<Outcome>("proxy.unit", "Unit", [](Outcome& m) -> auto& { return m.proxy.unit; }),
      text_field<Outcome>("proxy.source", "Source", [](Outcome& m) -> auto& { return m.proxy.source; }),
      whole_field<Outcome>("proxy.price_year", "Price year", [](Outcome& m) -> auto& { return m.proxy.price_year; }),
      text_field<Outcome>("proxy.evidence_grade", "Evidence",
                          [](Outcome& m) -> auto& { return m.proxy.evidence_grade; }),
      decimal_field<Outcome>("deadweight", "Deadweight", [](Outcome& m) -> auto& { return m.deadweight; }),
      decimal_field<Outcome>("displacement", "Displacement", [](Outcome& m) -> auto& { return m.displacement; }),
      decimal_field<Outcome>("attribution", "Attribution", [](Outcome& m) -> auto& { return m.attribution; }),
      decimal_field<Outcome>("drop_off", "Drop-off", [](Outcome& m) -> auto& { return m.drop_off; }),
  };
  return form;
}

const FormDef<Eqia>& eqia_fields() {
  static const FormDef<Eqia> form{
      text_field<Eqia>("reference", "Reference", [](Eqia& m) -> auto& { return m.reference; }),
      text_field<Eqia>("directorate", "Directorate", [](Eqia& m) -> auto& { return m.directorate; }),
      text_field<Eqia>("lead_officer", "Lead officer", [](Eqia& m) -> auto& { return m.lead_officer; }),
      choice_field<Eqia>("proposal_type", "Type of proposal",
                         {{"", "Not stated"},
                          {"new", "New service"},
                          {"review", "Review"},
                          {"reduction", "Reduction"},
                          {"removal", "Removal"},
                          {"budget-saving", "Budget saving"}},
                         [](Eqia& m) -> auto& { return m.proposal_type; }),
      optional_decimal_field<Eqia>("budget", "Budget (£)", [](Eqia& m) -> auto& { return m.budget; }),
      optional_decimal_field<Eqia>("saving", "Saving (£)", [](Eqia& m) -> auto& { return m.saving; }),
      text_field<Eqia>("decision_date", "Decision date", [](Eqia& m) -> auto& { return m.decision_date; }),
      text_field<Eqia>("decision_maker", "Decision maker", [](Eqia& m) -> auto& { return m.decision_maker; }),
      enum_field<Eqia>("decision.outcome", "Decision",
                       {{"", "Not decided yet"},
                        {"no-change", "No major change"},
                        {"adjust", "Adjust the proposal"},
                        {"continue", "Continue despite adverse impact"},
                        {"stop", "Stop and remove the proposal"}},
                       [](Eqia& m) -> auto& { return m.decision.outcome; }, decision_name, decision_from_name),
      text_field<Eqia>("decision.justification", "Justification",
                       [](Eqia& m) -> auto& { return m.decision.justification; }),
      text_field<Eqia>("review_date", "Review date", [](Eqia& m) -> auto& { return m.review_date; }),
      text_field<Eqia>("review_summary", "After the review", [](Eqia& m) -> auto& { return m.review_summary; }),
  };
  return form;
}

const FormDef<Screening>& screening_fields() {
  static const FormDef<Screening> form{
      text_field<Screening>("characteristic", "Characteristic",
                            [](Screening& m) -> auto& { return m.characteristic; }),
      enum_field<Screening>("relevant", "Relevant?", {{"yes", "Yes"}, {"no", "No"}, {"not-sure", "Not sure"}},
                            [](Screening& m) -> auto& { return m.relevant; }, relevance_name, relevance_from_name),
      text_field<Screening>("reason", "Why", [](Screening& m) -> auto& { return m.reason; }),
  };
  return form;
}

const FormDef<Impact>& impact_fields() {
  static const FormDef<Impact> form{
      text_field<Impact>("characteristic", "Characteristic", [](Impact& m) -> auto& { return m.characteristic; }),
      enum_field<Impact>("rating", "Impact",
                         {{"unknown", "Unknown (not yet known)"},
                          {"positive", "Positive"},
                          {"neutral", "Neutral"},
                          {"negative", "Negative"}},
                         [](Impact& m) -> auto& { return m.rating; }, rating_name, rating_from_name),
      text_field<Impact>("evidence", "Evidence", [](Impact& m) -> auto& { return m.evidence; }),
      text_field<Impact>("engagement", "What people told us", [](Impact& m) -> auto& { return m.engagement; }),
      score_field<Impact>("likelihood", "Likelihood", [](Impact& m) -> auto& { return m.before.likelihood; }),
      score_field<Impact>("severity", "Severity", [](Impact& m) -> auto& { return m.before.severity; }),
      text_field<Impact>("mitigation", "Mitigation", [](Impact& m) -> auto& { return m.mitigation; }),
      residual_field("residual.likelihood", "Likelihood after", &Score::likelihood),
      residual_field("residual.severity", "Severity after", &Score::severity),
      FieldDef<Impact>{"data_gaps", "Data gaps", FieldKind::lines, {},
                       [](const Impact& m) {
                         std::string out;
                         for (const auto& g : m.data_gaps) out += (out.empty() ? "" : "\n") + g;
                         return out;
                       },
                       [](Impact& m, const std::string& t) {
                         m.data_gaps.clear();
                         std::istringstream in(t);
                         for (std::string line; std::getline(in, line);)
                           if (!trimmed(line).empty()) m.data_gaps.push_back(trimmed(line));
                       }},
      text_field<Impact>("actual_impact", "What happened", [](Impact& m) -> auto& { return m.actual_impact; }),
  };
  return form;
}

const FormDef<Action>& action_fields() {
  static const FormDef<Action> form{
      text_field<Action>("description", "Action", [](Action& m) -> auto& { return m.description; }),
      text_field<Action>("owner", "Owner", [](Action& m) -> auto& { return m.owner; }),
      text_field<Action>("due", "Due (yyyy-mm-dd)", [](Action& m) -> auto& { return m.due; }),
      choice_field<Action>("status", "Status", {{"open", "Open"}, {"in-progress", "In progress"}, {"done", "Done"}},
                           [](Action& m) -> auto& { return m.status; }),
  };
  return form;
}

const FormDef<AffectedSegment>& affected_fields() {
  static const FormDef<AffectedSegment> form{
      text_field<AffectedSegment>("segment", "Segment", [](AffectedSegment& m) -> auto& { return m.segment; }),
      decimal_field<AffectedSegment>("share", "Share affected",
                                     [](AffectedSegment& m) -> auto& { return m.share; }),
  };
  return form;
}

namespace {
template <typename M>
std::vector<std::string> names_of(const FormDef<M>& form, std::initializer_list<const char*> only = {}) {
  std::vector<std::string> out;
  for (const auto& f : form) {
    bool wanted = only.size() == 0;
    for (const char* n : only) wanted = wanted || f.name == n;
    if (wanted) out.push_back(f.name);
  }
  return out;
}
}  // namespace

const std::vector<FormInfo>& known_forms() {
  static const std::vector<FormInfo> forms = [] {
    std::vector<FormInfo> f;
    auto settings = names_of(project_settings_fields());
    for (auto& n : names_of(change_fields(), {"sroi.discount.kind", "sroi.discount.rate", "sroi.first_year_discounted"}))
      settings.push_back(n);
    f.push_back({"project_settings", settings});
    f.push_back({"change_scope", names_of(change_fields())});
    f.push_back({"outcome_describe", names_of(outcome_fields(), {"id", "stakeholder", "description", "indicator",
                                                                 "quantity", "start_year", "duration", "type",
                                                                 "agency", "cashable"})});
    f.push_back({"outcome_valuation", names_of(outcome_fields(), {"proxy.value", "proxy.description", "proxy.unit",
                                                                  "proxy.source", "proxy.price_year",
                                                                  "proxy.evidence_grade"})});
    f.push_back({"outcome_impact",
                 names_of(outcome_fields(), {"deadweight", "displacement", "attribution", "drop_off"})});
    f.push_back({"eqia_identity", names_of(eqia_fields(), {"reference", "directorate", "lead_officer", "proposal_type",
                                                           "budget", "saving", "decision_date", "decision_maker"})});
    f.push_back({"eqia_decision",
                 names_of(eqia_fields(), {"decision.outcome", "decision.justification", "review_date", "review_summary"})});
    f.push_back({"impact_detail", names_of(impact_fields())});
    return f;
  }();
  return forms;
}

std::string field_hint(const std::string& name) {
  if (name == "deadweight") return "Share that would have happened anyway, without the change (0 to 1).";
  if (name == "displacement") return "Share that only moves the benefit from elsewhere (0 to 1).";
  if (name == "attribution") return "Share owed to other organisations or people (0 to 1).";
  if (name == "drop_off") return "How much the outcome fades each later year (0 to 1).";
  return {};
}

}  // namespace eqv::gui
