// The 2021 Census readers behind `equivalue-cli segments build`: the input as one of the
// files of a build (the first byte chooses: the NOMIS age table that gives the
// populations, the sex table, the Output Area Classification lookup or the output area ->
// local authority lookup), the other files small valid ones.
#include <cstddef>
#include <cstdint>

#include "equivalue/core/errors.hpp"
#include "equivalue/profiling/census.hpp"
#include "fuzz_support.hpp"

namespace {

const char* const kAge =
    "date,geography,geography code,Age: Total,Age: Aged 15 years and under,"
    "Age: Aged 16 to 64 years,Age: Aged 65 years and over\n"
    "2021,E00000001,E00000001,100,20,50,30\n"
    "2021,E00000002,E00000002,200,40,100,60\n"
    "2021,E00000003,E00000003,50,15,30,5\n";
const char* const kSex =
    "date,geography,geography code,Sex: All persons; measures: Value,"
    "Sex: Female; measures: Value,Sex: Male; measures: Value\n"
    "2021,E00000001,E00000001,100,60,40\n"
    "2021,E00000002,E00000002,200,90,110\n"
    "2021,E00000003,E00000003,50,20,30\n";
const char* const kOac =
    "oa21cd,supergroup,group,subgroup\n"
    "E00000001,1,1a,1a1\nE00000002,1,1b,1b1\nE00000003,2,2a,2a1\n";
const char* const kAreaLookup =
    "OA21CD,LAD22CD,LAD22NM\n"
    "E00000001,E06000001,Northshire\nE00000002,E06000001,Northshire\n"
    "E00000003,E06000002,Southshire\n";
const char* const kBands =
    "characteristic,category,table,column,crosses\n"
    "population,,ts007a,Age: Total,\n"
    "age,0-15,ts007a,Age: Aged 15 years and under,\n"
    "age,16-64,ts007a,Age: Aged 16 to 64 years,\n"
    "age,65+,ts007a,Age: Aged 65 years and over,\n"
    "sex,female,ts008,Sex: Female,\n"
    "sex,male,ts008,Sex: Male,\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eqv::profiling;
  using eqv::fuzz::write_input;
  if (size == 0) return 0;
  static const CensusBands bands = read_census_bands(kBands).bands;
  const int mode = data[0] % 4;
  const std::string_view input = eqv::fuzz::as_text(data + 1, size - 1);
  CensusBuildOptions options;
  const std::string age = write_input("census2021-ts007a-oa.csv", mode == 0 ? input : kAge);
  write_input("census2021-ts008-oa.csv", mode == 1 ? input : kSex);
  options.oac_file = write_input("oac21ew.csv", mode == 2 ? input : kOac);
  options.area_lookup = write_input("OA21_LAD22_LU.csv", mode == 3 ? input : kAreaLookup);
  options.census_dir = std::filesystem::path(age).parent_path().string();
  options.areas = {"E06000001"};
  options.bands = bands;
  options.scheme_name = "oac2021-supergroup";
  options.threads = 2;
  try {
    const CensusBuild built = build_census_segments(options);
    eqv::fuzz::require(built.areas >= 0, "the output areas kept are counted from 0");
    for (const auto& segment : built.scheme.items)
      eqv::fuzz::require(!segment.code.empty() && segment.population >= 0,
                         "every segment built has a code and no fewer than 0 people");
  } catch (const eqv::InputError&) {
  }
  return 0;
}
