// Segment profiles from the 2021 Census tables (census.hpp).
#include "equivalue/profiling/census.hpp"

#include "codes.hpp"
#include "csv_stream.hpp"
#include "equivalue/core/decimal.hpp"
#include "equivalue/core/errors.hpp"
#include "flat_hash.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace eqv::profiling {
namespace {

constexpr int kSharePlaces = 6;
constexpr std::uint64_t kFirstNonOutputArea =
    1000000;  // E00xxxxxx are output areas, E06... authorities

std::string at_line(const std::string& file, std::uint64_t line) {
  return file + " line " + std::to_string(line);
}

int find_column(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
  for (const char* n : names)
    for (std::size_t i = 0; i < header.size(); ++i)
      if (detail::fold_name(header[i]) == n) return static_cast<int>(i);
  return -1;
}

// lad21cd, lad22cd, LAD23CD, ladcd, lad_code: the local authority of an output area.
int find_authority_column(const std::vector<std::string>& header) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string n = detail::fold_name(header[i]);
    const bool dated = n.size() == 7 && n.rfind("lad", 0) == 0 && detail::is_digit(n[3]) &&
                       detail::is_digit(n[4]) && n.substr(5) == "cd";
    if (dated || n == "ladcd" || n == "lad_code") return static_cast<int>(i);
  }
  return -1;
}

int area_column(const std::vector<std::string>& header) {
  return find_column(header, {"oa21cd", "oa21", "oa", "output_area", "oa_code"});
}

// Codes given with --area: output areas and local authorities.
struct AreaFilter {
  std::unordered_set<std::uint64_t> areas, authorities;
  std::unordered_map<std::uint64_t, std::string> text;  // for messages
  bool active() const { return !areas.empty() || !authorities.empty(); }
};

AreaFilter parse_area_codes(const std::vector<std::string>& codes) {
  AreaFilter filter;
  for (const auto& code : codes) {
    std::uint64_t key = 0;
    if (detail::pack_area(code, key) != detail::CodeCheck::ok)
      throw InputError("--area \"" + code +
                       "\": give a local authority code such as E06000001 or an output area "
                       "code such as E00012345");
    ((key & 0xFFFFFFFFULL) < kFirstNonOutputArea ? filter.areas : filter.authorities).insert(key);
    filter.text[key] = std::string(detail::trim(code));
  }
  return filter;
}

// Progress over several files: bytes of earlier files plus the current one's.
struct ProgressOverFiles {
  const std::function<void(std::uint64_t, std::uint64_t)>* report = nullptr;
  std::uint64_t total = 0, before = 0;
  std::function<void(std::uint64_t, std::uint64_t)> for_file() const {
    if (!report || !*report) return {};
    return [this](std::uint64_t done, std::uint64_t) { (*report)(before + done, total); };
  }
};

std::uint64_t file_size(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : static_cast<std::uint64_t>(size);
}

detail::StreamOptions stream_options(int threads, const ProgressOverFiles& progress) {
  detail::StreamOptions s;
  s.threads = std::max(1, threads);
  s.progress = progress.for_file();
  return s;
}

