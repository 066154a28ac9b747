#include "equivalue/interchange/json_format.hpp"

#include "text_position.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <initializer_list>
#include <set>

namespace eqv {
namespace {

using json = nlohmann::ordered_json;  // keeps the file's order (characteristics, categories)
using ojson = nlohmann::ordered_json;

// A JSON number's exact text is kept as a binary value with this subtype: the JSON text
// parser never makes binary values itself, so nothing a user writes can be mistaken for it.
constexpr std::uint8_t kRawNumber = 'N';
constexpr std::size_t kMaxDepth = 64;

// --------------------------------------------------------------- parsing to a tree

class TreeBuilder {
 public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  json root;
  std::string error;
  std::size_t error_position = 0;

  bool null() { return add(json(nullptr)); }
  bool boolean(bool v) { return add(json(v)); }
  bool number_integer(number_integer_t v) { return add(json(v)); }
  bool number_unsigned(number_unsigned_t v) { return add(json(v)); }
  bool number_float(number_float_t, const string_t& text) {
    return add(json::binary(std::vector<std::uint8_t>(text.begin(), text.end()), kRawNumber));
  }
  bool string(string_t& v) { return add(json(std::move(v))); }
  bool binary(binary_t&) { return false; }
  bool start_object(std::size_t) { return open(json::object()); }
  bool key(string_t& k) {
    pending_key_ = &(*stack_.back())[k];
    return true;
  }
  bool end_object() { stack_.pop_back(); return true; }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_array() { stack_.pop_back(); return true; }
  bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex) {
    error_position = position;
    if (ex.id == 406) {  // a number beyond the range of any figure, such as 1e400
      number_out_of_range = true;
      error = "the number " + last_token.substr(0, 40) + " is out of range";
      return false;
    }
    std::string what = ex.what();
    const auto dash = what.find(" - ");
    if (dash != std::string::npos) what = what.substr(dash + 3);
    else if (const auto bracket = what.find("] "); bracket != std::string::npos) what = what.substr(bracket + 2);
    error = what;
    return false;
  }

 private:
  std::vector<json*> stack_;
  json* pending_key_ = nullptr;

  json* place(json&& value) {
    if (stack_.empty()) {
      root = std::move(value);
      return &root;
    }
    json* parent = stack_.back();
    if (parent->is_array()) {
      parent->push_back(std::move(value));
      return &parent->back();
    }
    *pending_key_ = std::move(value);
    return pending_key_;
  }
  bool add(json&& value) {
    place(std::move(value));
    return true;
  }
  bool open(json&& container) {
    if (stack_.size() >= kMaxDepth) {
      error = "the data is nested more than " + std::to_string(kMaxDepth) +
              " levels deep; an Equivalue project never is, so this is not a project file";
      too_deep = true;
      return false;
    }
    stack_.push_back(place(std::move(container)));
    return true;
  }

