// Impacts on named groups, the cumulative impact per group and the officer's desk, on the
// bundled example (examples/northshire-2026.json) and the officer's-year fixture (the same
// council a year on: C2 approved a day after its decision, C3 returned).
//
// Cumulative impact on the 65+ group, worked by hand from the example's segments
// (population x share affected x share aged 65+):
//   C2 (day centres, negative for 65+): seg 8 25,000 x 0.012 x 0.28 = 84
//                                       seg 1 31,000 x 0.006 x 0.34 = 63.24
//                                       seg 7 36,000 x 0.004 x 0.16 = 23.04      = 170.28
//   C3 (council tax online, negative for 65+):
//     seg 1 1,054 + seg 2 840 + seg 3 180 + seg 4 128 + seg 5 360 + seg 6 684
//     + seg 7 36,000 x 0.12 x 0.16 = 691.2 + seg 8 25,000 x 0.16 x 0.28 = 1,120 = 5,057.2
//   together 5,227.48 people; savings 165,000 + 72,000 = 237,000.
// C1 is positive for 65+; no change names the 16-64 group, so it bears none.
#include "equivalue/core/cumulative.hpp"
#include "equivalue/core/eqia.hpp"
#include "equivalue/core/reviews.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/interchange/cumulative_json.hpp"
#include "equivalue/interchange/json_format.hpp"

#include "year_fixtures.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace eqv;

using test::example;
using test::officer_year;

TEST(ImpactGroups, AnImpactBearsOnTheGroupsItNamesOrOnAll) {
  Impact all;
  all.characteristic = "age";
  EXPECT_TRUE(impact_bears_on(all, "16-64"));
  Impact older = all;
  older.groups = {"65+"};
  EXPECT_TRUE(impact_bears_on(older, "65+"));
  EXPECT_FALSE(impact_bears_on(older, "16-64"));
}

TEST(ImpactGroups, GroupsMustBeCategoriesOfTheCharacteristic) {
  Project p = example();
  ASSERT_TRUE(validate(p).empty());
  auto& im = p.changes[1].eqia->impacts[0];  // C2, age
  im.groups = {"65+", "over 70", "65+", ""};
  const Problems problems = validate(p);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].text(),
            "changes[1].eqia.impacts[0].groups[1]: \"over 70\" is not a group of age in the "
            "project's segments "
            "(0-15, 16-64, 65+)");
  EXPECT_EQ(problems[1].text(), "changes[1].eqia.impacts[0].groups[2]: \"65+\" is named twice");
  EXPECT_EQ(problems[2].path, "changes[1].eqia.impacts[0].groups[3]");
}

TEST(ImpactGroups, AFlaggedGroupNeedsAnImpactThatBearsOnIt) {
  Project p = example();
  // C2's figures flag 65+: 170.28 of its 630 people (27%) against 45,220 of 230,000 (19.7%)
  // in the area, a ratio of 1.38. Its impact on age, named for 0-15 only, leaves 65+ unassessed.
  ASSERT_TRUE(submission_problems(p, 1, nullptr).size() == 1u);  // only the missing template
  auto& e = *p.changes[1].eqia;
  e.impacts[0].groups = {"0-15"};
  const Problems unmet = submission_problems(p, 1, nullptr);
  bool named = false;
  for (const auto& problem : unmet)
    named = named || (problem.path == "changes[1].eqia.impacts" &&
                      problem.message.find("no impact on \"age\" names the group \"65+\"") !=
                          std::string::npos);
  EXPECT_TRUE(named);
}

TEST(CumulativeByGroup, OlderResidentsBearBothHarmfulChangesWorkingAgeNone) {
  const CumulativeImpact c = cumulative_impact(example());
  const CumulativeRow* older = c.find("age", "65+");
  ASSERT_NE(older, nullptr);
  EXPECT_EQ(older->changes, (std::vector<std::string>{"C2", "C3"}));
  EXPECT_EQ(older->people, Decimal("5227.48"));
  EXPECT_EQ(older->saving, Decimal("237000"));
  EXPECT_TRUE(older->flagged);
  ASSERT_EQ(older->cells.size(), 3u);
  EXPECT_EQ(older->cells[0].rating, Rating::positive);
  EXPECT_EQ(older->cells[1].rating, Rating::negative);
  EXPECT_EQ(older->cells[1].people, Decimal("170.28"));
  EXPECT_EQ(older->cells[2].people, Decimal("5057.2"));

  const CumulativeRow* working = c.find("age", "16-64");
  ASSERT_NE(working, nullptr);
  EXPECT_EQ(working->count(), 0u);
  EXPECT_EQ(working->people, Decimal(0));
  EXPECT_FALSE(working->flagged);
  for (const auto& cell : working->cells) EXPECT_FALSE(cell.rating.has_value());

  // Disabled residents: C2 only (C1 is unknown, C3 does not assess disability); one change
  // is under the threshold of two.
  const CumulativeRow* disabled = c.find("disability", "disabled");
  ASSERT_NE(disabled, nullptr);
  EXPECT_EQ(disabled->changes, (std::vector<std::string>{"C2"}));
  EXPECT_EQ(disabled->cells[0].rating, Rating::unknown);
  EXPECT_FALSE(disabled->flagged);
  EXPECT_EQ(c.groups_flagged(), 1u);
  EXPECT_EQ(c.change_ids, (std::vector<std::string>{"C1", "C2", "C3"}));
}