// Reads the output areas of the chosen local authorities from an OA -> LAD lookup.
void add_authority_areas(const std::string& file, AreaFilter& filter, int threads,
                         ProgressOverFiles& progress) {
  const detail::CsvHeader header = detail::read_csv_header(file);
  const int oa = area_column(header.names), lad = find_authority_column(header.names);
  if (oa < 0 || lad < 0)
    throw InputError(at_line(file, 1) +
                     ": an output area -> local authority lookup needs the columns oa21cd and "
                     "lad22cd (or lad21cd, lad23cd, ...)");
  std::vector<std::vector<std::uint64_t>> found(static_cast<std::size_t>(std::max(1, threads)));
  std::vector<std::unordered_set<std::uint64_t>> seen_authorities(found.size());
  const auto fault = detail::stream_csv(
      file, header, stream_options(threads, progress),
      [&](int worker, const detail::Record& r) -> std::optional<std::string> {
        if (r.fields.size() != header.names.size())
          return "has " + std::to_string(r.fields.size()) + " values but the header names " +
                 std::to_string(header.names.size()) + " columns";
        std::uint64_t authority = 0, area = 0;
        if (detail::pack_area(r.fields[static_cast<std::size_t>(lad)], authority) !=
            detail::CodeCheck::ok)
          return std::nullopt;
        if (!filter.authorities.count(authority)) return std::nullopt;
        if (detail::pack_area(r.fields[static_cast<std::size_t>(oa)], area) !=
            detail::CodeCheck::ok)
          return "the output area code \"" + std::string(r.fields[static_cast<std::size_t>(oa)]) +
                 "\" is malformed";
        found[static_cast<std::size_t>(worker)].push_back(area);
        seen_authorities[static_cast<std::size_t>(worker)].insert(authority);
        return std::nullopt;
      });
  if (fault) throw InputError(at_line(file, fault->line) + ": " + fault->message);
  progress.before += file_size(file);
  for (const auto authority : filter.authorities)
    if (std::none_of(seen_authorities.begin(), seen_authorities.end(),
                     [&](const auto& s) { return s.count(authority); }))
      throw InputError(
          file + ": no output area belongs to " + filter.text[authority] +
          "; check the local authority code (E06..., E07..., E08..., E09... or W06...)");
  for (const auto& list : found) filter.areas.insert(list.begin(), list.end());
  filter.authorities.clear();
}

// The output areas kept and the segment of each.
struct AreaIndex {
  detail::FlatMap<std::int32_t> index{16};  // area key -> dense area number
  std::vector<std::int32_t> segment;        // dense area number -> segment number
  std::vector<std::string> codes;           // segment number -> code
};

const char* level_column(SegmentLevel level) {
  return level == SegmentLevel::automatic ? "supergroup" : segment_level_name(level);
}

struct OacRow {
  std::uint64_t area = 0;
  std::string code;
  std::uint64_t line = 0;
};

std::vector<OacRow> read_oac_rows(const CensusBuildOptions& o, const AreaFilter& filter,
                                  ProgressOverFiles& progress) {
  const detail::CsvHeader header = detail::read_csv_header(o.oac_file);
  const int oa = area_column(header.names);
  const char* level = level_column(o.level);
  const int seg = find_column(header.names, {level});
  if (oa < 0 || seg < 0)
    throw InputError(at_line(o.oac_file, 1) +
                     ": the Output Area Classification lookup needs the columns oa21cd and " +
                     level + " (as in the CDRC / ONS oac21ew.csv)");
  std::unordered_set<std::string> known;
  if (o.known_segments)
    for (const auto& s : *o.known_segments) known.insert(std::string(detail::trim(s.code)));
  std::vector<std::vector<OacRow>> rows(static_cast<std::size_t>(std::max(1, o.threads)));
  const auto fault = detail::stream_csv(
      o.oac_file, header, stream_options(o.threads, progress),
      [&](int worker, const detail::Record& r) -> std::optional<std::string> {
        if (r.fields.size() != header.names.size())
          return "has " + std::to_string(r.fields.size()) + " values but the header names " +
                 std::to_string(header.names.size()) + " columns";
        std::uint64_t area = 0;
        const std::string_view raw = r.fields[static_cast<std::size_t>(oa)];
        if (detail::pack_area(raw, area) != detail::CodeCheck::ok)
          return "the output area code \"" + std::string(raw) +
                 "\" is malformed (expected e.g. E00012345)";
        if (filter.active() && !filter.areas.count(area)) return std::nullopt;
        std::string code(detail::trim(r.fields[static_cast<std::size_t>(seg)]));
        if (code.empty())
          return "output area " + std::string(detail::trim(raw)) + " has no " + level;
        if (o.known_segments && !known.count(code))
          return "\"" + code + "\" is not a " + level + " of the classification";
        rows[static_cast<std::size_t>(worker)].push_back({area, std::move(code), r.line});
        return std::nullopt;
      });
  if (fault) throw InputError(at_line(o.oac_file, fault->line) + ": " + fault->message);
  progress.before += file_size(o.oac_file);
  std::vector<OacRow> all;
  for (auto& list : rows) std::move(list.begin(), list.end(), std::back_inserter(all));
  std::sort(all.begin(), all.end(),
            [](const OacRow& a, const OacRow& b) { return a.line < b.line; });
  return all;
}

