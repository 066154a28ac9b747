// The proxy library (shipped and a council's own) and the deflator series that rebases it.
#include "equivalue/interchange/proxy_library.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "equivalue/core/errors.hpp"
#include "equivalue/core/sroi.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/interchange/json_format.hpp"

using namespace eqv;
namespace fs = std::filesystem;

namespace {

const fs::path kShipped = EQUIVALUE_TEMPLATES_DIR;

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Decimal D(const char* text) { return *parse_decimal(text); }

std::string header() {
  return "id,description,unit,value,price_year,type,agency,evidence_grade,source,source_table,"
         "source_url,licence\n";
}

bool mentions(const Problems& problems, const std::string& path, const std::string& words) {
  return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
    return p.path == path && p.message.find(words) != std::string::npos;
  });
}

}  // namespace

// Every shipped row may be built into software, and carries every column a council needs to
// cite it: licence, title, table and address.
TEST(ShippedProxyLibrary, EveryRowHasEveryColumnAndAnOpenLicence) {
  std::size_t rows = 0;
  for (const auto& entry : fs::directory_iterator(kShipped / "proxies")) {
    if (entry.path().extension() != ".csv") continue;
    const std::string text = read(entry.path());
    std::string first_line = text.substr(0, text.find('\n'));
    EXPECT_EQ(first_line + "\n", header())
        << entry.path() << ": the columns in their documented order";
    const ProxyLibraryRead library = read_proxy_library_csv(text);
    for (const auto& p : library.problems) ADD_FAILURE() << entry.path() << ": " << p.text();
    for (const auto& row : library.rows) {
      const std::string where = entry.path().filename().string() + ": " + row.id;
      const auto& open = open_licences();
      EXPECT_NE(std::find(open.begin(), open.end(), row.licence), open.end())
          << where << ": licence " << row.licence;
      for (const std::string* column :
           {&row.id, &row.proxy.description, &row.proxy.unit, &row.proxy.evidence_grade,
            &row.proxy.source, &row.source_table, &row.source_url, &row.licence})
        EXPECT_FALSE(column->empty()) << where << ": every column is filled in";
      EXPECT_GT(row.proxy.value, 0) << where;
      EXPECT_GE(row.proxy.price_year, 2000)
          << where << ": a price year the shipped deflators cover";
      EXPECT_EQ(row.source_url.rfind("https://", 0), 0u) << where << ": the source's address";
      if (row.type == ValueType::fiscal) {
        EXPECT_FALSE(row.agency.empty()) << where << ": who gains the saving";
      }
      // Libraries whose licences forbid building them into software stay out.
      for (const char* licensed : {"HACT", "Social Value Bank", "TOMs", "Socitm"})
        EXPECT_EQ(row.proxy.source.find(licensed), std::string::npos) << where;
    }
    rows += library.rows.size();
  }
  EXPECT_GE(rows, 100u);
  EXPECT_GE(proxy_library().size(), 100u);
}

TEST(ProxyLibraryCsv, ReportsEveryMalformedRowByLineAndKeepsTheGoodOnes) {
  const std::string text =
      header() +
      "good,Visit,visit,120.50,2024,fiscal,NHS,B,Title,Table 1,https://example.org,OGL-3.0\n"
      "comma,Visit,visit,\"1,200\",2024,fiscal,NHS,B,Title,Table 1,https://example.org,OGL-3.0\n"
      "kind,Visit,visit,10,2024,wellbeing,,B,Title,Table 1,https://example.org,OGL-3.0\n"
      "nolicence,Visit,visit,10,2024,social,,B,Title,Table 1,https://example.org,\n"
      "short,Visit,visit,10,2024\n"
      "year,Visit,visit,10,24/25,social,,B,Title,Table 1,https://example.org,OGL-3.0\n"
      "good,Again,visit,10,2024,social,,B,Title,Table 1,https://example.org,OGL-3.0\n";
  const ProxyLibraryRead read = read_proxy_library_csv(text);
  ASSERT_EQ(read.rows.size(), 1u);
  EXPECT_EQ(read.rows[0].id, "good");
  EXPECT_EQ(read.rows[0].proxy.value, D("120.50"));
  EXPECT_EQ(read.rows[0].proxy.price_year, 2024);
  EXPECT_EQ(read.rows[0].type, ValueType::fiscal);
  EXPECT_TRUE(mentions(read.problems, "line 3, value", "no commas")) << read.problems.size();
  EXPECT_TRUE(mentions(read.problems, "line 4, type", "social, economic or fiscal"));
  EXPECT_TRUE(mentions(read.problems, "line 5, licence", "is empty"));
  EXPECT_TRUE(mentions(read.problems, "line 6", "has 5 values but the header names 12 columns"));
  EXPECT_TRUE(mentions(read.problems, "line 7, price_year", "not a year"));
  EXPECT_TRUE(mentions(read.problems, "line 8, id", "used by an earlier row"));
}

