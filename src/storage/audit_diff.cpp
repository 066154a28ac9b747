#include "audit_diff.hpp"

#include <map>
#include <set>
#include <utility>

namespace eqv::storage::detail {
namespace {

// record -> field -> value, in a stable order so that two states can be merged.
using Fields = std::map<std::pair<std::string, std::string>, std::string>;

std::string text(const Decimal& d) { return to_exact_string(d); }
std::string yes_no(bool b) { return b ? "true" : "false"; }

// The label of each item of a list: its key when the key is given and unique in the
// list (so inserting an item does not shift the others' names), else its position.
template <typename T, typename Key>
std::vector<std::string> item_labels(const std::string& list, const std::vector<T>& items, Key key) {
  std::map<std::string, int> count;
  for (const auto& x : items) ++count[key(x)];
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string k = key(items[i]);
    labels.push_back(!k.empty() && count[k] == 1 ? list + "[" + k + "]" : list + "[#" + std::to_string(i) + "]");
  }
  return labels;
}

template <typename T>
std::vector<std::string> position_labels(const std::string& list, const std::vector<T>& items) {
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < items.size(); ++i) labels.push_back(list + "[" + std::to_string(i) + "]");
  return labels;
}

// Keyed lists also record their order, so that moving an item is audited too.
template <typename T, typename Key>
std::vector<std::string> keyed(Fields& f, const std::string& list, const std::vector<T>& items, Key key) {
  std::string order;
  for (const auto& x : items) order += (order.empty() ? "" : ", ") + key(x);
  if (!items.empty()) f[{list, "order"}] = order;
  return item_labels(list, items, key);
}

std::string score_text(const Score& s) { return std::to_string(s.likelihood) + " x " + std::to_string(s.severity); }

void flatten_eqia(const Eqia& e, const std::string& r, Fields& f) {
  f[{r, "template"}] = e.template_name;
  f[{r, "status"}] = status_name(e.status);
  f[{r, "version"}] = std::to_string(e.version);
  f[{r, "reference"}] = e.reference;
  f[{r, "directorate"}] = e.directorate;
  f[{r, "lead_officer"}] = e.lead_officer;
  f[{r, "proposal_type"}] = e.proposal_type;
  f[{r, "budget"}] = e.budget ? text(*e.budget) : "";
  f[{r, "saving"}] = e.saving ? text(*e.saving) : "";
  f[{r, "decision_date"}] = e.decision_date;
  f[{r, "decision_maker"}] = e.decision_maker;
  f[{r, "decision.outcome"}] = decision_name(e.decision.outcome);
  f[{r, "decision.justification"}] = e.decision.justification;
  f[{r, "review_date"}] = e.review_date;
  f[{r, "review_summary"}] = e.review_summary;
  const auto screening =
      keyed(f, r + ".screening", e.screening, [](const Screening& s) { return s.characteristic; });
  for (std::size_t i = 0; i < e.screening.size(); ++i) {
    const auto& s = e.screening[i];
    f[{screening[i], "characteristic"}] = s.characteristic;
    f[{screening[i], "relevant"}] = relevance_name(s.relevant);
    f[{screening[i], "reason"}] = s.reason;
  }
  const auto impacts = keyed(f, r + ".impacts", e.impacts, [](const Impact& im) { return im.characteristic; });
  for (std::size_t i = 0; i < e.impacts.size(); ++i) {
    const auto& im = e.impacts[i];
    const auto& p = impacts[i];
    f[{p, "characteristic"}] = im.characteristic;
    f[{p, "rating"}] = rating_name(im.rating);
    f[{p, "evidence"}] = im.evidence;
    f[{p, "engagement"}] = im.engagement;
    f[{p, "likelihood"}] = std::to_string(im.before.likelihood);
    f[{p, "severity"}] = std::to_string(im.before.severity);
    f[{p, "residual"}] = im.residual ? score_text(*im.residual) : "";
    f[{p, "mitigation"}] = im.mitigation;
    for (std::size_t g = 0; g < im.data_gaps.size(); ++g)
      f[{p, "data_gaps[" + std::to_string(g) + "]"}] = im.data_gaps[g];
    f[{p, "actual_impact"}] = im.actual_impact;
  }
  const auto actions = position_labels(r + ".actions", e.actions);
  for (std::size_t i = 0; i < e.actions.size(); ++i) {
    const auto& a = e.actions[i];
    f[{actions[i], "description"}] = a.description;
    f[{actions[i], "owner"}] = a.owner;
    f[{actions[i], "due"}] = a.due;
    f[{actions[i], "status"}] = a.status;
  }
  const auto history = position_labels(r + ".history", e.history);
  for (std::size_t i = 0; i < e.history.size(); ++i) {
    const auto& h = e.history[i];
    f[{history[i], "from"}] = status_name(h.from);
    f[{history[i], "to"}] = status_name(h.to);
    f[{history[i], "who"}] = h.who;
    f[{history[i], "when"}] = h.when;
    f[{history[i], "comment"}] = h.comment;
  }
}