AreaIndex index_areas(const CensusBuildOptions& o, const AreaFilter& filter,
                      ProgressOverFiles& progress) {
  std::vector<OacRow> rows = read_oac_rows(o, filter, progress);
  AreaIndex idx;
  idx.index = detail::FlatMap<std::int32_t>(rows.size());
  std::unordered_map<std::string, std::int32_t> segment_of;
  if (o.known_segments)
    for (const auto& s : *o.known_segments) {
      segment_of.emplace(std::string(detail::trim(s.code)),
                         static_cast<std::int32_t>(idx.codes.size()));
      idx.codes.emplace_back(detail::trim(s.code));
    }
  for (const auto& row : rows) {
    auto [it, added] =
        segment_of.try_emplace(row.code, static_cast<std::int32_t>(idx.codes.size()));
    if (added) idx.codes.push_back(row.code);
    const auto number = static_cast<std::int32_t>(idx.segment.size());
    if (idx.index.insert(row.area, number) != number)
      throw InputError(at_line(o.oac_file, row.line) +
                       ": this output area is listed a second time");
    idx.segment.push_back(it->second);
  }
  if (idx.segment.empty())
    throw InputError(o.oac_file +
                     ": none of the output areas chosen with --area is in this lookup");
  for (const auto area : filter.areas)
    if (!idx.index.find(area))
      throw InputError(o.oac_file + ": the output area " +
                       (filter.text.count(area) ? filter.text.at(area) : std::string("?")) +
                       " is not in this lookup; check the code");
  return idx;
}

// One table to read: the sums ("slots") wanted from it, each a list of column numbers.
struct TablePlan {
  std::string table, file;
  bool population = false;  // slot 0 is the population
  std::vector<std::size_t>
      characteristics;  // into bands.characteristics, in slot order after the population
  std::vector<std::vector<std::string>> slot_names;  // the template's columns of each slot
  std::vector<std::vector<int>> slot_columns;        // resolved against the header
};

std::vector<TablePlan> plan_tables(const CensusBuildOptions& o, std::vector<std::string>& notes) {
  std::vector<TablePlan> plans;
  auto plan_for = [&](const std::string& table) -> TablePlan* {
    for (auto& p : plans)
      if (p.table == table) return &p;
    const std::string file = find_census_table(o.census_dir, table);
    if (file.empty()) return nullptr;
    plans.push_back({table, file, false, {}, {}, {}});
    return &plans.back();
  };
  TablePlan* pop = plan_for(o.bands.population_table);
  if (!pop)
    throw InputError(o.census_dir + ": there is no census2021-" + o.bands.population_table +
                     "-oa.csv here; the population of each output area comes from it (download the "
                     "table's zip from "
                     "NOMIS, Census 2021 bulk data, and unpack it into this folder)");
  pop->population = true;
  pop->slot_names.push_back(o.bands.population_columns);
  for (std::size_t c = 0; c < o.bands.characteristics.size(); ++c) {
    const CensusCharacteristic& ch = o.bands.characteristics[c];
    TablePlan* plan = plan_for(ch.table);
    if (!plan) {
      notes.push_back(ch.name + " is left out: there is no census2021-" + ch.table + "-oa.csv in " +
                      o.census_dir);
      continue;
    }
    plan->characteristics.push_back(c);
    for (const auto& cat : ch.categories) plan->slot_names.push_back(cat.columns);
  }
  return plans;
}

