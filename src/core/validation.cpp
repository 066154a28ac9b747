#include "equivalue/core/validation.hpp"

#include <algorithm>
#include "equivalue/core/sroi.hpp"

#include <cctype>
#include <set>

namespace eqv {
namespace {

const Decimal kZero = 0;
const Decimal kOne = 1;

class Checker {
 public:
  Problems problems;

  void add(const std::string& path, std::string message) {
    problems.push_back({path, std::move(message)});
  }

  void fraction(const std::string& path, const Decimal& v) {
    if (v < 0 || v > 1) add(path, fraction_message(v));
  }
  void non_negative(const std::string& path, const Decimal& v, const char* what) {
    if (v < 0) add(path, std::string(what) + " cannot be negative, got " + to_exact_string(v));
  }
  void whole_in(const std::string& path, long long v, long long lo, long long hi,
                const char* what) {
    if (v < lo || v > hi)
      add(path, std::string(what) + " must be a whole number from " + std::to_string(lo) + " to " +
                    std::to_string(hi) + ", got " + std::to_string(v));
  }
  void required(const std::string& path, const std::string& text, const char* what) {
    bool blank = true;
    for (char c : text) blank = blank && std::isspace(static_cast<unsigned char>(c));
    if (blank) add(path, std::string(what) + " is required");
  }
  void date(const std::string& path, const std::string& text) {
    if (!text.empty() && !is_iso_date(text))
      add(path, "must be a date written yyyy-mm-dd (for example 2027-03-31), got \"" + text + "\"");
  }
  template <typename List, typename Id>
  void unique_ids(const std::string& parent, const char* list, const List& items, Id id_of,
                  const char* what) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string id = id_of(items[i]);
      const std::string path = field_path(index_path(parent, list, i), "id");
      if (id.empty()) {
        add(path, std::string(what) + " needs an id");
      } else if (!seen.insert(id).second) {
        add(path, "the id \"" + id + "\" is used twice; each " + what + " needs its own id");
      }
    }
  }
};

void check_segments(Checker& c, const SegmentScheme& scheme) {
  const std::string base = "segments";
  std::set<std::string> names;
  for (std::size_t i = 0; i < scheme.characteristics.size(); ++i) {
    const auto& ch = scheme.characteristics[i];
    const std::string path = "segments.characteristics." + ch.name;
    if (!names.insert(ch.name).second) c.add(path, "this characteristic is listed twice");
    if (ch.categories.empty()) c.add(path, "list at least one category");
    std::set<std::string> cats;
    for (const auto& cat : ch.categories)
      if (!cats.insert(cat).second) c.add(path, "the category \"" + cat + "\" is listed twice");
  }
  for (const auto& [joint, crosses] : scheme.intersections) {
    const std::string path = "segments.intersections." + joint;
    if (!scheme.characteristic(joint))
      c.add(path, "\"" + joint +
                      "\" is not one of the characteristics listed under segments.characteristics");
    if (crosses.size() < 2)
      c.add(path, "a joint characteristic crosses two or more characteristics");
    for (const auto& x : crosses)
      if (x == joint || !scheme.characteristic(x) || scheme.intersections.count(x))
        c.add(path, "crosses \"" + x +
                        "\", which is not one of the (single) characteristics of the segments");
  }
  c.unique_ids(
      base, "items", scheme.items, [](const Segment& s) { return s.code; }, "segment");
  for (std::size_t i = 0; i < scheme.items.size(); ++i) {
    const auto& seg = scheme.items[i];
    const std::string path = index_path(base, "items", i);
    if (seg.population < 0)
      c.add(field_path(path, "population"),
            "a population cannot be negative, got " + std::to_string(seg.population));
    // A segment without shares for a characteristic would count in the area's base but in
    // none of its categories, quietly skewing every ratio of the link.
    for (const auto& ch : scheme.characteristics)
      if (!seg.composition.count(ch.name))
        c.add(field_path(field_path(path, "composition"), ch.name),
              "gives no shares for " + ch.name +
                  ": every segment needs the share of each category, so that the "
                  "segments can be compared with the whole area");
    for (const auto& [char_name, shares] : seg.composition) {
      const std::string cpath = field_path(field_path(path, "composition"), char_name);
      const Characteristic* ch = scheme.characteristic(char_name);
      if (!ch) {
        c.add(cpath,
              "\"" + char_name +
                  "\" is not one of the characteristics listed under segments.characteristics");
        continue;
      }
      Decimal sum = 0;
      for (const auto& [cat, share] : shares) {
        const std::string catpath = field_path(cpath, cat);
        bool known = false;
        for (const auto& k : ch->categories) known = known || k == cat;
        if (!known) c.add(catpath, "\"" + cat + "\" is not a category of " + char_name);
        c.fraction(catpath, share);
        sum += share;
      }
      if (abs(sum - kOne) > Decimal("0.001"))
        c.add(cpath, "the shares of " + char_name +
                         " must add up to 1 (within 0.001), they add up to " +
                         to_exact_string(sum));
    }
  }
}

