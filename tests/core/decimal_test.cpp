#include "equivalue/core/decimal.hpp"

#include <gtest/gtest.h>

using eqv::Decimal;

TEST(Decimal, ParsesPlainDecimalTextExactly) {
  EXPECT_EQ(*eqv::parse_decimal("0.035"), Decimal("0.035"));
  EXPECT_EQ(*eqv::parse_decimal(" 50000.00 "), Decimal(50000));
  EXPECT_EQ(*eqv::parse_decimal("-1.5e2"), Decimal(-150));
  // 0.1 + 0.2 is exactly 0.3 in decimal, unlike binary floating point.
  EXPECT_EQ(*eqv::parse_decimal("0.1") + *eqv::parse_decimal("0.2"), Decimal("0.3"));
}

TEST(Decimal, RefusesTextThatIsNotANumber) {
  for (const char* bad : {"", " ", "NaN", "nan", "inf", "-inf", "1,000", "£5", "1.2.3", "e5", "1e",
                          ".", "-", "0x10", "12abc", "1e400", "1e-400", "1e1000000"})
    EXPECT_FALSE(eqv::parse_decimal(bad).has_value()) << bad;
}

TEST(Decimal, RoundsHalfAwayFromZero) {
  EXPECT_EQ(eqv::to_fixed(Decimal("2.345"), 2), "2.35");
  EXPECT_EQ(eqv::to_fixed(Decimal("-2.345"), 2), "-2.35");
  EXPECT_EQ(eqv::to_fixed(Decimal("2.3449"), 2), "2.34");
  EXPECT_EQ(eqv::to_fixed(Decimal("0.125"), 2), "0.13");
  EXPECT_EQ(eqv::to_fixed(Decimal("2.5"), 0), "3");
  EXPECT_EQ(eqv::to_fixed(Decimal("-2.5"), 0), "-3");
  EXPECT_EQ(eqv::to_fixed(Decimal("-0.001"), 2), "0.00");  // no negative zero on screen
  EXPECT_EQ(eqv::to_fixed(Decimal("1.36993"), 4), "1.3699");
}

TEST(Decimal, GroupsThousandsForPeople) {
  EXPECT_EQ(eqv::to_grouped(Decimal("1234567.891"), 2), "1,234,567.89");
  EXPECT_EQ(eqv::to_grouped(Decimal("-1234.5"), 2), "-1,234.50");
  EXPECT_EQ(eqv::to_grouped(Decimal("999"), 0), "999");
  EXPECT_EQ(eqv::to_grouped(Decimal("1000"), 0), "1,000");
}

TEST(Decimal, ExactTextRoundTrips) {
  EXPECT_EQ(eqv::to_exact_string(Decimal("0.20")), "0.2");
  EXPECT_EQ(eqv::to_exact_string(Decimal("50000.00")), "50000");
  EXPECT_EQ(eqv::to_exact_string(Decimal("-0.035")), "-0.035");
  EXPECT_EQ(eqv::to_exact_string(Decimal(0)), "0");
}