void resolve_columns(TablePlan& plan, const detail::CsvHeader& header, int& geography) {
  std::unordered_map<std::string, int> by_key;
  for (std::size_t i = 0; i < header.names.size(); ++i)
    by_key.emplace(census_column_key(header.names[i]), static_cast<int>(i));
  const auto code = by_key.find("geography code");
  if (code == by_key.end())
    throw InputError(at_line(plan.file, 1) +
                     ": there is no \"geography code\" column; a NOMIS bulk table starts "
                     "with the columns date, geography, geography code");
  geography = code->second;
  for (const auto& names : plan.slot_names) {
    std::vector<int> cols;
    for (const auto& name : names) {
      const auto it = by_key.find(census_column_key(name));
      if (it == by_key.end())
        throw InputError(
            at_line(plan.file, 1) + ": there is no column headed \"" + name +
            "\", which the band template names; check the template against the table's header");
      cols.push_back(it->second);
    }
    plan.slot_columns.push_back(std::move(cols));
  }
}

// A count of people: digits only (NOMIS writes whole numbers).
std::optional<std::int64_t> parse_count(std::string_view text) {
  text = detail::trim(text);
  if (text.empty() || text.size() > 15) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (!detail::is_digit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Reads one table into counts[segment * slots + slot]; returns the output areas found.
std::int64_t read_table(const TablePlan& plan, const detail::CsvHeader& header, int geography,
                        const AreaIndex& areas, int threads, const ProgressOverFiles& progress,
                        std::vector<std::int64_t>& counts) {
  const std::size_t slots = plan.slot_columns.size();
  const std::size_t workers = static_cast<std::size_t>(std::max(1, threads));
  std::vector<std::vector<std::int64_t>> local(
      workers, std::vector<std::int64_t>(areas.codes.size() * slots, 0));
  std::unique_ptr<std::atomic<std::uint8_t>[]> seen(
      new std::atomic<std::uint8_t>[areas.segment.size()]());
  std::atomic<std::int64_t> found{0};
  const auto fault = detail::stream_csv(
      plan.file, header, stream_options(threads, progress),
      [&](int worker, const detail::Record& r) -> std::optional<std::string> {
        if (r.fields.size() != header.names.size())
          return "has " + std::to_string(r.fields.size()) + " values but the header names " +
                 std::to_string(header.names.size()) + " columns";
        const std::string_view raw = r.fields[static_cast<std::size_t>(geography)];
        std::uint64_t area = 0;
        if (detail::pack_area(raw, area) != detail::CodeCheck::ok)
          return "the geography code \"" + std::string(raw) +
                 "\" is not an output area code (e.g. E00012345)";
        const std::int32_t* number = areas.index.find(area);
        if (!number) return std::nullopt;
        if (seen[static_cast<std::size_t>(*number)].exchange(1) != 0)
          return "output area " + std::string(detail::trim(raw)) + " appears a second time";
        ++found;
        std::int64_t* out =
            local[static_cast<std::size_t>(worker)].data() +
            static_cast<std::size_t>(areas.segment[static_cast<std::size_t>(*number)]) * slots;
        for (std::size_t s = 0; s < slots; ++s)
          for (const int c : plan.slot_columns[s]) {
            const auto value = parse_count(r.fields[static_cast<std::size_t>(c)]);
            if (!value)
              return "\"" + header.names[static_cast<std::size_t>(c)] + "\" is \"" +
                     std::string(r.fields[static_cast<std::size_t>(c)]) +
                     "\", not a whole number of people";
            out[s] += *value;
          }
        return std::nullopt;
      });
  if (fault) throw InputError(at_line(plan.file, fault->line) + ": " + fault->message);
  counts.assign(areas.codes.size() * slots, 0);
  for (const auto& l : local)
    for (std::size_t i = 0; i < counts.size(); ++i) counts[i] += l[i];
  return found;
}

Decimal share_of(std::int64_t part, std::int64_t whole) {
  return round_half_away(decimal_from_int(part) / decimal_from_int(whole), kSharePlaces);
}

// Puts one table's sums into the segments.
void fill_segments(const TablePlan& plan, const std::vector<std::int64_t>& counts,
                   const CensusBuildOptions& o, std::vector<Segment>& segments,
                   std::vector<bool>& has_people) {
  const std::size_t slots = plan.slot_columns.size();
  for (std::size_t k = 0; k < segments.size(); ++k) {
    const std::int64_t* row = counts.data() + k * slots;
    std::size_t slot = 0;
    if (plan.population) {
      segments[k].population = row[slot++];
      if (segments[k].population > 0) has_people[k] = true;
    }
    for (const std::size_t c : plan.characteristics) {
      const CensusCharacteristic& ch = o.bands.characteristics[c];
      std::int64_t total = 0;
      for (std::size_t i = 0; i < ch.categories.size(); ++i) total += row[slot + i];
      if (total > 0) {
        auto& shares = segments[k].composition[ch.name];
        for (std::size_t i = 0; i < ch.categories.size(); ++i)
          shares[ch.categories[i].name] = share_of(row[slot + i], total);
      }
      slot += ch.categories.size();
    }
  }
}

std::string thousands(std::int64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3)
    s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

}  // namespace

CensusBuild build_census_segments(const CensusBuildOptions& o) {
  CensusBuild out;
  AreaFilter filter = parse_area_codes(o.areas);
  std::vector<TablePlan> plans = plan_tables(o, out.notes);
  const bool own_lookup = !filter.authorities.empty() && !o.area_lookup.empty();
  ProgressOverFiles progress{
      &o.progress, file_size(o.oac_file) + (own_lookup ? file_size(o.area_lookup) : 0), 0};
  for (const auto& p : plans) progress.total += file_size(p.file);
  if (!filter.authorities.empty()) {
    const std::string lookup = own_lookup ? o.area_lookup : o.oac_file;
    if (!own_lookup && find_authority_column(detail::read_csv_header(o.oac_file).names) < 0)
      throw InputError("--area names local authorities, but " + o.oac_file +
                       " has no local authority column (lad22cd): give an output area -> local "
                       "authority lookup with "
                       "--lookup, or list the output areas");
    add_authority_areas(lookup, filter, o.threads, progress);
  }
  const AreaIndex areas = index_areas(o, filter, progress);
  out.areas = static_cast<std::int64_t>(areas.segment.size());
  out.files.push_back(o.oac_file);
  if (own_lookup) out.files.push_back(o.area_lookup);

  std::vector<Segment> segments(areas.codes.size());
  std::vector<bool> has_people(areas.codes.size(), false);
  for (auto& plan : plans) {
    const detail::CsvHeader header = detail::read_csv_header(plan.file);
    int geography = -1;
    resolve_columns(plan, header, geography);
    std::vector<std::int64_t> counts;
    const std::int64_t found =
        read_table(plan, header, geography, areas, o.threads, progress, counts);
    progress.before += file_size(plan.file);
    out.files.push_back(plan.file);
    if (found < out.areas)
      out.notes.push_back(thousands(out.areas - found) + " of the " + thousands(out.areas) +
                          " output areas are not in " + plan.file +
                          "; their people are missing from its figures");
    fill_segments(plan, counts, o, segments, has_people);
  }

  out.scheme.scheme = o.scheme_name;
  for (const auto& ch : o.bands.characteristics) {
    if (std::none_of(plans.begin(), plans.end(),
                     [&](const TablePlan& p) { return p.table == ch.table; }))
      continue;
    if (!ch.crosses.empty()) out.scheme.intersections[ch.name] = ch.crosses;
    Characteristic c{ch.name, {}};
    for (const auto& cat : ch.categories) c.categories.push_back(cat.name);
    out.scheme.characteristics.push_back(std::move(c));
  }
  for (std::size_t k = 0; k < segments.size(); ++k) {
    if (!has_people[k]) continue;
    segments[k].code = areas.codes[k];
    segments[k].name = areas.codes[k];
    if (o.known_segments && k < o.known_segments->size())
      segments[k].name = (*o.known_segments)[k].name;
    out.scheme.items.push_back(std::move(segments[k]));
  }
  return out;
}

}  // namespace eqv::profiling
