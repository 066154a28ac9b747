#include "equivalue/core/eqia.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/interchange/json_format.hpp"
#include "equivalue/interchange/proxy_library.hpp"
#include "equivalue/interchange/templates.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace eqv;
namespace fs = std::filesystem;

namespace {

const fs::path kShipped = EQUIVALUE_TEMPLATES_DIR;

EqiaTemplate shipped(const std::string& id) {
  return load_eqia_template_file(kShipped / "eqia" / (id + ".json"));
}

std::vector<std::string> ids(const std::vector<TemplateCharacteristic>& list) {
  std::vector<std::string> out;
  for (const auto& c : list) out.push_back(c.id);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

const char* kNine[] = {"age",
                       "disability",
                       "gender-reassignment",
                       "marriage-civil-partnership",
                       "pregnancy-maternity",
                       "race",
                       "religion-belief",
                       "sex",
                       "sexual-orientation"};

// A fresh directory for a council's own templates, set as EQUIVALUE_TEMPLATES.
struct CouncilTemplates : ::testing::Test {
  fs::path dir =
      fs::temp_directory_path() / ("equivalue-templates-test-" + std::to_string(::getpid()));
  void SetUp() override {
    fs::create_directories(dir / "eqia");
    setenv("EQUIVALUE_TEMPLATES", dir.c_str(), 1);
  }
  void TearDown() override {
    unsetenv("EQUIVALUE_TEMPLATES");
    fs::remove_all(dir);
  }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir / "eqia" / name) << text;
  }
};

const char* kMinimal = R"({
  "format": "equivalue-eqia-template/1", "id": "northshire", "name": "Northshire Council",
  "jurisdiction": "england", "legal_basis": "Equality Act 2010 s149",
  "aims": [{"id": "eliminate-discrimination", "text": "Eliminate discrimination"}],
  "characteristics": [{"id": "age", "name": "Age", "description": "People of any age",
                       "categories": ["0-15", "16-64", "65+"], "aims": ["eliminate-discrimination"]}],
  "screening_questions": [{"id": "q1", "text": "Who is affected?"}]
})";

}  // namespace

TEST(Templates, EnglandHasTheNineAndItsLocalAdditions) {
  const auto t = shipped("england");
  EXPECT_EQ(t.id, "england");
  const auto chars = ids(t.characteristics);
  ASSERT_EQ(chars.size(), 9u);
  for (const char* c : kNine) EXPECT_TRUE(has(chars, c)) << c;
  const auto local = ids(t.local_additions);
  for (const char* c :
       {"carers", "care-experience", "armed-forces", "socio-economic-disadvantage", "rurality"})
    EXPECT_TRUE(has(local, c)) << c;
  // Marriage and civil partnership: the duty's first aim only.
  const auto* marriage = t.find("marriage-civil-partnership");
  ASSERT_NE(marriage, nullptr);
  EXPECT_EQ(marriage->aims, std::vector<std::string>{"eliminate-discrimination"});
  EXPECT_EQ(t.find("age")->aims.size(), 3u);
  EXPECT_EQ(t.aims.size(), 3u);
  EXPECT_FALSE(t.screening_questions.empty());
  for (const auto& c : t.characteristics) {
    EXPECT_FALSE(c.description.empty()) << c.id;
    EXPECT_FALSE(c.categories.empty()) << c.id;
  }
  // Local additions are screened only when switched on.
  EXPECT_EQ(t.to_screen({}).size(), 9u);
  EXPECT_EQ(t.to_screen({"carers", "rurality"}).size(), 11u);
}

TEST(Templates, WalesAddsTheSocioEconomicDutyWelshLanguageAndWellBeingGoals) {
  const auto t = shipped("wales");
  const auto chars = ids(t.characteristics);
  for (const char* c : kNine) EXPECT_TRUE(has(chars, c)) << c;
  for (const char* c : {"socio-economic-disadvantage", "welsh-language", "well-being-goals"})
    EXPECT_TRUE(has(chars, c)) << c;
  EXPECT_EQ(t.find("well-being-goals")->categories.size(), 7u);  // the seven national goals
  EXPECT_EQ(t.find("marriage-civil-partnership")->aims,
            std::vector<std::string>{"eliminate-discrimination"});
}