void flatten_outcome(const Outcome& o, const std::string& p, Fields& f) {
  f[{p, "id"}] = o.id;
  f[{p, "stakeholder"}] = o.stakeholder;
  f[{p, "description"}] = o.description;
  f[{p, "indicator"}] = o.indicator;
  f[{p, "quantity"}] = text(o.quantity);
  f[{p, "proxy.value"}] = text(o.proxy.value);
  f[{p, "proxy.description"}] = o.proxy.description;
  f[{p, "proxy.unit"}] = o.proxy.unit;
  f[{p, "proxy.source"}] = o.proxy.source;
  f[{p, "proxy.price_year"}] = std::to_string(o.proxy.price_year);
  f[{p, "proxy.evidence_grade"}] = o.proxy.evidence_grade;
  f[{p, "deadweight"}] = text(o.deadweight);
  f[{p, "displacement"}] = text(o.displacement);
  f[{p, "attribution"}] = text(o.attribution);
  f[{p, "drop_off"}] = text(o.drop_off);
  f[{p, "duration"}] = std::to_string(o.duration);
  f[{p, "start_year"}] = std::to_string(o.start_year);
  f[{p, "type"}] = value_type_name(o.type);
  f[{p, "agency"}] = o.agency;
  f[{p, "cashable"}] = yes_no(o.cashable);
  for (const auto& [a, range] : o.ranges)
    f[{p, std::string("ranges.") + assumption_name(a)}] =
        text(range.low) + " to " + text(range.high) + " (" + distribution_name(range.distribution) + ")";
}

void flatten_change(const ServiceChange& c, const std::string& r, Fields& f) {
  f[{r, "id"}] = c.id;
  f[{r, "title"}] = c.title;
  const std::string s = r + ".sroi";
  const auto& sroi = c.sroi;
  f[{s, "discount"}] = sroi.discount.kind == DiscountKind::green_book ? "green-book" : "rate " + text(sroi.discount.rate);
  f[{s, "first_year_discounted"}] = yes_no(sroi.first_year_discounted);
  f[{s, "optimism_bias"}] = text(sroi.optimism_bias);
  const auto stakeholders = keyed(f, s + ".stakeholders", sroi.stakeholders, [](const Stakeholder& x) { return x.id; });
  for (std::size_t i = 0; i < sroi.stakeholders.size(); ++i) {
    f[{stakeholders[i], "id"}] = sroi.stakeholders[i].id;
    f[{stakeholders[i], "name"}] = sroi.stakeholders[i].name;
    f[{stakeholders[i], "segment"}] = sroi.stakeholders[i].segment;
  }
  const auto inputs = position_labels(s + ".inputs", sroi.inputs);
  for (std::size_t i = 0; i < sroi.inputs.size(); ++i) {
    f[{inputs[i], "stakeholder"}] = sroi.inputs[i].stakeholder;
    f[{inputs[i], "description"}] = sroi.inputs[i].description;
    f[{inputs[i], "amount"}] = text(sroi.inputs[i].amount);
    f[{inputs[i], "year"}] = std::to_string(sroi.inputs[i].year);
  }
  const auto outcomes = keyed(f, s + ".outcomes", sroi.outcomes, [](const Outcome& o) { return o.id; });
  for (std::size_t i = 0; i < sroi.outcomes.size(); ++i) flatten_outcome(sroi.outcomes[i], outcomes[i], f);
  const auto affected =
      keyed(f, r + ".affected_segments", c.affected_segments, [](const AffectedSegment& a) { return a.segment; });
  for (std::size_t i = 0; i < c.affected_segments.size(); ++i) {
    f[{affected[i], "segment"}] = c.affected_segments[i].segment;
    f[{affected[i], "share"}] = text(c.affected_segments[i].share);
  }
  if (c.eqia) flatten_eqia(*c.eqia, r + ".eqia", f);
}