TEST(ProxyLibraryCsv, NamesTheMissingColumn) {
  const ProxyLibraryRead read = read_proxy_library_csv("id,description,unit,value\nx,y,z,1\n");
  EXPECT_TRUE(read.rows.empty());
  EXPECT_TRUE(mentions(read.problems, "line 1", "no column \"licence\""));
  EXPECT_TRUE(mentions(read_proxy_library_csv("").problems, "line 1", "the file is empty"));
}

TEST(ProxyLibraryCsv, WritesWhatItReads) {
  LibraryProxy row;
  row.id = "own-1";
  row.proxy = {
      D("13080"), "Feels in control, \"adult\"", "person per year", "A licensed bank", 2014, "B"};
  row.type = ValueType::social;
  row.source_table = "Table 2";
  row.source_url = "https://example.org/bank";
  row.licence = "Northshire Council's licence, 2026";
  const ProxyLibraryRead back = read_proxy_library_csv(write_proxy_library_csv({row}));
  ASSERT_TRUE(back.problems.empty());
  ASSERT_EQ(back.rows.size(), 1u);
  EXPECT_TRUE(back.rows[0] == row);
}

TEST(ProxyLibraryCsv, ImportReplacesRowsWithTheSameId) {
  std::vector<LibraryProxy> library(2);
  library[0].id = "a";
  library[1].id = "b";
  std::vector<LibraryProxy> rows(2);
  rows[0].id = "b";
  rows[0].proxy.value = D("5");
  rows[1].id = "c";
  EXPECT_EQ(merge_into_library(library, rows), 1u);
  ASSERT_EQ(library.size(), 3u);
  EXPECT_EQ(library[1].proxy.value, D("5"));
  EXPECT_EQ(library[2].id, "c");
}

// The shipped series as published: HM Treasury, March 2026, financial years, 2024-25 = 100.
TEST(ShippedDeflators, AreHmTreasurysSeriesNamedAndComplete) {
  const DeflatorSeries series = load_shipped_deflators();
  EXPECT_NE(series.name.find("HM Treasury GDP deflators at market prices, March 2026"),
            std::string::npos);
  EXPECT_EQ(series.index.at(2024), D("100.0000"));
  EXPECT_EQ(series.index.at(2019), D("80.8738"));
  EXPECT_EQ(series.index.at(2026), D("105.3095"));
  for (int year = 2000; year <= 2030; ++year) EXPECT_TRUE(series.index.count(year)) << year;
}

// Hand-worked: £1,000 at 2019 prices in 2026 prices is 1000 x 105.3095 / 80.8738
// = 105309.5 / 80.8738 = 1302.146..., so £1,302.15 to the penny.
TEST(Rebasing, UsesTheShippedSeriesWhenTheProjectHasNone) {
  ProjectSettings s;
  s.base_year = 2026;
  s.shipped_deflators = load_shipped_deflators();
  const Proxy proxy{D("1000"), "A value", "person per year", "Source", 2019, "B"};
  EXPECT_EQ(to_fixed(real_proxy_value(proxy, s), 2), "1302.15");
  EXPECT_EQ(deflator_series_in_use(s), s.shipped_deflators.name);
  // Priced in the base year, or with no price year: as priced.
  EXPECT_EQ(real_proxy_value({D("1000"), "", "", "", 2026, ""}, s), D("1000"));
  EXPECT_EQ(real_proxy_value({D("1000"), "", "", "", 0, ""}, s), D("1000"));
}

