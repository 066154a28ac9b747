#include "equivalue/core/validation.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace eqv;
using eqv::test::D;

namespace {

Project valid_project() {
  Project p;
  p.project.name = "Northshire";
  p.segments.characteristics = {{"age", {"0-15", "16-64", "65+"}}};
  Segment seg;
  seg.code = "1";
  seg.population = 1000;
  seg.composition["age"] = {{"0-15", D("0.2")}, {"16-64", D("0.5")}, {"65+", D("0.3")}};
  p.segments.items.push_back(seg);
  ServiceChange c;
  c.id = "C1";
  c.title = "Library hours";
  c.sroi = test::worked_example();
  c.affected_segments.push_back({"1", D("0.5")});
  p.changes.push_back(c);
  return p;
}

// The message for `path`, or "" when there is none.
std::string message_for(const Problems& problems, const std::string& path) {
  for (const auto& p : problems)
    if (p.path == path) return p.message;
  return "";
}

}  // namespace

TEST(Validation, AValidProjectHasNoProblems) { EXPECT_TRUE(validate(valid_project()).empty()); }

TEST(Validation, PercentageWhereAFractionIsExpectedSuggestsTheFraction) {
  auto p = valid_project();
  p.changes[0].sroi.outcomes[0].deadweight = 20;
  const auto problems = validate(p);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].text(),
            "changes[0].sroi.outcomes[0].deadweight: must be between 0 and 1, got 20 (did you mean "
            "0.20?)");
}

TEST(Validation, ReportsEveryProblemAtOnce) {
  auto p = valid_project();
  auto& o = p.changes[0].sroi.outcomes[0];
  o.displacement = D("-0.1");
  o.attribution = D("1.5");
  o.drop_off = 35;
  o.duration = 0;
  o.start_year = 0;
  o.quantity = -3;
  const auto problems = validate(p);
  const std::string base = "changes[0].sroi.outcomes[0].";
  EXPECT_EQ(message_for(problems, base + "displacement"), "must be between 0 and 1, got -0.1");
  EXPECT_EQ(message_for(problems, base + "attribution"),
            "must be between 0 and 1, got 1.5 (did you mean 0.015?)");
  EXPECT_EQ(message_for(problems, base + "drop_off"),
            "must be between 0 and 1, got 35 (did you mean 0.35?)");
  EXPECT_NE(message_for(problems, base + "duration"), "");
  EXPECT_NE(message_for(problems, base + "start_year"), "");
  EXPECT_EQ(message_for(problems, base + "quantity"), "the quantity cannot be negative, got -3");
  EXPECT_EQ(problems.size(), 6u);
}

TEST(Validation, ReferencesMustResolve) {
  auto p = valid_project();
  p.changes[0].sroi.outcomes[0].stakeholder = "S9";
  p.changes[0].sroi.inputs[0].stakeholder = "S8";
  p.changes[0].sroi.stakeholders[0].segment = "7";
  p.changes[0].affected_segments[0].segment = "99";
  const auto problems = validate(p);
  EXPECT_EQ(message_for(problems, "changes[0].sroi.outcomes[0].stakeholder"),
            "no stakeholder has the id \"S9\"");
  EXPECT_EQ(message_for(problems, "changes[0].sroi.inputs[0].stakeholder"),
            "no stakeholder has the id \"S8\"");
  EXPECT_EQ(message_for(problems, "changes[0].sroi.stakeholders[0].segment"),
            "no segment has the code \"7\"");
  EXPECT_EQ(message_for(problems, "changes[0].affected_segments[0].segment"),
            "no segment has the code \"99\"");
}

TEST(Validation, IdsAreUniqueWithinTheirList) {
  auto p = valid_project();
  p.changes.push_back(p.changes[0]);
  p.changes[0].sroi.outcomes.push_back(p.changes[0].sroi.outcomes[0]);
  const auto problems = validate(p);
  EXPECT_NE(message_for(problems, "changes[1].id"), "");
  EXPECT_NE(message_for(problems, "changes[0].sroi.outcomes[1].id"), "");
}

TEST(Validation, SegmentSharesMustAddUpToOne) {
  auto p = valid_project();
  p.segments.items[0].composition["age"]["65+"] = D("0.4");
  p.segments.items[0].composition["age"]["90+"] = D("0");
  p.segments.items[0].population = -5;
  const auto problems = validate(p);
  EXPECT_EQ(message_for(problems, "segments.items[0].composition.age"),
            "the shares of age must add up to 1 (within 0.001), they add up to 1.1");
  EXPECT_EQ(message_for(problems, "segments.items[0].composition.age.90+"),
            "\"90+\" is not a category of age");
  EXPECT_NE(message_for(problems, "segments.items[0].population"), "");
}

TEST(Validation, SegmentSharesWithinToleranceAreAccepted) {
  auto p = valid_project();
  p.segments.items[0].composition["age"]["65+"] = D("0.3009");  // sums to 1.0009
  EXPECT_TRUE(validate(p).empty());
}