// How to put right a year the deflator series in use lacks.
std::string missing_year_fix(const ProjectSettings& settings) {
  if (!settings.deflators.empty())
    return "add it under project.deflators so the proxy can be rebased";
  return "give the project its own series under project.deflators, or turn rebasing off "
         "(project.rebase_proxies false)";
}

void check_deflators(Checker& c, const ProjectSettings& s) {
  for (const auto& [year, index] : s.deflators)
    if (index <= 0)
      c.add("project.deflators." + std::to_string(year), "a deflator index must be above 0");
  if (const auto* deflators = deflators_in_use(s); deflators && !deflators->count(s.base_year))
    c.add(s.deflators.empty() ? "project.base_year" : "project.deflators",
          "the deflator series (" + deflator_series_in_use(s) +
              ") has no value for the base year " + std::to_string(s.base_year) + "; " +
              missing_year_fix(s));
}

// The project's own library: each row complete enough to cite.
void check_proxy_library(Checker& c, const std::vector<LibraryProxy>& library) {
  c.unique_ids(
      "", "proxy_library", library, [](const LibraryProxy& p) { return p.id; }, "library proxy");
  for (std::size_t i = 0; i < library.size(); ++i) {
    const auto& row = library[i];
    const std::string path = index_path("", "proxy_library", i);
    c.required(field_path(path, "description"), row.proxy.description,
               "a description of what the value is for");
    c.required(field_path(path, "unit"), row.proxy.unit,
               "the unit the value is per (\"person per year\")");
    c.non_negative(field_path(path, "value"), row.proxy.value, "the value");
    if (row.proxy.price_year != 0)
      c.whole_in(field_path(path, "price_year"), row.proxy.price_year, 1900, 2200,
                 "the price year");
    c.required(field_path(path, "source"), row.proxy.source, "the source's title");
    c.required(field_path(path, "licence"), row.licence, "the licence the value is used under");
  }
}

void check_outcome(Checker& c, const std::string& path, const Outcome& o, const Sroi& sroi,
                   const ProjectSettings& settings) {
  bool stakeholder_known = false;
  for (const auto& s : sroi.stakeholders)
    stakeholder_known = stakeholder_known || s.id == o.stakeholder;
  if (o.stakeholder.empty())
    c.add(field_path(path, "stakeholder"), "say which stakeholder has this outcome");
  else if (!stakeholder_known)
    c.add(field_path(path, "stakeholder"), "no stakeholder has the id \"" + o.stakeholder + "\"");
  c.required(field_path(path, "description"), o.description, "a description of the outcome");
  c.non_negative(field_path(path, "quantity"), o.quantity, "the quantity");
  c.non_negative(
      field_path(path, "proxy.value"), o.proxy.value,
      "the proxy value (record a disbenefit as its own outcome with a negative input instead)");
  c.fraction(field_path(path, "deadweight"), o.deadweight);
  c.fraction(field_path(path, "displacement"), o.displacement);
  c.fraction(field_path(path, "attribution"), o.attribution);
  c.fraction(field_path(path, "drop_off"), o.drop_off);
  c.whole_in(field_path(path, "duration"), o.duration, 1, 200, "the duration in years");
  c.whole_in(field_path(path, "start_year"), o.start_year, 1, 200, "the start year");
  if (o.proxy.price_year != 0) {
    c.whole_in(field_path(path, "proxy.price_year"), o.proxy.price_year, 1900, 2200,
               "the price year");
    const auto* deflators = deflators_in_use(settings);
    if (deflators && !deflators->count(o.proxy.price_year))
      c.add(field_path(path, "proxy.price_year"),
            "the deflator series (" + deflator_series_in_use(settings) + ") has no value for " +
                std::to_string(o.proxy.price_year) + "; " + missing_year_fix(settings));
  }
  for (const auto& [assumption, range] : o.ranges) {
    const std::string rpath = field_path(field_path(path, "ranges"), assumption_name(assumption));
    const bool is_fraction = assumption != Assumption::quantity && assumption != Assumption::proxy;
    if (is_fraction) {
      c.fraction(field_path(rpath, "low"), range.low);
      c.fraction(field_path(rpath, "high"), range.high);
    } else {
      c.non_negative(field_path(rpath, "low"), range.low, "the low end");
      c.non_negative(field_path(rpath, "high"), range.high, "the high end");
    }
    if (range.low > range.high)
      c.add(rpath, "the low end (" + to_exact_string(range.low) + ") is above the high end (" +
                       to_exact_string(range.high) + ")");
    else if (o.get(assumption) < range.low || o.get(assumption) > range.high)
      c.add(rpath, "the range " + to_exact_string(range.low) + " to " +
                       to_exact_string(range.high) + " does not include the value used, " +
                       to_exact_string(o.get(assumption)));
  }
}