// Hand-worked on small series: £50 at 2020 prices, base year 2026.
TEST(Rebasing, TheProjectsOwnSeriesWinsAndNoneMeansAsPriced) {
  ProjectSettings s;
  s.base_year = 2026;
  s.shipped_deflators = {"Shipped", {{2020, D("80")}, {2026, D("100")}}};
  const Proxy proxy{D("50"), "", "", "", 2020, ""};
  EXPECT_EQ(real_proxy_value(proxy, s), D("62.5"));  // 50 x 100 / 80
  s.deflators = {{2020, D("50")}, {2026, D("100")}};
  s.deflator_series = "Council's own index";
  EXPECT_EQ(real_proxy_value(proxy, s), D("100"));  // 50 x 100 / 50
  EXPECT_EQ(deflator_series_in_use(s), "Council's own index");
  s.rebase_proxies = false;
  EXPECT_EQ(real_proxy_value(proxy, s), D("50"));
  EXPECT_EQ(deflator_series_in_use(s), "");
}

TEST(Rebasing, AYearTheSeriesLacksIsAProblemNamingTheSeriesAndTheFix) {
  Project p =
      read_project_json(read(fs::path(EQUIVALUE_TEST_FIXTURES) / "worked_example.json")).project;
  p.project.rebase_proxies = true;  // the fixture is priced as given
  p.project.shipped_deflators = {"Shipped series", {{2024, D("100")}, {2026, D("104")}}};
  p.changes[0].sroi.outcomes[0].proxy.price_year = 1999;
  const Problems problems = validate(p);
  EXPECT_TRUE(mentions(problems, "changes[0].sroi.outcomes[0].proxy.price_year",
                       "(Shipped series) has no value for 1999"));
  p.changes[0].sroi.outcomes[0].proxy.price_year = 2024;
  p.project.base_year = 2031;
  EXPECT_TRUE(mentions(validate(p), "project.base_year", "has no value for the base year 2031"));
}

// A file that never mentions rebasing is rebased; the switch and the series' name are kept,
// and the project's own library comes back row for row.
TEST(ProjectJson, KeepsTheOwnLibraryTheSeriesNameAndTheSwitch) {
  Project p =
      read_project_json(read(fs::path(EQUIVALUE_TEST_FIXTURES) / "budget_round.json")).project;
  EXPECT_TRUE(p.project.rebase_proxies);  // the file does not mention it
  LibraryProxy row;
  row.id = "own-1";
  row.proxy = {D("36766"), "Relief from depression", "person per year", "A licensed bank", 2014,
               "B"};
  row.type = ValueType::fiscal;
  row.agency = "NHS";
  row.source_table = "Table 4";
  row.source_url = "https://example.org/bank";
  row.licence = "Held by the council";
  p.proxy_library.push_back(row);
  p.project.deflator_series = "Council index";
  const std::string written = write_project_json(p);
  EXPECT_EQ(written.find("rebase_proxies"), std::string::npos);  // written only when off
  const JsonReadResult back = read_project_json(written);
  ASSERT_TRUE(back.problems.empty()) << back.problems.front().text();
  EXPECT_TRUE(back.project == p);
  p.project.rebase_proxies = false;
  EXPECT_NE(write_project_json(p).find("\"rebase_proxies\": false"), std::string::npos);
  EXPECT_TRUE(read_project_json(write_project_json(p)).project == p);
  const JsonReadResult bad = read_project_json(
      R"({"format": "equivalue/1", "project": {"name": "x", "rebase_proxies": "sometimes"},
          "changes": [], "proxy_library": [{"id": "a", "value": "lots"}]})");
  EXPECT_TRUE(mentions(bad.problems, "project.rebase_proxies", "true or false"))
      << (bad.problems.empty() ? "" : bad.problems.front().text());
  EXPECT_TRUE(mentions(bad.problems, "proxy_library[0].value", "not a number"));
  EXPECT_TRUE(mentions(bad.problems, "proxy_library[0].description", "required"));
}
