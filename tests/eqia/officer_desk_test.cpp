// The equality officer's desk (core/reviews.hpp) on the bundled example and on the
// officer's-year fixture: the same council a year on, where C1 was approved before its
// decision (review date 2027-12-31), C2 was approved on 2027-02-21, a day after its decision
// of 2027-02-20 (review date 2027-10-31, no review recorded), and C3 was returned on
// 2026-12-08.
#include "equivalue/core/reviews.hpp"
#include "equivalue/interchange/desk_json.hpp"
#include "equivalue/interchange/json_format.hpp"

#include "year_fixtures.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace eqv;

using test::example;
using test::officer_year;

TEST(OfficerDesk, DaysBetweenDates) {
  EXPECT_EQ(days_between("2027-11-20", "2027-12-31"), 41);
  EXPECT_EQ(days_between("2027-11-20", "2027-10-31"), -20);
  EXPECT_EQ(days_between("2028-02-28", "2028-03-01"), 2);  // leap year
  EXPECT_FALSE(days_between("2027-02-30", "2027-03-01").has_value());
}

TEST(OfficerDesk, TheExampleToday) {
  const OfficerDesk desk = officer_desk(example(), "2026-11-30");
  ASSERT_EQ(desk.items.size(), 1u);
  EXPECT_EQ(desk.items[0].list, DeskList::awaiting_review);
  EXPECT_EQ(desk.items[0].change_id, "C2");
  EXPECT_EQ(desk.items[0].date, "2026-11-15");
  EXPECT_EQ(desk.items[0].days, 15);
}

TEST(OfficerDesk, AYearOn) {
  const OfficerDesk desk = officer_desk(officer_year(), "2027-11-20");
  ASSERT_EQ(desk.items.size(), 4u);
  EXPECT_EQ(desk.in(DeskList::awaiting_review).size(), 0u);
  ASSERT_EQ(desk.in(DeskList::returned).size(), 1u);
  EXPECT_EQ(desk.in(DeskList::returned)[0]->change_id, "C3");
  ASSERT_EQ(desk.in(DeskList::review_overdue).size(), 1u);
  EXPECT_EQ(desk.in(DeskList::review_overdue)[0]->change_id, "C2");
  EXPECT_EQ(desk.in(DeskList::review_overdue)[0]->days, -20);
  EXPECT_EQ(desk.in(DeskList::review_overdue)[0]->note,
            "review was due on 2027-10-31, 20 days overdue");
  ASSERT_EQ(desk.in(DeskList::review_due).size(), 1u);
  EXPECT_EQ(desk.in(DeskList::review_due)[0]->change_id, "C1");
  EXPECT_EQ(desk.in(DeskList::review_due)[0]->days, 41);
  ASSERT_EQ(desk.in(DeskList::approved_late).size(), 1u);
  EXPECT_EQ(desk.in(DeskList::approved_late)[0]->change_id, "C2");
  EXPECT_EQ(desk.in(DeskList::approved_late)[0]->days, 1);
  // 61 days before C1's review it is not yet on the desk (C2's review is due that very day);
  // 60 days before, it is. A recorded review takes C2 off.
  const OfficerDesk early = officer_desk(officer_year(), "2027-10-31");
  ASSERT_EQ(early.in(DeskList::review_due).size(), 1u);
  EXPECT_EQ(early.in(DeskList::review_due)[0]->change_id, "C2");
  EXPECT_EQ(early.in(DeskList::review_due)[0]->note, "review due today");
  const OfficerDesk sixty = officer_desk(officer_year(), "2027-11-01");
  ASSERT_EQ(sixty.in(DeskList::review_due).size(), 1u);
  EXPECT_EQ(sixty.in(DeskList::review_due)[0]->change_id, "C1");
  Project reviewed = officer_year();
  reviewed.changes[1].eqia->review_summary = "Transport kept journeys under 30 minutes";
  EXPECT_EQ(officer_desk(reviewed, "2027-11-20").in(DeskList::review_overdue).size(), 0u);
  EXPECT_TRUE(officer_desk(reviewed, "not a date").items.empty());
}

TEST(OfficerDesk, ApprovedBeforeTheDecisionIsNotLate) {
  Project p = officer_year();
  EXPECT_FALSE(approved_late(*p.changes[0].eqia));  // approved 2026-11-09, decision 2026-12-10
  EXPECT_EQ(approval_date(*p.changes[0].eqia), "2026-11-09");
  p.changes[0].eqia->decision_date = "2026-11-09";  // approved on the day of the decision: late
  EXPECT_TRUE(approved_late(*p.changes[0].eqia));
}

TEST(OfficerDesk, Json) {
  const auto j = nlohmann::json::parse(desk_to_json(officer_desk(officer_year(), "2027-11-20")));
  EXPECT_EQ(j["today"], "2027-11-20");
  EXPECT_EQ(j["horizon_days"], 60);
  ASSERT_EQ(j["lists"]["review-overdue"].size(), 1u);
  EXPECT_EQ(j["lists"]["review-overdue"][0]["change"], "C2");
  EXPECT_EQ(j["lists"]["review-overdue"][0]["days"], -20);
  EXPECT_EQ(j["lists"]["awaiting-review"].size(), 0u);
}
