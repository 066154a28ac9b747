// Segment profiles built from the 2021 Census: small files in the exact NOMIS bulk and
// CDRC / ONS layouts, with segment populations and shares worked by hand.
#include "equivalue/core/errors.hpp"
#include "equivalue/interchange/templates.hpp"
#include "equivalue/profiling/census.hpp"
#include "profiling_test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sys/wait.h>

namespace eqv::profiling {
namespace {

using test::TempDir;

// The published headers (NOMIS Census 2021 bulk output-area files).
const char* const kAgeHeader =
    "date,geography,geography code,Age: Total,Age: Aged 4 years and under,Age: Aged 5 to 9 years,"
    "Age: Aged 10 to 14 years,Age: Aged 15 to 19 years,Age: Aged 20 to 24 years,Age: Aged 25 to 29 "
    "years,"
    "Age: Aged 30 to 34 years,Age: Aged 35 to 39 years,Age: Aged 40 to 44 years,Age: Aged 45 to 49 "
    "years,"
    "Age: Aged 50 to 54 years,Age: Aged 55 to 59 years,Age: Aged 60 to 64 years,Age: Aged 65 to 69 "
    "years,"
    "Age: Aged 70 to 74 years,Age: Aged 75 to 79 years,Age: Aged 80 to 84 years,Age: Aged 85 years "
    "and over\n";
const char* const kSexHeader =
    "date,geography,geography code,Sex: All persons; measures: Value,Sex: Female; measures: Value,"
    "Sex: Male; measures: Value\n";
const char* const kEthnicHeader =
    "date,geography,geography code,Ethnic group: Total: All usual residents,"
    "\"Ethnic group: Asian, Asian British or Asian Welsh\",\"Ethnic group: Asian, Asian British or "
    "Asian Welsh: "
    "Bangladeshi\",\"Ethnic group: Asian, Asian British or Asian Welsh: Chinese\",\"Ethnic group: "
    "Asian, Asian "
    "British or Asian Welsh: Indian\",\"Ethnic group: Asian, Asian British or Asian Welsh: "
    "Pakistani\",\"Ethnic "
    "group: Asian, Asian British or Asian Welsh: Other Asian\",\"Ethnic group: Black, Black "
    "British, Black Welsh, "
    "Caribbean or African\",\"Ethnic group: Black, Black British, Black Welsh, Caribbean or "
    "African: African\","
    "\"Ethnic group: Black, Black British, Black Welsh, Caribbean or African: Caribbean\",\"Ethnic "
    "group: Black, "
    "Black British, Black Welsh, Caribbean or African: Other Black\",Ethnic group: Mixed or "
    "Multiple ethnic groups,"
    "Ethnic group: Mixed or Multiple ethnic groups: White and Asian,Ethnic group: Mixed or "
    "Multiple ethnic groups: "
    "White and Black African,Ethnic group: Mixed or Multiple ethnic groups: White and Black "
    "Caribbean,Ethnic group: "
    "Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups,Ethnic group: "
    "White,\"Ethnic group: "
    "White: English, Welsh, Scottish, Northern Irish or British\",Ethnic group: White: "
    "Irish,Ethnic group: White: "
    "Gypsy or Irish Traveller,Ethnic group: White: Roma,Ethnic group: White: Other White,Ethnic "
    "group: Other ethnic "
    "group,Ethnic group: Other ethnic group: Arab,Ethnic group: Other ethnic group: Any other "
    "ethnic group\n";
const char* const kDisabilityHeader =
    "date,geography,geography code,Disability: Total: All usual residents,Disability: Disabled "
    "under the Equality "
    "Act,Disability: Disabled under the Equality Act: Day-to-day activities limited a "
    "lot,Disability: Disabled under "
    "the Equality Act: Day-to-day activities limited a little,Disability: Not disabled under the "
    "Equality Act,"
    "Disability: Not disabled under the Equality Act: Has long term physical or mental health "
    "condition but "
    "day-to-day activities are not limited,Disability: Not disabled under the Equality Act: No "
    "long term physical "
    "or mental health conditions\n";
const char* const kReligionHeader =
    "date,geography,geography code,Religion: Total: All usual residents,Religion: No "
    "religion,Religion: Christian,"
    "Religion: Buddhist,Religion: Hindu,Religion: Jewish,Religion: Muslim,Religion: Sikh,Religion: "
    "Other religion,"
    "Religion: Not answered\n";
const char* const kCareHeader =
    "date,geography,geography code,Provision of unpaid care: Total: All usual residents aged 5 and "
    "over,Provision "
    "of unpaid care: Provides no unpaid care,Provision of unpaid care: Provides 19 hours or less "
    "unpaid care a week,"
    "Provision of unpaid care: Provides 9 hours or less unpaid care a week,Provision of unpaid "
    "care: Provides 10 to "
    "19 hours unpaid care a week,Provision of unpaid care: Provides 20 to 49 hours unpaid care a "
    "week,Provision of "
    "unpaid care: Provides 20 to 34 hours unpaid care a week,Provision of unpaid care: Provides 35 "
    "to 49 hours "
    "unpaid care a week,Provision of unpaid care: Provides 50 or more hours unpaid care a week\n";

// Four output areas; E00000004 lies in another authority (E06000002).
//   area       supergroup group subgroup  people  0-14  15-64  65+
//   E00000001  1          1a    1a1       100     20    50     30
//   E00000002  1          1b    1b1       200     40    100    60
//   E00000003  2          2a    2a1        50     15    30      5
//   E00000004  1          1a    1a2      1000    (another authority)
std::string row(const char* area, const std::string& values) {
  return std::string("2021,") + area + "," + area + "," + values + "\n";
}

void write_census(const TempDir& dir) {
  dir.write("census2021-ts007a-oa.csv",
            std::string(kAgeHeader) +
                row("E00000001", "100,10,5,5,5,5,5,5,5,5,5,5,5,5,10,10,5,3,2") +
                row("E00000002", "200,20,10,10,10,10,10,10,10,10,10,10,10,10,20,20,10,5,5") +
                row("E00000003", "50,5,5,5,3,3,3,3,3,3,3,3,3,3,1,1,1,1,1") +
                row("E00000004", "1000,100,100,100,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50"));
  dir.write("census2021-ts008-oa.csv", std::string(kSexHeader) + row("E00000001", "100,60,40") +
                                           row("E00000002", "200,90,110") +
                                           row("E00000003", "50,20,30") +
                                           row("E00000004", "1000,500,500"));
  dir.write("census2021-ts021-oa.csv",
            std::string(kEthnicHeader) +
                row("E00000001", "100,10,2,2,2,2,2,5,3,1,1,5,2,1,1,1,75,70,2,1,0,2,5,3,2") +
                row("E00000002", "200,20,4,4,4,4,4,10,6,2,2,10,4,2,2,2,150,140,4,2,0,4,10,6,4") +
                row("E00000003", "50,5,1,1,1,1,1,5,3,1,1,5,2,1,1,1,30,26,1,1,1,1,5,3,2") +
                row("E00000004", "1000,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1000,1000,0,0,0,0,0,0,0"));
  dir.write("census2021-ts038-oa.csv",
            std::string(kDisabilityHeader) + row("E00000001", "100,30,10,20,70,10,60") +
                row("E00000002", "200,30,10,20,170,20,150") + row("E00000003", "50,7,3,4,43,3,40") +
                row("E00000004", "1000,0,0,0,1000,0,1000"));
  dir.write("census2021-ts030-oa.csv", std::string(kReligionHeader) +
                                           row("E00000001", "100,40,45,1,2,1,5,1,1,4") +
                                           row("E00000002", "200,80,90,2,4,2,10,2,2,8") +
                                           row("E00000003", "50,20,20,1,1,1,3,1,1,2") +
                                           row("E00000004", "1000,1000,0,0,0,0,0,0,0,0"));
  dir.write("census2021-ts039-oa.csv", std::string(kCareHeader) +
                                           row("E00000001", "95,80,10,6,4,3,2,1,2") +
                                           row("E00000002", "190,160,20,12,8,6,4,2,4") +
                                           row("E00000003", "45,40,3,2,1,1,1,0,1") +
                                           row("E00000004", "950,950,0,0,0,0,0,0,0"));
}

// oac21ew.csv as published (codes with stray spaces) and the ONS OA -> LAD lookup.
std::string write_oac(const TempDir& dir) {
  return dir.write("oac21ew.csv",
                   "oa21cd,supergroup,group,subgroup\n"
                   "E00000001,1,1a ,1a1\n"
                   "E00000002,1,1b,1b1 \n"
                   "E00000003,2,2a,2a1\n"
                   "E00000004,1,1a ,1a2\n");
}
std::string write_lookup(const TempDir& dir) {
  return dir.write(
      "OA21_LAD22_LU.csv",
      "OA21CD,LSOA21CD,LSOA21NM,MSOA21CD,MSOA21NM,LAD22CD,LAD22NM\n"
      "E00000001,E01000001,Northshire 001A,E02000001,Northshire 001,E06000001,Northshire\n"
      "E00000002,E01000001,Northshire 001A,E02000001,Northshire 001,E06000001,Northshire\n"
      "E00000003,E01000002,Northshire 001B,E02000001,Northshire 001,E06000001,Northshire\n"
      "E00000004,E01000003,Southshire 001A,E02000002,Southshire 001,E06000002,Southshire\n");
}

std::string shipped_bands() { return std::string(EQUIVALUE_TEMPLATES_DIR) + "/census/bands.csv"; }

CensusBuildOptions options_for(const TempDir& dir, const SegmentClassification& oac,
                               const char* level) {
  CensusBuildOptions o;
  o.oac_file = write_oac(dir);
  o.area_lookup = write_lookup(dir);
  o.census_dir = dir.file("");
  o.areas = {"E06000001"};
  o.level = *segment_level_from_name(level);
  o.bands = load_census_bands(shipped_bands());
  o.known_segments = oac.level(level);
  o.scheme_name = std::string("oac2021-") + level;
  return o;
}

Decimal share(const Segment& s, const char* characteristic, const char* category) {
  return s.composition.at(characteristic).at(category);
}

TEST(CensusBuild, SupergroupsOfOneAuthorityFromTheSixTables) {
  TempDir dir;
  write_census(dir);
  const SegmentClassification oac = load_classification("oac2021");
  const CensusBuild built = build_census_segments(options_for(dir, oac, "supergroup"));
  EXPECT_EQ(built.areas, 3);  // E00000004 is in another authority
  EXPECT_EQ(built.scheme.scheme, "oac2021-supergroup");
  ASSERT_EQ(built.scheme.items.size(), 2u);
  const Segment& one = built.scheme.items[0];
  const Segment& two = built.scheme.items[1];
  EXPECT_EQ(one.code, "1");
  EXPECT_EQ(one.name, "Retired Professionals");
  EXPECT_EQ(one.population, 300);  // 100 + 200
  EXPECT_EQ(two.population, 50);
  // Age: (20 + 40) / 300, (50 + 100) / 300, (30 + 60) / 300.
  EXPECT_EQ(share(one, "age", "0-14"), Decimal("0.2"));
  EXPECT_EQ(share(one, "age", "15-64"), Decimal("0.5"));
  EXPECT_EQ(share(one, "age", "65+"), Decimal("0.3"));
  EXPECT_EQ(share(two, "age", "65+"), Decimal("0.1"));
  // Sex from the table whose headers end "; measures: Value": 150 / 300 female; 20 / 50.
  EXPECT_EQ(share(one, "sex", "female"), Decimal("0.5"));
  EXPECT_EQ(share(two, "sex", "male"), Decimal("0.6"));
  // Ethnic group from the high-level columns only (the detailed ones are their parts).
  EXPECT_EQ(share(one, "race", "White"), Decimal("0.75"));  // 225 / 300
  EXPECT_EQ(share(one, "race", "Asian"), Decimal("0.1"));   // 30 / 300
  EXPECT_EQ(share(two, "race", "White"), Decimal("0.6"));   // 30 / 50
  // Disability: 60 / 300 and 7 / 50.
  EXPECT_EQ(share(one, "disability", "disabled"), Decimal("0.2"));
  EXPECT_EQ(share(two, "disability", "disabled"), Decimal("0.14"));
  EXPECT_EQ(share(one, "religion-belief", "Muslim"), Decimal("0.05"));  // 15 / 300
  EXPECT_EQ(share(two, "religion-belief", "Christian"), Decimal("0.4"));
  // Unpaid care, of residents aged 5 and over (285 in supergroup 1), to six places:
  // 240/285 = 0.8421052.., 30/285 = 0.1052631.., 9/285 = 0.0315789.., 6/285 = 0.0210526..
  EXPECT_EQ(share(one, "carers", "no unpaid care"), Decimal("0.842105"));
  EXPECT_EQ(share(one, "carers", "19 hours or less"), Decimal("0.105263"));
  EXPECT_EQ(share(one, "carers", "20-49 hours"), Decimal("0.031579"));
  EXPECT_EQ(share(one, "carers", "50+ hours"), Decimal("0.021053"));
  // 40/45 = 0.8888.. rounds up; 1/45 = 0.0222.. down.
  EXPECT_EQ(share(two, "carers", "no unpaid care"), Decimal("0.888889"));
  EXPECT_EQ(share(two, "carers", "50+ hours"), Decimal("0.022222"));
  ASSERT_EQ(built.scheme.characteristics.size(), 6u);
  EXPECT_EQ(built.scheme.characteristics[0].name, "age");
  EXPECT_EQ(built.scheme.characteristics[0].categories,
            (std::vector<std::string>{"0-14", "15-64", "65+"}));
  EXPECT_TRUE(built.notes.empty());
}

TEST(CensusBuild, GroupsAndSubgroupsJoinEachAreaAtThatLevel) {
  TempDir dir;
  write_census(dir);
  const SegmentClassification oac = load_classification("oac2021");
  CensusBuildOptions o = options_for(dir, oac, "group");
  const CensusBuild groups = build_census_segments(o);
  ASSERT_EQ(groups.scheme.items.size(), 3u);
  EXPECT_EQ(groups.scheme.items[0].code, "1a");
  EXPECT_EQ(groups.scheme.items[0].name, "Spacious Rural Living");
  EXPECT_EQ(groups.scheme.items[0].population, 100);
  EXPECT_EQ(share(groups.scheme.items[0], "age", "65+"), Decimal("0.3"));  // 30 / 100
  EXPECT_EQ(groups.scheme.items[1].code, "1b");
  EXPECT_EQ(share(groups.scheme.items[1], "disability", "disabled"), Decimal("0.15"));  // 30 / 200

  // Every area of England and Wales: subgroup 1a2 is E00000004 alone.
  CensusBuildOptions all = options_for(dir, oac, "subgroup");
  all.areas.clear();
  const CensusBuild subgroups = build_census_segments(all);
  EXPECT_EQ(subgroups.areas, 4);
  ASSERT_EQ(subgroups.scheme.items.size(), 4u);
  EXPECT_EQ(subgroups.scheme.items[1].code, "1a2");
  EXPECT_EQ(subgroups.scheme.items[1].population, 1000);
  EXPECT_EQ(share(subgroups.scheme.items[1], "religion-belief", "no religion"), Decimal("1"));
}

TEST(CensusBuild, OutputAreasCanBeListedInsteadOfAnAuthority) {
  TempDir dir;
  write_census(dir);
  const SegmentClassification oac = load_classification("oac2021");
  CensusBuildOptions o = options_for(dir, oac, "supergroup");
  o.areas = {"E00000002", "e00000003"};
  o.area_lookup.clear();
  const CensusBuild built = build_census_segments(o);
  EXPECT_EQ(built.areas, 2);
  ASSERT_EQ(built.scheme.items.size(), 2u);
  EXPECT_EQ(built.scheme.items[0].population, 200);
  EXPECT_EQ(share(built.scheme.items[0], "sex", "female"), Decimal("0.45"));  // 90 / 200
}

TEST(CensusBuild, TablesNotInTheFolderAreLeftOutWithANote) {
  TempDir dir;
  write_census(dir);
  std::filesystem::remove(dir.file("census2021-ts030-oa.csv"));
  const SegmentClassification oac = load_classification("oac2021");
  const CensusBuild built = build_census_segments(options_for(dir, oac, "supergroup"));
  EXPECT_EQ(built.scheme.characteristics.size(), 5u);
  EXPECT_FALSE(built.scheme.items[0].composition.count("religion-belief"));
  ASSERT_EQ(built.notes.size(), 1u);
  EXPECT_NE(built.notes[0].find("religion-belief is left out"), std::string::npos);
}

// A multivariate table (headers "Variable A: ...; Variable B: ...; measures: Value") gives
// a joint characteristic.
TEST(CensusBuild, AJointCharacteristicFromAMultivariateTable) {
  TempDir dir;
  write_census(dir);
  dir.write(
      "census2021-rm999-oa.csv",
      "date,geography,geography code,"
      "Disability: Disabled under the Equality Act; Age: Aged 65 years and over; measures: Value,"
      "Disability: Disabled under the Equality Act; Age: Aged 64 years and under; measures: Value,"
      "Disability: Not disabled under the Equality Act; Age: Aged 65 years and over; measures: "
      "Value,"
      "Disability: Not disabled under the Equality Act; Age: Aged 64 years and under; measures: "
      "Value\n" +
          row("E00000001", "20,10,10,60") + row("E00000002", "25,5,35,135") +
          row("E00000003", "2,5,3,40"));
  const std::string bands = dir.write(
      "bands.csv",
      "characteristic,category,table,column,crosses\n"
      "population,,ts007a,Age: Total,\n"
      "age,under 65,ts007a,Age: Aged 4 years and under\n"
      "age,under 65,ts007a,Age: Aged 5 to 9 years\n"
      "age,under 65,ts007a,Age: Aged 10 to 14 years\n"
      "age,under 65,ts007a,Age: Aged 15 to 19 years\nage,under 65,ts007a,Age: Aged 20 to 24 years\n"
      "age,under 65,ts007a,Age: Aged 25 to 29 years\nage,under 65,ts007a,Age: Aged 30 to 34 years\n"
      "age,under 65,ts007a,Age: Aged 35 to 39 years\nage,under 65,ts007a,Age: Aged 40 to 44 years\n"
      "age,under 65,ts007a,Age: Aged 45 to 49 years\nage,under 65,ts007a,Age: Aged 50 to 54 years\n"
      "age,under 65,ts007a,Age: Aged 55 to 59 years\nage,under 65,ts007a,Age: Aged 60 to 64 years\n"
      "age,65+,ts007a,Age: Aged 65 to 69 years\nage,65+,ts007a,Age: Aged 70 to 74 years\n"
      "age,65+,ts007a,Age: Aged 75 to 79 years\nage,65+,ts007a,Age: Aged 80 to 84 years\n"
      "age,65+,ts007a,Age: Aged 85 years and over\n"
      "disability,disabled,ts038,Disability: Disabled under the Equality Act\n"
      "disability,not disabled,ts038,Disability: Not disabled under the Equality Act\n"
      "age x disability,65+ disabled,rm999,Disability: Disabled under the Equality Act; Age: Aged "
      "65 years and "
      "over,age;disability\n"
      "age x disability,other,rm999,Disability: Disabled under the Equality Act; Age: Aged 64 "
      "years and under\n"
      "age x disability,other,rm999,Disability: Not disabled under the Equality Act; Age: Aged 65 "
      "years and over\n"
      "age x disability,other,rm999,Disability: Not disabled under the Equality Act; Age: Aged 64 "
      "years and under\n");
  const SegmentClassification oac = load_classification("oac2021");
  CensusBuildOptions o = options_for(dir, oac, "supergroup");
  o.bands = load_census_bands(bands);
  const CensusBuild built = build_census_segments(o);
  ASSERT_EQ(built.scheme.characteristics.size(), 3u);
  EXPECT_EQ(built.scheme.characteristics[2].name, "age x disability");
  EXPECT_EQ(built.scheme.intersections.at("age x disability"),
            (std::vector<std::string>{"age", "disability"}));
  // Supergroup 1: (20 + 25) / 300 are 65 or over and disabled; supergroup 2: 2 / 50.
  EXPECT_EQ(share(built.scheme.items[0], "age x disability", "65+ disabled"), Decimal("0.15"));
  EXPECT_EQ(share(built.scheme.items[1], "age x disability", "65+ disabled"), Decimal("0.04"));
  EXPECT_EQ(share(built.scheme.items[1], "age x disability", "other"), Decimal("0.96"));
}

std::string build_error(const CensusBuildOptions& o) {
  try {
    build_census_segments(o);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(CensusBuild, EveryMalformedFileIsNamedWithItsLine) {
  TempDir dir;
  write_census(dir);
  const SegmentClassification oac = load_classification("oac2021");
  const CensusBuildOptions o = options_for(dir, oac, "supergroup");
  const std::string sex = dir.file("census2021-ts008-oa.csv");

  dir.write("census2021-ts008-oa.csv", std::string(kSexHeader) + row("E00000001", "100,60,40") +
                                           row("E00000002", "200,ninety,110"));
  EXPECT_EQ(
      build_error(o),
      sex +
          " line 3: \"Sex: Female; measures: Value\" is \"ninety\", not a whole number of people");

  dir.write("census2021-ts008-oa.csv", std::string(kSexHeader) + row("E00000001", "100,60"));
  EXPECT_EQ(build_error(o), sex + " line 2: has 5 values but the header names 6 columns");

  dir.write("census2021-ts008-oa.csv", std::string(kSexHeader) + row("E00000001", "100,60,40") +
                                           row("E00000003", "50,20,30") +
                                           row("E00000001", "100,60,40"));
  EXPECT_EQ(build_error(o), sex + " line 4: output area E00000001 appears a second time");

  dir.write("census2021-ts008-oa.csv", std::string(kSexHeader) + row("E0000001", "100,60,40"));
  EXPECT_EQ(
      build_error(o),
      sex + " line 2: the geography code \"E0000001\" is not an output area code (e.g. E00012345)");

  dir.write("census2021-ts008-oa.csv",
            "date,geography,geography code,Sex: All persons,Sex: Women,Sex: Male\n");
  EXPECT_EQ(
      build_error(o),
      sex +
          " line 1: there is no column headed \"Sex: Female\", which the band template names; "
          "check the template against the table's header");

  dir.write("census2021-ts008-oa.csv", "date,geography,Sex: All persons,Sex: Female,Sex: Male\n");
  EXPECT_NE(build_error(o).find(sex + " line 1: there is no \"geography code\" column"),
            std::string::npos);

  dir.write("census2021-ts008-oa.csv",
            std::string(kSexHeader) + "2021,\"E00000001,E00000001,100,60,40\n");
  EXPECT_NE(build_error(o).find(sex + " line 2: "), std::string::npos);
}

TEST(CensusBuild, LookupsAndAreasAtFaultAreNamed) {
  TempDir dir;
  write_census(dir);
  const SegmentClassification oac = load_classification("oac2021");
  CensusBuildOptions o = options_for(dir, oac, "subgroup");
  dir.write("oac21ew.csv",
            "oa21cd,supergroup,group,subgroup\nE00000001,1,1a,1a1\nE00000002,1,1b,9z9\n");
  EXPECT_EQ(build_error(o),
            o.oac_file + " line 3: \"9z9\" is not a subgroup of the classification");

  o = options_for(dir, oac, "supergroup");
  o.areas = {"E06000099"};
  EXPECT_NE(build_error(o).find("no output area belongs to E06000099"), std::string::npos);

  o = options_for(dir, oac, "supergroup");
  o.areas = {"E06000001"};
  o.area_lookup.clear();
  EXPECT_NE(build_error(o).find("has no local authority column (lad22cd)"), std::string::npos);

  o = options_for(dir, oac, "supergroup");
  o.areas = {"Northshire"};
  EXPECT_NE(build_error(o).find("--area \"Northshire\": give a local authority code"),
            std::string::npos);

  o = options_for(dir, oac, "supergroup");
  std::filesystem::remove(dir.file("census2021-ts007a-oa.csv"));
  EXPECT_NE(build_error(o).find("there is no census2021-ts007a-oa.csv here"), std::string::npos);
}

// The command line: one command builds one authority's profiles into a project; a
// malformed table is exit status 2 with its file and line, and nothing is written.
TEST(CensusBuild, OneCommandBuildsTheProfilesIntoAProject) {
  TempDir dir;
  write_census(dir);
  const std::string oac = write_oac(dir), lookup = write_lookup(dir);
  const std::string project = dir.write(
      "project.json", "{\"format\": \"equivalue/1\", \"project\": {\"name\": \"Northshire\"}}");
  const std::string out = dir.file("built.json"), err = dir.file("err.txt");
  const std::string command = std::string(EQUIVALUE_CLI) + " segments build --oac " + oac +
                              " --census " + dir.file("") + " --area E06000001 --lookup " + lookup +
                              " --level group --into " + project + " -o " + out + " > " +
                              dir.file("out.txt") + " 2> " + err;
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::ifstream in(out);
  const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(json.find("\"scheme\": \"oac2021-group\""), std::string::npos);
  EXPECT_NE(json.find("\"name\": \"Small Town Suburbia\""), std::string::npos);
  EXPECT_NE(json.find("\"population\": 200"), std::string::npos);  // group 1b: E00000002

  std::filesystem::remove(out);
  dir.write("census2021-ts038-oa.csv",
            std::string(kDisabilityHeader) + row("E00000001", "100,x,10,20,70,10,60"));
  EXPECT_EQ(WEXITSTATUS(std::system(command.c_str())), 2);
  EXPECT_FALSE(std::filesystem::exists(out));
  std::ifstream message(err);
  const std::string text((std::istreambuf_iterator<char>(message)),
                         std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("census2021-ts038-oa.csv line 2"), std::string::npos) << text;
}

TEST(CensusBands, TheShippedTemplateNamesTheSixCharacteristics) {
  const CensusBands bands = load_census_bands(shipped_bands());
  EXPECT_EQ(bands.population_table, "ts007a");
  EXPECT_EQ(bands.population_columns, (std::vector<std::string>{"Age: Total"}));
  std::vector<std::string> names, tables;
  for (const auto& c : bands.characteristics) {
    names.push_back(c.name);
    tables.push_back(c.table);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"age", "sex", "race", "disability", "religion-belief",
                                             "carers"}));
  EXPECT_EQ(tables,
            (std::vector<std::string>{"ts007a", "ts008", "ts021", "ts038", "ts030", "ts039"}));
  EXPECT_EQ(bands.characteristics[0].categories[0].columns.size(), 3u);  // 0-4, 5-9, 10-14
}

TEST(CensusBands, ProblemsNameTheirLines) {
  const CensusBandsRead read = read_census_bands(
      "characteristic,category,table,column,crosses\n"
      "population,,ts007a,Age: Total\n"
      "age,,ts007a,Age: Aged 4 years and under\n"
      "age,0-4,ts 007a,Age: Aged 4 years and under\n"
      "sex,female,ts008,\n"
      "sex,male,ts008,Sex: Male\n"
      "sex,male,ts009,Sex: Male\n"
      "age x sex,65+ women,rm1,Sex: Female; Age: 65+,age\n");
  ASSERT_EQ(read.problems.size(), 6u);
  EXPECT_EQ(read.problems[0].text(),
            "line 3: name the category this column counts towards (such as 65+)");
  EXPECT_EQ(read.problems[1].text(),
            "line 4: the table must be a census table id such as ts007a, got \"ts 007a\"");
  EXPECT_EQ(read.problems[2].text(),
            "line 5: name the column of the table, as headed in the NOMIS file");
  EXPECT_EQ(
      read.problems[3].text(),
      "line 7: sex is read from ts008 on an earlier line; one characteristic comes from one table");
  EXPECT_EQ(read.problems[4].text(),
            "age x sex: a joint characteristic crosses two or more characteristics, got only age");
  EXPECT_EQ(read.problems[5].text(),
            "age x sex: crosses \"age\", which is not a characteristic of the template");
}

TEST(CensusBands, ColumnKeysIgnoreTheMeasuresSuffixCaseAndSpaces) {
  EXPECT_EQ(census_column_key("Sex: Female; measures: Value"), "sex: female");
  EXPECT_EQ(census_column_key(" Sex: Female "), "sex: female");
  EXPECT_EQ(census_column_key("Religion (detailed): Muslim "), "religion (detailed): muslim");
}

}  // namespace
}  // namespace eqv::profiling
