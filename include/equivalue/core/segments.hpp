// Segment schemes (method.md section 3): a classification's codes and names (the 2021
// Output Area Classification ships in templates/segments/) and a council's own segment
// populations and compositions imported from CSV.
//
// CSV, two layouts (header names are not case sensitive; "name" and "population" columns
// are optional in both):
//   long   segment,characteristic,category,share[,population][,name]
//          one row per segment, characteristic and category
//   wide   segment[,name],population,age:0-15,age:16-64,age:65+,disability:disabled,...
//          one row per segment, one column per characteristic:category
// Checked: populations are whole numbers, not negative; shares are fractions in [0, 1];
// within each segment the shares of one characteristic add up to 1 (within 0.001); every
// category is one the project declares (when it declares any); every segment code is one
// the classification knows (when one is given). Every problem names its line.
#pragma once

#include "equivalue/core/model.hpp"
#include "equivalue/core/validation.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eqv {

struct ClassifiedSegment {
  std::string code;    // "1a1"
  std::string name;    // "Pre-Retirement Spacious Living"
  std::string parent;  // the code one level up ("1a"), empty at the top level
};

// A published classification: levels from the broadest down, each a list of segments.
struct SegmentClassification {
  std::string id;           // "oac2021"
  std::string name;         // "2021 Output Area Classification (England and Wales)"
  std::string licence;      // "Open Government Licence v3.0"
  std::string attribution;  // the sentence to show wherever the names appear
  std::vector<std::pair<std::string, std::vector<ClassifiedSegment>>> levels;  // "supergroup", ...

  const std::vector<ClassifiedSegment>* level(const std::string& level_name) const;
  const ClassifiedSegment* find(const std::string& level_name, const std::string& code) const;
};

// "oac2021-group" -> {"oac2021", "group"}; nothing when the name has no '-'.
std::optional<std::pair<std::string, std::string>> split_scheme_name(const std::string& scheme);

struct SegmentImport {
  SegmentScheme scheme;  // the segments read, in the file's order
  Problems problems;     // each with path "line N"; empty when the import can be used
};

// Reads segments from CSV text. `declared` is the project's scheme: its name is kept, its
// characteristics (when it lists any) say which categories are known, and its segments give
// a population or name the file leaves out. Without declared characteristics they are
// taken from the file, in the order first met. `known_codes`, when given, lists the only
// codes allowed (a classification level) and supplies names. Never throws.
SegmentImport import_segments_csv(std::string_view text, const SegmentScheme& declared,
                                  const std::vector<ClassifiedSegment>* known_codes = nullptr);

}  // namespace eqv
