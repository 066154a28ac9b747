#include "equivalue/interchange/json_format.hpp"

#include "equivalue/core/sroi.hpp"
#include "equivalue/interchange/results_json.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace eqv;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(EQUIVALUE_TEST_FIXTURES) + "/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string first_problem(std::string_view text) {
  const auto r = read_project_json(text);
  return r.problems.empty() ? "" : r.problems[0].text();
}

const char* kMinimal = R"({"format": "equivalue/1", "project": {"name": "P"}, "changes": [
  {"id": "C1", "title": "T", "sroi": {"stakeholders": [{"id": "S1", "name": "People"}],
   "inputs": [{"amount": "100.00"}],
   "outcomes": [{"id": "O1", "stakeholder": "S1", "quantity": 1, "proxy": {"value": "150"}, "duration": 1, "%s": %s}]}}]})";

std::string minimal_with(const std::string& key, const std::string& value) {
  std::string text = kMinimal;
  // A field the outcome already has is replaced, not given twice.
  if (const auto at = text.find("\"" + key + "\": 1, "); at != std::string::npos)
    text.erase(at, key.size() + 6);
  text.replace(text.find("%s"), 2, key);
  text.replace(text.find("%s"), 2, value);
  return text;
}

}  // namespace

TEST(JsonFormat, ReadsTheWorkedExample) {
  const auto r = read_project_json(fixture("worked_example.json"));
  ASSERT_TRUE(r.problems.empty()) << r.problems[0].text();
  const auto& p = r.project;
  EXPECT_EQ(p.project.name, "Method worked example");
  EXPECT_EQ(p.project.flag_ratio, Decimal("1.2"));
  ASSERT_EQ(p.changes.size(), 1u);
  const auto& o = p.changes[0].sroi.outcomes[0];
  EXPECT_EQ(o.deadweight, Decimal("0.2"));  // a JSON number, kept exact
  EXPECT_EQ(o.proxy.value, Decimal("1000"));
  EXPECT_EQ(o.proxy.price_year, 2024);
  EXPECT_EQ(o.ranges.at(Assumption::deadweight).distribution, Distribution::triangular);
  EXPECT_EQ(p.segments.items[0].population, 21000);
  EXPECT_EQ(p.segments.items[0].composition.at("age").at("65+"), Decimal("0.34"));
  ASSERT_TRUE(p.changes[0].eqia);
  EXPECT_EQ(p.changes[0].eqia->impacts[0].rating, Rating::negative);
  EXPECT_EQ(p.changes[0].eqia->impacts[0].residual->likelihood, 2);
  EXPECT_EQ(p.changes[0].eqia->decision.outcome, DecisionOutcome::adjust);
  EXPECT_EQ(to_fixed(calculate_core(p.changes[0].sroi, p.project).present_value, 2), "68496.75");
}

TEST(JsonFormat, NumbersKeepTheirExactDecimalValue) {
  // 0.1 has no exact binary form; read from the number's text it stays exactly 0.1.
  const auto r = read_project_json(minimal_with("deadweight", "0.1"));
  ASSERT_TRUE(r.problems.empty());
  EXPECT_EQ(r.project.changes[0].sroi.outcomes[0].deadweight * 3, Decimal("0.3"));
}

TEST(JsonFormat, WritesWhatItReads) {
  const auto first = read_project_json(fixture("worked_example.json"));
  const std::string written = write_project_json(first.project);
  const auto second = read_project_json(written);
  ASSERT_TRUE(second.problems.empty()) << second.problems[0].text();
  EXPECT_EQ(write_project_json(second.project), written);
  EXPECT_NE(written.find("\"amount\": \"50000.00\""), std::string::npos);
  EXPECT_NE(written.find("\"deadweight\": 0.2"), std::string::npos);
}

TEST(JsonFormat, DefaultsFromTheContract) {
  const auto r = read_project_json(minimal_with("indicator", "\"x\""));
  ASSERT_TRUE(r.problems.empty());
  const auto& p = r.project;
  EXPECT_EQ(p.project.disclosure_threshold, 10);
  EXPECT_EQ(p.project.flag_ratio, Decimal("1.2"));
  EXPECT_EQ(p.changes[0].sroi.discount.rate, Decimal("0.035"));
  EXPECT_TRUE(p.changes[0].sroi.first_year_discounted);
  EXPECT_EQ(p.changes[0].sroi.outcomes[0].start_year, 1);
  EXPECT_EQ(p.changes[0].sroi.inputs[0].year, 0);
  EXPECT_TRUE(p.changes[0].sroi.outcomes[0].ranges.empty());
}

TEST(JsonFormat, GreenBookSchedule) {
  std::string text = kMinimal;
  text.replace(text.find("\"stakeholders\""), 0, "\"discount\": {\"schedule\": \"green-book\"}, ");
  text.replace(text.find("%s"), 2, "indicator");
  text.replace(text.find("%s"), 2, "\"x\"");
  const auto r = read_project_json(text);
  ASSERT_TRUE(r.problems.empty()) << r.problems[0].text();
  EXPECT_EQ(r.project.changes[0].sroi.discount.kind, DiscountKind::green_book);
}

