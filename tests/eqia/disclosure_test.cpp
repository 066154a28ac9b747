#include "equivalue/core/disclosure.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace eqv;

TEST(Disclosure, SingleCounts) {
  EXPECT_EQ(disclose_count(0, 10).text, "0");
  EXPECT_FALSE(disclose_count(0, 10).suppressed);
  EXPECT_EQ(disclose_count(1, 10).text, "<10");
  EXPECT_EQ(disclose_count(9, 10).text, "<10");
  EXPECT_EQ(disclose_count(9, 10).reason, SuppressionReason::small);
  EXPECT_EQ(disclose_count(10, 10).text, "10");
  EXPECT_EQ(disclose_count(12345, 10).text, "12,345");
  EXPECT_EQ(disclose_count(4, 5).text, "<5");
  EXPECT_EQ(disclose_count(1, 1).text, "1");  // threshold 1 hides nothing
}

TEST(Disclosure, DerivedValuesFollowTheirBasis) {
  const auto shown = disclose_derived(disclose_count(40, 10), "34.0%");
  EXPECT_EQ(shown.text, "34.0%");
  EXPECT_FALSE(shown.suppressed);
  const auto withheld = disclose_derived(disclose_count(3, 10), "2.5%");
  EXPECT_EQ(withheld.text, "[c]");
  EXPECT_TRUE(withheld.suppressed);
  EXPECT_EQ(withheld.reason, SuppressionReason::derived);
}

TEST(Disclosure, SecondarySuppressionInRowsAndColumns) {
  // Counts            totals
  //   12   3  40    |  55
  //   25  30  18    |  73
  //   37  33  58    | 128
  // 3 is small -> "<10". With row 1's total shown, 3 = 55 - 12 - 40, so the next smallest
  // of row 1 (12) is withheld. Column 2's total 33 would give 3 = 33 - 30, so 30 is
  // withheld; then column 1 holds only 12 hidden and 37 = 12 + 25 gives it away, so 25 is
  // withheld. Row 2 now holds two hidden cells (25, 30) and every line has 0 or 2+ hidden.
  // Check: a + b = 15, c + d = 55, a + c = 37, b + d = 33 has many solutions, so 3 is safe.
  const DisclosedTable d = apply_disclosure({{{12, 3, 40}, {25, 30, 18}}, true, true}, 10);
  EXPECT_EQ(d.cell(0, 0).text, "[c]");
  EXPECT_EQ(d.cell(0, 0).reason, SuppressionReason::secondary);
  EXPECT_EQ(d.cell(0, 1).text, "<10");
  EXPECT_EQ(d.cell(0, 1).reason, SuppressionReason::small);
  EXPECT_EQ(d.cell(0, 2).text, "40");
  EXPECT_EQ(d.cell(1, 0).text, "[c]");
  EXPECT_EQ(d.cell(1, 1).text, "[c]");
  EXPECT_EQ(d.cell(1, 2).text, "18");
  ASSERT_EQ(d.row_totals.size(), 2u);
  EXPECT_EQ(d.row_totals[0].text, "55");
  EXPECT_EQ(d.row_totals[1].text, "73");
  ASSERT_EQ(d.column_totals.size(), 3u);
  EXPECT_EQ(d.column_totals[0].text, "37");
  EXPECT_EQ(d.column_totals[1].text, "33");
  EXPECT_EQ(d.column_totals[2].text, "58");
  ASSERT_TRUE(d.grand_total);
  EXPECT_EQ(d.grand_total->text, "128");
  EXPECT_EQ(d.statement,
            "Counts from 1 to 9 are shown as <10 to protect the people they describe, and "
            "percentages and indices "
            "based on them are withheld ([c]). Where a hidden count could be worked out from a "
            "total, the next "
            "smallest count in the same row or column is also withheld ([c]).");
}

TEST(Disclosure, NoTotalsMeansNoSecondarySuppression) {
  const DisclosedTable d = apply_disclosure({{{12, 3, 40}}, false, false}, 10);
  EXPECT_EQ(d.cell(0, 0).text, "12");
  EXPECT_EQ(d.cell(0, 1).text, "<10");
  EXPECT_EQ(d.cell(0, 2).text, "40");
  EXPECT_TRUE(d.row_totals.empty());
  EXPECT_FALSE(d.grand_total);
}

TEST(Disclosure, NextSmallestNonZeroCellIsChosen) {
  // Row 4, 0, 15, 11 with its total 30: 4 is hidden; 0 identifies nobody and is passed
  // over; the next smallest is 11.
  const DisclosedTable d = apply_disclosure({{{4, 0, 15, 11}}, true, false}, 10);
  EXPECT_EQ(d.cell(0, 0).text, "<10");
  EXPECT_EQ(d.cell(0, 1).text, "0");
  EXPECT_EQ(d.cell(0, 2).text, "15");
  EXPECT_EQ(d.cell(0, 3).text, "[c]");
  EXPECT_EQ(d.row_totals[0].text, "30");
}

TEST(Disclosure, SmallTotalIsHiddenAndProtectsNothing) {
  // Column 4, 3 with total 7: both cells and the total are small; no total is shown, so no
  // secondary suppression is needed.
  const DisclosedTable d = apply_disclosure({{{4}, {3}}, false, true}, 10);
  EXPECT_EQ(d.cell(0, 0).text, "<10");
  EXPECT_EQ(d.cell(1, 0).text, "<10");
  EXPECT_EQ(d.column_totals[0].text, "<10");
}

TEST(Disclosure, RowTotalOfASingleSmallCellIsHiddenToo) {
  // A one-column table with row totals: a row total equals its only cell, so it is small too.
  const DisclosedTable d = apply_disclosure({{{5}, {20}}, true, false}, 10);
  EXPECT_EQ(d.cell(0, 0).text, "<10");
  EXPECT_EQ(d.row_totals[0].text, "<10");  // itself small
  EXPECT_EQ(d.cell(1, 0).text, "20");
  EXPECT_EQ(d.row_totals[1].text, "20");
}

TEST(Disclosure, StatementForOtherThresholds) {
  EXPECT_EQ(disclosure_statement(1), "No counts are hidden: the disclosure threshold is set to 1.");
  EXPECT_EQ(disclosure_statement(5).substr(0, 36), "Counts from 1 to 4 are shown as <5 t");
  EXPECT_EQ(disclosure_statement(2).substr(0, 27), "Counts of 1 are shown as <2");
}

TEST(Disclosure, WholePeopleRoundsHalfAwayFromZero) {
  EXPECT_EQ(whole_people(Decimal("2141.5")), 2142);
  EXPECT_EQ(whole_people(Decimal("2141.49")), 2141);
}

TEST(Disclosure, MistakesInTheCallingCodeThrow) {
  EXPECT_THROW(apply_disclosure({{{1, 2}, {3}}, false, false}, 10), std::invalid_argument);
  EXPECT_THROW(apply_disclosure({{{-1}}, false, false}, 10), std::invalid_argument);
  EXPECT_THROW(apply_disclosure({{{1}}, false, false}, 0), std::invalid_argument);
}