void flatten_header(const Project& p, Fields& f) {
  const auto& s = p.project;
  f[{"project", "name"}] = s.name;
  f[{"project", "jurisdiction"}] = s.jurisdiction;
  f[{"project", "base_year"}] = std::to_string(s.base_year);
  f[{"project", "currency"}] = s.currency;
  f[{"project", "disclosure_threshold"}] = std::to_string(s.disclosure_threshold);
  f[{"project", "flag_ratio"}] = text(s.flag_ratio);
  for (const auto& [year, index] : s.deflators) f[{"project.deflators", std::to_string(year)}] = text(index);
  std::string additions;
  for (const auto& a : s.eqia_additions) additions += (additions.empty() ? "" : ", ") + a;
  f[{"project", "eqia_additions"}] = additions;
  for (const auto& [channel, cost] : s.channel_costs) f[{"project.channel_costs", channel}] = text(cost);
  f[{"segments", "scheme"}] = p.segments.scheme;
  for (const auto& c : p.segments.characteristics) {
    std::string categories;
    for (const auto& cat : c.categories) categories += (categories.empty() ? "" : ", ") + cat;
    f[{"segments.characteristics", c.name}] = categories;
  }
  const auto items = keyed(f, "segments.items", p.segments.items, [](const Segment& x) { return x.code; });
  for (std::size_t i = 0; i < p.segments.items.size(); ++i) {
    const auto& item = p.segments.items[i];
    f[{items[i], "code"}] = item.code;
    f[{items[i], "name"}] = item.name;
    f[{items[i], "population"}] = std::to_string(item.population);
    for (const auto& [ch, shares] : item.composition)
      for (const auto& [cat, share] : shares) f[{items[i], "composition." + ch + "." + cat}] = text(share);
  }
}

void merge(const Fields& before, const Fields& after, std::vector<FieldChange>& out) {
  auto b = before.begin();
  auto a = after.begin();
  while (b != before.end() || a != after.end()) {
    if (a == after.end() || (b != before.end() && b->first < a->first)) {
      if (!b->second.empty()) out.push_back({b->first.first, b->first.second, b->second, ""});
      ++b;
    } else if (b == before.end() || a->first < b->first) {
      if (!a->second.empty()) out.push_back({a->first.first, a->first.second, "", a->second});
      ++a;
    } else {
      if (a->second != b->second) out.push_back({a->first.first, a->first.second, b->second, a->second});
      ++a;
      ++b;
    }
  }
}

}  // namespace

void diff_change(const ServiceChange* before, const ServiceChange* after, const std::string& label,
                 std::vector<FieldChange>& out) {
  Fields b, a;
  if (before) flatten_change(*before, label, b);
  if (after) flatten_change(*after, label, a);
  merge(b, a, out);
}

void diff_project_header(const Project& before, const Project& after, std::vector<FieldChange>& out) {
  Fields b, a;
  flatten_header(before, b);
  flatten_header(after, a);
  merge(b, a, out);
}

}  // namespace eqv::storage::detail