TEST(Templates, ScotlandAddsTheFairerScotlandDuty) {
  const auto t = shipped("scotland");
  const auto chars = ids(t.characteristics);
  EXPECT_EQ(chars.size(), 10u);
  EXPECT_TRUE(has(chars, "socio-economic-disadvantage"));
  EXPECT_NE(t.find("socio-economic-disadvantage")->name.find("Fairer Scotland Duty"),
            std::string::npos);
}

TEST(Templates, NorthernIrelandHasSection75sNineCategories) {
  const auto t = shipped("northern-ireland");
  const auto chars = ids(t.characteristics);
  ASSERT_EQ(chars.size(), 9u);
  for (const char* c :
       {"religion-belief", "political-opinion", "race", "age", "marriage-civil-partnership",
        "sexual-orientation", "sex", "disability", "dependants"})
    EXPECT_TRUE(has(chars, c)) << c;
  // Good relations: religious belief, political opinion and racial group only.
  EXPECT_TRUE(has(t.find("political-opinion")->aims, "good-relations"));
  EXPECT_FALSE(has(t.find("age")->aims, "good-relations"));
}

TEST(Templates, OacClassificationShipsWithItsAttribution) {
  const auto read = read_classification_json(
      [] {
        std::ifstream in(kShipped / "segments" / "oac2021.json");
        return std::string(std::istreambuf_iterator<char>(in), {});
      }(),
      "oac2021");
  ASSERT_TRUE(read.problems.empty()) << read.problems[0].text();
  const auto& c = read.classification;
  ASSERT_EQ(c.levels.size(), 3u);
  EXPECT_EQ(c.level("supergroup")->size(), 8u);
  EXPECT_EQ(c.level("group")->size(), 21u);
  EXPECT_EQ(c.level("subgroup")->size(), 52u);
  EXPECT_EQ(c.find("group", "1a")->name,
            "Spacious Rural Living");  // "1a " and "... Living " trimmed
  EXPECT_EQ(c.find("subgroup", "4a1")->name,
            "Semi-Detached, Service Workers and Students");  // quoted comma
  EXPECT_EQ(c.find("subgroup", "4a1")->parent, "4a");
  EXPECT_NE(c.attribution.find("Open Government Licence v3.0"), std::string::npos);
}

TEST_F(CouncilTemplates, CouncilTemplateIsFoundWithoutRebuilding) {
  write("northshire.json", kMinimal);
  const auto file = find_eqia_template("northshire");
  ASSERT_TRUE(file);
  EXPECT_EQ(file->parent_path().parent_path(), dir);
  const auto t = load_eqia_template("northshire");
  EXPECT_EQ(t.name, "Northshire Council");
  // The shipped ones are still found after the council's directory.
  EXPECT_EQ(load_eqia_template("wales").id, "wales");
  const auto all = list_eqia_templates();
  EXPECT_TRUE(has(all, "northshire"));
  EXPECT_TRUE(has(all, "england"));
  EXPECT_FALSE(find_eqia_template("../eqia/england"));  // a name, never a path
}

TEST_F(CouncilTemplates, MalformedJsonIsRefusedWithFileLineAndColumn) {
  write("broken.json",
        "{\n  \"format\": \"equivalue-eqia-template/1\",\n  \"id\": \"broken\"\n  \"name\": "
        "\"x\"\n}\n");
  try {
    load_eqia_template("broken");
    FAIL() << "a malformed template was accepted";
  } catch (const InputError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    const std::string text = e.problems()[0].text();
    EXPECT_NE(
        text.find(
            "broken.json: line 4, column 8: not valid JSON: syntax error while parsing object"),
        std::string::npos)
        << text;
  }
}