void check_sroi(Checker& c, const std::string& path, const Sroi& sroi, const Project& project) {
  if (sroi.discount.kind == DiscountKind::constant) {
    const Decimal& r = sroi.discount.rate;
    if (r < 0 || r > 1) c.add(field_path(path, "discount.rate"), fraction_message(r));
  }
  c.fraction(field_path(path, "optimism_bias"), sroi.optimism_bias);
  c.unique_ids(
      path, "stakeholders", sroi.stakeholders, [](const Stakeholder& s) { return s.id; },
      "stakeholder");
  for (std::size_t i = 0; i < sroi.stakeholders.size(); ++i) {
    const auto& s = sroi.stakeholders[i];
    const std::string spath = index_path(path, "stakeholders", i);
    c.required(field_path(spath, "name"), s.name, "a name for the stakeholder group");
    if (!s.segment.empty() && !project.segments.find(s.segment))
      c.add(field_path(spath, "segment"), "no segment has the code \"" + s.segment + "\"");
  }
  for (std::size_t i = 0; i < sroi.inputs.size(); ++i) {
    const auto& in = sroi.inputs[i];
    const std::string ipath = index_path(path, "inputs", i);
    c.non_negative(field_path(ipath, "amount"), in.amount, "an input amount");
    c.whole_in(field_path(ipath, "year"), in.year, 0, 200, "the year of an input");
    if (!in.stakeholder.empty()) {
      bool known = false;
      for (const auto& s : sroi.stakeholders) known = known || s.id == in.stakeholder;
      if (!known)
        c.add(field_path(ipath, "stakeholder"),
              "no stakeholder has the id \"" + in.stakeholder + "\"");
    }
  }
  c.unique_ids(
      path, "outcomes", sroi.outcomes, [](const Outcome& o) { return o.id; }, "outcome");
  for (std::size_t i = 0; i < sroi.outcomes.size(); ++i)
    check_outcome(c, index_path(path, "outcomes", i), sroi.outcomes[i], sroi, project.project);
}

// The groups an impact names: each once, not blank, and a category of its characteristic when
// the segments describe it (otherwise the cumulative view could not find its people).
void check_impact_groups(Checker& c, const std::string& ipath, const Impact& im,
                         const SegmentScheme& segments) {
  const Characteristic* ch = segments.characteristic(im.characteristic);
  std::set<std::string> seen;
  for (std::size_t g = 0; g < im.groups.size(); ++g) {
    const std::string gpath = index_path(ipath, "groups", g);
    const std::string& group = im.groups[g];
    if (group.empty()) {
      c.add(gpath,
            "name the group (such as \"65+\"), or remove it; no groups means the whole "
            "characteristic");
      continue;
    }
    if (!seen.insert(group).second) c.add(gpath, "\"" + group + "\" is named twice");
    if (ch &&
        std::find(ch->categories.begin(), ch->categories.end(), group) == ch->categories.end()) {
      std::string known;
      for (const auto& cat : ch->categories) known += (known.empty() ? "" : ", ") + cat;
      c.add(gpath, "\"" + group + "\" is not a group of " + im.characteristic +
                       " in the project's segments (" + known + ")");
    }
  }
}

