#include "equivalue/core/fields.hpp"

#include "equivalue/core/text.hpp"

#include <charconv>
#include <cstdint>
#include <limits>
#include <sstream>
#include <type_traits>
#include <utility>

// The tables below name only the attributes a field has (designated initializers); the
// rest keep their defaults, which is what this warning would complain of.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace eqv {

std::string FieldInfo::group() const {
  const auto dot = name.find('.');
  return dot == std::string::npos ? std::string() : name.substr(0, dot);
}

std::string FieldInfo::key() const {
  const auto dot = name.find('.');
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

std::string FieldInfo::stored_text(const std::string& text) const {
  for (const auto& [value, spelling] : stored_as)
    if (value == text) return spelling;
  return text;
}

std::string FieldInfo::text_of_stored(const std::string& stored) const {
  for (const auto& [value, spelling] : stored_as)
    if (spelling == stored) return value;
  return stored;
}

std::string FieldInfo::allowed() const {
  std::string out;
  for (const auto& c : choices)
    if (!c.value.empty()) out += (out.empty() ? "" : ", ") + c.value;
  return out;
}

namespace {

template <typename Int>
bool whole_of(const std::string& text, Int& out) {
  long long wide = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), wide);
  if (ec != std::errc() || end != text.data() + text.size()) return false;
  if (wide < static_cast<long long>(std::numeric_limits<Int>::min()) ||
      wide > static_cast<long long>(std::numeric_limits<Int>::max()))
    return false;
  out = static_cast<Int>(wide);
  return true;
}

// How a member of each type is shown as text and stored from it.
template <typename R, typename T, typename At>
void bind(Field<R>& f, At at) {
  if constexpr (std::is_same_v<T, std::string>) {
    f.get = [at](const R& r) { return at(const_cast<R&>(r)); };
    f.set = [at](R& r, const std::string& t) {
      at(r) = t;
      return true;
    };
  } else if constexpr (std::is_same_v<T, Decimal>) {
    f.get = [at](const R& r) { return to_exact_string(at(const_cast<R&>(r))); };
    f.set = [at](R& r, const std::string& t) {
      const auto d = parse_decimal(trimmed(t));
      if (d) at(r) = *d;
      return d.has_value();
    };
  } else if constexpr (std::is_same_v<T, std::optional<Decimal>>) {
    f.get = [at](const R& r) {
      const auto& v = at(const_cast<R&>(r));
      return v ? to_exact_string(*v) : std::string();
    };
    f.set = [at](R& r, const std::string& t) {
      const std::string s = trimmed(t);
      if (s.empty()) {
        at(r).reset();
        return true;
      }
      const auto d = parse_decimal(s);
      if (d) at(r) = *d;
      return d.has_value();
    };
  } else if constexpr (std::is_same_v<T, bool>) {
    f.get = [at](const R& r) { return std::string(at(const_cast<R&>(r)) ? "true" : "false"); };
    f.set = [at](R& r, const std::string& t) {
      if (t != "true" && t != "false") return false;
      at(r) = t == "true";
      return true;
    };
  } else if constexpr (std::is_integral_v<T>) {
    f.get = [at](const R& r) { return std::to_string(at(const_cast<R&>(r))); };
    f.set = [at](R& r, const std::string& t) { return whole_of(trimmed(t), at(r)); };
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    f.items = at;
    f.get = [at](const R& r) {
      std::string out;
      for (const auto& line : at(const_cast<R&>(r))) out += (out.empty() ? "" : "\n") + line;
      return out;
    };
    f.set = [at](R& r, const std::string& t) {
      auto& list = at(r);
      list.clear();
      std::istringstream in(t);
      for (std::string line; std::getline(in, line);)
        if (!trimmed(line).empty()) list.push_back(trimmed(line));
      return true;
    };
  } else {
    static_assert(sizeof(T) == 0, "a member of this type needs its own get and set");
  }
}

// A field reached through a chain of members: field<Outcome>({...}, &Outcome::proxy,
// &Proxy::value).
template <typename R, typename... Ms>
Field<R> field(FieldInfo info, Ms... ms) {
  Field<R> f;
  static_cast<FieldInfo&>(f) = std::move(info);
  using T = std::remove_reference_t<decltype((std::declval<R&>().*....*ms))>;
  bind<R, T>(f, [ms...](R& r) -> T& { return (r.*....*ms); });
  return f;
}

