// From an address to a segment: postcode -> output area -> segment (method.md section 4).
//
// Lookups come in the ONS layouts:
//   postcode -> output area    columns pcds (or pcd, pcd7, pcd8, postcode) and oa21cd (or oa21)
//                              (the National Statistics Postcode Lookup, NSPL)
//   output area -> segment     columns oa21cd and supergroup / group / subgroup
//                              (the CDRC / ONS Output Area Classification, oac21ew.csv)
// Give one file of each kind, or one file carrying both (pcds, oa21cd, supergroup, ...).
// Column names are matched without regard to case; other columns are ignored.
//
// Postcodes are normalised before matching: upper case, spaces removed, then one space
// before the last three characters ("sw1a1aa", " SW1A  1AA" -> "SW1A 1AA"). A postcode
// must then look like a UK postcode (2 to 4 letters and digits starting with a letter,
// a space, a digit and two letters); anything else is "malformed".
#pragma once

#include "equivalue/core/model.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eqv::profiling {

// "SW1A 1AA" from any spacing and case; nothing when it cannot be a UK postcode.
std::optional<std::string> normalise_postcode(std::string_view raw);

// True for an ONS output-area style code: one letter and eight digits ("E00012345").
bool is_area_code(std::string_view code);

// Which column of an output-area -> segment lookup holds the segment code.
enum class SegmentLevel { automatic, supergroup, group, subgroup };
const char* segment_level_name(SegmentLevel level);  // "supergroup"
std::optional<SegmentLevel> segment_level_from_name(const std::string& name);

struct LookupOptions {
  SegmentLevel level =
      SegmentLevel::automatic;  // automatic: the column whose codes match the scheme
  std::string postcode_column;  // override; empty = detect (pcds, pcd, pcd7, pcd8, postcode)
  std::string area_column;      // override; empty = detect (oa21cd, oa21, oa, output_area, oa_code)
  std::string segment_column;   // override, wins over `level`
  int threads = 2;
  std::function<void(std::uint64_t done, std::uint64_t total)>
      progress;  // bytes of the file being read
};

// Why a transaction could not be given a segment.
enum class Unmatched : int {
  missing = 0,       // no postcode (or output-area code) in the row
  malformed,         // it cannot be a postcode (or an output-area code)
  unknown_postcode,  // a real-looking postcode the lookup does not hold
  unknown_area,  // the output area has no segment in the lookup, or one the project's scheme lacks
};
inline constexpr int kUnmatchedReasons = 4;
const char* unmatched_name(Unmatched reason);  // "unknown_postcode"

// The outcome of looking one row up: a segment index into the scheme's items, or why not.
struct Match {
  int segment = -1;  // index into SegmentScheme::items; -1 when unmatched
  Unmatched reason = Unmatched::missing;
};

// What the loaded lookups hold, for messages and the import wizard.
struct LookupSummary {
  std::vector<std::string> files;
  std::int64_t postcodes = 0;             // postcodes held (0 without a postcode lookup)
  std::int64_t areas = 0;                 // output areas given a segment of the scheme
  std::int64_t areas_outside_scheme = 0;  // areas whose segment code the scheme lacks
  std::string segment_column;             // the column used, e.g. "supergroup"
  std::int64_t duplicate_postcodes = 0;   // later rows for a postcode already seen are ignored
};

// Postcode and output-area lookups loaded into hash tables. Memory is about 12 bytes per
// postcode slot (some 50 MB for all 2.7 million UK postcodes); lookups are thread-safe.
class AreaLookup {
 public:
  AreaLookup();
  ~AreaLookup();
  AreaLookup(AreaLookup&&) noexcept;
  AreaLookup& operator=(AreaLookup&&) noexcept;

  bool has_postcodes() const;
  Match by_postcode(std::string_view raw_postcode) const;
  Match by_area(std::string_view raw_area_code) const;
  const LookupSummary& summary() const;

  struct Data;

 private:
  std::unique_ptr<Data> data_;
  friend AreaLookup load_lookups(const std::vector<std::string>&, const SegmentScheme&,
                                 const LookupOptions&);
};

// Reads one or two lookup files (see the top of this header) against the project's
// segment scheme. Throws InputError naming the file (and line) when a file lacks the
// columns needed, is malformed, or no segment column matches the scheme's codes.
AreaLookup load_lookups(const std::vector<std::string>& files, const SegmentScheme& scheme,
                        const LookupOptions& options = {});

}  // namespace eqv::profiling