 public:
  bool too_deep = false;
  bool number_out_of_range = false;
};

// --------------------------------------------------------------- reading the tree

const char* type_words(const json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "true/false";
  if (v.is_binary() || v.is_number()) return "a number";
  if (v.is_string()) return "text";
  if (v.is_array()) return "a list";
  return "an object";
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

class Reader {
 public:
  Problems problems;

  void add(const std::string& path, std::string message) { problems.push_back({path, std::move(message)}); }

  // Checks that `v` is an object and flags misspelt field names (others are kept for
  // extensions and ignored).
  bool object(const json& v, const std::string& path, std::initializer_list<const char*> known) {
    if (!v.is_object()) {
      add(path, std::string("must be an object { ... }, got ") + type_words(v));
      return false;
    }
    for (const auto& item : v.items()) {
      bool ok = false;
      for (const char* k : known) ok = ok || item.key() == k;
      if (ok) continue;
      const char* closest = nullptr;
      for (const char* k : known)
        if (item.key().size() > 3 && edit_distance(item.key(), k) <= 2) closest = k;
      if (closest)
        add(field_path(path, item.key()),
            std::string("is not a field Equivalue knows; did you mean \"") + closest + "\"?");
    }
    return true;
  }

  const json* member(const json& obj, const char* key) const {
    if (!obj.is_object()) return nullptr;
    const auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
  }

  std::optional<Decimal> decimal_value(const json& v, const std::string& path) {
    std::string text;
    if (v.is_number_integer()) {
      text = v.dump();
    } else if (v.is_binary() && v.get_binary().has_subtype() && v.get_binary().subtype() == kRawNumber) {
      text.assign(v.get_binary().begin(), v.get_binary().end());
    } else if (v.is_string()) {
      text = v.get<std::string>();
    } else {
      add(path, std::string("must be a number, got ") + type_words(v));
      return std::nullopt;
    }
    auto d = parse_decimal(text);
    if (!d) {
      if (v.is_string())
        add(path, "\"" + text.substr(0, 40) + "\" is not a number; write digits with a decimal point, such as 1250.50 (no commas or £)");
      else
        add(path, "the number " + text.substr(0, 40) + " is out of range");
    }
    return d;
  }

  void decimal(const json& obj, const char* key, const std::string& parent, Decimal& out, bool required = false) {
    const std::string path = field_path(parent, key);
    const json* v = member(obj, key);
    if (!v || v->is_null()) {
      if (required) add(path, "is required");
      return;
    }
    if (auto d = decimal_value(*v, path)) out = *d;
  }

  void optional_decimal(const json& obj, const char* key, const std::string& parent, std::optional<Decimal>& out) {
    const json* v = member(obj, key);
    if (!v || v->is_null()) return;
    if (auto d = decimal_value(*v, field_path(parent, key))) out = *d;
  }

  template <typename Int>
  void whole(const json& obj, const char* key, const std::string& parent, Int& out, bool required = false) {
    const std::string path = field_path(parent, key);
    const json* v = member(obj, key);
    if (!v || v->is_null()) {
      if (required) add(path, "is required");
      return;
    }
    const auto d = decimal_value(*v, path);
    if (!d) return;
    if (*d != floor(*d)) {
      add(path, "must be a whole number, got " + to_exact_string(*d));
      return;
    }
    if (abs(*d) > Decimal("1e15")) {
      add(path, "the number " + to_exact_string(*d) + " is far too large");
      return;
    }
    const auto wide = d->convert_to<long long>();
    if (wide < static_cast<long long>(std::numeric_limits<Int>::min()) ||
        wide > static_cast<long long>(std::numeric_limits<Int>::max())) {
      add(path, "the number " + to_exact_string(*d) + " is far too large");
      return;
    }
    out = static_cast<Int>(wide);
  }

  void text(const json& obj, const char* key, const std::string& parent, std::string& out, bool required = false) {
    const std::string path = field_path(parent, key);
    const json* v = member(obj, key);
    if (!v || v->is_null()) {
      if (required) add(path, "is required");
      return;
    }
    if (v->is_string()) out = v->get<std::string>();
    else if (v->is_number_integer()) out = v->dump();  // an id written as a number: 1 -> "1"
    else add(path, std::string("must be text, got ") + type_words(*v));
  }

  void flag(const json& obj, const char* key, const std::string& parent, bool& out) {
    const json* v = member(obj, key);
    if (!v || v->is_null()) return;
    if (v->is_boolean()) out = v->get<bool>();
    else add(field_path(parent, key), std::string("must be true or false, got ") + type_words(*v));
  }

  template <typename Enum>
  void choice(const json& obj, const char* key, const std::string& parent, Enum& out,
              std::optional<Enum> (*from_name)(const std::string&), const char* allowed) {
    std::string name;
    const json* v = member(obj, key);
    if (!v || v->is_null()) return;
    text(obj, key, parent, name);
    if (!v->is_string()) return;
    if (auto e = from_name(name)) out = *e;
    else add(field_path(parent, key), "must be one of " + std::string(allowed) + ", got \"" + name + "\"");
  }

  // Calls each(item, path, index) for every element of the list `key` (absent = empty).
  template <typename Each>
  void list(const json& obj, const char* key, const std::string& parent, Each each) {
    const json* v = member(obj, key);
    if (!v || v->is_null()) return;
    const std::string path = field_path(parent, key);
    if (!v->is_array()) {
      add(path, std::string("must be a list [ ... ], got ") + type_words(*v));
      return;
    }
    for (std::size_t i = 0; i < v->size(); ++i) each((*v)[i], path + "[" + std::to_string(i) + "]");
  }

  void strings(const json& obj, const char* key, const std::string& parent, std::vector<std::string>& out) {
    list(obj, key, parent, [&](const json& item, const std::string& path) {
      if (item.is_string()) out.push_back(item.get<std::string>());
      else add(path, std::string("must be text, got ") + type_words(item));
    });
  }
};

void read_range(Reader& r, const json& v, const std::string& path, Range& range) {
  if (!r.object(v, path, {"low", "high", "distribution"})) return;
  r.decimal(v, "low", path, range.low, true);
  r.decimal(v, "high", path, range.high, true);
  r.choice(v, "distribution", path, range.distribution, distribution_from_name, "uniform, triangular");
}

void read_outcome(Reader& r, const json& v, const std::string& path, Outcome& o) {
  if (!r.object(v, path, {"id", "stakeholder", "description", "indicator", "quantity", "proxy", "deadweight",
                          "displacement", "attribution", "drop_off", "duration", "start_year", "ranges", "type",
                          "agency", "cashable"}))
    return;
  r.text(v, "id", path, o.id, true);
  r.text(v, "stakeholder", path, o.stakeholder, true);
  r.text(v, "description", path, o.description);
  r.text(v, "indicator", path, o.indicator);
  r.decimal(v, "quantity", path, o.quantity, true);
  if (const json* p = r.member(v, "proxy")) {
    const std::string ppath = field_path(path, "proxy");
    if (p->is_object()) {
      r.object(*p, ppath, {"value", "description", "unit", "source", "price_year", "evidence_grade"});
      r.decimal(*p, "value", ppath, o.proxy.value, true);
      r.text(*p, "description", ppath, o.proxy.description);
      r.text(*p, "unit", ppath, o.proxy.unit);
      r.text(*p, "source", ppath, o.proxy.source);
      r.whole(*p, "price_year", ppath, o.proxy.price_year);
      r.text(*p, "evidence_grade", ppath, o.proxy.evidence_grade);
    } else {
      // A bare number is accepted as the proxy's value.
      if (auto d = r.decimal_value(*p, ppath)) o.proxy.value = *d;
    }
  } else {
    r.add(field_path(path, "proxy"), "is required: the financial proxy, the value of one unit of this outcome");
  }
  r.decimal(v, "deadweight", path, o.deadweight);
  r.decimal(v, "displacement", path, o.displacement);
  r.decimal(v, "attribution", path, o.attribution);
  r.decimal(v, "drop_off", path, o.drop_off);
  r.whole(v, "duration", path, o.duration, true);
  r.whole(v, "start_year", path, o.start_year);
  r.choice(v, "type", path, o.type, value_type_from_name, "social, economic, fiscal");
  r.text(v, "agency", path, o.agency);
  r.flag(v, "cashable", path, o.cashable);
  if (const json* ranges = r.member(v, "ranges")) {
    const std::string rpath = field_path(path, "ranges");
    if (r.object(*ranges, rpath, {"quantity", "proxy", "deadweight", "displacement", "attribution", "drop_off"})) {
      for (const auto& item : ranges->items()) {
        const auto a = assumption_from_name(item.key());
        if (!a) {
          r.add(field_path(rpath, item.key()),
                "a range can be given for quantity, proxy, deadweight, displacement, attribution or drop_off");
          continue;
        }
        read_range(r, item.value(), field_path(rpath, item.key()), o.ranges[*a]);
      }
    }
  }
}

void read_sroi(Reader& r, const json& v, const std::string& path, Sroi& s) {
  if (!r.object(v, path, {"discount", "first_year_discounted", "optimism_bias", "stakeholders", "inputs", "outcomes"}))
    return;
  if (const json* d = r.member(v, "discount")) {
    const std::string dpath = field_path(path, "discount");
    if (r.object(*d, dpath, {"rate", "schedule"})) {
      if (const json* sched = r.member(*d, "schedule")) {
        if (sched->is_string() && sched->get<std::string>() == "green-book") s.discount.kind = DiscountKind::green_book;
        else r.add(field_path(dpath, "schedule"), "the only schedule is \"green-book\" (the Green Book declining rates)");
        if (r.member(*d, "rate")) r.add(dpath, "give either a rate or a schedule, not both");
      } else {
        r.decimal(*d, "rate", dpath, s.discount.rate);
      }
    }
  }
  r.flag(v, "first_year_discounted", path, s.first_year_discounted);
  r.decimal(v, "optimism_bias", path, s.optimism_bias);
  r.list(v, "stakeholders", path, [&](const json& item, const std::string& p) {
    Stakeholder st;
    if (r.object(item, p, {"id", "name", "segment"})) {
      r.text(item, "id", p, st.id, true);
      r.text(item, "name", p, st.name, true);
      r.text(item, "segment", p, st.segment);
    }
    s.stakeholders.push_back(std::move(st));
  });
  r.list(v, "inputs", path, [&](const json& item, const std::string& p) {
    Input in;
    if (r.object(item, p, {"stakeholder", "description", "amount", "year"})) {
      r.text(item, "stakeholder", p, in.stakeholder);
      r.text(item, "description", p, in.description);
      r.decimal(item, "amount", p, in.amount, true);
      r.whole(item, "year", p, in.year);
    }
    s.inputs.push_back(std::move(in));
  });
  r.list(v, "outcomes", path, [&](const json& item, const std::string& p) {
    Outcome o;
    read_outcome(r, item, p, o);
    s.outcomes.push_back(std::move(o));
  });
}

void read_score(Reader& r, const json& v, const std::string& path, Score& s) {
  r.whole(v, "likelihood", path, s.likelihood);
  r.whole(v, "severity", path, s.severity);
}

void read_eqia(Reader& r, const json& v, const std::string& path, Eqia& e) {
  if (!r.object(v, path, {"template", "status", "version", "reference", "directorate", "lead_officer",
                          "proposal_type", "budget", "saving", "decision_date", "decision_maker", "screening",
                          "impacts", "actions", "decision", "review_date", "review_summary", "history"}))
    return;
  r.text(v, "template", path, e.template_name);
  r.choice(v, "status", path, e.status, status_from_name, "draft, submitted, returned, approved, published");
  r.whole(v, "version", path, e.version);
  r.text(v, "reference", path, e.reference);
  r.text(v, "directorate", path, e.directorate);
  r.text(v, "lead_officer", path, e.lead_officer);
  r.text(v, "proposal_type", path, e.proposal_type);
  r.optional_decimal(v, "budget", path, e.budget);
  r.optional_decimal(v, "saving", path, e.saving);
  r.text(v, "decision_date", path, e.decision_date);
  r.text(v, "decision_maker", path, e.decision_maker);
  r.list(v, "screening", path, [&](const json& item, const std::string& p) {
    Screening s;
    if (r.object(item, p, {"characteristic", "relevant", "reason"})) {
      r.text(item, "characteristic", p, s.characteristic, true);
      r.choice(item, "relevant", p, s.relevant, relevance_from_name, "yes, no, not-sure");
      r.text(item, "reason", p, s.reason);
    }
    e.screening.push_back(std::move(s));
  });
  r.list(v, "impacts", path, [&](const json& item, const std::string& p) {
    Impact im;
    if (r.object(item, p, {"characteristic", "rating", "evidence", "engagement", "likelihood", "severity",
                           "residual", "mitigation", "data_gaps", "actual_impact"})) {
      r.text(item, "characteristic", p, im.characteristic, true);
      r.choice(item, "rating", p, im.rating, rating_from_name, "positive, neutral, negative, unknown");
      r.text(item, "evidence", p, im.evidence);
      r.text(item, "engagement", p, im.engagement);
      read_score(r, item, p, im.before);
      if (const json* res = r.member(item, "residual"); res && !res->is_null()) {
        const std::string rp = field_path(p, "residual");
        if (r.object(*res, rp, {"likelihood", "severity"})) {
          Score s;
          read_score(r, *res, rp, s);
          im.residual = s;
        }
      }
      r.text(item, "mitigation", p, im.mitigation);
      r.strings(item, "data_gaps", p, im.data_gaps);
      r.text(item, "actual_impact", p, im.actual_impact);
    }
    e.impacts.push_back(std::move(im));
  });
  r.list(v, "actions", path, [&](const json& item, const std::string& p) {
    Action a;
    if (r.object(item, p, {"description", "owner", "due", "status"})) {
      r.text(item, "description", p, a.description, true);
      r.text(item, "owner", p, a.owner);
      r.text(item, "due", p, a.due);
      r.text(item, "status", p, a.status);
    }
    e.actions.push_back(std::move(a));
  });
  if (const json* d = r.member(v, "decision"); d && !d->is_null()) {
    const std::string dp = field_path(path, "decision");
    if (r.object(*d, dp, {"outcome", "justification"})) {
      r.choice(*d, "outcome", dp, e.decision.outcome, decision_from_name, "no-change, adjust, continue, stop");
      r.text(*d, "justification", dp, e.decision.justification);
    }
  }
  r.text(v, "review_date", path, e.review_date);
  r.text(v, "review_summary", path, e.review_summary);
  r.list(v, "history", path, [&](const json& item, const std::string& p) {
    WorkflowEvent ev;
    if (r.object(item, p, {"from", "to", "who", "when", "comment"})) {
      r.choice(item, "from", p, ev.from, status_from_name, "draft, submitted, returned, approved, published");
      r.choice(item, "to", p, ev.to, status_from_name, "draft, submitted, returned, approved, published");
      r.text(item, "who", p, ev.who);
      r.text(item, "when", p, ev.when);
      r.text(item, "comment", p, ev.comment);
    }
    e.history.push_back(std::move(ev));
  });
}

void read_segments(Reader& r, const json& v, SegmentScheme& scheme) {
  const std::string path = "segments";
  if (!r.object(v, path, {"scheme", "characteristics", "items"})) return;
  r.text(v, "scheme", path, scheme.scheme);
  if (const json* chars = r.member(v, "characteristics")) {
    const std::string cpath = field_path(path, "characteristics");
    if (chars->is_object()) {
      for (const auto& item : chars->items()) {
        Characteristic c;
        c.name = item.key();
        if (item.value().is_array()) {
          for (const auto& cat : item.value()) {
            if (cat.is_string()) c.categories.push_back(cat.get<std::string>());
            else r.add(field_path(cpath, c.name), "each category must be text");
          }
        } else {
          r.add(field_path(cpath, c.name), "must be a list of categories, such as [\"0-15\", \"16-64\", \"65+\"]");
        }
        scheme.characteristics.push_back(std::move(c));
      }
    } else {
      r.add(cpath, "must be an object naming each characteristic's categories");
    }
  }
  r.list(v, "items", path, [&](const json& item, const std::string& p) {
    Segment s;
    if (r.object(item, p, {"code", "name", "population", "composition"})) {
      r.text(item, "code", p, s.code, true);
      r.text(item, "name", p, s.name);
      r.whole(item, "population", p, s.population, true);
      if (const json* comp = r.member(item, "composition")) {
        const std::string cp = field_path(p, "composition");
        if (comp->is_object()) {
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
        } else {
          r.add(cp, "must be an object of characteristics");
        }
      }
    }
    scheme.items.push_back(std::move(s));
  });
}

void read_project(Reader& r, const json& root, Project& project) {
  if (!r.object(root, "", {"format", "project", "segments", "changes"})) return;
  const json* format = r.member(root, "format");
  if (!format) {
    r.add("format", std::string("is missing: an Equivalue file starts with \"format\": \"") + kFormatName + "\"");
  } else if (!format->is_string() || format->get<std::string>() != kFormatName) {
    const std::string got = format->is_string() ? format->get<std::string>() : type_words(*format);
    r.add("format", "this file is in format \"" + got + "\"; this version of Equivalue reads \"" + kFormatName + "\"");
  }
  if (const json* p = r.member(root, "project")) {
    if (r.object(*p, "project", {"name", "jurisdiction", "base_year", "currency", "disclosure_threshold",
                                 "flag_ratio", "deflators", "eqia_additions", "channel_costs"})) {
      auto& s = project.project;
      r.text(*p, "name", "project", s.name, true);
      r.text(*p, "jurisdiction", "project", s.jurisdiction);
      r.whole(*p, "base_year", "project", s.base_year);
      r.text(*p, "currency", "project", s.currency);
      if (s.currency != "GBP") r.add("project.currency", "Equivalue works in pounds: the currency must be GBP");
      r.whole(*p, "disclosure_threshold", "project", s.disclosure_threshold);
      r.decimal(*p, "flag_ratio", "project", s.flag_ratio);
      if (const json* d = r.member(*p, "deflators")) {
        if (d->is_object()) {
          for (const auto& item : d->items()) {
            const std::string dp = "project.deflators." + item.key();
            const auto year = parse_decimal(item.key());
            if (!year || *year != floor(*year) || *year < 1900 || *year > 2200) {
              r.add(dp, "each deflator is keyed by its year, such as \"2024\": 100.0");
              continue;
            }
            if (auto v = r.decimal_value(item.value(), dp)) s.deflators[year->convert_to<int>()] = *v;
          }
        } else {
          r.add("project.deflators", "must be an object of year: index, such as {\"2024\": 100.0}");
        }
      }
      r.strings(*p, "eqia_additions", "project", s.eqia_additions);
      if (const json* c = r.member(*p, "channel_costs")) {
        if (c->is_object()) {
          for (const auto& item : c->items()) {
            const std::string cp = "project.channel_costs." + item.key();
            if (auto v = r.decimal_value(item.value(), cp)) {
              if (*v < 0) r.add(cp, "a unit cost cannot be negative");
              else s.channel_costs[item.key()] = *v;
            }
          }
        } else {
          r.add("project.channel_costs", "must be an object of channel: pounds, such as {\"face-to-face\": \"8.62\"}");
        }
      }
    }
  } else {
    r.add("project", "is missing: give at least the project's name");
  }
  if (const json* s = r.member(root, "segments")) read_segments(r, *s, project.segments);
  r.list(root, "changes", "", [&](const json& item, const std::string& p) {
    ServiceChange ch;
    if (r.object(item, p, {"id", "title", "sroi", "affected_segments", "eqia"})) {
      r.text(item, "id", p, ch.id, true);
      r.text(item, "title", p, ch.title, true);
      if (const json* s = r.member(item, "sroi")) read_sroi(r, *s, field_path(p, "sroi"), ch.sroi);
      r.list(item, "affected_segments", p, [&](const json& a, const std::string& ap) {
        AffectedSegment seg;
        if (r.object(a, ap, {"segment", "share"})) {
          r.text(a, "segment", ap, seg.segment, true);
          r.decimal(a, "share", ap, seg.share, true);
        }
        ch.affected_segments.push_back(std::move(seg));
      });
      if (const json* e = r.member(item, "eqia"); e && !e->is_null()) {
        ch.eqia.emplace();
        read_eqia(r, *e, field_path(p, "eqia"), *ch.eqia);
      }
    }
    project.changes.push_back(std::move(ch));
  });
}

// --------------------------------------------------------------- writing

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
  if (text.find('.') == std::string::npos) text += ".00";
  else if (text.size() - text.find('.') == 2) text += "0";
  return ojson(text);
}

ojson write_outcome(const Outcome& o) {
  ojson v;
  v["id"] = o.id;
  v["stakeholder"] = o.stakeholder;
  v["description"] = o.description;
  v["indicator"] = o.indicator;
  v["quantity"] = number(o.quantity);
  ojson p;
  p["value"] = money(o.proxy.value);
  p["description"] = o.proxy.description;
  if (!o.proxy.unit.empty()) p["unit"] = o.proxy.unit;
  p["source"] = o.proxy.source;
  if (o.proxy.price_year) p["price_year"] = o.proxy.price_year;
  if (!o.proxy.evidence_grade.empty()) p["evidence_grade"] = o.proxy.evidence_grade;
  v["proxy"] = p;
  v["deadweight"] = number(o.deadweight);
  v["displacement"] = number(o.displacement);
  v["attribution"] = number(o.attribution);
  v["drop_off"] = number(o.drop_off);
  v["duration"] = o.duration;
  v["start_year"] = o.start_year;
  v["type"] = value_type_name(o.type);
  if (!o.agency.empty()) v["agency"] = o.agency;
  if (o.type == ValueType::fiscal) v["cashable"] = o.cashable;
  if (!o.ranges.empty()) {
    ojson ranges = ojson::object();
    for (const auto& [a, r] : o.ranges) {
      ojson rv;
      rv["low"] = number(r.low);
      rv["high"] = number(r.high);
      rv["distribution"] = distribution_name(r.distribution);
      ranges[assumption_name(a)] = rv;
    }
    v["ranges"] = ranges;
  }
  return v;
}

ojson write_sroi(const Sroi& s) {
  ojson v;
  if (s.discount.kind == DiscountKind::green_book) v["discount"] = {{"schedule", "green-book"}};
  else v["discount"] = {{"rate", to_exact_string(s.discount.rate)}};
  v["first_year_discounted"] = s.first_year_discounted;
  if (s.optimism_bias != 0) v["optimism_bias"] = number(s.optimism_bias);
  v["stakeholders"] = ojson::array();
  for (const auto& st : s.stakeholders) {
    ojson sv{{"id", st.id}, {"name", st.name}};
    if (!st.segment.empty()) sv["segment"] = st.segment;
    v["stakeholders"].push_back(sv);
  }
  v["inputs"] = ojson::array();
  for (const auto& in : s.inputs)
    v["inputs"].push_back({{"stakeholder", in.stakeholder}, {"description", in.description},
                           {"amount", money(in.amount)}, {"year", in.year}});
  v["outcomes"] = ojson::array();
  for (const auto& o : s.outcomes) v["outcomes"].push_back(write_outcome(o));
  return v;
}

ojson write_score(const Score& s) { return {{"likelihood", s.likelihood}, {"severity", s.severity}}; }

ojson write_eqia(const Eqia& e) {
  ojson v;
  v["template"] = e.template_name;
  v["status"] = status_name(e.status);
  v["version"] = e.version;
  auto put = [&](const char* key, const std::string& value) {
    if (!value.empty()) v[key] = value;
  };
  put("reference", e.reference);
  put("directorate", e.directorate);
  put("lead_officer", e.lead_officer);
  put("proposal_type", e.proposal_type);
  if (e.budget) v["budget"] = money(*e.budget);
  if (e.saving) v["saving"] = money(*e.saving);
  put("decision_date", e.decision_date);
  put("decision_maker", e.decision_maker);
  v["screening"] = ojson::array();
  for (const auto& s : e.screening)
    v["screening"].push_back({{"characteristic", s.characteristic}, {"relevant", relevance_name(s.relevant)},
                              {"reason", s.reason}});
  v["impacts"] = ojson::array();
  for (const auto& im : e.impacts) {
    ojson iv;
    iv["characteristic"] = im.characteristic;
    iv["rating"] = rating_name(im.rating);
    iv["evidence"] = im.evidence;
    if (!im.engagement.empty()) iv["engagement"] = im.engagement;
    iv["likelihood"] = im.before.likelihood;
    iv["severity"] = im.before.severity;
    if (im.residual) iv["residual"] = write_score(*im.residual);
    iv["mitigation"] = im.mitigation;
    if (!im.data_gaps.empty()) iv["data_gaps"] = im.data_gaps;
    if (!im.actual_impact.empty()) iv["actual_impact"] = im.actual_impact;
    v["impacts"].push_back(iv);
  }
  v["actions"] = ojson::array();
  for (const auto& a : e.actions)
    v["actions"].push_back({{"description", a.description}, {"owner", a.owner}, {"due", a.due}, {"status", a.status}});
  if (e.decision.outcome != DecisionOutcome::none || !e.decision.justification.empty()) {
    ojson d;
    if (e.decision.outcome != DecisionOutcome::none) d["outcome"] = decision_name(e.decision.outcome);
    d["justification"] = e.decision.justification;
    v["decision"] = d;
  }
  put("review_date", e.review_date);
  put("review_summary", e.review_summary);
  if (!e.history.empty()) {
    v["history"] = ojson::array();
    for (const auto& h : e.history)
      v["history"].push_back({{"from", status_name(h.from)}, {"to", status_name(h.to)}, {"who", h.who},
                              {"when", h.when}, {"comment", h.comment}});
  }
  return v;
}

}  // namespace

