#include "equivalue/core/field_diff.hpp"

#include "equivalue/core/fields.hpp"

#include <map>
#include <set>
#include <utility>

namespace eqv {
namespace {

// record -> field -> value, in a stable order so that two states can be merged. Each
// record's fields are those of the field registry, under the names the interchange format
// gives them.
using FlatFields = std::map<std::pair<std::string, std::string>, std::string>;

std::string text(const Decimal& d) { return to_exact_string(d); }

// The label of each item of a list: its key when the key is given and unique in the
// list (so inserting an item does not shift the others' names), else its position.
template <typename T, typename Key>
std::vector<std::string> item_labels(const std::string& list, const std::vector<T>& items,
                                     Key key) {
  std::map<std::string, int> count;
  for (const auto& x : items) ++count[key(x)];
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string k = key(items[i]);
    labels.push_back(!k.empty() && count[k] == 1 ? list + "[" + k + "]"
                                                 : list + "[#" + std::to_string(i) + "]");
  }
  return labels;
}

template <typename T>
std::vector<std::string> position_labels(const std::string& list, const std::vector<T>& items) {
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < items.size(); ++i)
    labels.push_back(list + "[" + std::to_string(i) + "]");
  return labels;
}

// Keyed lists also record their order, so that moving an item is audited too.
template <typename T, typename Key>
std::vector<std::string> keyed(FlatFields& f, const std::string& list, const std::vector<T>& items,
                               Key key) {
  std::string order;
  for (const auto& x : items) order += (order.empty() ? "" : ", ") + key(x);
  if (!items.empty()) f[{list, "order"}] = order;
  return item_labels(list, items, key);
}

// Every field of one record, as the field registry names and writes it; a list field
// (an impact's data gaps) one entry per item.
template <typename R>
void flatten_fields(FlatFields& f, const std::string& record, const R& x,
                    const eqv::Fields<R>& fields) {
  for (const auto& field : fields) {
    if (field.kind != FieldKind::lines) {
      f[{record, field.name}] = field.get(x);
      continue;
    }
    const auto& items = field.items(const_cast<R&>(x));
    for (std::size_t i = 0; i < items.size(); ++i)
      f[{record, field.name + "[" + std::to_string(i) + "]"}] = items[i];
  }
}

template <typename R>
void flatten_list(FlatFields& f, const std::vector<std::string>& labels,
                  const std::vector<R>& items, const eqv::Fields<R>& fields) {
  for (std::size_t i = 0; i < items.size(); ++i) flatten_fields(f, labels[i], items[i], fields);
}

void flatten_eqia(const Eqia& e, const std::string& r, FlatFields& f) {
  flatten_fields(f, r, e, eqia_fields());
  flatten_list(
      f,
      keyed(f, r + ".screening", e.screening, [](const Screening& s) { return s.characteristic; }),
      e.screening, screening_fields());
  flatten_list(
      f, keyed(f, r + ".impacts", e.impacts, [](const Impact& im) { return im.characteristic; }),
      e.impacts, impact_fields());
  flatten_list(f, position_labels(r + ".actions", e.actions), e.actions, action_fields());
  flatten_list(f, position_labels(r + ".history", e.history), e.history, workflow_event_fields());
}

void flatten_outcome(const Outcome& o, const std::string& p, FlatFields& f) {
  flatten_fields(f, p, o, outcome_fields());
  for (const auto& [a, range] : o.ranges)
    f[{p, std::string("ranges.") + assumption_name(a)}] =
        text(range.low) + " to " + text(range.high) + " (" + distribution_name(range.distribution) +
        ")";
}

void flatten_change(const ServiceChange& c, const std::string& r, FlatFields& f) {
  flatten_fields(f, r, c, change_fields());
  const std::string s = r + ".sroi";
  const auto& sroi = c.sroi;
  flatten_fields(f, s, sroi, sroi_fields());
  flatten_list(
      f,
      keyed(f, s + ".stakeholders", sroi.stakeholders, [](const Stakeholder& x) { return x.id; }),
      sroi.stakeholders, stakeholder_fields());
  flatten_list(f, position_labels(s + ".inputs", sroi.inputs), sroi.inputs, input_fields());
  const auto outcomes =
      keyed(f, s + ".outcomes", sroi.outcomes, [](const Outcome& o) { return o.id; });
  for (std::size_t i = 0; i < sroi.outcomes.size(); ++i)
    flatten_outcome(sroi.outcomes[i], outcomes[i], f);
  flatten_list(f,
               keyed(f, r + ".affected_segments", c.affected_segments,
                     [](const AffectedSegment& a) { return a.segment; }),
               c.affected_segments, affected_segment_fields());
  if (c.eqia) flatten_eqia(*c.eqia, r + ".eqia", f);
}

void flatten_header(const Project& p, FlatFields& f) {
  const auto& s = p.project;
  flatten_fields(f, "project", s, project_settings_fields());
  for (const auto& [year, index] : s.deflators)
    f[{"project.deflators", std::to_string(year)}] = text(index);
  for (const auto& [channel, cost] : s.channel_costs)
    f[{"project.channel_costs", channel}] = text(cost);
  flatten_list(
      f, keyed(f, "proxy_library", p.proxy_library, [](const LibraryProxy& x) { return x.id; }),
      p.proxy_library, library_proxy_fields());
  f[{"segments", "scheme"}] = p.segments.scheme;
  for (const auto& c : p.segments.characteristics) {
    std::string categories;
    for (const auto& cat : c.categories) categories += (categories.empty() ? "" : ", ") + cat;
    f[{"segments.characteristics", c.name}] = categories;
  }
  for (const auto& [joint, crosses] : p.segments.intersections) {
    std::string crossed;
    for (const auto& name : crosses) crossed += (crossed.empty() ? "" : ", ") + name;
    f[{"segments.intersections", joint}] = crossed;
  }
  const auto items =
      keyed(f, "segments.items", p.segments.items, [](const Segment& x) { return x.code; });
  for (std::size_t i = 0; i < p.segments.items.size(); ++i) {
    const auto& item = p.segments.items[i];
    flatten_fields(f, items[i], item, segment_fields());
    for (const auto& [ch, shares] : item.composition)
      for (const auto& [cat, share] : shares)
        f[{items[i], "composition." + ch + "." + cat}] = text(share);
  }
}

void merge(const FlatFields& before, const FlatFields& after, std::vector<FieldChange>& out) {
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
      if (a->second != b->second)
        out.push_back({a->first.first, a->first.second, b->second, a->second});
      ++a;
      ++b;
    }
  }
}

}  // namespace

void diff_change(const ServiceChange* before, const ServiceChange* after, const std::string& label,
                 std::vector<FieldChange>& out) {
  FlatFields b, a;
  if (before) flatten_change(*before, label, b);
  if (after) flatten_change(*after, label, a);
  merge(b, a, out);
}

void diff_project_header(const Project& before, const Project& after,
                         std::vector<FieldChange>& out) {
  FlatFields b, a;
  flatten_header(before, b);
  flatten_header(after, a);
  merge(b, a, out);
}

}  // namespace eqv
