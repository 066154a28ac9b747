// Exact decimal arithmetic for money, rates and shares.
//
// Every amount Equivalue reads is held as a base-10 number built from its text, so
// 0.035 is exactly 0.035 and pence never drift. Rounding happens only in
// round_half_away() below, and only where a figure is shown or written out.
#pragma once

#include <boost/multiprecision/cpp_dec_float.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eqv {

// 40 significant decimal digits: far beyond any council budget in pence, and enough
// headroom that products of many factors (Q x P x (1-DW) x ... x DF) stay exact to
// well below a penny before rounding.
using Decimal = boost::multiprecision::number<boost::multiprecision::cpp_dec_float<40>,
                                              boost::multiprecision::et_off>;

// Parses plain decimal text ("50000.00", "-0.2", "1e3"). Returns nothing for anything
// else (empty, "NaN", "inf", "1,000", trailing junk) and for magnitudes outside
// [1e-30, 1e30], which no figure in an assessment can reach.
std::optional<Decimal> parse_decimal(std::string_view text);

// Builds a decimal from a whole number.
Decimal decimal_from_int(std::int64_t value);

// THE rounding rule of Equivalue: half away from zero to `places` decimal places
// (2.345 -> 2.35, -2.345 -> -2.35). Workbook formulas use ROUND(x, places), which
// rounds the same way, so the application and Excel agree to the penny.
Decimal round_half_away(const Decimal& value, int places);

// Fixed-point text after rounding with round_half_away(): "68496.75".
std::string to_fixed(const Decimal& value, int places);

// Fixed-point text with thousands separators, for people: "68,496.75".
std::string to_grouped(const Decimal& value, int places);

// Shortest exact text ("0.2", "50000", "-1.25"), used when a value is written back
// out unrounded (the interchange file), so that reading it again gives the same number.
std::string to_exact_string(const Decimal& value);

// For display-only statistics and charts (Monte Carlo, plots); never for money.
double to_double(const Decimal& value);

// Money and rates rounded for output, in the places Equivalue shows them.
inline constexpr int kMoneyPlaces = 2;
inline constexpr int kRatioPlaces = 4;
inline constexpr int kFactorPlaces = 6;

}  // namespace eqv