// A choice held as an enum, through the model's own name functions.
template <typename R, typename Enum, typename... Ms>
Field<R> enum_field(FieldInfo info, const char* (*to_name)(Enum),
                    std::optional<Enum> (*from_name)(const std::string&), Ms... ms) {
  Field<R> f;
  static_cast<FieldInfo&>(f) = std::move(info);
  f.kind = FieldKind::choice;
  auto at = [ms...](R& r) -> Enum& { return (r.*....*ms); };
  f.get = [at, to_name](const R& r) { return std::string(to_name(at(const_cast<R&>(r)))); };
  f.set = [at, from_name](R& r, const std::string& t) {
    const auto e = from_name(t);
    if (e) at(r) = *e;
    return e.has_value();
  };
  return f;
}

// ------------------------------------------------------------------ allowed values

// An undecided assessment's decision is "" everywhere it is written.
std::optional<DecisionOutcome> decision_or_none(const std::string& s) {
  if (s.empty()) return DecisionOutcome::none;
  return decision_from_name(s);
}

// An impact's residual score exists once either half is set.
Field<Impact> residual_field(FieldInfo info, int Score::*half) {
  Field<Impact> f;
  static_cast<FieldInfo&>(f) = std::move(info);
  f.get = [half](const Impact& m) {
    return m.residual ? std::to_string((*m.residual).*half) : std::string();
  };
  f.set = [half](Impact& m, const std::string& t) {
    if (trimmed(t).empty()) return true;
    int value = 0;
    if (!whole_of(trimmed(t), value)) return false;
    if (!m.residual) m.residual = Score{};
    (*m.residual).*half = value;
    return true;
  };
  return f;
}

// The rating a post-implementation review gives an impact: "" until the review records one.
Field<Impact> actual_rating_field(FieldInfo info) {
  Field<Impact> f;
  static_cast<FieldInfo&>(f) = std::move(info);
  f.get = [](const Impact& m) {
    return m.actual_rating ? std::string(rating_name(*m.actual_rating)) : std::string();
  };
  f.set = [](Impact& m, const std::string& t) {
    if (t.empty()) {
      m.actual_rating.reset();
      return true;
    }
    const auto rating = rating_from_name(t);
    if (rating) m.actual_rating = *rating;
    return rating.has_value();
  };
  return f;
}

using K = FieldKind;
using W = Written;

}  // namespace

// ------------------------------------------------------------------ the tables
// Each entry names only what the field has, in the order of FieldInfo: name, label, kind,
// column, choices (core/choices.hpp), stored_as, refers_to, required, optional, written, bare.

const Fields<ProjectSettings>& project_settings_fields() {
  using R = ProjectSettings;
  static const Fields<R> fields{
      field<R>({.name = "name", .label = "Project name", .column = "name", .required = true},
               &R::name),
      field<R>({.name = "jurisdiction",
                .label = "Equality template",
                .column = "jurisdiction",
                .refers_to = "eqia_template"},
               &R::jurisdiction),
      field<R>({.name = "base_year",
                .label = "Base year for prices",
                .kind = K::whole,
                .column = "base_year"},
               &R::base_year),
      field<R>({.name = "currency", .label = "Currency", .column = "currency"}, &R::currency),
      field<R>({.name = "disclosure_threshold",
                .label = "Hide counts below",
                .kind = K::whole,
                .column = "disclosure_threshold"},
               &R::disclosure_threshold),
      field<R>({.name = "flag_ratio",
                .label = "Flag groups over-represented by",
                .kind = K::decimal,
                .column = "flag_ratio"},
               &R::flag_ratio),
      field<R>({.name = "cumulative_threshold",
                .label = "Flag groups bearing this many negative changes",
                .kind = K::whole,
                .column = "cumulative_threshold"},
               &R::cumulative_threshold),
      [] {  // written only when turned off, so a file that never mentions it reads the same
        auto f = field<R>({.name = "rebase_proxies",
                           .label = "Rebase proxies to the base year",
                           .kind = K::flag,
                           .column = "rebase_proxies",
                           .written = W::custom},
                          &R::rebase_proxies);
        f.write_if = [](const R& s) { return !s.rebase_proxies; };
        return f;
      }(),
      field<R>({.name = "deflator_series",
                .label = "Name of the project's own deflator series",
                .column = "deflator_series",
                .written = W::unless_empty},
               &R::deflator_series),
      field<R>({.name = "eqia_additions",
                .label = "Local equality additions",
                .kind = K::lines,
                .written = W::unless_empty},
               &R::eqia_additions),
  };
  return fields;
}

