#include "equivalue/core/segments.hpp"

#include "equivalue/core/csv.hpp"
#include "equivalue/core/text.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace eqv {

const std::vector<ClassifiedSegment>* SegmentClassification::level(
    const std::string& level_name) const {
  for (const auto& [level_id, items] : levels)
    if (level_id == level_name) return &items;
  return nullptr;
}

const ClassifiedSegment* SegmentClassification::find(const std::string& level_name,
                                                     const std::string& code) const {
  if (const auto* items = level(level_name))
    for (const auto& s : *items)
      if (s.code == code) return &s;
  return nullptr;
}

std::optional<std::pair<std::string, std::string>> split_scheme_name(const std::string& scheme) {
  const auto dash = scheme.rfind('-');
  if (dash == std::string::npos || dash == 0 || dash + 1 == scheme.size()) return std::nullopt;
  return std::make_pair(scheme.substr(0, dash), scheme.substr(dash + 1));
}

namespace {

std::string trim(std::string_view s) { return trimmed(std::string(s)); }

// A file that is wrong on every line is reported by its first faults, not all of them.
constexpr std::size_t kMaxProblems = 100;

std::string line_path(std::size_t line) { return "line " + std::to_string(line); }

using Record = CsvRecord;

// The records of the file; a malformed one is one problem at its line.
std::vector<Record> parse_csv(std::string_view text, Problems& problems) {
  CsvRead read = read_csv(text);
  if (read.fault) problems.push_back({line_path(read.fault->line), read.fault->message});
  return std::move(read.records);
}

// Whole, non-negative population; nothing (and a problem) otherwise.
std::optional<std::int64_t> population_value(const std::string& text, std::size_t line,
                                             Problems& problems) {
  const std::string where = line_path(line);
  if (text.empty()) {
    problems.push_back({where, "the population is missing"});
    return std::nullopt;
  }
  const auto d = parse_decimal(text);
  if (!d) {
    problems.push_back(
        {where, "the population \"" + text + "\" is not a number; write digits only (no commas)"});
    return std::nullopt;
  }
  if (*d < 0) {
    problems.push_back({where, "a population cannot be negative, got " + text});
    return std::nullopt;
  }
  if (*d != floor(*d)) {
    problems.push_back({where, "a population must be a whole number of people, got " + text});
    return std::nullopt;
  }
  if (*d > Decimal("1e12")) {
    problems.push_back({where, "the population " + text + " is far too large"});
    return std::nullopt;
  }
  return d->convert_to<std::int64_t>();
}

std::optional<Decimal> share_value(const std::string& text, const std::string& what,
                                   std::size_t line, Problems& problems) {
  const std::string where = line_path(line);
  if (text.empty()) {
    problems.push_back({where, "the share for " + what + " is missing (write 0 if nobody)"});
    return std::nullopt;
  }
  const auto d = parse_decimal(text);
  if (!d) {
    problems.push_back({where, "the share for " + what + " (\"" + text +
                                   "\") is not a number; write a fraction such as 0.34"});
    return std::nullopt;
  }
  if (*d < 0 || *d > 1) {
    problems.push_back({where, "the share for " + what + " " + fraction_message(*d)});
    return std::nullopt;
  }
  return d;
}

// Everything read for one segment, with the lines it came from.
struct Pending {
  Segment segment;
  std::size_t first_line = 0;
  std::optional<std::int64_t> population;
  std::size_t population_line = 0;
  std::map<std::string, std::size_t> characteristic_line;  // first line of each
  std::map<std::pair<std::string, std::string>, std::size_t>
      category_line;  // where each share was given
};

class Importer {
 public:
  Importer(const SegmentScheme& declared, const std::vector<ClassifiedSegment>* known)
      : declared_(declared), known_(known) {
    out.scheme.scheme = declared.scheme;
    out.scheme.characteristics = declared.characteristics;
    declared_categories_ = !declared.characteristics.empty();
  }

  SegmentImport out;
  bool population_column = false;  // a bad value there is reported on its own line

  void add(std::size_t line, std::string message) {
    out.problems.push_back({line_path(line), std::move(message)});
  }

