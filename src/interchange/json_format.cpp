#include "equivalue/interchange/json_format.hpp"

#include "json_reader.hpp"
#include "text_position.hpp"

namespace eqv {
namespace {

using json_detail::json;
using json_detail::known_keys;
using json_detail::read_fields;
using json_detail::read_records;
using json_detail::Reader;

void read_ranges(Reader& r, const json& v, const std::string& path, Outcome& o) {
  const json* ranges = r.member(v, "ranges");
  if (!ranges) return;
  const std::string rpath = field_path(path, "ranges");
  std::vector<std::string> names;
  for (Assumption a : kAllAssumptions) names.push_back(assumption_name(a));
  if (!r.object(*ranges, rpath, names, false)) return;
  for (const auto& item : ranges->items()) {
    const std::string ipath = field_path(rpath, item.key());
    const auto a = assumption_from_name(item.key());
    if (!a) {
      r.add(ipath,
            "a range can be given for quantity, proxy, deadweight, displacement, attribution or "
            "drop_off");
      continue;
    }
    if (r.object(item.value(), ipath, known_keys(range_fields())))
      read_fields(r, item.value(), ipath, range_fields(), o.ranges[*a]);
    else
      o.ranges[*a];
  }
}

// What the registry does not read of an outcome: whether the proxy is there at all, and the ranges.
void read_outcome_rest(const json& v, const std::string& path, Outcome& o, Reader& r) {
  const json* p = r.member(v, "proxy");
  if (!p || p->is_null())
    r.add(field_path(path, "proxy"),
          "is required: the financial proxy, the value of one unit of this outcome");
  read_ranges(r, v, path, o);
}

void read_discount(Reader& r, const json& v, const std::string& path, Discount& discount) {
  const json* d = r.member(v, "discount");
  if (!d) return;
  const std::string dpath = field_path(path, "discount");
  if (!r.object(*d, dpath, {"rate", "schedule"})) return;
  if (const json* sched = r.member(*d, "schedule")) {
    if (sched->is_string() && sched->get<std::string>() == "green-book")
      discount.kind = DiscountKind::green_book;
    else
      r.add(field_path(dpath, "schedule"),
            "the only schedule is \"green-book\" (the Green Book declining rates)");
    if (r.member(*d, "rate")) r.add(dpath, "give either a rate or a schedule, not both");
  } else {
    r.decimal(*d, "rate", dpath, discount.rate);
  }
}

void read_sroi(Reader& r, const json& v, const std::string& path, Sroi& s) {
  if (!r.object(v, path, known_keys(sroi_fields(), {"stakeholders", "inputs", "outcomes"}))) return;
  read_discount(r, v, path, s.discount);
  read_fields(r, v, path, sroi_fields(), s);
  read_records(r, v, "stakeholders", path, stakeholder_fields(), s.stakeholders);
  read_records(r, v, "inputs", path, input_fields(), s.inputs);
  read_records(r, v, "outcomes", path, outcome_fields(), s.outcomes, {"ranges"},
               [&](const json& item, const std::string& p, Outcome& o) {
                 read_outcome_rest(item, p, o, r);
               });
}

void read_eqia(Reader& r, const json& v, const std::string& path, Eqia& e) {
  if (!r.object(v, path, known_keys(eqia_fields(), {"screening", "impacts", "actions", "history"})))
    return;
  read_fields(r, v, path, eqia_fields(), e);
  read_records(r, v, "screening", path, screening_fields(), e.screening);
  read_records(r, v, "impacts", path, impact_fields(), e.impacts, {},
               [&](const json& item, const std::string&, Impact& im) {
                 // "residual": {} gives a residual score not yet scored.
                 const json* res = r.member(item, "residual");
                 if (res && res->is_object() && !im.residual) im.residual = Score{};
               });
  read_records(r, v, "actions", path, action_fields(), e.actions);
  read_records(r, v, "history", path, workflow_event_fields(), e.history);
}

void read_characteristics(Reader& r, const json& v, const std::string& path,
                          SegmentScheme& scheme) {
  const json* chars = r.member(v, "characteristics");
  if (!chars) return;
  const std::string cpath = field_path(path, "characteristics");
  if (!chars->is_object()) {
    r.add(cpath, "must be an object naming each characteristic's categories");
    return;
  }
  for (const auto& item : chars->items()) {
    Characteristic c;
    c.name = item.key();
    if (item.value().is_array()) {
      for (const auto& cat : item.value()) {
        if (cat.is_string())
          c.categories.push_back(cat.get<std::string>());
        else
          r.add(field_path(cpath, c.name), "each category must be text");
      }
    } else {
      r.add(field_path(cpath, c.name),
            "must be a list of categories, such as [\"0-15\", \"16-64\", \"65+\"]");
    }
    scheme.characteristics.push_back(std::move(c));
  }
}

void read_composition(Reader& r, const json& item, const std::string& p, Segment& s) {
  const json* comp = r.member(item, "composition");
  if (!comp) return;
  const std::string cp = field_path(p, "composition");
  if (!comp->is_object()) {
    r.add(cp, "must be an object of characteristics");
    return;
  }
  for (const auto& ch : comp->items()) {
    const std::string chp = field_path(cp, ch.key());
    if (!ch.value().is_object()) {
      r.add(chp, "must give each category's share, such as {\"65+\": 0.34}");
      continue;
    }
    auto& shares = s.composition[ch.key()];
    for (const auto& cat : ch.value().items())
      if (auto d = r.decimal_value(cat.value(), field_path(chp, cat.key()))) shares[cat.key()] = *d;
  }
}

// Optional: joint characteristics, each with the characteristics it crosses. A file without
// them means what it meant before they existed.
void read_intersections(Reader& r, const json& v, const std::string& path, SegmentScheme& scheme) {
  const json* joint = r.member(v, "intersections");
  if (!joint) return;
  const std::string jpath = field_path(path, "intersections");
  if (!joint->is_object()) {
    r.add(jpath,
          "must be an object naming, for each joint characteristic, the characteristics it "
          "crosses, such as {\"age x disability\": [\"age\", \"disability\"]}");
    return;
  }
  for (const auto& item : joint->items()) {
    std::vector<std::string> crosses;
    r.strings(*joint, item.key().c_str(), jpath, crosses);
    scheme.intersections[item.key()] = std::move(crosses);
  }
}

void read_segments(Reader& r, const json& v, SegmentScheme& scheme) {
  const std::string path = "segments";
  if (!r.object(v, path, {"scheme", "characteristics", "intersections", "items"})) return;
  if (const json* s = r.member(v, "scheme"); s && !s->is_null())
    if (auto text = r.text_value(*s, "segments.scheme")) scheme.scheme = *text;
  read_characteristics(r, v, path, scheme);
  read_intersections(r, v, path, scheme);
  read_records(
      r, v, "items", path, segment_fields(), scheme.items, {"composition"},
      [&](const json& item, const std::string& p, Segment& s) { read_composition(r, item, p, s); });
}

void read_deflators(Reader& r, const json& p, ProjectSettings& s) {
  const json* d = r.member(p, "deflators");
  if (!d) return;
  if (!d->is_object()) {
    r.add("project.deflators", "must be an object of year: index, such as {\"2024\": 100.0}");
    return;
  }
  for (const auto& item : d->items()) {
    const std::string dp = "project.deflators." + item.key();
    const auto year = parse_decimal(item.key());
    if (!year || *year != floor(*year) || *year < 1900 || *year > 2200) {
      r.add(dp, "each deflator is keyed by its year, such as \"2024\": 100.0");
      continue;
    }
    if (auto v = r.decimal_value(item.value(), dp)) s.deflators[year->convert_to<int>()] = *v;
  }
}

void read_channel_costs(Reader& r, const json& p, ProjectSettings& s) {
  const json* c = r.member(p, "channel_costs");
  if (!c) return;
  if (!c->is_object()) {
    r.add("project.channel_costs",
          "must be an object of channel: pounds, such as {\"face-to-face\": \"8.62\"}");
    return;
  }
  for (const auto& item : c->items()) {
    const std::string cp = "project.channel_costs." + item.key();
    if (auto v = r.decimal_value(item.value(), cp)) {
      if (*v < 0)
        r.add(cp, "a unit cost cannot be negative");
      else
        s.channel_costs[item.key()] = *v;
    }
  }
}

void read_settings(Reader& r, const json& root, ProjectSettings& s) {
  const json* p = r.member(root, "project");
  if (!p) {
    r.add("project", "is missing: give at least the project's name");
    return;
  }
  if (!r.object(*p, "project",
                known_keys(project_settings_fields(), {"deflators", "channel_costs"})))
    return;
  read_fields(r, *p, "project", project_settings_fields(), s);
  if (s.currency != "GBP")
    r.add("project.currency", "Equivalue works in pounds: the currency must be GBP");
  read_deflators(r, *p, s);
  read_channel_costs(r, *p, s);
}

void read_format(Reader& r, const json& root) {
  const json* format = r.member(root, "format");
  if (!format) {
    r.add("format", std::string("is missing: an Equivalue file starts with \"format\": \"") +
                        kFormatName + "\"");
  } else if (!format->is_string() || format->get<std::string>() != kFormatName) {
    const std::string got =
        format->is_string() ? format->get<std::string>() : json_detail::type_words(*format);
    r.add("format", "this file is in format \"" + got + "\"; this version of Equivalue reads \"" +
                        kFormatName + "\"");
  }
}

void read_project(Reader& r, const json& root, Project& project) {
  if (!r.object(root, "", {"format", "project", "segments", "changes", "proxy_library"})) return;
  read_format(r, root);
  read_settings(r, root, project.project);
  if (const json* s = r.member(root, "segments")) read_segments(r, *s, project.segments);
  read_records(r, root, "changes", "", change_fields(), project.changes,
               {"sroi", "affected_segments", "eqia"},
               [&](const json& item, const std::string& p, ServiceChange& ch) {
                 if (const json* s = r.member(item, "sroi"))
                   read_sroi(r, *s, field_path(p, "sroi"), ch.sroi);
                 read_records(r, item, "affected_segments", p, affected_segment_fields(),
                              ch.affected_segments);
                 if (const json* e = r.member(item, "eqia"); e && !e->is_null()) {
                   ch.eqia.emplace();
                   read_eqia(r, *e, field_path(p, "eqia"), *ch.eqia);
                 }
               });
  read_records(r, root, "proxy_library", "", library_proxy_fields(), project.proxy_library);
}

}  // namespace

JsonReadResult read_project_json(std::string_view text) {
  JsonReadResult result;
  bool blank = true;
  for (char c : text) blank = blank && (c == ' ' || c == '\n' || c == '\r' || c == '\t');
  if (blank) {
    result.problems.push_back(
        {"", "the file is empty; an Equivalue project is JSON starting with {"});
    return result;
  }
  json_detail::TreeBuilder builder;
  bool ok = false;
  try {
    ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true,
                         false);
  } catch (const std::exception& ex) {
    builder.error = ex.what();
  }
  if (!ok && !builder.repeated_field.empty()) {
    result.problems.push_back(
        {builder.repeated_field, "is given twice in one object; keep one of the two"});
    return result;
  }
  if (!ok) {
    const std::string where =
        line_and_column(text, builder.error_position == 0 ? 0 : builder.error_position - 1);
    const bool readable_but_wrong = builder.too_deep || builder.number_out_of_range;
    result.problems.push_back({"", readable_but_wrong
                                       ? where + ": " + builder.error
                                       : "not valid JSON at " + where + ": " + builder.error});
    return result;
  }
  Reader reader;
  read_project(reader, builder.root, result.project);
  result.problems = std::move(reader.problems);
  result.ignored = std::move(reader.ignored);
  return result;
}

}  // namespace eqv