const Fields<ServiceChange>& change_fields() {
  using R = ServiceChange;
  static const Fields<R> fields{
      field<R>({.name = "id", .label = "Reference", .column = "code", .required = true}, &R::id),
      field<R>({.name = "title", .label = "Title", .column = "title", .required = true}, &R::title),
  };
  return fields;
}

const Fields<Sroi>& sroi_fields() {
  using R = Sroi;
  static const Fields<R> fields{
      enum_field<R>({.name = "discount.kind",
                     .label = "Discounting",
                     .kind = K::choice,
                     .column = "discount_kind",
                     .choices = discount_kind_choices(),
                     .stored_as = {{"constant", "rate"}},
                     .written = W::by_hand},
                    discount_kind_name, discount_kind_from_name, &R::discount, &Discount::kind),
      field<R>({.name = "discount.rate",
                .label = "Discount rate",
                .kind = K::decimal,
                .column = "discount_rate",
                .written = W::by_hand},
               &R::discount, &Discount::rate),
      field<R>({.name = "first_year_discounted",
                .label = "Discount the first year",
                .kind = K::flag,
                .column = "first_year_discounted"},
               &R::first_year_discounted),
      field<R>({.name = "optimism_bias",
                .label = "Optimism bias",
                .kind = K::decimal,
                .column = "optimism_bias",
                .written = W::unless_zero},
               &R::optimism_bias),
  };
  return fields;
}

const Fields<Stakeholder>& stakeholder_fields() {
  using R = Stakeholder;
  static const Fields<R> fields{
      field<R>({.name = "id", .label = "Reference", .column = "code", .required = true}, &R::id),
      field<R>({.name = "name", .label = "Stakeholder group", .column = "name", .required = true},
               &R::name),
      field<R>({.name = "segment",
                .label = "Segment code",
                .column = "segment",
                .refers_to = "segment",
                .written = W::unless_empty},
               &R::segment),
  };
  return fields;
}

const Fields<Input>& input_fields() {
  using R = Input;
  static const Fields<R> fields{
      field<R>({.name = "stakeholder",
                .label = "Who puts it in",
                .column = "stakeholder",
                .refers_to = "stakeholder"},
               &R::stakeholder),
      field<R>({.name = "description", .label = "What it is", .column = "description"},
               &R::description),
      field<R>({.name = "amount",
                .label = "Amount (£)",
                .kind = K::money,
                .column = "amount",
                .required = true},
               &R::amount),
      field<R>({.name = "year", .label = "Year (0 = up front)", .kind = K::whole, .column = "year"},
               &R::year),
  };
  return fields;
}

