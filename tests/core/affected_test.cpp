#include "equivalue/core/affected.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace eqv;
using eqv::test::D;

TEST(Affected, SingleSegmentMatchesTheContractExample) {
  SegmentScheme s;
  s.characteristics = {{"age", {"0-15", "16-64", "65+"}}};
  Segment seg;
  seg.code = "1";
  seg.population = 21000;
  seg.composition["age"] = {{"0-15", D("0.14")}, {"16-64", D("0.52")}, {"65+", D("0.34")}};
  s.items.push_back(seg);
  const auto r = compute_affected(s, {{"1", D("0.30")}}, D("1.2"));
  EXPECT_EQ(r.total, D("6300"));
  const auto& older = r.find("age")->categories[2];
  EXPECT_EQ(older.affected, D("2142"));  // 0.3 x 21,000 x 0.34
  EXPECT_EQ(to_fixed(*older.ratio, 4), "1.0000");
  EXPECT_FALSE(older.flag);
}

TEST(Affected, DisproportionalityAcrossSegmentsRaisesFlags) {
  // Two segments. A: 1,000 people, 60% aged 65+. B: 3,000 people, 20% aged 65+.
  // The change touches half of A and a tenth of B.
  //   A    = 0.5 x 1000 + 0.1 x 3000                 = 800
  //   A_65 = 0.5 x 1000 x 0.6 + 0.1 x 3000 x 0.2     = 360
  //   B    = 4000, B_65 = 600 + 600 = 1200
  //   R_65 = (360 / 800) / (1200 / 4000) = 0.45 / 0.30 = 1.5  -> flagged at 1.2
  //   R_<65 = (440 / 800) / (2800 / 4000) = 0.55 / 0.70 = 0.7857
  SegmentScheme s;
  s.characteristics = {{"age", {"under 65", "65+"}}};
  Segment a, b;
  a.code = "A";
  a.population = 1000;
  a.composition["age"] = {{"under 65", D("0.4")}, {"65+", D("0.6")}};
  b.code = "B";
  b.population = 3000;
  b.composition["age"] = {{"under 65", D("0.8")}, {"65+", D("0.2")}};
  s.items = {a, b};
  const auto r = compute_affected(s, {{"A", D("0.5")}, {"B", D("0.1")}}, D("1.2"));
  EXPECT_EQ(r.total, D("800"));
  EXPECT_EQ(r.base, D("4000"));
  const auto& age = *r.find("age");
  EXPECT_EQ(age.categories[1].affected, D("360"));
  EXPECT_EQ(to_fixed(*age.categories[1].ratio, 4), "1.5000");
  EXPECT_TRUE(age.categories[1].flag);
  EXPECT_EQ(to_fixed(*age.categories[0].ratio, 4), "0.7857");
  EXPECT_FALSE(age.categories[0].flag);
  EXPECT_TRUE(age.flagged());
}

TEST(Affected, NobodyAffectedGivesNoRatio) {
  SegmentScheme s;
  s.characteristics = {{"age", {"all"}}};
  Segment a;
  a.code = "A";
  a.population = 10;
  a.composition["age"] = {{"all", D("1")}};
  s.items = {a};
  const auto r = compute_affected(s, {{"A", D("0")}}, D("1.2"));
  EXPECT_EQ(r.total, D("0"));
  EXPECT_FALSE(r.find("age")->categories[0].ratio.has_value());
  EXPECT_FALSE(r.find("age")->categories[0].flag);
}

TEST(Affected, RatioExactlyAtTheFlagRatioIsFlagged) {
  // A: 100 people, 30% disabled; B: 100 people, 20% disabled. All of A, none of B.
  //   R = (30 / 100) / (50 / 200) = 1.2 exactly: ">= flag ratio" must hold without rounding error.
  SegmentScheme s;
  s.characteristics = {{"disability", {"disabled", "not disabled"}}};
  Segment a, b;
  a.code = "A";
  a.population = 100;
  a.composition["disability"] = {{"disabled", D("0.3")}, {"not disabled", D("0.7")}};
  b.code = "B";
  b.population = 100;
  b.composition["disability"] = {{"disabled", D("0.2")}, {"not disabled", D("0.8")}};
  s.items = {a, b};
  const auto r = compute_affected(s, {{"A", D("1")}}, D("1.2"));
  EXPECT_TRUE(r.find("disability")->categories[0].flag);
  EXPECT_FALSE(
      compute_affected(s, {{"A", D("1")}}, D("1.21")).find("disability")->categories[0].flag);
}

TEST(Affected, JointGroupsAreCountedAndFlaggedLikeAnyGroup) {
  // A joint characteristic (age x disability, from a Census multivariate table) beside age.
  // A: 1,000 people, 30% aged 65+ and disabled; B: 3,000 people, 5%.
  // The change touches half of A and a tenth of B:
  //   A = 500 + 300 = 800;  A_(65+ disabled) = 500 x 0.3 + 300 x 0.05 = 150 + 15 = 165
  //   B = 4,000;            B_(65+ disabled) = 300 + 150 = 450
  //   R = (165 / 800) / (450 / 4,000) = 0.20625 / 0.1125 = 1.8333  -> flagged at 1.2
  //   R_other = (635 / 800) / (3,550 / 4,000) = 0.79375 / 0.8875 = 0.8944
  SegmentScheme s;
  s.characteristics = {{"age", {"under 65", "65+"}},
                       {"age x disability", {"65+ disabled", "other"}}};
  s.intersections["age x disability"] = {"age", "disability"};
  Segment a, b;
  a.code = "A";
  a.population = 1000;
  a.composition["age"] = {{"under 65", D("0.4")}, {"65+", D("0.6")}};
  a.composition["age x disability"] = {{"65+ disabled", D("0.3")}, {"other", D("0.7")}};
  b.code = "B";
  b.population = 3000;
  b.composition["age"] = {{"under 65", D("0.8")}, {"65+", D("0.2")}};
  b.composition["age x disability"] = {{"65+ disabled", D("0.05")}, {"other", D("0.95")}};
  s.items = {a, b};
  const auto r = compute_affected(s, {{"A", D("0.5")}, {"B", D("0.1")}}, D("1.2"));
  const auto& joint = *r.find("age x disability");
  EXPECT_EQ(joint.categories[0].category, "65+ disabled");
  EXPECT_EQ(joint.categories[0].affected, D("165"));
  EXPECT_EQ(to_fixed(*joint.categories[0].ratio, 4), "1.8333");
  EXPECT_TRUE(joint.categories[0].flag);
  EXPECT_EQ(joint.categories[1].affected, D("635"));
  EXPECT_EQ(to_fixed(*joint.categories[1].ratio, 4), "0.8944");
  EXPECT_FALSE(joint.categories[1].flag);
  EXPECT_TRUE(joint.flagged());
}