TEST(CumulativeByGroup, ThresholdIsAProjectSetting) {
  Project p = example();
  p.project.cumulative_threshold = 1;
  const CumulativeImpact c = cumulative_impact(p);
  // 65+, disabled and female each bear at least one negative change.
  EXPECT_EQ(c.groups_flagged(), 3u);
  p.project.cumulative_threshold = 0;
  ASSERT_EQ(validate(p).size(), 1u);
  EXPECT_EQ(validate(p)[0].path, "project.cumulative_threshold");
}

TEST(CumulativeByGroup, CharacteristicsOutsideTheSegmentsGetARowPerNamedGroup) {
  Project p = example();
  auto& religion = p.changes[1].eqia->impacts[3];  // C2: Jewish, Muslim
  religion.rating = Rating::negative;
  const CumulativeImpact c = cumulative_impact(p);
  const CumulativeRow* jewish = c.find("religion-belief", "Jewish");
  ASSERT_NE(jewish, nullptr);
  EXPECT_FALSE(jewish->has_people);
  EXPECT_EQ(jewish->changes, (std::vector<std::string>{"C2"}));
  EXPECT_NE(c.find("religion-belief", "Muslim"), nullptr);
  EXPECT_EQ(c.find("religion-belief", "Christian"), nullptr);
}

TEST(CumulativeByGroup, Json) {
  const auto j = nlohmann::json::parse(cumulative_to_json(cumulative_impact(example())));
  const auto& older = j["characteristics"]["age"]["65+"];
  EXPECT_EQ(older["count"], 2);
  EXPECT_EQ(older["people"], 5227);
  EXPECT_EQ(older["saving"], "237000.00");
  EXPECT_EQ(older["flagged"], true);
  EXPECT_EQ(older["ratings"]["C1"], "positive");
  EXPECT_TRUE(j["characteristics"]["age"]["16-64"]["ratings"]["C2"].is_null());
  EXPECT_EQ(j["threshold"], 2);
  EXPECT_EQ(j["groups_flagged"], 1);
}

// The review as every store records it: by a lead or an officer, on or after the review date
// (the day of the actor's time), each problem's path naming the change's assessment.
TEST(RecordChangeReview, RolesDateAndPaths) {
  Project p = officer_year();  // C2: approved, review date 2027-10-31, four impacts
  const std::vector<ImpactReview> four(
      4, ImpactReview{"Journeys longer for 2 in 10 users", Rating::negative, "Hub register, 2027"});
  Actor finance{"fpatel", "2027-11-20T09:00:00Z", {Role::finance}};
  Problems p1 = record_change_review(p, 1, four, "Transport kept journeys short", finance);
  ASSERT_EQ(p1.size(), 1u);
  EXPECT_EQ(p1[0].path, "changes[1].eqia");
  EXPECT_EQ(p1[0].message,
            "a post-implementation review is recorded by a project lead or an equality officer; "
            "fpatel is neither");

  Actor early{"jokafor", "2027-10-30T09:00:00Z", {Role::officer}};
  Problems p2 = record_change_review(p, 1, four, "Transport kept journeys short", early);
  ASSERT_EQ(p2.size(), 1u);
  EXPECT_EQ(p2[0].path, "changes[1].eqia.review_date");

  Actor officer{"jokafor", "2027-10-31T09:00:00Z", {Role::officer}};
  std::vector<ImpactReview> gap = four;
  gap[2].evidence = " ";
  Problems p3 = record_change_review(p, 1, gap, "", officer);
  ASSERT_EQ(p3.size(), 2u);
  EXPECT_EQ(p3[0].path, "changes[1].eqia.impacts[2].actual_evidence");
  EXPECT_EQ(p3[1].path, "changes[1].eqia.review_summary");
  EXPECT_EQ(p.changes[1].eqia->review_summary, "");

  EXPECT_TRUE(record_change_review(p, 1, four, "Transport kept journeys short", officer).empty());
  const Eqia& e = *p.changes[1].eqia;
  EXPECT_EQ(e.review_summary, "Transport kept journeys short");
  EXPECT_EQ(e.impacts[3].actual_rating, Rating::negative);
  EXPECT_EQ(e.history.back().who, "jokafor");
  EXPECT_EQ(e.history.back().from, EqiaStatus::approved);
  EXPECT_EQ(e.history.back().to, EqiaStatus::approved);
}