TEST_F(CouncilTemplates, WrongFieldsAreRefusedNamingEachPlace) {
  std::string t = kMinimal;
  t.replace(t.find("\"aims\": [\"eliminate-discrimination\"]"), 36, "\"aims\": [\"advance\"]");
  t.replace(t.find("\"id\": \"northshire\""), 18, "\"id\": \"elsewhere\"");
  write("northshire.json", t);
  try {
    load_eqia_template("northshire");
    FAIL() << "a malformed template was accepted";
  } catch (const InputError& e) {
    ASSERT_EQ(e.problems().size(), 2u);
    EXPECT_NE(e.problems()[0].text().find(
                  "northshire.json: id: the id \"elsewhere\" must match the file name"),
              std::string::npos)
        << e.problems()[0].text();
    EXPECT_NE(e.problems()[1].text().find("northshire.json: characteristics[0].aims[0]: "
                                          "\"advance\" is not one of the aims listed"),
              std::string::npos)
        << e.problems()[1].text();
  }
}

// A number too large for any figure is a problem reported, not a failure of the program.
TEST(TemplatesRead, ANumberOutOfRangeIsAProblem) {
  const auto r = read_eqia_template_json(
      R"({"format": "equivalue-eqia-template/1", "id": "x", "weight": 1e999})", "x");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(
      r.problems[0].message,
      "a number in the file is out of range (beyond any figure a template holds); correct it, "
      "or take the template from a backup");
}

TEST(TemplatesRead, MissingRequiredFieldsAndWrongFormat) {
  const auto r = read_eqia_template_json(
      R"({"format": "other/2", "id": "x", "characteristics": [{"id": "age"}]})", "x");
  std::vector<std::string> paths;
  for (const auto& p : r.problems) paths.push_back(p.path);
  EXPECT_TRUE(has(paths, "format"));
  EXPECT_TRUE(has(paths, "name"));
  EXPECT_TRUE(has(paths, "aims"));
  EXPECT_TRUE(has(paths, "characteristics[0].name"));
  EXPECT_TRUE(has(paths, "characteristics[0].categories"));
  EXPECT_TRUE(has(paths, "screening_questions"));
}

TEST(TemplatesRead, UnknownTemplateIsAnInputError) {
  EXPECT_THROW(load_eqia_template("atlantis"), InputError);
}

// One complete assessment per jurisdiction (tests/fixtures/eqia/<id>.json), each screening
// every characteristic of its template and one switched-on local addition: ready to submit.
class JurisdictionFixture : public ::testing::TestWithParam<const char*> {};

TEST_P(JurisdictionFixture, CompleteAssessmentMeetsItsTemplatesRules) {
  const std::string id = GetParam();
  std::ifstream in(std::string(EQUIVALUE_TEST_FIXTURES) + "/eqia/" + id + ".json");
  const std::string text(std::istreambuf_iterator<char>(in), {});
  const auto read = read_project_json(text);
  ASSERT_TRUE(read.problems.empty()) << read.problems[0].text();
  ASSERT_TRUE(validate(read.project).empty());
  const EqiaTemplate t = load_eqia_template(read.project.changes[0].eqia->template_name);
  EXPECT_EQ(t.id, id);
  const Problems unmet = submission_problems(read.project, 0, &t);
  EXPECT_TRUE(unmet.empty()) << unmet[0].text();
  // Leaving out the last characteristic of the template is caught.
  Project p = read.project;
  const std::string last = t.characteristics.back().id;
  auto& screening = p.changes[0].eqia->screening;
  screening.erase(std::remove_if(screening.begin(), screening.end(),
                                 [&](const Screening& s) { return s.characteristic == last; }),
                  screening.end());
  const Problems missing = submission_problems(p, 0, &t);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].path, "changes[0].eqia.screening");
  EXPECT_NE(missing[0].message.find("(" + last + ")"), std::string::npos) << missing[0].message;
}

