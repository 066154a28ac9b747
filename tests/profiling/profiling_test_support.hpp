// Small synthetic files for the profiling tests, written to a fresh temporary folder.
#pragma once

#include "equivalue/core/model.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace eqv::profiling::test {

class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("equivalue-profiling-" + std::string(info ? info->test_suite_name() : "x") + "-" +
             std::string(info ? info->name() : "y"));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    const auto p = path_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Three segments, 10,000 people. Base shares 0.2 / 0.3 / 0.5.
//   segment  population  65+   disabled
//   1        2,000       0.40  0.25
//   2        3,000       0.10  0.10
//   3        5,000       0.20  0.20
inline SegmentScheme three_segments() {
  SegmentScheme s;
  s.scheme = "oac2021-supergroup";
  s.characteristics = {{"age", {"0-15", "16-64", "65+"}}, {"disability", {"disabled", "not disabled"}}};
  auto seg = [](std::string code, std::string name, std::int64_t pop, const char* old, const char* young,
                const char* mid, const char* disabled, const char* not_disabled) {
    Segment x;
    x.code = std::move(code);
    x.name = std::move(name);
    x.population = pop;
    x.composition["age"] = {{"0-15", Decimal(young)}, {"16-64", Decimal(mid)}, {"65+", Decimal(old)}};
    x.composition["disability"] = {{"disabled", Decimal(disabled)}, {"not disabled", Decimal(not_disabled)}};
    return x;
  };
  s.items = {seg("1", "Retired Professionals", 2000, "0.40", "0.10", "0.50", "0.25", "0.75"),
             seg("2", "Suburbanites", 3000, "0.10", "0.30", "0.60", "0.10", "0.90"),
             seg("3", "Urbanites", 5000, "0.20", "0.20", "0.60", "0.20", "0.80")};
  return s;
}

// NSPL layout: four postcodes; E00000004 has no segment in the area lookup.
inline const char* kPostcodeLookup =
    "pcd7,pcds,oa21cd,lsoa21cd\n"
    "AB1 2CD,AB1 2CD,E00000001,E01000001\n"
    "AB1 2CE,AB1 2CE,E00000002,E01000001\n"
    "AB1 2CF,AB1 2CF,E00000003,E01000002\n"
    "AB1 2CG,AB1 2CG,E00000004,E01000002\n";

// CDRC oac21ew layout. E00000005 is in a supergroup the project does not have.
inline const char* kAreaLookup =
    "oa21cd,supergroup,group,subgroup\n"
    "E00000001,1,1a,1a1\n"
    "E00000002,2,2a,2a1\n"
    "E00000003,3,3b,3b2\n"
    "E00000005,9,9z,9z9\n";

// Fifteen contacts. Lines 2-16 of the file.
inline const char* kTransactions =
    "postcode,channel,service,date,customer_id\n"
    "ab12cd,Face to face,S1,2026-01-01,C1\n"   // seg 1 face-to-face
    "AB1 2CD,telephone,S1,2026-01-02,C1\n"     // seg 1 telephone
    " AB1  2CD ,web,S1,2026-01-03,C2\n"        // seg 1 web (spacing normalised)
    "AB12CE,phone,S1,2026-01-04,C3\n"          // seg 2 telephone (alias)
    "AB1 2CE,web,S1,2026-01-05,C3\n"           // seg 2 web
    "AB1 2CE,Web,S2,2026-01-06,C4\n"           // seg 2 web
    "AB1 2CF,f2f,S2,2026-01-07,C5\n"           // seg 3 face-to-face (alias)
    "AB1 2CF,F2F,S2,2026-01-08,C5\n"           // seg 3 face-to-face
    "AB1 2CF,telephone,S2,2026-01-09,C6\n"     // seg 3 telephone
    "AB1 2CF,web,S2,2026-01-10,C7\n"           // seg 3 web
    ",web,S2,2026-01-11,C8\n"                  // missing postcode
    "NOTAPC,web,S2,2026-01-12,C9\n"            // malformed postcode
    "ZZ9 9ZZ,telephone,S2,2026-01-13,C10\n"    // unknown postcode
    "AB1 2CG,web,S2,2026-01-14,C11\n"          // unknown area (E00000004 has no segment)
    "AB1 2CF,email,S2,2026-01-15,C5\n";        // seg 3 email (not priced)

}  // namespace eqv::profiling::test