const Fields<Outcome>& outcome_fields() {  // data table
  using R = Outcome;
  static const Fields<R> fields{
      field<R>({.name = "id", .label = "Ref", .column = "code", .required = true}, &R::id),
      field<R>({.name = "stakeholder",
                .label = "Stakeholder",
                .column = "stakeholder",
                .refers_to = "stakeholder",
                .required = true},
               &R::stakeholder),
      field<R>({.name = "description", .label = "Outcome", .column = "description"},
               &R::description),
      field<R>({.name = "indicator", .label = "Indicator", .column = "indicator"}, &R::indicator),
      field<R>({.name = "quantity",
                .label = "Quantity",
                .kind = K::decimal,
                .column = "quantity",
                .required = true},
               &R::quantity),
      field<R>({.name = "proxy.value",
                .label = "Proxy (£)",
                .kind = K::money,
                .column = "proxy_value",
                .required = true,
                .bare = true},
               &R::proxy, &Proxy::value),
      field<R>({.name = "proxy.description", .label = "Proxy", .column = "proxy_description"},
               &R::proxy, &Proxy::description),
      field<R>({.name = "proxy.unit",
                .label = "Unit",
                .column = "proxy_unit",
                .written = W::unless_empty},
               &R::proxy, &Proxy::unit),
      field<R>({.name = "proxy.source", .label = "Source", .column = "proxy_source"}, &R::proxy,
               &Proxy::source),
      field<R>({.name = "proxy.price_year",
                .label = "Price year",
                .kind = K::whole,
                .column = "proxy_price_year",
                .written = W::unless_zero},
               &R::proxy, &Proxy::price_year),
      field<R>({.name = "proxy.evidence_grade",
                .label = "Evidence",
                .column = "proxy_evidence_grade",
                .written = W::unless_empty},
               &R::proxy, &Proxy::evidence_grade),
      field<R>(
          {.name = "deadweight", .label = "Deadweight", .kind = K::decimal, .column = "deadweight"},
          &R::deadweight),
      field<R>({.name = "displacement",
                .label = "Displacement",
                .kind = K::decimal,
                .column = "displacement"},
               &R::displacement),
      field<R>({.name = "attribution",
                .label = "Attribution",
                .kind = K::decimal,
                .column = "attribution"},
               &R::attribution),
      field<R>({.name = "drop_off", .label = "Drop-off", .kind = K::decimal, .column = "drop_off"},
               &R::drop_off),
      field<R>({.name = "duration",
                .label = "Years",
                .kind = K::whole,
                .column = "duration",
                .required = true},
               &R::duration),
      field<R>(
          {.name = "start_year", .label = "Start year", .kind = K::whole, .column = "start_year"},
          &R::start_year),
      enum_field<R>({.name = "type",
                     .label = "Type of value",
                     .kind = K::choice,
                     .column = "value_type",
                     .choices = value_type_choices()},
                    value_type_name, value_type_from_name, &R::type),
      field<R>({.name = "agency",
                .label = "Agency that benefits",
                .column = "agency",
                .written = W::unless_empty},
               &R::agency),
      [] {
        auto f = field<R>({.name = "cashable",
                           .label = "Cashable",
                           .kind = K::flag,
                           .column = "cashable",
                           .written = W::custom},
                          &R::cashable);
        f.write_if = [](const R& o) { return o.type == ValueType::fiscal; };
        return f;
      }(),
  };
  return fields;
}

const Fields<Range>& range_fields() {
  using R = Range;
  static const Fields<R> fields{
      field<R>(
          {.name = "low", .label = "Low", .kind = K::decimal, .column = "low", .required = true},
          &R::low),
      field<R>(
          {.name = "high", .label = "High", .kind = K::decimal, .column = "high", .required = true},
          &R::high),
      enum_field<R>({.name = "distribution",
                     .label = "Distribution",
                     .kind = K::choice,
                     .column = "distribution",
                     .choices = distribution_choices()},
                    distribution_name, distribution_from_name, &R::distribution),
  };
  return fields;
}

const Fields<AffectedSegment>& affected_segment_fields() {
  using R = AffectedSegment;
  static const Fields<R> fields{
      field<R>({.name = "segment",
                .label = "Segment",
                .column = "segment",
                .refers_to = "segment",
                .required = true},
               &R::segment),
      field<R>({.name = "share",
                .label = "Share affected",
                .kind = K::decimal,
                .column = "share",
                .required = true},
               &R::share),
  };
  return fields;
}

const Fields<Segment>& segment_fields() {
  using R = Segment;
  static const Fields<R> fields{
      field<R>({.name = "code", .label = "Code", .column = "code", .required = true}, &R::code),
      field<R>({.name = "name", .label = "Name", .column = "name"}, &R::name),
      field<R>({.name = "population",
                .label = "People",
                .kind = K::whole,
                .column = "population",
                .required = true},
               &R::population),
  };
  return fields;
}

