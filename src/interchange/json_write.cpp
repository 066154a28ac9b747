// Writing equivalue/1: each record's fields as the field registry describes them, the
// structure (lists, maps, the discount) by hand, in the order docs/FORMAT.md shows.
#include <charconv>
#include <limits>
#include <nlohmann/json.hpp>

#include "equivalue/core/fields.hpp"
#include "equivalue/interchange/json_format.hpp"

namespace eqv {
namespace {

using ojson = nlohmann::ordered_json;
constexpr std::size_t kAll = std::numeric_limits<std::size_t>::max();

// A number as JSON number when its shortest binary form prints back to the same text,
// else as a decimal string: either way reading it again gives exactly the same value.
ojson number(const Decimal& d) {
  const std::string text = to_exact_string(d);
  double x = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (ec == std::errc() && end == text.data() + text.size()) {
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, x);
    if (std::string(buf, res.ptr) == text) return ojson(x);
  }
  return ojson(text);
}

// Money is always written as a string with its pence, the way it is read.
ojson money(const Decimal& d) {
  std::string text = to_exact_string(d);
  if (text.find('.') == std::string::npos)
    text += ".00";
  else if (text.size() - text.find('.') == 2)
    text += "0";
  return ojson(text);
}

ojson field_json(const FieldInfo& f, const std::string& text) {
  switch (f.kind) {
    case FieldKind::decimal:
      return number(*parse_decimal(text));
    case FieldKind::money:
      return money(*parse_decimal(text));
    case FieldKind::whole:
      return ojson(std::stoll(text));
    case FieldKind::flag:
      return ojson(text == "true");
    default:
      return ojson(text);
  }
}

template <typename R>
std::size_t index_of(const Fields<R>& fields, const std::string& name) {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == name) return i;
  return fields.size();
}

// Writes fields [from, to) of a record into `v`, each where its name puts it.
template <typename R>
void write_fields(ojson& v, const R& record, const Fields<R>& fields, std::size_t from = 0,
                  std::size_t to = kAll) {
  for (std::size_t i = from; i < fields.size() && i < to; ++i) {
    const auto& f = fields[i];
    if (!f.written_for(record)) continue;
    ojson value = f.kind == FieldKind::lines ? ojson(f.items(const_cast<R&>(record)))
                                             : field_json(f, f.get(record));
    if (f.group().empty())
      v[f.name] = std::move(value);
    else
      v[f.group()][f.key()] = std::move(value);
  }
}

template <typename R>
ojson write_record(const R& record, const Fields<R>& fields) {
  ojson v = ojson::object();
  write_fields(v, record, fields);
  return v;
}

template <typename R>
ojson write_records(const std::vector<R>& items, const Fields<R>& fields) {
  ojson list = ojson::array();
  for (const auto& x : items) list.push_back(write_record(x, fields));
  return list;
}

ojson write_outcome(const Outcome& o) {
  ojson v = write_record(o, outcome_fields());
  if (!o.ranges.empty()) {
    ojson ranges = ojson::object();
    for (const auto& [a, r] : o.ranges)
      ranges[assumption_name(a)] = write_record(r, range_fields());
    v["ranges"] = ranges;
  }
  return v;
}

ojson write_sroi(const Sroi& s) {
  ojson v;
  if (s.discount.kind == DiscountKind::green_book)
    v["discount"] = {{"schedule", "green-book"}};
  else
    v["discount"] = {{"rate", to_exact_string(s.discount.rate)}};
  write_fields(v, s, sroi_fields());
  v["stakeholders"] = write_records(s.stakeholders, stakeholder_fields());
  v["inputs"] = write_records(s.inputs, input_fields());
  v["outcomes"] = ojson::array();
  for (const auto& o : s.outcomes) v["outcomes"].push_back(write_outcome(o));
  return v;
}

ojson write_eqia(const Eqia& e) {
  const auto& fields = eqia_fields();
  const std::size_t decision = index_of(fields, "decision.outcome");
  ojson v;
  write_fields(v, e, fields, 0, decision);
  v["screening"] = write_records(e.screening, screening_fields());
  v["impacts"] = write_records(e.impacts, impact_fields());
  v["actions"] = write_records(e.actions, action_fields());
  write_fields(v, e, fields, decision);
  if (!e.history.empty()) v["history"] = write_records(e.history, workflow_event_fields());
  return v;
}

ojson write_settings(const ProjectSettings& s) {
  const auto& fields = project_settings_fields();
  // The deflator index goes before the fields that say how it is used.
  const std::size_t additions = index_of(fields, "rebase_proxies");
  ojson p;
  write_fields(p, s, fields, 0, additions);
  if (!s.deflators.empty()) {
    ojson d = ojson::object();
    for (const auto& [year, index] : s.deflators) d[std::to_string(year)] = number(index);
    p["deflators"] = d;
  }
  write_fields(p, s, fields, additions);
  if (!s.channel_costs.empty()) {
    ojson c = ojson::object();
    for (const auto& [channel, cost] : s.channel_costs) c[channel] = number(cost);
    p["channel_costs"] = c;
  }
  return p;
}

ojson write_segments(const SegmentScheme& scheme) {
  ojson seg;
  seg["scheme"] = scheme.scheme;
  ojson chars = ojson::object();
  for (const auto& c : scheme.characteristics) chars[c.name] = c.categories;
  seg["characteristics"] = chars;
  if (!scheme.intersections.empty()) {
    ojson joint = ojson::object();
    for (const auto& [name, crosses] : scheme.intersections) joint[name] = crosses;
    seg["intersections"] = joint;
  }
  seg["items"] = ojson::array();
  for (const auto& item : scheme.items) {
    ojson iv = write_record(item, segment_fields());
    ojson comp = ojson::object();
    for (const auto& [ch, shares] : item.composition) {
      ojson sv = ojson::object();
      for (const auto& [cat, share] : shares) sv[cat] = number(share);
      comp[ch] = sv;
    }
    iv["composition"] = comp;
    seg["items"].push_back(iv);
  }
  return seg;
}

ojson write_change(const ServiceChange& ch) {
  ojson cv = write_record(ch, change_fields());
  cv["sroi"] = write_sroi(ch.sroi);
  cv["affected_segments"] = write_records(ch.affected_segments, affected_segment_fields());
  if (ch.eqia) cv["eqia"] = write_eqia(*ch.eqia);
  return cv;
}

}  // namespace

std::string write_project_json(const Project& project) {
  ojson root;
  root["format"] = kFormatName;
  root["project"] = write_settings(project.project);
  root["segments"] = write_segments(project.segments);
  root["changes"] = ojson::array();
  for (const auto& ch : project.changes) root["changes"].push_back(write_change(ch));
  if (!project.proxy_library.empty())
    root["proxy_library"] = write_records(project.proxy_library, library_proxy_fields());
  // Replace rather than throw on invalid UTF-8: text typed into a form may hold anything.
  return root.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace eqv