JsonReadResult read_project_json(std::string_view text) {
  JsonReadResult result;
  bool blank = true;
  for (char c : text) blank = blank && (c == ' ' || c == '\n' || c == '\r' || c == '\t');
  if (blank) {
    result.problems.push_back({"", "the file is empty; an Equivalue project is JSON starting with {"});
    return result;
  }
  TreeBuilder builder;
  bool ok = false;
  try {
    ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true, false);
  } catch (const std::exception& ex) {
    builder.error = ex.what();
  }
  if (!ok) {
    const std::string where = line_and_column(text, builder.error_position == 0 ? 0 : builder.error_position - 1);
    const bool readable_but_wrong = builder.too_deep || builder.number_out_of_range;
    result.problems.push_back({"", readable_but_wrong ? where + ": " + builder.error
                                                      : "not valid JSON at " + where + ": " + builder.error});
    return result;
  }
  Reader reader;
  read_project(reader, builder.root, result.project);
  result.problems = std::move(reader.problems);
  return result;
}

std::string write_project_json(const Project& project) {
  ojson root;
  root["format"] = kFormatName;
  const auto& s = project.project;
  ojson p;
  p["name"] = s.name;
  p["jurisdiction"] = s.jurisdiction;
  p["base_year"] = s.base_year;
  p["currency"] = s.currency;
  p["disclosure_threshold"] = s.disclosure_threshold;
  p["flag_ratio"] = number(s.flag_ratio);
  if (!s.deflators.empty()) {
    ojson d = ojson::object();
    for (const auto& [year, index] : s.deflators) d[std::to_string(year)] = number(index);
    p["deflators"] = d;
  }
  if (!s.eqia_additions.empty()) p["eqia_additions"] = s.eqia_additions;
  if (!s.channel_costs.empty()) {
    ojson c = ojson::object();
    for (const auto& [channel, cost] : s.channel_costs) c[channel] = number(cost);
    p["channel_costs"] = c;
  }
  root["project"] = p;
  ojson seg;
  seg["scheme"] = project.segments.scheme;
  ojson chars = ojson::object();
  for (const auto& c : project.segments.characteristics) chars[c.name] = c.categories;
  seg["characteristics"] = chars;
  seg["items"] = ojson::array();
  for (const auto& item : project.segments.items) {
    ojson iv;
    iv["code"] = item.code;
    iv["name"] = item.name;
    iv["population"] = item.population;
    ojson comp = ojson::object();
    for (const auto& [ch, shares] : item.composition) {
      ojson sv = ojson::object();
      for (const auto& [cat, share] : shares) sv[cat] = number(share);
      comp[ch] = sv;
    }
    iv["composition"] = comp;
    seg["items"].push_back(iv);
  }
  root["segments"] = seg;
  root["changes"] = ojson::array();
  for (const auto& ch : project.changes) {
    ojson cv;
    cv["id"] = ch.id;
    cv["title"] = ch.title;
    cv["sroi"] = write_sroi(ch.sroi);
    cv["affected_segments"] = ojson::array();
    for (const auto& a : ch.affected_segments)
      cv["affected_segments"].push_back({{"segment", a.segment}, {"share", number(a.share)}});
    if (ch.eqia) cv["eqia"] = write_eqia(*ch.eqia);
    root["changes"].push_back(cv);
  }
  // Replace rather than throw on invalid UTF-8: text typed into a form may hold anything.
  return root.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace eqv