void check_eqia(Checker& c, const std::string& path, const Eqia& e, const Project& project) {
  std::set<std::string> screened;
  for (std::size_t i = 0; i < e.screening.size(); ++i) {
    const std::string spath = index_path(path, "screening", i);
    const auto& s = e.screening[i];
    c.required(field_path(spath, "characteristic"), s.characteristic,
               "the characteristic screened");
    if (!s.characteristic.empty() && !screened.insert(s.characteristic).second)
      c.add(field_path(spath, "characteristic"), "\"" + s.characteristic + "\" is screened twice");
  }
  for (std::size_t i = 0; i < e.impacts.size(); ++i) {
    const std::string ipath = index_path(path, "impacts", i);
    const auto& im = e.impacts[i];
    c.required(field_path(ipath, "characteristic"), im.characteristic,
               "the characteristic assessed");
    c.whole_in(field_path(ipath, "likelihood"), im.before.likelihood, 0, 4,
               "the likelihood (1 to 4)");
    c.whole_in(field_path(ipath, "severity"), im.before.severity, 0, 4, "the severity (1 to 4)");
    if (im.residual) {
      c.whole_in(field_path(ipath, "residual.likelihood"), im.residual->likelihood, 0, 4,
                 "the likelihood (1 to 4)");
      c.whole_in(field_path(ipath, "residual.severity"), im.residual->severity, 0, 4,
                 "the severity (1 to 4)");
    }
    check_impact_groups(c, ipath, im, project.segments);
  }
  static const std::set<std::string> kActionStatuses{"open", "in-progress", "done"};
  for (std::size_t i = 0; i < e.actions.size(); ++i) {
    const std::string apath = index_path(path, "actions", i);
    c.required(field_path(apath, "description"), e.actions[i].description,
               "a description of the action");
    c.date(field_path(apath, "due"), e.actions[i].due);
    if (!kActionStatuses.count(e.actions[i].status))
      c.add(field_path(apath, "status"),
            "must be open, in-progress or done, got \"" + e.actions[i].status + "\"");
  }
  c.date(field_path(path, "review_date"), e.review_date);
  c.date(field_path(path, "decision_date"), e.decision_date);
  if (e.version < 1) c.add(field_path(path, "version"), "the version must be 1 or more");
  (void)project;
}

}  // namespace

Problems duplicate_change_id(const Project& project, std::size_t index) {
  if (index >= project.changes.size() || project.changes[index].id.empty()) return {};
  const std::string& id = project.changes[index].id;
  for (std::size_t j = 0; j < project.changes.size(); ++j)
    if (j != index && project.changes[j].id == id)
      return {
          {field_path(index_path("", "changes", index), "id"),
           "another service change already has the reference \"" + id + "\"; give each its own"}};
  return {};
}

std::string index_path(const std::string& parent, const std::string& list, std::size_t index) {
  return field_path(parent, list) + "[" + std::to_string(index) + "]";
}

std::string field_path(const std::string& parent, const std::string& field) {
  return parent.empty() ? field : parent + "." + field;
}

std::string fraction_message(const Decimal& value) {
  std::string message = "must be between 0 and 1, got " + to_exact_string(value);
  if (value > 1 && value <= 100) {
    std::string hint = to_exact_string(value / 100);
    const auto dot = hint.find('.');
    if (dot != std::string::npos && hint.size() - dot - 1 < 2) hint += "0";
    message += " (did you mean " + hint + "?)";
  }
  return message;
}

bool is_iso_date(const std::string& t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
  const int year = std::stoi(t.substr(0, 4));
  const int month = std::stoi(t.substr(5, 2));
  const int day = std::stoi(t.substr(8, 2));
  if (month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= days;
}

Problems validate(const Project& project) {
  Checker c;
  const auto& s = project.project;
  c.required("project.name", s.name, "a project name");
  c.whole_in("project.base_year", s.base_year, 1900, 2200, "the base year");
  c.whole_in("project.disclosure_threshold", s.disclosure_threshold, 1, 1000,
             "the disclosure threshold");
  c.whole_in("project.cumulative_threshold", s.cumulative_threshold, 1, 1000,
             "the number of negative changes at which a group is flagged");
  if (s.flag_ratio < 1)
    c.add("project.flag_ratio",
          "the flag ratio must be 1 or more (1.2 flags groups 20% over-represented), got " +
              to_exact_string(s.flag_ratio));
  check_deflators(c, s);
  check_proxy_library(c, project.proxy_library);
  check_segments(c, project.segments);
  c.unique_ids(
      "", "changes", project.changes, [](const ServiceChange& ch) { return ch.id; },
      "service change");
  for (std::size_t i = 0; i < project.changes.size(); ++i) {
    const auto& ch = project.changes[i];
    const std::string path = index_path("", "changes", i);
    c.required(field_path(path, "title"), ch.title, "a title for the service change");
    check_sroi(c, field_path(path, "sroi"), ch.sroi, project);
    std::set<std::string> seen;
    for (std::size_t k = 0; k < ch.affected_segments.size(); ++k) {
      const auto& a = ch.affected_segments[k];
      const std::string apath = index_path(path, "affected_segments", k);
      if (!project.segments.find(a.segment))
        c.add(field_path(apath, "segment"), "no segment has the code \"" + a.segment + "\"");
      else if (!seen.insert(a.segment).second)
        c.add(field_path(apath, "segment"), "segment \"" + a.segment + "\" is listed twice");
      c.fraction(field_path(apath, "share"), a.share);
    }
    if (ch.eqia) check_eqia(c, field_path(path, "eqia"), *ch.eqia, project);
  }
  return std::move(c.problems);
}

}  // namespace eqv