TEST(Validation, RangesMustBeOrderedAndIncludeTheValueUsed) {
  auto p = valid_project();
  auto& o = p.changes[0].sroi.outcomes[0];
  o.ranges[Assumption::deadweight] = {D("0.3"), D("0.1"), Distribution::uniform};
  o.ranges[Assumption::attribution] = {D("0.3"), D("0.4"), Distribution::uniform};
  o.ranges[Assumption::quantity] = {D("-1"), D("60"), Distribution::uniform};
  const auto problems = validate(p);
  EXPECT_EQ(message_for(problems, "changes[0].sroi.outcomes[0].ranges.deadweight"),
            "the low end (0.3) is above the high end (0.1)");
  EXPECT_EQ(message_for(problems, "changes[0].sroi.outcomes[0].ranges.attribution"),
            "the range 0.3 to 0.4 does not include the value used, 0.25");
  EXPECT_NE(message_for(problems, "changes[0].sroi.outcomes[0].ranges.quantity.low"), "");
}

TEST(Validation, ProjectSettings) {
  auto p = valid_project();
  p.project.name = " ";
  p.project.flag_ratio = D("0.9");
  p.project.disclosure_threshold = 0;
  p.project.base_year = 1066;
  p.changes[0].sroi.discount.rate = D("3.5");
  const auto problems = validate(p);
  EXPECT_EQ(message_for(problems, "project.name"), "a project name is required");
  EXPECT_NE(message_for(problems, "project.flag_ratio"), "");
  EXPECT_NE(message_for(problems, "project.disclosure_threshold"), "");
  EXPECT_NE(message_for(problems, "project.base_year"), "");
  EXPECT_EQ(message_for(problems, "changes[0].sroi.discount.rate"),
            "must be between 0 and 1, got 3.5 (did you mean 0.035?)");
}

TEST(Validation, DeflatorSeriesMustCoverTheYearsUsed) {
  auto p = valid_project();
  p.project.deflators = {{2024, D("95")}};
  p.changes[0].sroi.outcomes[0].proxy.price_year = 2023;
  const auto problems = validate(p);
  EXPECT_NE(message_for(problems, "project.deflators"), "");  // no base year 2026
  EXPECT_NE(message_for(problems, "changes[0].sroi.outcomes[0].proxy.price_year"), "");
}

TEST(Validation, EqiaFields) {
  auto p = valid_project();
  Eqia e;
  e.impacts.push_back({});
  e.impacts[0].characteristic = "age";
  e.impacts[0].before = {5, 2};
  e.actions.push_back({"Consult users", "Officer", "2027-02-30", "pending"});
  e.review_date = "30/09/2027";
  p.changes[0].eqia = e;
  const auto problems = validate(p);
  EXPECT_NE(message_for(problems, "changes[0].eqia.impacts[0].likelihood"), "");
  EXPECT_EQ(message_for(problems, "changes[0].eqia.actions[0].due"),
            "must be a date written yyyy-mm-dd (for example 2027-03-31), got \"2027-02-30\"");
  EXPECT_NE(message_for(problems, "changes[0].eqia.actions[0].status"), "");
  EXPECT_NE(message_for(problems, "changes[0].eqia.review_date"), "");
}

TEST(Validation, IsoDates) {
  EXPECT_TRUE(is_iso_date("2028-02-29"));
  EXPECT_FALSE(is_iso_date("2027-02-29"));
  EXPECT_FALSE(is_iso_date("2027-13-01"));
  EXPECT_FALSE(is_iso_date("2027-1-01"));
}

TEST(Validation, AJointCharacteristicCrossesListedCharacteristics) {
  Project p = valid_project();
  p.segments.characteristics.push_back({"age x disability", {"65+ disabled", "other"}});
  p.segments.items[0].composition["age x disability"] = {{"65+ disabled", D("0.1")},
                                                         {"other", D("0.9")}};
  p.segments.characteristics.push_back({"disability", {"disabled", "not disabled"}});
  p.segments.items[0].composition["disability"] = {{"disabled", D("0.2")},
                                                   {"not disabled", D("0.8")}};
  p.segments.intersections["age x disability"] = {"age", "disability"};
  EXPECT_TRUE(validate(p).empty());

  p.segments.intersections["age x disability"] = {"age", "sex"};
  EXPECT_EQ(message_for(validate(p), "segments.intersections.age x disability"),
            "crosses \"sex\", which is not one of the (single) characteristics of the segments");
  p.segments.intersections["age x disability"] = {"age"};
  EXPECT_EQ(message_for(validate(p), "segments.intersections.age x disability"),
            "a joint characteristic crosses two or more characteristics");
  p.segments.intersections.clear();
  p.segments.intersections["age x sex"] = {"age", "disability"};
  EXPECT_EQ(message_for(validate(p), "segments.intersections.age x sex"),
            "\"age x sex\" is not one of the characteristics listed under "
            "segments.characteristics");
}
