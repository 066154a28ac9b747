#include "equivalue/core/csv.hpp"
#include "equivalue/core/segments.hpp"

#include <gtest/gtest.h>

using namespace eqv;

namespace {

SegmentScheme declared_age() {
  SegmentScheme s;
  s.scheme = "council-areas";
  s.characteristics = {{"age", {"0-15", "16-64", "65+"}}};
  return s;
}

std::string problems_text(const SegmentImport& r) {
  std::string s;
  for (const auto& p : r.problems) s += p.text() + "\n";
  return s;
}

}  // namespace

TEST(SegmentCsv, LongForm) {
  const auto r = import_segments_csv(
      "segment,name,population,characteristic,category,share\r\n"
      "N1,North,1200,age,0-15,0.2\r\n"
      "N1,North,1200,age,16-64,0.5\r\n"
      "N1,North,1200,age,65+,0.3\r\n"
      "\r\n"
      "S1,\"South, old town\",800,age,0-15,0.1\n"
      "S1,\"South, old town\",800,age,16-64,0.6\n"
      "S1,\"South, old town\",800,age,65+,0.3\n",
      declared_age());
  ASSERT_TRUE(r.problems.empty()) << problems_text(r);
  EXPECT_EQ(r.scheme.scheme, "council-areas");
  ASSERT_EQ(r.scheme.items.size(), 2u);
  EXPECT_EQ(r.scheme.items[1].code, "S1");
  EXPECT_EQ(r.scheme.items[1].name, "South, old town");
  EXPECT_EQ(r.scheme.items[0].population, 1200);
  EXPECT_EQ(r.scheme.items[0].composition.at("age").at("65+"), Decimal("0.3"));
}

TEST(SegmentCsv, WideFormTakesCharacteristicsFromTheHeader) {
  const auto r = import_segments_csv(
      "Segment,Population,age:0-15,age:16-64,age:65+,disability:disabled,disability:not disabled\n"
      "1,21000,0.14,0.52,0.34,0.21,0.79\n"
      "2,9000,0.25,0.65,0.10,0.12,0.88\n",
      SegmentScheme{});
  ASSERT_TRUE(r.problems.empty()) << problems_text(r);
  ASSERT_EQ(r.scheme.characteristics.size(), 2u);
  EXPECT_EQ(r.scheme.characteristics[1].name, "disability");
  EXPECT_EQ(r.scheme.characteristics[1].categories,
            (std::vector<std::string>{"disabled", "not disabled"}));
  EXPECT_EQ(r.scheme.items[1].population, 9000);
  EXPECT_EQ(r.scheme.items[1].composition.at("disability").at("not disabled"), Decimal("0.88"));
}

TEST(SegmentCsv, SharesMustAddUpToOneWithinATolerance) {
  // 0.2 + 0.5 + 0.2995 = 0.9995: within 0.001 of 1, accepted. 0.2 + 0.5 + 0.298 = 0.998: refused.
  const auto ok = import_segments_csv(
      "segment,population,age:0-15,age:16-64,age:65+\nA,10,0.2,0.5,0.2995\n", declared_age());
  EXPECT_TRUE(ok.problems.empty()) << problems_text(ok);
  const auto bad = import_segments_csv(
      "segment,population,age:0-15,age:16-64,age:65+\nA,10,0.2,0.5,0.2995\nB,10,0.2,0.5,0.298\n",
      declared_age());
  EXPECT_EQ(problems_text(bad),
            "line 3: the shares of age for segment B add up to 0.998; they must add up to 1 "
            "(within 0.001)\n");
}

TEST(SegmentCsv, PopulationsAreWholeAndNotNegative) {
  const auto r = import_segments_csv(
      "segment,population,age:0-15,age:16-64,age:65+\n"
      "A,-5,0.2,0.5,0.3\n"
      "B,12.5,0.2,0.5,0.3\n"
      "C,1 200,0.2,0.5,0.3\n"
      "D,,0.2,0.5,0.3\n",
      declared_age());
  ASSERT_EQ(r.problems.size(), 4u) << problems_text(r);
  EXPECT_EQ(r.problems[0].text(), "line 2: a population cannot be negative, got -5");
  EXPECT_EQ(r.problems[1].text(),
            "line 3: a population must be a whole number of people, got 12.5");
  EXPECT_EQ(r.problems[2].text(),
            "line 4: the population \"1 200\" is not a number; write digits only (no commas)");
  EXPECT_EQ(r.problems[3].text(), "line 5: the population is missing");
}

TEST(SegmentCsv, EveryCategoryMustBeKnown) {
  const auto r = import_segments_csv(
      "segment,population,characteristic,category,share\n"
      "A,100,age,0-15,0.2\n"
      "A,100,age,16-64,0.5\n"
      "A,100,age,over 65,0.3\n"
      "A,100,tenure,owner,1\n",
      declared_age());
  ASSERT_EQ(r.problems.size(), 3u) << problems_text(r);
  EXPECT_EQ(r.problems[0].text(),
            "line 4: \"over 65\" is not a category of age (known: 0-15, 16-64, 65+)");
  EXPECT_EQ(r.problems[1].text(),
            "line 5: \"tenure\" is not a characteristic of the project's segments (known: age)");
  EXPECT_EQ(r.problems[2].text(),
            "line 2: the shares of age for segment A add up to 0.7; they must add up to 1 (within "
            "0.001)");
}

