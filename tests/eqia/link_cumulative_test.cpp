// The link (method.md section 3) and cumulative impact, on the budget-round fixture:
//
// Segments (B = 60,000):     population   0-15   16-64   65+    disabled
//   1 Retired Professionals     20,000    0.15   0.50    0.35   0.20
//   4 Low-Skilled Migrant ...   30,000    0.20   0.72    0.08   0.15
//   8 Legacy Communities        10,000    0.18   0.52    0.30   0.30
//   B_0-15 = 3,000 + 6,000 + 1,800 = 10,800      B_16-64 = 10,000 + 21,600 + 5,200 = 36,800
//   B_65+  = 7,000 + 2,400 + 3,000 = 12,400      B_disabled = 4,000 + 4,500 + 3,000 = 11,500
//
// C1 touches 30% of segment 1 and 10% of segment 8:
//   A = 6,000 + 1,000 = 7,000
//   A_65+ = 6,000 x 0.35 + 1,000 x 0.30 = 2,100 + 300 = 2,400
//   R_65+ = (2,400 / 7,000) / (12,400 / 60,000) = 144,000,000 / 86,800,000 = 1.658986...  -> flag
//   (>= 1.2) A_disabled = 1,200 + 300 = 1,500; R = 90,000,000 / 80,500,000 = 1.118012... -> no flag
//   A_0-15 = 900 + 180 = 1,080; R = 64,800,000 / 75,600,000 = 0.857143
//   A_16-64 = 3,000 + 520 = 3,520; R = 211,200,000 / 257,600,000 = 0.819876
// C2 touches 20% of segment 8 and 5% of segment 1:
//   A = 2,000 + 1,000 = 3,000; A_65+ = 600 + 350 = 950; R = 57,000,000 / 37,200,000 = 1.532258 ->
//   flag A_disabled = 600 + 200 = 800; R = 48,000,000 / 34,500,000 = 1.391304 -> flag A_0-15 = 360
//   + 150 = 510; A_16-64 = 1,040 + 500 = 1,540
// C3 touches 10% of segment 4: A = 3,000; A_0-15 = 600; A_16-64 = 2,160 (R = 1.173913, no
//   flag at 1.2); A_65+ = 240; A_disabled = 450.
//
// Cumulative (age rated negative by C1, C2, C3; disability by C2 only; carers by C2):
//   age 0-15: 1,080 + 510 + 600 = 2,190    age 16-64: 3,520 + 1,540 + 2,160 = 7,220
//   age 65+: 2,400 + 950 + 240 = 3,590     disabled: 800    not disabled: 3,000 - 800 = 2,200
#include "equivalue/core/affected.hpp"
#include "equivalue/core/cumulative.hpp"
#include "equivalue/core/results.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/interchange/cumulative_json.hpp"
#include "equivalue/interchange/json_format.hpp"
#include "equivalue/interchange/results_json.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace eqv;

namespace {

Project budget_round() {
  std::ifstream in(std::string(EQUIVALUE_TEST_FIXTURES) + "/budget_round.json");
  const std::string text(std::istreambuf_iterator<char>(in), {});
  auto read = read_project_json(text);
  EXPECT_TRUE(read.problems.empty()) << read.problems[0].text();
  return read.project;
}

const CategoryImpact& category(const AffectedResult& r, const std::string& ch,
                               const std::string& cat) {
  for (const auto& c : r.find(ch)->categories)
    if (c.category == cat) return c;
  throw std::runtime_error("no category " + cat);
}

}  // namespace

TEST(Link, ThreeSegmentsByHand) {
  const Project p = budget_round();
  const auto c1 =
      compute_affected(p.segments, p.changes[0].affected_segments, p.project.flag_ratio);
  EXPECT_EQ(c1.total, Decimal(7000));
  EXPECT_EQ(c1.base, Decimal(60000));
  const auto& older = category(c1, "age", "65+");
  EXPECT_EQ(older.affected, Decimal(2400));
  EXPECT_EQ(to_fixed(*older.ratio, 6), "1.658986");
  EXPECT_TRUE(older.flag);
  EXPECT_EQ(to_fixed(*category(c1, "age", "0-15").ratio, 6), "0.857143");
  EXPECT_EQ(to_fixed(*category(c1, "age", "16-64").ratio, 6), "0.819876");
  EXPECT_EQ(category(c1, "disability", "disabled").affected, Decimal(1500));
  EXPECT_EQ(to_fixed(*category(c1, "disability", "disabled").ratio, 6), "1.118012");
  EXPECT_FALSE(c1.find("disability")->flagged());

  const auto c2 =
      compute_affected(p.segments, p.changes[1].affected_segments, p.project.flag_ratio);
  EXPECT_EQ(c2.total, Decimal(3000));
  EXPECT_EQ(to_fixed(*category(c2, "age", "65+").ratio, 6), "1.532258");
  EXPECT_EQ(category(c2, "disability", "disabled").affected, Decimal(800));
  EXPECT_EQ(to_fixed(*category(c2, "disability", "disabled").ratio, 6), "1.391304");
  EXPECT_TRUE(c2.find("disability")->flagged());

  const auto c3 =
      compute_affected(p.segments, p.changes[2].affected_segments, p.project.flag_ratio);
  EXPECT_EQ(to_fixed(*category(c3, "age", "16-64").ratio, 6), "1.173913");
  EXPECT_FALSE(c3.find("age")->flagged());
}

