#include "equivalue/core/model.hpp"

#include <array>
#include <utility>

namespace eqv {
namespace {

template <typename Enum, std::size_t N>
const char* name_of(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
  for (const auto& [e, name] : table)
    if (e == value) return name;
  return "";
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, const char*>, N>& table,
                             const std::string& name) {
  for (const auto& [e, n] : table)
    if (name == n) return e;
  return std::nullopt;
}

constexpr std::array<std::pair<Assumption, const char*>, 6> kAssumptions{{
    {Assumption::quantity, "quantity"},
    {Assumption::proxy, "proxy"},
    {Assumption::deadweight, "deadweight"},
    {Assumption::displacement, "displacement"},
    {Assumption::attribution, "attribution"},
    {Assumption::drop_off, "drop_off"},
}};
constexpr std::array<std::pair<ValueType, const char*>, 3> kValueTypes{
    {{ValueType::social, "social"},
     {ValueType::economic, "economic"},
     {ValueType::fiscal, "fiscal"}}};
constexpr std::array<std::pair<Relevance, const char*>, 3> kRelevance{
    {{Relevance::yes, "yes"}, {Relevance::no, "no"}, {Relevance::not_sure, "not-sure"}}};
constexpr std::array<std::pair<Rating, const char*>, 4> kRatings{{{Rating::positive, "positive"},
                                                                  {Rating::neutral, "neutral"},
                                                                  {Rating::negative, "negative"},
                                                                  {Rating::unknown, "unknown"}}};
constexpr std::array<std::pair<EqiaStatus, const char*>, 5> kStatuses{{
    {EqiaStatus::draft, "draft"},
    {EqiaStatus::submitted, "submitted"},
    {EqiaStatus::returned, "returned"},
    {EqiaStatus::approved, "approved"},
    {EqiaStatus::published, "published"},
}};
constexpr std::array<std::pair<DecisionOutcome, const char*>, 5> kDecisions{{
    {DecisionOutcome::none, ""},
    {DecisionOutcome::no_change, "no-change"},
    {DecisionOutcome::adjust, "adjust"},
    {DecisionOutcome::continue_despite, "continue"},
    {DecisionOutcome::stop, "stop"},
}};
constexpr std::array<std::pair<Distribution, const char*>, 2> kDistributions{
    {{Distribution::uniform, "uniform"}, {Distribution::triangular, "triangular"}}};

}  // namespace

const char* assumption_name(Assumption a) { return name_of(kAssumptions, a); }
std::optional<Assumption> assumption_from_name(const std::string& n) {
  return value_of(kAssumptions, n);
}
const char* value_type_name(ValueType t) { return name_of(kValueTypes, t); }
std::optional<ValueType> value_type_from_name(const std::string& n) {
  return value_of(kValueTypes, n);
}
const char* relevance_name(Relevance r) { return name_of(kRelevance, r); }
std::optional<Relevance> relevance_from_name(const std::string& n) {
  if (n == "not sure" || n == "not_sure") return Relevance::not_sure;
  return value_of(kRelevance, n);
}
const char* rating_name(Rating r) { return name_of(kRatings, r); }
std::optional<Rating> rating_from_name(const std::string& n) { return value_of(kRatings, n); }
const char* status_name(EqiaStatus s) { return name_of(kStatuses, s); }
std::optional<EqiaStatus> status_from_name(const std::string& n) { return value_of(kStatuses, n); }
const char* decision_name(DecisionOutcome d) { return name_of(kDecisions, d); }
std::optional<DecisionOutcome> decision_from_name(const std::string& n) {
  if (n.empty()) return std::nullopt;
  return value_of(kDecisions, n);
}
const char* distribution_name(Distribution d) { return name_of(kDistributions, d); }
std::optional<Distribution> distribution_from_name(const std::string& n) {
  return value_of(kDistributions, n);
}

const Decimal& Outcome::get(Assumption a) const {
  switch (a) {
    case Assumption::quantity:
      return quantity;
    case Assumption::proxy:
      return proxy.value;
    case Assumption::deadweight:
      return deadweight;
    case Assumption::displacement:
      return displacement;
    case Assumption::attribution:
      return attribution;
    case Assumption::drop_off:
      return drop_off;
  }
  return quantity;
}

Decimal& Outcome::get(Assumption a) {
  return const_cast<Decimal&>(static_cast<const Outcome&>(*this).get(a));
}

const Segment* SegmentScheme::find(const std::string& code) const {
  for (const auto& s : items)
    if (s.code == code) return &s;
  return nullptr;
}

const Characteristic* SegmentScheme::characteristic(const std::string& n) const {
  for (const auto& c : characteristics)
    if (c.name == n) return &c;
  return nullptr;
}

Proxy LibraryProxy::cited() const {
  Proxy p = proxy;
  if (!source_table.empty()) p.source += " (" + source_table + ")";
  return p;
}

const ServiceChange* Project::find_change(const std::string& id) const {
  for (const auto& c : changes)
    if (c.id == id) return &c;
  return nullptr;
}

}  // namespace eqv