INSTANTIATE_TEST_SUITE_P(Templates, JurisdictionFixture,
                         ::testing::Values("england", "wales", "scotland", "northern-ireland"),
                         [](const ::testing::TestParamInfo<const char*>& param_info) {
                           std::string name = param_info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

// A council's own template is offered beside the shipped ones, by its display name.
TEST_F(CouncilTemplates, CouncilTemplateIsOfferedByName) {
  std::string text = kMinimal;
  text.replace(text.find("\"northshire\""), 12, "\"northshire-offered\"");
  write("northshire-offered.json", text);
  const auto choices = eqia_template_choices();
  auto name_of = [&](const std::string& id) {
    for (const auto& c : choices)
      if (c.id == id) return c.name;
    return std::string("(not offered)");
  };
  EXPECT_EQ(name_of("northshire-offered"), "Northshire Council");
  EXPECT_EQ(name_of("england"), "England: Public Sector Equality Duty");
  EXPECT_EQ(name_of("wales"), "Wales: integrated impact assessment");
}

// The one cache reports a malformed template the same way every time it is asked for.
TEST_F(CouncilTemplates, MalformedTemplateIsReportedEveryTime) {
  write("broken-cached.json", "{\"format\": \"equivalue-eqia-template/1\",");
  for (int i = 0; i < 2; ++i) {
    try {
      cached_eqia_template("broken-cached");
      FAIL() << "a malformed template was used";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("broken-cached.json"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(cached_eqia_template("no-such-template-anywhere"), nullptr);
  ASSERT_NE(cached_eqia_template("england"), nullptr);
  EXPECT_EQ(cached_eqia_template("england"), cached_eqia_template("england"));  // read once
}

// The proxy library is read with the one CSV reader: quoted commas kept, a value that is
// not a number refused with its file, line and column.
TEST(ProxyLibrary, ReadsRowsAndRefusesABadValue) {
  const std::string header =
      "id,description,unit,value,price_year,type,agency,evidence_grade,source,source_table,"
      "source_url,licence\n";
  const auto rows = read_proxy_library_csv(
      header +
          "a,\"Member of a group, adults\",person per year,1850.00,2014,social,,B,A bank,Table 1,"
          "https://example.org,Held by the council\n"
          "b,Fewer A&E visits,visit,150,,fiscal,NHS,C,NHS,Table 2,https://example.org,OGL-3.0\n",
      "lib.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].proxy.description, "Member of a group, adults");
  EXPECT_EQ(rows[0].proxy.value, Decimal("1850.00"));
  EXPECT_EQ(rows[0].proxy.price_year, 2014);
  EXPECT_EQ(rows[1].proxy.price_year, 0);
  EXPECT_EQ(rows[1].agency, "NHS");
  EXPECT_EQ(rows[1].cited().source, "NHS (Table 2)");  // an outcome cites title and table
  try {
    read_proxy_library_csv(
        header + "a,x,y,1850,,social,,B,S,T,U,L\nb,x,y,lots,,social,,B,S,T,U,L\n", "lib.csv");
    FAIL() << "a value that is not a number was read";
  } catch (const InputError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].path, "lib.csv: line 3, value");
    EXPECT_NE(e.problems()[0].message.find("is not a value in pounds"), std::string::npos);
  }
  // A price year of four digits starting with 0 is a slip, not the year 242.
  try {
    read_proxy_library_csv(header + "a,x,y,31.37,0242,social,,B,S,T,U,L\n", "lib.csv");
    FAIL() << "the price year 0242 was read";
  } catch (const InputError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].text(),
              "lib.csv: line 2, price_year: \"0242\" is not a year; write it as 2024, or leave "
              "it empty");
  }
  // The shipped library is found through the template directories.
  EXPECT_FALSE(proxy_library().empty());
}