  Pending* segment(const std::string& code, std::size_t line) {
    if (code.empty()) {
      add(line, "the segment code is missing");
      return nullptr;
    }
    if (known_) {
      const bool ok = std::any_of(known_->begin(), known_->end(),
                                  [&](const ClassifiedSegment& s) { return s.code == code; });
      if (!ok) {
        add(line, "\"" + code + "\" is not a segment code of the " + declared_.scheme + " scheme");
        return nullptr;
      }
    }
    auto it = index_.find(code);
    if (it != index_.end()) return &pending_[it->second];
    index_[code] = pending_.size();
    Pending p;
    p.segment.code = code;
    p.first_line = line;
    pending_.push_back(std::move(p));
    return &pending_.back();
  }

  // True when the characteristic and category are known (or, without declared
  // characteristics, after recording them as new).
  bool known_category(const std::string& characteristic, const std::string& category,
                      std::size_t line) {
    if (characteristic.empty() || category.empty()) {
      add(line, "the characteristic and the category are both needed");
      return false;
    }
    Characteristic* ch = nullptr;
    for (auto& c : out.scheme.characteristics)
      if (c.name == characteristic) ch = &c;
    if (declared_categories_) {
      if (!ch) {
        std::string names;
        for (const auto& c : out.scheme.characteristics)
          names += (names.empty() ? "" : ", ") + c.name;
        add(line, "\"" + characteristic +
                      "\" is not a characteristic of the project's segments (known: " + names +
                      ")");
        return false;
      }
      if (std::find(ch->categories.begin(), ch->categories.end(), category) ==
          ch->categories.end()) {
        std::string cats;
        for (const auto& c : ch->categories) cats += (cats.empty() ? "" : ", ") + c;
        add(line, "\"" + category + "\" is not a category of " + characteristic +
                      " (known: " + cats + ")");
        return false;
      }
      return true;
    }
    if (!ch) {
      out.scheme.characteristics.push_back({characteristic, {}});
      ch = &out.scheme.characteristics.back();
    }
    if (std::find(ch->categories.begin(), ch->categories.end(), category) == ch->categories.end())
      ch->categories.push_back(category);
    return true;
  }

  void set_population(Pending& p, const std::string& text, std::size_t line) {
    const auto v = population_value(text, line, out.problems);
    if (!v) return;
    if (p.population && *p.population != *v) {
      add(line, "segment " + p.segment.code + "'s population is " + text + " here but " +
                    std::to_string(*p.population) + " on line " +
                    std::to_string(p.population_line));
      return;
    }
    if (!p.population) p.population_line = line;
    p.population = v;
  }

  void set_share(Pending& p, const std::string& characteristic, const std::string& category,
                 const std::string& text, std::size_t line) {
    const auto v = share_value(text, characteristic + " " + category, line, out.problems);
    if (!v) return;
    const auto key = std::make_pair(characteristic, category);
    if (const auto it = p.category_line.find(key); it != p.category_line.end()) {
      add(line, "segment " + p.segment.code + " already has a share for " + characteristic + " " +
                    category + " (line " + std::to_string(it->second) + ")");
      return;
    }
    p.category_line[key] = line;
    p.characteristic_line.emplace(characteristic, line);
    p.segment.composition[characteristic][category] = *v;
  }

  void finish() {
    std::set<std::string> used;
    for (const auto& p : pending_)
      for (const auto& [ch, line] : p.characteristic_line) used.insert(ch);
    for (auto& p : pending_) {
      Segment& s = p.segment;
      const Segment* before = declared_.find(s.code);
      if (p.population)
        s.population = *p.population;
      else if (before)
        s.population = before->population;
      else if (!population_column)
        add(p.first_line, "segment " + s.code + " has no population: add a population column");
      if (s.name.empty() && before) s.name = before->name;
      if (s.name.empty() && known_)
        for (const auto& k : *known_)
          if (k.code == s.code) s.name = k.name;
      for (const auto& [ch, shares] : s.composition) {
        Decimal sum = 0;
        for (const auto& [cat, share] : shares) sum += share;
        if (abs(sum - 1) > Decimal("0.001"))
          add(p.characteristic_line[ch], "the shares of " + ch + " for segment " + s.code +
                                             " add up to " + to_exact_string(sum) +
                                             "; they must add up to 1 (within 0.001)");
      }
      for (const auto& ch : used)
        if (!s.composition.count(ch))
          add(p.first_line,
              "segment " + s.code + " has no shares for " + ch + ", which other segments have");
      out.scheme.items.push_back(std::move(s));
    }
  }

 private:
  const SegmentScheme& declared_;
  const std::vector<ClassifiedSegment>* known_;
  bool declared_categories_ = false;
  std::map<std::string, std::size_t> index_;
  std::vector<Pending> pending_;
};

}  // namespace