TEST(SegmentCsv, SharesAreFractions) {
  const auto r = import_segments_csv(
      "segment,population,age:0-15,age:16-64,age:65+\nA,10,20,50,30\n", declared_age());
  ASSERT_GE(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].text(),
            "line 2: the share for age 0-15 must be between 0 and 1, got 20 (did you mean 0.20?)");
}

TEST(SegmentCsv, StructureFaultsNameTheirLine) {
  EXPECT_EQ(problems_text(import_segments_csv("", declared_age())),
            "line 1: the file is empty: the first line names the columns, such as "
            "segment,characteristic,category,share\n");
  EXPECT_EQ(problems_text(import_segments_csv("code,population\n", declared_age())),
            "line 1: a column named \"segment\" (the segment code) is needed\n"
            "line 1: the column \"code\" is not segment, name, population or "
            "characteristic:category (such as age:65+)\n");
  EXPECT_EQ(problems_text(import_segments_csv(
                "segment,population,age:0-15,age:16-64,age:65+\nA,10,0.2,0.8\n", declared_age())),
            "line 2: this row has 4 values but the header names 5 columns\n");
  EXPECT_EQ(
      problems_text(import_segments_csv("segment,population,age:0-15\n\"A,10,1\n", declared_age())),
      "line 2: a quoted value is not closed: add the closing \"\n");
  const auto twice = import_segments_csv(
      "segment,population,characteristic,category,share\nA,10,age,0-15,1\nA,10,age,0-15,1\nA,11,"
      "age,16-64,0\n",
      declared_age());
  EXPECT_EQ(problems_text(twice),
            "line 3: segment A already has a share for age 0-15 (line 2)\n"
            "line 4: segment A's population is 11 here but 10 on line 2\n");
}

TEST(SegmentCsv, ClassificationCodesAreCheckedAndNamed) {
  const std::vector<ClassifiedSegment> supergroups{{"1", "Retired Professionals", ""},
                                                   {"2", "Suburbanites and Peri-Urbanites", ""}};
  SegmentScheme declared;
  declared.scheme = "oac2021-supergroup";
  const auto r =
      import_segments_csv("segment,population,age:all\n1,100,1\n9,50,1\n", declared, &supergroups);
  ASSERT_EQ(r.problems.size(), 1u) << problems_text(r);
  EXPECT_EQ(r.problems[0].text(),
            "line 3: \"9\" is not a segment code of the oac2021-supergroup scheme");
  EXPECT_EQ(r.scheme.items[0].name, "Retired Professionals");
}

TEST(SegmentCsv, PopulationFromTheProjectWhenTheFileHasNone) {
  SegmentScheme declared = declared_age();
  Segment a;
  a.code = "A";
  a.name = "Area A";
  a.population = 500;
  declared.items = {a};
  const auto r = import_segments_csv(
      "segment,characteristic,category,share\nA,age,0-15,0.2\nA,age,16-64,0.5\nA,age,65+,0.3\n",
      declared);
  ASSERT_TRUE(r.problems.empty()) << problems_text(r);
  EXPECT_EQ(r.scheme.items[0].population, 500);
  EXPECT_EQ(r.scheme.items[0].name, "Area A");
}

TEST(SegmentCsv, AFileWrongOnEveryLineStopsAfterAHundredProblems) {
  std::string text = "segment,population,age:0-15,age:16-64,age:65+\n";
  for (int i = 0; i < 500; ++i) text += "S" + std::to_string(i) + ",-1,0.2,0.5,0.3\n";
  const auto r = import_segments_csv(text, declared_age());
  ASSERT_EQ(r.problems.size(), 101u);
  EXPECT_EQ(r.problems.back().text(),
            "line 102: reading stopped here: the first 100 problems are listed; put them right and "
            "import again");
}

// The one CSV reader (core/csv.hpp), as every CSV the project reads is read.
TEST(Csv, QuotesLineEndsAndBlankLines) {
  const CsvRead r = read_csv(
      "\xEF\xBB\xBFid, name ,note\r\n\r\n1,\"a, b\",\"c\"\"3\"\"\"\n2,\"x\"\"y\",\"two\nlines\"\n");
  ASSERT_FALSE(r.fault) << r.fault->message;
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].fields, (std::vector<std::string>{"id", "name", "note"}));
  EXPECT_EQ(r.records[1].line, 3u);
  EXPECT_EQ(r.records[1].fields, (std::vector<std::string>{"1", "a, b", "c\"3\""}));
  EXPECT_EQ(r.records[2].fields, (std::vector<std::string>{"2", "x\"y", "two\nlines"}));
  EXPECT_EQ(csv_column(r.records[0].fields, "name"), 1);
  EXPECT_EQ(csv_column(r.records[0].fields, "missing"), -1);
}

TEST(Csv, FaultsNameTheirLine) {
  const CsvRead after = read_csv("a,b\n1,\"x\"y\n");
  ASSERT_TRUE(after.fault);
  EXPECT_EQ(after.fault->line, 2u);
  EXPECT_NE(after.fault->message.find("after a closing quote"), std::string::npos);
  const CsvRead inside = read_csv("a,b\n1,2\n3,x\"y\n");
  ASSERT_TRUE(inside.fault);
  EXPECT_EQ(inside.fault->line, 3u);
  ASSERT_EQ(inside.records.size(), 2u);  // the records before the fault are kept
  const CsvRead open = read_csv("a\n\"never closed\n");
  ASSERT_TRUE(open.fault);
  EXPECT_EQ(open.fault->line, 2u);
  EXPECT_EQ(open.fault->message, "a quoted value is not closed: add the closing \"");
}