TEST(JsonFormat, BrokenFilesGetOneClearMessage) {
  EXPECT_EQ(first_problem(""), "the file is empty; an Equivalue project is JSON starting with {");
  EXPECT_EQ(first_problem("  \n"),
            "the file is empty; an Equivalue project is JSON starting with {");
  EXPECT_NE(first_problem("{\"format\": \"equivalue/1\", \"proj").find("not valid JSON at line 1"),
            std::string::npos);
  EXPECT_NE(first_problem("name,amount\nx,1\n").find("not valid JSON"), std::string::npos);
  EXPECT_NE(first_problem("{\"format\": NaN}").find("not valid JSON"), std::string::npos);
  EXPECT_NE(first_problem("{\n\"a\": [1, 2,]\n}").find("line 2"), std::string::npos);
  EXPECT_NE(first_problem("{\"project\": {\"name\": \"\xff\xfe\"}}").find("not valid JSON"),
            std::string::npos);
  EXPECT_NE(first_problem("\xef\xbb\xbf{\"format\": 1").find("not valid JSON"), std::string::npos);
}

TEST(JsonFormat, DeepNestingIsRefusedWithoutRecursion) {
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  EXPECT_NE(first_problem(deep).find("nested more than 64 levels"), std::string::npos);
  const std::string deep_objects = [] {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += "{\"a\":";
    return s;
  }();
  EXPECT_NE(first_problem(deep_objects).find("nested more than 64 levels"), std::string::npos);
}

TEST(JsonFormat, HugeNumbersAreOutOfRangeNotInfinite) {
  // The parser refuses it before the field is known, so the place is given by line and column.
  EXPECT_EQ(first_problem(minimal_with("deadweight", "1e400")),
            "line 4, column 126: the number 1e400 is out of range");
  EXPECT_EQ(read_project_json(minimal_with("deadweight", "1e35")).problems.at(0).text(),
            "changes[0].sroi.outcomes[0].deadweight: the number 1e35 is out of range");
  EXPECT_EQ(read_project_json(minimal_with("duration", "1e15")).problems.at(0).text(),
            "changes[0].sroi.outcomes[0].duration: the number 1000000000000000 is far too large");
}

// Which of two values of one field would count is left to chance, so the file is refused
// with the field's path; the same name in different objects is no repeat.
TEST(JsonFormat, AFieldGivenTwiceIsRefusedByItsPath) {
  EXPECT_EQ(first_problem(minimal_with("id", "\"O2\"")),
            "changes[0].sroi.outcomes[0].id: is given twice in one object; keep one of the two");
  EXPECT_EQ(
      first_problem(
          R"({"format": "equivalue/1", "project": {"name": "P", "name": "Q"}, "changes": []})"),
      "project.name: is given twice in one object; keep one of the two");
  EXPECT_TRUE(read_project_json(minimal_with("deadweight", "0.1")).problems.empty());
}

TEST(JsonFormat, WrongTypesAndWordsAreNamed) {
  EXPECT_EQ(read_project_json(minimal_with("deadweight", "\"20%\"")).problems.at(0).text(),
            "changes[0].sroi.outcomes[0].deadweight: \"20%\" is not a number; write digits with a "
            "decimal point, "
            "such as 1250.50 (no commas or £)");
  EXPECT_EQ(read_project_json(minimal_with("duration", "2.5")).problems.at(0).text(),
            "changes[0].sroi.outcomes[0].duration: must be a whole number, got 2.5");
  EXPECT_EQ(read_project_json(minimal_with("deadweight", "[1]")).problems.at(0).text(),
            "changes[0].sroi.outcomes[0].deadweight: must be a number, got a list");
  EXPECT_EQ(read_project_json(minimal_with("deadwieght", "0.2")).problems.at(0).text(),
            "changes[0].sroi.outcomes[0].deadwieght: is not a field Equivalue knows; did you mean "
            "\"deadweight\"?");
  EXPECT_EQ(
      read_project_json(minimal_with("type", "\"money\"")).problems.at(0).text(),
      "changes[0].sroi.outcomes[0].type: must be one of social, economic, fiscal, got \"money\"");
}

TEST(JsonFormat, DecimalStringsAreAccepted) {
  const auto r = read_project_json(minimal_with("deadweight", "\"0.125\""));
  ASSERT_TRUE(r.problems.empty());
  EXPECT_EQ(r.project.changes[0].sroi.outcomes[0].deadweight, Decimal("0.125"));
}

TEST(JsonFormat, WrongFormatNameIsExplained) {
  EXPECT_EQ(first_problem(R"({"format": "equivalue/9", "project": {"name": "x"}})"),
            "format: this file is in format \"equivalue/9\"; this version of Equivalue reads "
            "\"equivalue/1\"");
}

