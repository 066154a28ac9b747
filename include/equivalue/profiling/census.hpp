// Segment profiles built from the 2021 Census (method.md section 3).
//
// Inputs, as published:
//   - the NOMIS bulk output-area tables, census2021-<table>-oa.csv (ts007a age, ts008 sex,
//     ts021 ethnic group, ts038 disability, ts030 religion, ts039 unpaid care, and any
//     other, including multivariate tables): columns `date`, `geography`, `geography code`,
//     then one column of counts per category, headed "Variable: Category", some headers
//     ending "; measures: Value" (the suffix is ignored); a multivariate table heads its
//     columns "Variable A: Category; Variable B: Category";
//   - the Output Area Classification lookup (CDRC / ONS oac21ew.csv): columns oa21cd and
//     supergroup, group, subgroup (codes; stray spaces are trimmed);
//   - to keep one council's output areas: local authority codes with an output area ->
//     local authority lookup (a column oa21cd and a column lad<yy>cd, such as the ONS
//     OA21CD ... LAD22CD lookup, or the OAC file itself when it has one), or the output
//     areas themselves.
//   - the band template (templates/census/bands.csv), which a council may edit: which
//     columns of which table make each category, e.g. age 0-14 = "Age: Aged 4 years and
//     under" + "Age: Aged 5 to 9 years" + "Age: Aged 10 to 14 years".
//
// Each output area is joined to its segment at the chosen level; a segment's population
// is the sum of its areas' populations and the share of a category is the people of the
// segment in it over the people of the segment the table counts (so the unpaid care
// shares are of residents aged 5 and over, as the table is). Shares are rounded half away
// from zero to six places (eqv::round_half_away). A joint characteristic (from a
// multivariate table, "crosses" in the template) is built the same way.
//
// Files are streamed (the whole of England and Wales, 188,880 output areas, fits in a few
// megabytes of counters). A malformed file stops the build with its name and line.
#pragma once

#include "equivalue/core/model.hpp"
#include "equivalue/core/segments.hpp"
#include "equivalue/profiling/lookup.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace eqv::profiling {

// One category of a characteristic: the sum of some columns of the characteristic's table.
struct CensusCategory {
  std::string name;  // "0-14"
  std::vector<std::string>
      columns;  // "Age: Aged 4 years and under", ... (without "; measures: Value")
};

struct CensusCharacteristic {
  std::string name;   // "age"; the EqIA characteristic it informs
  std::string table;  // "ts007a"
  std::vector<CensusCategory> categories;
  std::vector<std::string> crosses;  // a joint characteristic: the characteristics it crosses
};

// The band template: a CSV file with the columns characteristic, category, table, column
// and, optionally, crosses ("age;disability" on the rows of a joint characteristic).
// One row per column summed. The reserved characteristic "population" (no category)
// names the column(s) giving each output area's population.
struct CensusBands {
  std::string population_table;                 // "ts007a"
  std::vector<std::string> population_columns;  // "Age: Total"
  std::vector<CensusCharacteristic> characteristics;
};

// Reads a band template; every problem is listed (path "line N"). Never throws.
struct CensusBandsRead {
  CensusBands bands;
  Problems problems;
};
CensusBandsRead read_census_bands(std::string_view text);

// Reads the band template file; throws InputError naming the file and each line at fault.
CensusBands load_census_bands(const std::string& path);

// The installed band template: census/bands.csv in the first template folder holding one
// (eqv::template_directories()). Throws InputError when there is none.
std::string find_census_bands();

// "Age: Aged 4 years and under; measures: Value" -> "age: aged 4 years and under": the
// form in which table headers and template columns are compared.
std::string census_column_key(std::string_view header);

// The file of `table` in `dir`: census2021-<table>-oa.csv in it or in a folder inside it
// (as the NOMIS zip unpacks); empty when there is none.
std::string find_census_table(const std::string& dir, const std::string& table);

struct CensusBuildOptions {
  std::string oac_file;            // oa21cd, supergroup, group, subgroup
  std::string census_dir;          // where the census2021-*-oa.csv files are
  std::vector<std::string> areas;  // local authority or output-area codes; empty = every area
  std::string area_lookup;  // output area -> local authority; empty = the OAC file's own column
  SegmentLevel level = SegmentLevel::supergroup;
  CensusBands bands;
  // The classification's segments at `level` (codes, names, order); null = the codes as found.
  const std::vector<ClassifiedSegment>* known_segments = nullptr;
  std::string scheme_name;  // "oac2021-supergroup"
  int threads = 2;
  // Bytes read of all files, then their total; may throw to cancel (nothing is returned).
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

struct CensusBuild {
  SegmentScheme scheme;            // characteristics and segments with shares
  std::int64_t areas = 0;          // output areas kept
  std::vector<std::string> files;  // every file read
  std::vector<std::string>
      notes;  // what a reader should know: tables not found, areas missing from a table
};

// Builds the segment profiles. Throws InputError naming the file and line of the first
// fault, or the option at fault.
CensusBuild build_census_segments(const CensusBuildOptions& options);

}  // namespace eqv::profiling