const Fields<LibraryProxy>& library_proxy_fields() {
  using R = LibraryProxy;
  static const Fields<R> fields{
      field<R>({.name = "id", .label = "Id", .column = "code", .required = true}, &R::id),
      field<R>({.name = "description", .label = "Proxy", .column = "description", .required = true},
               &R::proxy, &Proxy::description),
      field<R>({.name = "unit", .label = "Unit", .column = "unit"}, &R::proxy, &Proxy::unit),
      field<R>({.name = "value",
                .label = "Value (£)",
                .kind = K::money,
                .column = "value",
                .required = true},
               &R::proxy, &Proxy::value),
      field<R>({.name = "price_year",
                .label = "Price year",
                .kind = K::whole,
                .column = "price_year",
                .written = W::unless_zero},
               &R::proxy, &Proxy::price_year),
      enum_field<R>({.name = "type",
                     .label = "Type of value",
                     .kind = K::choice,
                     .column = "type",
                     .choices = value_type_choices()},
                    value_type_name, value_type_from_name, &R::type),
      field<R>({.name = "agency",
                .label = "Agency that benefits",
                .column = "agency",
                .written = W::unless_empty},
               &R::agency),
      field<R>({.name = "evidence_grade",
                .label = "Evidence",
                .column = "evidence_grade",
                .written = W::unless_empty},
               &R::proxy, &Proxy::evidence_grade),
      field<R>({.name = "source", .label = "Source", .column = "source"}, &R::proxy,
               &Proxy::source),
      field<R>({.name = "source_table",
                .label = "Table",
                .column = "source_table",
                .written = W::unless_empty},
               &R::source_table),
      field<R>({.name = "source_url",
                .label = "Address",
                .column = "source_url",
                .written = W::unless_empty},
               &R::source_url),
      field<R>({.name = "licence", .label = "Licence", .column = "licence"}, &R::licence),
  };
  return fields;
}

const Fields<Eqia>& eqia_fields() {  // data table
  using R = Eqia;
  static const Fields<R> fields{
      field<R>({.name = "template", .label = "Equality template", .column = "template"},
               &R::template_name),
      enum_field<R>({.name = "status",
                     .label = "Status",
                     .kind = K::choice,
                     .column = "status",
                     .choices = status_choices()},
                    status_name, status_from_name, &R::status),
      field<R>({.name = "version", .label = "Version", .kind = K::whole, .column = "version"},
               &R::version),
      field<R>({.name = "reference",
                .label = "Reference",
                .column = "reference",
                .written = W::unless_empty},
               &R::reference),
      field<R>({.name = "directorate",
                .label = "Directorate",
                .column = "directorate",
                .written = W::unless_empty},
               &R::directorate),
      field<R>({.name = "lead_officer",
                .label = "Lead officer",
                .column = "lead_officer",
                .written = W::unless_empty},
               &R::lead_officer),
      field<R>({.name = "proposal_type",
                .label = "Type of proposal",
                .kind = K::choice,
                .column = "proposal_type",
                .choices = proposal_type_choices(),
                .written = W::unless_empty},
               &R::proposal_type),
      field<R>({.name = "budget",
                .label = "Budget (£)",
                .kind = K::money,
                .column = "budget",
                .optional = true,
                .written = W::unless_empty},
               &R::budget),
      field<R>({.name = "saving",
                .label = "Saving (£)",
                .kind = K::money,
                .column = "saving",
                .optional = true,
                .written = W::unless_empty},
               &R::saving),
      field<R>({.name = "decision_date",
                .label = "Decision date",
                .column = "decision_date",
                .written = W::unless_empty},
               &R::decision_date),
      field<R>({.name = "decision_maker",
                .label = "Decision maker",
                .column = "decision_maker",
                .written = W::unless_empty},
               &R::decision_maker),
      enum_field<R>({.name = "decision.outcome",
                     .label = "Decision",
                     .kind = K::choice,
                     .column = "decision_outcome",
                     .choices = decision_choices(),
                     .written = W::unless_empty},
                    decision_name, decision_or_none, &R::decision, &Decision::outcome),
      [] {
        auto f = field<R>({.name = "decision.justification",
                           .label = "Justification",
                           .column = "decision_justification",
                           .written = W::custom},
                          &R::decision, &Decision::justification);
        f.write_if = [](const R& e) {
          return e.decision.outcome != DecisionOutcome::none || !e.decision.justification.empty();
        };
        return f;
      }(),
      field<R>({.name = "review_date",
                .label = "Review date",
                .column = "review_date",
                .written = W::unless_empty},
               &R::review_date),
      field<R>({.name = "review_summary",
                .label = "After the review",
                .column = "review_summary",
                .written = W::unless_empty},
               &R::review_summary),
  };
  return fields;
}

const Fields<Screening>& screening_fields() {
  using R = Screening;
  static const Fields<R> fields{
      field<R>({.name = "characteristic",
                .label = "Characteristic",
                .column = "characteristic",
                .refers_to = "characteristic",
                .required = true},
               &R::characteristic),
      enum_field<R>({.name = "relevant",
                     .label = "Relevant?",
                     .kind = K::choice,
                     .column = "relevant",
                     .choices = relevance_choices()},
                    relevance_name, relevance_from_name, &R::relevant),
      field<R>({.name = "reason", .label = "Why", .column = "reason"}, &R::reason),
  };
  return fields;
}

