// A small segment scheme and lookup pair for the profiling fuzz targets (the same
// made-up areas as tests/profiling: four postcodes, three supergroups).
#pragma once

#include "equivalue/core/model.hpp"
#include "equivalue/profiling/lookup.hpp"
#include "fuzz_support.hpp"

namespace eqv::fuzz {

inline const char* kPostcodeLookup =
    "pcd7,pcds,oa21cd,lsoa21cd\n"
    "AB1 2CD,AB1 2CD,E00000001,E01000001\n"
    "AB1 2CE,AB1 2CE,E00000002,E01000001\n"
    "AB1 2CF,AB1 2CF,E00000003,E01000002\n"
    "AB1 2CG,AB1 2CG,E00000004,E01000002\n";

inline const char* kAreaLookup =
    "oa21cd,supergroup,group,subgroup\n"
    "E00000001,1,1a,1a1\n"
    "E00000002,2,2a,2a1\n"
    "E00000003,3,3b,3b2\n";

inline SegmentScheme three_segments() {
  SegmentScheme s;
  s.scheme = "oac2021-supergroup";
  s.characteristics = {{"age", {"0-15", "16-64", "65+"}},
                       {"disability", {"disabled", "not disabled"}}};
  const char* names[] = {"Retired Professionals", "Suburbanites", "Urbanites"};
  const std::int64_t people[] = {2000, 3000, 5000};
  for (int i = 0; i < 3; ++i) {
    Segment x;
    x.code = std::to_string(i + 1);
    x.name = names[i];
    x.population = people[i];
    x.composition["age"] = {
        {"0-15", Decimal("0.2")}, {"16-64", Decimal("0.6")}, {"65+", Decimal("0.2")}};
    x.composition["disability"] = {{"disabled", Decimal("0.2")}, {"not disabled", Decimal("0.8")}};
    s.items.push_back(std::move(x));
  }
  return s;
}

inline profiling::AreaLookup small_lookup(const SegmentScheme& scheme) {
  return profiling::load_lookups(
      {write_input("fixed-nspl.csv", kPostcodeLookup), write_input("fixed-oac.csv", kAreaLookup)},
      scheme);
}

}  // namespace eqv::fuzz