namespace {

// A wide file's share columns, "characteristic:category", by column index.
using WideColumns = std::vector<std::pair<std::size_t, std::pair<std::string, std::string>>>;
WideColumns wide_share_columns(const Record& header, Importer& im) {
  WideColumns out;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = trim(header.fields[i]);
    const std::string lname = lower_case(name);
    if (lname == "segment" || lname == "name" || lname == "population" || name.empty()) continue;
    const auto colon = name.find(':');
    if (colon == std::string::npos) {
      im.add(
          header.line,
          "the column \"" + name +
              "\" is not segment, name, population or characteristic:category (such as age:65+)");
      continue;
    }
    const std::string ch = trim(name.substr(0, colon));
    const std::string cat = trim(name.substr(colon + 1));
    if (im.known_category(ch, cat, header.line)) out.push_back({i, {ch, cat}});
  }
  return out;
}

// Each column's position by its lower-case name; a nameless or repeated name is a problem.
std::map<std::string, std::size_t> header_columns(const Record& header, Importer& im) {
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = lower_case(trim(header.fields[i]));
    if (name.empty()) {
      im.add(header.line, "column " + std::to_string(i + 1) + " has no name");
      continue;
    }
    if (!column.emplace(name, i).second)
      im.add(header.line, "the column \"" + header.fields[i] + "\" appears twice");
  }
  return column;
}

}  // namespace

SegmentImport import_segments_csv(std::string_view text, const SegmentScheme& declared,
                                  const std::vector<ClassifiedSegment>* known_codes) {
  Importer im(declared, known_codes);
  const auto records = parse_csv(text, im.out.problems);
  if (!im.out.problems.empty()) return std::move(im.out);
  if (records.empty()) {
    im.out.problems.push_back({"line 1",
                               "the file is empty: the first line names the columns, such as "
                               "segment,characteristic,category,share"});
    return std::move(im.out);
  }
  const Record& header = records.front();
  const std::map<std::string, std::size_t> column = header_columns(header, im);
  if (!column.count("segment"))
    im.add(header.line, "a column named \"segment\" (the segment code) is needed");
  const bool long_form =
      column.count("characteristic") || column.count("category") || column.count("share");
  WideColumns wide_columns;
  if (long_form) {
    for (const char* needed : {"characteristic", "category", "share"})
      if (!column.count(needed))
        im.add(
            header.line,
            std::string("a long-form file needs the columns segment, characteristic, category and "
                        "share; \"") +
                needed + "\" is missing");
  } else {
    wide_columns = wide_share_columns(header, im);
    if (!column.count("population") && declared.items.empty())
      im.add(header.line, "a column named \"population\" is needed");
  }
  if (!im.out.problems.empty()) return std::move(im.out);

  const auto get = [&](const Record& r, const char* name) -> std::string {
    const auto it = column.find(name);
    return it == column.end() ? std::string() : r.fields[it->second];
  };
  im.population_column = column.count("population") > 0;
  std::set<std::string> wide_seen;
  for (std::size_t k = 1; k < records.size(); ++k) {
    const Record& r = records[k];
    if (im.out.problems.size() >= kMaxProblems) {
      im.add(r.line, "reading stopped here: the first " + std::to_string(kMaxProblems) +
                         " problems are listed; put them right and import again");
      return std::move(im.out);
    }
    if (r.fields.size() != header.fields.size()) {
      im.add(r.line, "this row has " + std::to_string(r.fields.size()) +
                         " values but the header names " + std::to_string(header.fields.size()) +
                         " columns");
      continue;
    }
    const std::string code = get(r, "segment");
    if (!long_form && !code.empty() && !wide_seen.insert(code).second) {
      im.add(r.line, "segment " + code + " has a row already; give each segment one row");
      continue;
    }
    Pending* p = im.segment(code, r.line);
    if (!p) continue;
    if (const std::string name = get(r, "name"); !name.empty()) p->segment.name = name;
    if (column.count("population")) im.set_population(*p, get(r, "population"), r.line);
    if (long_form) {
      const std::string ch = get(r, "characteristic"), cat = get(r, "category");
      if (im.known_category(ch, cat, r.line)) im.set_share(*p, ch, cat, get(r, "share"), r.line);
    } else {
      for (const auto& [index, key] : wide_columns)
        im.set_share(*p, key.first, key.second, r.fields[index], r.line);
    }
  }
  if (records.size() == 1) im.add(header.line, "the file has a header but no segments");
  im.finish();
  return std::move(im.out);
}

}  // namespace eqv
