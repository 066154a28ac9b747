#include "equivalue/profiling/lookup.hpp"

#include "codes.hpp"
#include "csv_stream.hpp"
#include "equivalue/core/errors.hpp"
#include "flat_hash.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

namespace eqv::profiling {
namespace {

constexpr int kLevels = 3;  // supergroup, group, subgroup
constexpr std::uint16_t kNoCode = 0xFFFF;
constexpr std::int32_t kAreaWithoutSegment = -1;  // the area's segment code is not in the scheme
constexpr std::int32_t kAreaNotInLookup = -2;     // the postcode's area is not in the area lookup

const char* const kLevelNames[kLevels] = {"supergroup", "group", "subgroup"};

int find_column(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
  for (const char* n : names)
    for (std::size_t i = 0; i < header.size(); ++i)
      if (detail::fold_name(header[i]) == n) return static_cast<int>(i);
  return -1;
}

int named_column(const std::vector<std::string>& header, const std::string& name,
                 const std::string& file, const char* what) {
  if (name.empty()) return -1;
  const int i = find_column(header, {detail::fold_name(name).c_str()});
  if (i < 0)
    throw InputError(file + " line 1: there is no column named \"" + name + "\" (given as the " +
                     what + ")");
  return i;
}

std::uint64_t pack_levels(const std::array<std::uint16_t, kLevels>& ids) {
  return std::uint64_t{ids[0]} | (std::uint64_t{ids[1]} << 16) | (std::uint64_t{ids[2]} << 32);
}
std::uint16_t level_id(std::uint64_t packed, int level) {
  return static_cast<std::uint16_t>((packed >> (16 * level)) & 0xFFFF);
}

// The segment codes of one level, each given a small number.
struct CodeTable {
  std::vector<std::string> codes;
  std::unordered_map<std::string, std::uint16_t> ids;
  std::uint16_t intern(std::string_view code) {
    auto [it, added] = ids.try_emplace(std::string(code), static_cast<std::uint16_t>(codes.size()));
    if (added) {
      if (codes.size() >= kNoCode - 1)
        throw InputError("a lookup holds more than 65,000 different segment codes");
      codes.emplace_back(code);
    }
    return it->second;
  }
};

struct FileColumns {
  int postcode = -1, area = -1;
  std::array<int, kLevels> level{-1, -1, -1};
  int segment_override = -1;
};

struct WorkerTables {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> postcodes;  // postcode key, area key
  detail::FlatMap<std::uint64_t> areas{1024};                      // area key -> packed level ids
  std::array<CodeTable, kLevels> codes;
  std::int64_t skipped = 0;
};

}  // namespace

struct AreaLookup::Data {
  detail::FlatMap<std::int32_t> postcodes{16};
  detail::FlatMap<std::int32_t> areas{16};
  bool has_postcodes = false;
  LookupSummary summary;
};

AreaLookup::AreaLookup() : data_(std::make_unique<Data>()) {}
AreaLookup::~AreaLookup() = default;
AreaLookup::AreaLookup(AreaLookup&&) noexcept = default;
AreaLookup& AreaLookup::operator=(AreaLookup&&) noexcept = default;

bool AreaLookup::has_postcodes() const { return data_->has_postcodes; }
const LookupSummary& AreaLookup::summary() const { return data_->summary; }

Match AreaLookup::by_postcode(std::string_view raw) const {
  std::uint64_t key = 0;
  const detail::CodeCheck check = detail::pack_postcode(raw, key);
  if (check == detail::CodeCheck::missing) return {-1, Unmatched::missing};
  if (check == detail::CodeCheck::malformed) return {-1, Unmatched::malformed};
  const std::int32_t* found = data_->postcodes.find(key);
  if (!found) return {-1, Unmatched::unknown_postcode};
  if (*found < 0) return {-1, Unmatched::unknown_area};
  return {*found, Unmatched::missing};
}

Match AreaLookup::by_area(std::string_view raw) const {
  std::uint64_t key = 0;
  const detail::CodeCheck check = detail::pack_area(raw, key);
  if (check == detail::CodeCheck::missing) return {-1, Unmatched::missing};
  if (check == detail::CodeCheck::malformed) return {-1, Unmatched::malformed};
  const std::int32_t* found = data_->areas.find(key);
  if (!found || *found < 0) return {-1, Unmatched::unknown_area};
  return {*found, Unmatched::missing};
}

std::optional<std::string> normalise_postcode(std::string_view raw) {
  std::uint64_t key = 0;
  if (detail::pack_postcode(raw, key) != detail::CodeCheck::ok) return std::nullopt;
  return detail::unpack_postcode(key);
}

bool is_area_code(std::string_view code) {
  std::uint64_t key = 0;
  return detail::pack_area(code, key) == detail::CodeCheck::ok;
}

const char* segment_level_name(SegmentLevel level) {
  switch (level) {
    case SegmentLevel::automatic:
      return "automatic";
    case SegmentLevel::supergroup:
      return "supergroup";
    case SegmentLevel::group:
      return "group";
    case SegmentLevel::subgroup:
      return "subgroup";
  }
  return "automatic";
}

std::optional<SegmentLevel> segment_level_from_name(const std::string& name) {
  const std::string n = detail::fold_name(name);
  if (n == "automatic" || n == "auto") return SegmentLevel::automatic;
  if (n == "supergroup") return SegmentLevel::supergroup;
  if (n == "group") return SegmentLevel::group;
  if (n == "subgroup") return SegmentLevel::subgroup;
  return std::nullopt;
}

const char* unmatched_name(Unmatched reason) {
  switch (reason) {
    case Unmatched::missing:
      return "missing";
    case Unmatched::malformed:
      return "malformed";
    case Unmatched::unknown_postcode:
      return "unknown_postcode";
    case Unmatched::unknown_area:
      return "unknown_area";
  }
  return "missing";
}

namespace {

// What the lookup files hold, across all of them.
struct LookupFiles {
  std::vector<WorkerTables> tables;  // every worker of every file adds to its own
  bool any_postcode_file = false, any_area_file = false;
  std::array<bool, kLevels> level_present{};
  bool override_present = false;
};

FileColumns lookup_columns(const detail::CsvHeader& header, const LookupOptions& options,
                           const std::string& file) {
  FileColumns cols;
  cols.postcode = named_column(header.names, options.postcode_column, file, "postcode column");
  if (cols.postcode < 0)
    cols.postcode = find_column(header.names, {"pcds", "pcd", "pcd7", "pcd8", "postcode"});
  cols.area = named_column(header.names, options.area_column, file, "output-area column");
  if (cols.area < 0)
    cols.area = find_column(header.names, {"oa21cd", "oa21", "oa", "output_area", "oa_code"});
  cols.segment_override =
      options.segment_column.empty()
          ? -1
          : find_column(header.names, {detail::fold_name(options.segment_column).c_str()});
  for (int l = 0; l < kLevels; ++l)
    cols.level[static_cast<std::size_t>(l)] = find_column(header.names, {kLevelNames[l]});
  if (cols.segment_override >= 0)
    cols.level = {cols.segment_override, -1, -1};  // the named column is the only level
  if (cols.area < 0) {
    std::string found;
    for (const auto& n : header.names) found += (found.empty() ? "" : ",") + n;
    throw InputError(
        file + " line 1: a lookup needs an output-area column named oa21cd (found: " + found + ")");
  }
  return cols;
}

// Reads one record into worker table `t`.
void read_lookup_record(const detail::Record& r, const FileColumns& cols, bool has_levels,
                        WorkerTables& t) {
  std::uint64_t area = 0;
  if (detail::pack_area(r.fields[static_cast<std::size_t>(cols.area)], area) !=
      detail::CodeCheck::ok) {
    ++t.skipped;  // e.g. NSPL rows for non-geographic postcodes have no output area
    return;
  }
  if (cols.postcode >= 0) {
    std::uint64_t pc = 0;
    if (detail::pack_postcode(r.fields[static_cast<std::size_t>(cols.postcode)], pc) ==
        detail::CodeCheck::ok)
      t.postcodes.emplace_back(pc, area);
    else
      ++t.skipped;
  }
  if (!has_levels) return;
  std::array<std::uint16_t, kLevels> ids{kNoCode, kNoCode, kNoCode};
  for (int l = 0; l < kLevels; ++l) {
    const int c = cols.level[static_cast<std::size_t>(l)];
    if (c < 0) continue;
    const std::string_view code = detail::trim(r.fields[static_cast<std::size_t>(c)]);
    if (!code.empty())
      ids[static_cast<std::size_t>(l)] = t.codes[static_cast<std::size_t>(l)].intern(code);
  }
  t.areas.insert(area, pack_levels(ids));
}

void read_lookup_file(const std::string& file, const LookupOptions& options, LookupFiles& in) {
  const int threads = std::max(1, options.threads);
  const detail::CsvHeader header = detail::read_csv_header(file);
  const FileColumns cols = lookup_columns(header, options, file);
  in.override_present = in.override_present || cols.segment_override >= 0;
  const bool has_levels =
      std::any_of(cols.level.begin(), cols.level.end(), [](int c) { return c >= 0; });
  const bool is_postcode_file = cols.postcode >= 0;
  if (!is_postcode_file && !has_levels)
    throw InputError(
        file +
        " line 1: this lookup has an oa21cd column but neither a postcode column (pcds) "
        "nor a segment column (supergroup, group or subgroup)");
  if (is_postcode_file && in.any_postcode_file)
    throw InputError(file + ": two postcode lookups were given; give one postcode -> oa21cd file");
  in.any_postcode_file = in.any_postcode_file || is_postcode_file;
  in.any_area_file = in.any_area_file || has_levels;
  for (std::size_t l = 0; l < kLevels; ++l)
    in.level_present[l] = in.level_present[l] || cols.level[l] >= 0;

  const std::size_t first = in.tables.size();
  in.tables.resize(first + static_cast<std::size_t>(threads));
  const std::size_t columns = header.names.size();
  detail::StreamOptions stream;
  stream.threads = threads;
  stream.progress = options.progress;
  const auto fault = detail::stream_csv(
      file, header, stream, [&](int worker, const detail::Record& r) -> std::optional<std::string> {
        if (r.fields.size() != columns)
          return "has " + std::to_string(r.fields.size()) + " values but the header names " +
                 std::to_string(columns) + " columns";
        read_lookup_record(r, cols, has_levels,
                           in.tables[first + static_cast<std::size_t>(worker)]);
        return std::nullopt;
      });
  if (fault)
    throw InputError(file + " line " + std::to_string(fault->line) + ": " + fault->message);
}

// The level whose codes the scheme knows best (or the one asked for).
int choose_level(const LookupFiles& in, const std::array<CodeTable, kLevels>& codes,
                 const SegmentScheme& scheme, const LookupOptions& options) {
  if (in.override_present) return 0;
  if (options.level != SegmentLevel::automatic) {
    const int level = static_cast<int>(options.level) - 1;
    if (!in.level_present[static_cast<std::size_t>(level)])
      throw InputError(std::string("no lookup has a column named ") + kLevelNames[level]);
    return level;
  }
  std::set<std::string> scheme_codes;
  for (const auto& s : scheme.items) scheme_codes.insert(std::string(detail::trim(s.code)));
  int level = -1;
  std::size_t best = 0;
  for (int l = 0; l < kLevels; ++l) {
    std::size_t known = 0;
    for (const auto& c : codes[static_cast<std::size_t>(l)].codes) known += scheme_codes.count(c);
    if (known > best) {
      best = known;
      level = l;
    }
  }
  if (level < 0)
    throw FieldError("segment_column",
                     "none of the segment codes in the lookup (supergroup, group or subgroup) is a "
                     "segment of the project's scheme \"" +
                         scheme.scheme +
                         "\"; check that the "
                         "project and the lookup use the same classification, or name the segment "
                         "column");
  return level;
}

// Every area's segment (an index into the scheme), from all workers' tables.
void build_areas(LookupFiles& in, const SegmentScheme& scheme, const LookupOptions& options,
                 AreaLookup::Data& d) {
  // Merge the code tables of all workers into one per level.
  std::array<CodeTable, kLevels> codes;
  std::vector<std::array<std::vector<std::uint16_t>, kLevels>> remap(in.tables.size());
  for (std::size_t w = 0; w < in.tables.size(); ++w)
    for (std::size_t l = 0; l < kLevels; ++l)
      for (const auto& code : in.tables[w].codes[l].codes)
        remap[w][l].push_back(codes[l].intern(code));
  const int level = choose_level(in, codes, scheme, options);
  std::vector<std::int32_t> segment_of_code;
  for (const auto& c : codes[static_cast<std::size_t>(level)].codes) {
    std::int32_t idx = kAreaWithoutSegment;
    for (std::size_t i = 0; i < scheme.items.size(); ++i)
      if (detail::trim(scheme.items[i].code) == c) idx = static_cast<std::int32_t>(i);
    segment_of_code.push_back(idx);
  }
  d.summary.segment_column = in.override_present ? options.segment_column : kLevelNames[level];
  std::size_t area_count = 0;
  for (const auto& t : in.tables) area_count += t.areas.size();
  d.areas = detail::FlatMap<std::int32_t>(area_count);
  for (std::size_t w = 0; w < in.tables.size(); ++w) {
    in.tables[w].areas.for_each([&](std::uint64_t area, std::uint64_t packed) {
      const std::uint16_t local = level_id(packed, level);
      std::int32_t seg = kAreaWithoutSegment;
      if (local != kNoCode) seg = segment_of_code[remap[w][static_cast<std::size_t>(level)][local]];
      d.areas.insert(area, seg);
    });
    in.tables[w].areas = detail::FlatMap<std::uint64_t>(16);
  }
  d.areas.for_each([&](std::uint64_t, std::int32_t seg) {
    if (seg >= 0)
      ++d.summary.areas;
    else
      ++d.summary.areas_outside_scheme;
  });
}

// Every postcode's segment, through its area.
void build_postcodes(LookupFiles& in, AreaLookup::Data& d) {
  std::size_t count = 0;
  for (const auto& t : in.tables) count += t.postcodes.size();
  d.postcodes = detail::FlatMap<std::int32_t>(count);
  for (auto& t : in.tables) {
    for (const auto& [pc, area] : t.postcodes) {
      const std::int32_t* seg = d.areas.find(area);
      const std::int32_t value = seg ? *seg : kAreaNotInLookup;
      const std::size_t before = d.postcodes.size();
      d.postcodes.insert(pc, value);
      if (d.postcodes.size() == before) ++d.summary.duplicate_postcodes;
    }
    std::vector<std::pair<std::uint64_t, std::uint64_t>>().swap(t.postcodes);
  }
  d.has_postcodes = true;
  d.summary.postcodes = static_cast<std::int64_t>(d.postcodes.size());
}

}  // namespace

AreaLookup load_lookups(const std::vector<std::string>& files, const SegmentScheme& scheme,
                        const LookupOptions& options) {
  if (files.empty())
    throw FieldError("lookup", "give a lookup file (columns pcds,oa21cd and oa21cd,supergroup)");
  if (files.size() > 2)
    throw InputError("give at most two lookup files: postcode -> oa21cd and oa21cd -> segment");
  LookupFiles in;
  for (const auto& file : files) read_lookup_file(file, options, in);
  if (!in.any_area_file)
    throw InputError(
        "no lookup gives segments: add a file with the columns oa21cd and supergroup, group or "
        "subgroup (such as the ONS / CDRC oac21ew.csv)");
  AreaLookup lookup;
  AreaLookup::Data& d = *lookup.data_;
  d.summary.files = files;
  build_areas(in, scheme, options, d);
  if (in.any_postcode_file) build_postcodes(in, d);
  return lookup;
}

}  // namespace eqv::profiling