TEST(Link, CalcJsonFollowsTheContract) {
  const Project p = budget_round();
  CalcOptions options;
  options.draws = 10;
  const auto json = nlohmann::json::parse(results_to_json(calculate_project(p, options, "C1")));
  const auto& affected = json["changes"][0]["affected"];
  EXPECT_EQ(affected["total"], 7000);
  const auto& older = affected["characteristics"]["age"]["65+"];
  EXPECT_EQ(older["affected"], 2400);
  EXPECT_DOUBLE_EQ(older["share"].get<double>(), 0.3429);       // 2,400 / 7,000 = 0.342857
  EXPECT_DOUBLE_EQ(older["base_share"].get<double>(), 0.2067);  // 12,400 / 60,000 = 0.206667
  EXPECT_DOUBLE_EQ(older["ratio"].get<double>(), 1.659);        // 1.658986 to four places: 1.6590
  EXPECT_EQ(older["flag"], true);
  EXPECT_EQ(affected["characteristics"]["disability"]["disabled"]["flag"], false);
}

TEST(Cumulative, BudgetRoundByHand) {
  const Project p = budget_round();
  const CumulativeImpact c = cumulative_impact(p);
  EXPECT_EQ(c.changes, 3u);
  EXPECT_EQ(c.changes_assessed, 3u);
  ASSERT_EQ(c.rows.size(), 6u);  // 3 age + 2 disability + carers
  EXPECT_EQ(c.rows[0].characteristic, "age");
  EXPECT_EQ(c.rows[0].category, "0-15");
  EXPECT_EQ(c.rows[0].changes, (std::vector<std::string>{"C1", "C2", "C3"}));
  EXPECT_EQ(c.rows[0].count(), 3u);
  EXPECT_EQ(c.rows[0].people, Decimal(2190));
  EXPECT_EQ(c.rows[1].people, Decimal(7220));
  EXPECT_EQ(c.rows[2].people, Decimal(3590));
  EXPECT_EQ(c.rows[3].category, "disabled");
  EXPECT_EQ(c.rows[3].changes, std::vector<std::string>{"C2"});
  EXPECT_EQ(c.rows[3].people, Decimal(800));
  EXPECT_EQ(c.rows[4].people, Decimal(2200));
  EXPECT_EQ(c.rows[5].characteristic, "carers");
  EXPECT_FALSE(c.rows[5].has_people);
  EXPECT_EQ(c.rows[5].changes, std::vector<std::string>{"C2"});
}

TEST(Cumulative, ChangeWithoutSegmentsIsCountedButNotItsPeople) {
  Project p = budget_round();
  p.changes[2].affected_segments.clear();
  const CumulativeImpact c = cumulative_impact(p);
  EXPECT_EQ(c.rows[0].count(), 3u);
  EXPECT_EQ(c.rows[0].people, Decimal(1590));  // 1,080 + 510
  EXPECT_EQ(c.rows[0].changes_without_figures, std::vector<std::string>{"C3"});
}

TEST(Cumulative, JsonWithAndWithoutDisclosure) {
  Project p = budget_round();
  p.changes[1].affected_segments = {{"1", Decimal("0.0002")}};  // 4 people: 0.0002 x 20,000
  const auto c = cumulative_impact(p);
  // disabled: only C2 rates it negative; 4 x 0.20 = 0.8 people -> 1 when rounded to whole people.
  const auto plain = nlohmann::json::parse(cumulative_to_json(c));
  EXPECT_EQ(plain["characteristics"]["disability"]["disabled"]["people"], 1);
  EXPECT_EQ(plain["characteristics"]["disability"]["disabled"]["count"], 1);
  EXPECT_TRUE(plain["characteristics"]["carers"]["all"]["people"].is_null());
  EXPECT_FALSE(plain.contains("disclosure"));
  const auto published = nlohmann::json::parse(cumulative_to_json(c, 10));
  EXPECT_EQ(published["characteristics"]["disability"]["disabled"]["people"], "<10");
  EXPECT_EQ(published["characteristics"]["age"]["65+"]["people"],
            2641);  // 2,400 + 4 x 0.35 + 240 = 2,641.4
  EXPECT_EQ(published["disclosure"].get<std::string>().substr(0, 32),
            "Counts from 1 to 9 are shown as ");
}

TEST(Link, EverySegmentMustDescribeEveryCharacteristic) {
  // Without segment 4's disability shares, B would count its 30,000 people but B_disabled
  // none of them: base shares would no longer add up to 1 and every ratio would drift.
  Project p = budget_round();
  p.segments.items[1].composition.erase("disability");
  const Problems problems = validate(p);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "segments.items[1].composition.disability");
}
