// The form fields are the core field registry's (equivalue/core/fields.hpp), in the order
// each form shows them, with their labels and allowed values from there.
#include "fields.hpp"

#include "equivalue/core/fields.hpp"
#include "equivalue/core/text.hpp"
#include "equivalue/interchange/templates.hpp"

#include <functional>

namespace eqv::gui {
namespace {

FieldKind kind_on_screen(const FieldInfo& f) {
  if (!f.choices.empty()) return FieldKind::choice;
  switch (f.kind) {
    case eqv::FieldKind::decimal:
    case eqv::FieldKind::money:
      return f.optional ? FieldKind::optional_decimal : FieldKind::decimal;
    case eqv::FieldKind::whole:
      return FieldKind::whole;
    case eqv::FieldKind::flag:
      return FieldKind::flag;
    case eqv::FieldKind::lines:
      return FieldKind::lines;
    default:
      return FieldKind::text;
  }
}

// A form field from the registry's description of a field of record R, reached in the
// form's model M through `at` and named with `prefix` ("sroi.").
template <typename M, typename R>
FieldDef<M> on_screen(const eqv::Field<R>& f, std::function<R&(M&)> at,
                      const std::string& prefix = "") {
  FieldDef<M> def{prefix + f.name, f.label, kind_on_screen(f), {}, {}, {}};
  for (const auto& c : f.choices) def.choices.push_back({c.value, c.label});
  const bool flag = f.kind == eqv::FieldKind::flag;
  def.get = [&f, at, flag](const M& m) {
    const std::string text = f.get(at(const_cast<M&>(m)));
    return flag ? std::string(text == "true" ? "1" : "0") : text;
  };
  def.set = [&f, at, flag](M& m, const std::string& t) {
    // A whole number that does not fit, like any text the check let through, leaves the
    // value as it was; validation speaks of the rest.
    if (!f.set(at(m), flag ? std::string(t == "1" ? "true" : "false") : t) &&
        f.kind == eqv::FieldKind::whole)
      f.set(at(m), "0");
  };
  return def;
}

template <typename M>
M& itself(M& m) {
  return m;
}

// The form's fields, in the order given, from the registry's table for the record.
template <typename M>
FormDef<M> form_of(const eqv::Fields<M>& fields, std::initializer_list<const char*> names) {
  FormDef<M> form;
  for (const char* name : names)
    form.push_back(on_screen<M, M>(*eqv::find_field(fields, name), itself<M>));
  return form;
}

// Residual scores are optional in the model: shown as "not scored" while absent, and
// absent again once both are set back to "not scored".
void score_absent_as_zero(FieldDef<Impact>& def) {
  auto get = def.get;
  auto set = def.set;
  def.get = [get](const Impact& m) {
    const std::string text = get(m);
    return text.empty() ? std::string("0") : text;
  };
  def.set = [set](Impact& m, const std::string& t) {
    set(m, t);
    if (m.residual && !m.residual->likelihood && !m.residual->severity) m.residual.reset();
  };
}

}  // namespace

std::optional<std::string> check_field_text(FieldKind kind, const std::string& raw) {
  const std::string text = trimmed(raw);
  switch (kind) {
    case FieldKind::decimal:
      if (!parse_decimal(text))
        return "enter a number written with digits and a point, such as 0.25 or 1000";
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
  static const FormDef<ProjectSettings> form = [] {
    auto f = form_of(eqv::project_settings_fields(),
                     {"name", "jurisdiction", "base_year", "currency", "disclosure_threshold",
                      "flag_ratio", "cumulative_threshold"});
    // The equality template is any installed, the council's own included, by its name.
    auto& jurisdiction = f[1];
    jurisdiction.kind = FieldKind::choice;
    for (const auto& t : eqia_template_choices()) jurisdiction.choices.push_back({t.id, t.name});
    return f;
  }();
  return form;
}

const FormDef<ServiceChange>& change_fields() {
  static const FormDef<ServiceChange> form = [] {
    auto f = form_of(eqv::change_fields(), {"id", "title"});
    for (const auto& field : eqv::sroi_fields())
      f.push_back(on_screen<ServiceChange, Sroi>(
          field, [](ServiceChange& c) -> Sroi& { return c.sroi; }, "sroi."));
    return f;
  }();
  return form;
}

const FormDef<Stakeholder>& stakeholder_fields() {
  static const auto form = form_of(eqv::stakeholder_fields(), {"id", "name", "segment"});
  return form;
}

const FormDef<Input>& input_fields() {
  static const auto form =
      form_of(eqv::input_fields(), {"stakeholder", "description", "amount", "year"});
  return form;
}

const FormDef<Outcome>& outcome_fields() {
  static const auto form =
      form_of(eqv::outcome_fields(),
              {"id",         "stakeholder",  "description",      "indicator",
               "quantity",   "start_year",   "duration",         "type",
               "agency",     "cashable",     "proxy.value",      "proxy.description",
               "proxy.unit", "proxy.source", "proxy.price_year", "proxy.evidence_grade",
               "deadweight", "displacement", "attribution",      "drop_off"});
  return form;
}

const FormDef<Eqia>& eqia_fields() {
  static const auto form = form_of(
      eqv::eqia_fields(), {"reference", "directorate", "lead_officer", "proposal_type", "budget",
                           "saving", "decision_date", "decision_maker", "decision.outcome",
                           "decision.justification", "review_date", "review_summary"});
  return form;
}

const FormDef<Screening>& screening_fields() {
  static const auto form =
      form_of(eqv::screening_fields(), {"characteristic", "relevant", "reason"});
  return form;
}

const FormDef<Impact>& impact_fields() {
  static const FormDef<Impact> form = [] {
    auto f = form_of(
        eqv::impact_fields(),
        {"characteristic", "groups", "rating", "evidence", "engagement", "likelihood", "severity",
         "mitigation", "residual.likelihood", "residual.severity", "data_gaps", "actual_impact"});
    for (auto& def : f)
      if (def.name.rfind("residual.", 0) == 0) score_absent_as_zero(def);
    return f;
  }();
  return form;
}

const FormDef<Action>& action_fields() {
  static const auto form = form_of(eqv::action_fields(), {"description", "owner", "due", "status"});
  return form;
}

const FormDef<AffectedSegment>& affected_fields() {
  static const auto form = form_of(eqv::affected_segment_fields(), {"segment", "share"});
  return form;
}

namespace {
template <typename M>
std::vector<std::string> names_of(const FormDef<M>& form,
                                  std::initializer_list<const char*> only = {}) {
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
    for (auto& n : names_of(change_fields(), {"sroi.discount.kind", "sroi.discount.rate",
                                              "sroi.first_year_discounted"}))
      settings.push_back(n);
    f.push_back({"project_settings", settings});
    f.push_back({"change_scope", names_of(change_fields())});
    f.push_back(
        {"outcome_describe",
         names_of(outcome_fields(), {"id", "stakeholder", "description", "indicator", "quantity",
                                     "start_year", "duration", "type", "agency", "cashable"})});
    f.push_back(
        {"outcome_valuation",
         names_of(outcome_fields(), {"proxy.value", "proxy.description", "proxy.unit",
                                     "proxy.source", "proxy.price_year", "proxy.evidence_grade"})});
    f.push_back({"outcome_impact", names_of(outcome_fields(), {"deadweight", "displacement",
                                                               "attribution", "drop_off"})});
    f.push_back(
        {"eqia_identity",
         names_of(eqia_fields(), {"reference", "directorate", "lead_officer", "proposal_type",
                                  "budget", "saving", "decision_date", "decision_maker"})});
    f.push_back(
        {"eqia_decision", names_of(eqia_fields(), {"decision.outcome", "decision.justification",
                                                   "review_date", "review_summary"})});
    f.push_back({"impact_detail", names_of(impact_fields())});
    return f;
  }();
  return forms;
}

std::string field_hint(const std::string& name) {
  if (name == "deadweight")
    return "Share that would have happened anyway, without the change (0 to 1).";
  if (name == "displacement") return "Share that only moves the benefit from elsewhere (0 to 1).";
  if (name == "attribution") return "Share owed to other organisations or people (0 to 1).";
  if (name == "drop_off") return "How much the outcome fades each later year (0 to 1).";
  return {};
}

}  // namespace eqv::gui