TEST(JsonFormat, MissingRequiredFieldsAreAllListed) {
  const auto r = read_project_json(R"({"format": "equivalue/1", "project": {"name": "P"},
    "changes": [{"id": "C1", "title": "T", "sroi": {"outcomes": [{"id": "O1"}]}}]})");
  std::string all;
  for (const auto& p : r.problems) all += p.text() + "\n";
  EXPECT_NE(all.find("changes[0].sroi.outcomes[0].stakeholder: is required"), std::string::npos);
  EXPECT_NE(all.find("changes[0].sroi.outcomes[0].quantity: is required"), std::string::npos);
  EXPECT_NE(all.find("changes[0].sroi.outcomes[0].proxy: is required"), std::string::npos);
  EXPECT_NE(all.find("changes[0].sroi.outcomes[0].duration: is required"), std::string::npos);
}

TEST(ResultsJson, CarriesTheContractKeysAndRoundedValues) {
  const auto r = read_project_json(fixture("worked_example.json"));
  CalcOptions o;
  o.draws = 1000;
  const std::string out = results_to_json(calculate_project(r.project, o));
  for (const char* expected :
       {"\"present_value\": 68496.75", "\"total_inputs\": 50000.0", "\"npv\": 18496.75",
        "\"ratio\": 1.3699", "\"net_ratio\": 0.3699", "\"payback_months\": 22.22",
        "\"breakeven_year\": 3", "\"discount_factor\": 0.966184", "\"proxy\": 729.96",
        "\"quantity\": 36.5", "\"discount_rate\": 0.2268", "\"monte_carlo\"", "\"draws\": 1000",
        "\"prob_ratio_below_1\"", "\"total\": 6300", "\"affected\": 2142", "\"flag\": false"})
    EXPECT_NE(out.find(expected), std::string::npos) << expected;
}

// A field Equivalue does not know, and that is no misspelling of one, is not an error, but
// it is listed as ignored: it is not silently lost when the file is imported or dumped.
TEST(JsonFormat, UnknownFieldsAreListedAsIgnored) {
  const auto r =
      read_project_json(R"({"format": "equivalue/1", "project": {"name": "P", "logo": "x.png"},
    "changes": [{"id": "C1", "title": "T", "sroi": {"stakeholders": [{"id": "S1", "name": "People"}],
      "outcomes": [{"id": "O1", "stakeholder": "S1", "quantity": 1, "proxy": {"value": "150", "url": "u"},
                    "duration": 1, "colour": "red"}]},
     "eqia": {"impacts": [{"characteristic": "age", "colour": "red", "residual": {"likelihood": 1, "why": "x"}}]}}]})");
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.ignored.size(), 5u);
  EXPECT_EQ(r.ignored[0].path, "project.logo");
  EXPECT_EQ(r.ignored[1].path, "changes[0].sroi.outcomes[0].colour");
  EXPECT_EQ(r.ignored[2].path, "changes[0].sroi.outcomes[0].proxy.url");
  EXPECT_EQ(r.ignored[3].path, "changes[0].eqia.impacts[0].colour");
  EXPECT_EQ(r.ignored[4].path, "changes[0].eqia.impacts[0].residual.why");
  EXPECT_EQ(r.ignored[1].message,
            "is not a field Equivalue knows, so it was ignored: it is not part of the project and "
            "is not kept when "
            "the project is saved");
  // A misspelling is still a problem, not a note.
  const auto typo = read_project_json(minimal_with("deadwieght", "0.2"));
  EXPECT_EQ(typo.problems.size(), 1u);
  EXPECT_TRUE(typo.ignored.empty());
}

TEST(JsonFormat, JointCharacteristicsAreReadAndWrittenBack) {
  const auto first = read_project_json(fixture("joint_groups.json"));
  ASSERT_TRUE(first.problems.empty()) << first.problems[0].text();
  EXPECT_EQ(first.project.segments.intersections.at("age x disability"),
            (std::vector<std::string>{"age", "disability"}));
  const std::string written = write_project_json(first.project);
  const auto second = read_project_json(written);
  ASSERT_TRUE(second.problems.empty()) << second.problems[0].text();
  EXPECT_EQ(second.project.segments.intersections, first.project.segments.intersections);
  EXPECT_EQ(write_project_json(second.project), written);
}

TEST(JsonFormat, AFileWithoutJointCharacteristicsMeansWhatItDidBefore) {
  const auto read = read_project_json(fixture("budget_round.json"));
  ASSERT_TRUE(read.problems.empty()) << read.problems[0].text();
  EXPECT_TRUE(read.project.segments.intersections.empty());
  EXPECT_EQ(write_project_json(read.project).find("intersections"), std::string::npos);
  EXPECT_EQ(first_problem(R"({"format": "equivalue/1", "project": {"name": "P"},
    "segments": {"intersections": ["age", "disability"]}})"),
            "segments.intersections: must be an object naming, for each joint characteristic, "
            "the characteristics it crosses, such as {\"age x disability\": [\"age\", "
            "\"disability\"]}");
}