const Fields<Impact>& impact_fields() {
  using R = Impact;
  static const Fields<R> fields{
      field<R>({.name = "characteristic",
                .label = "Characteristic",
                .column = "characteristic",
                .refers_to = "characteristic",
                .required = true},
               &R::characteristic),
      field<R>({.name = "groups",
                .label = "Groups (one a line; none = everyone)",
                .kind = K::lines,
                .written = W::unless_empty},
               &R::groups),
      enum_field<R>({.name = "rating",
                     .label = "Impact",
                     .kind = K::choice,
                     .column = "rating",
                     .choices = rating_choices()},
                    rating_name, rating_from_name, &R::rating),
      field<R>({.name = "evidence", .label = "Evidence", .column = "evidence"}, &R::evidence),
      field<R>({.name = "engagement",
                .label = "What people told us",
                .column = "engagement",
                .written = W::unless_empty},
               &R::engagement),
      field<R>({.name = "likelihood",
                .label = "Likelihood",
                .kind = K::whole,
                .column = "likelihood",
                .choices = score_choices()},
               &R::before, &Score::likelihood),
      field<R>({.name = "severity",
                .label = "Severity",
                .kind = K::whole,
                .column = "severity",
                .choices = score_choices()},
               &R::before, &Score::severity),
      residual_field({.name = "residual.likelihood",
                      .label = "Likelihood after",
                      .kind = K::whole,
                      .column = "residual_likelihood",
                      .choices = score_choices(),
                      .optional = true,
                      .written = W::unless_empty},
                     &Score::likelihood),
      residual_field({.name = "residual.severity",
                      .label = "Severity after",
                      .kind = K::whole,
                      .column = "residual_severity",
                      .choices = score_choices(),
                      .optional = true,
                      .written = W::unless_empty},
                     &Score::severity),
      field<R>({.name = "mitigation", .label = "Mitigation", .column = "mitigation"},
               &R::mitigation),
      field<R>(
          {.name = "data_gaps", .label = "Data gaps", .kind = K::lines, .written = W::unless_empty},
          &R::data_gaps),
      field<R>({.name = "actual_impact",
                .label = "What happened",
                .column = "actual_impact",
                .written = W::unless_empty},
               &R::actual_impact),
      actual_rating_field({.name = "actual_rating",
                           .label = "As it turned out",
                           .kind = K::choice,
                           .column = "actual_rating",
                           .choices = actual_rating_choices(),
                           .optional = true,
                           .written = W::unless_empty}),
      field<R>({.name = "actual_evidence",
                .label = "Evidence of what happened",
                .column = "actual_evidence",
                .written = W::unless_empty},
               &R::actual_evidence),
  };
  return fields;
}

const Fields<Action>& action_fields() {
  using R = Action;
  static const Fields<R> fields{
      field<R>(
          {.name = "description", .label = "Action", .column = "description", .required = true},
          &R::description),
      field<R>({.name = "owner", .label = "Owner", .column = "owner"}, &R::owner),
      field<R>({.name = "due", .label = "Due (yyyy-mm-dd)", .column = "due"}, &R::due),
      field<R>({.name = "status",
                .label = "Status",
                .kind = K::choice,
                .column = "status",
                .choices = action_status_choices()},
               &R::status),
  };
  return fields;
}

const Fields<WorkflowEvent>& workflow_event_fields() {
  using R = WorkflowEvent;
  static const Fields<R> fields{
      enum_field<R>({.name = "from",
                     .label = "From",
                     .kind = K::choice,
                     .column = "from_status",
                     .choices = status_choices()},
                    status_name, status_from_name, &R::from),
      enum_field<R>({.name = "to",
                     .label = "To",
                     .kind = K::choice,
                     .column = "to_status",
                     .choices = status_choices()},
                    status_name, status_from_name, &R::to),
      field<R>({.name = "who", .label = "Who", .column = "who"}, &R::who),
      field<R>({.name = "when", .label = "When", .column = "at"}, &R::when),
      field<R>({.name = "comment", .label = "Comment", .column = "comment"}, &R::comment),
  };
  return fields;
}

}  // namespace eqv
