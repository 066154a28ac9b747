#include "equivalue/core/decimal.hpp"

#include <cctype>
#include <cstdlib>
#include <vector>

namespace eqv {
namespace {

// Accepts [+-]digits[.digits][(e|E)[+-]digits] with at least one digit in the mantissa.
bool is_plain_decimal(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
    ++i;
    ++digits;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      ++i;
      ++digits;
    }
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exp_digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      ++i;
      ++exp_digits;
    }
    if (exp_digits == 0 || exp_digits > 6) return false;
  }
  return i == s.size();
}

}  // namespace

std::optional<Decimal> parse_decimal(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  if (text.empty() || text.size() > 200 || !is_plain_decimal(text)) return std::nullopt;
  const Decimal value{std::string(text)};
  static const Decimal kMax("1e30");
  static const Decimal kMin("1e-30");
  const Decimal magnitude = abs(value);
  if (magnitude > kMax) return std::nullopt;
  if (magnitude != 0 && magnitude < kMin) return std::nullopt;
  return value;
}

Decimal decimal_from_int(std::int64_t value) { return Decimal(value); }

namespace {

const Decimal& power_of_ten(int places) {
  static const std::vector<Decimal> powers = [] {
    std::vector<Decimal> p(19);
    p[0] = 1;
    for (std::size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * 10;
    return p;
  }();
  return powers.at(static_cast<std::size_t>(places));
}

// 10^-places, exact in decimal, so scaling back is a multiplication rather than a division.
const Decimal& inverse_power_of_ten(int places) {
  static const std::vector<Decimal> powers = [] {
    std::vector<Decimal> p(19);
    for (std::size_t i = 0; i < p.size(); ++i) p[i] = Decimal("1e-" + std::to_string(i));
    return p;
  }();
  return powers.at(static_cast<std::size_t>(places));
}

// value x 10^places rounded half away from zero: a whole number.
Decimal scaled_whole(const Decimal& value, int places) {
  static const Decimal half("0.5");
  const Decimal scaled = value * power_of_ten(places);
  return scaled >= 0 ? floor(scaled + half) : ceil(scaled - half);
}

}  // namespace

Decimal round_half_away(const Decimal& value, int places) {
  return scaled_whole(value, places) * inverse_power_of_ten(places);
}

std::string to_fixed(const Decimal& value, int places) {
  const Decimal whole = scaled_whole(value, places);
  static const Decimal kLimit("9e18");
  std::string text;
  if (abs(whole) < kLimit) {
    // The common case: print the whole number of pence (or 1/10,000ths) and place the point.
    const long long units = whole.convert_to<long long>();
    std::string digits = std::to_string(units < 0 ? -units : units);
    if (places > 0) {
      if (digits.size() <= static_cast<std::size_t>(places))
        digits.insert(0, static_cast<std::size_t>(places) + 1 - digits.size(), '0');
      digits.insert(digits.size() - static_cast<std::size_t>(places), ".");
    }
    text = (units < 0 ? "-" : "") + digits;
  } else {
    // str(0, fixed) would print every digit, so whole numbers are printed with one place
    // (always ".0" after rounding) and that place is dropped.
    const Decimal rounded = whole * inverse_power_of_ten(places);
    text = rounded.str(places > 0 ? places : 1, std::ios_base::fixed);
    if (places <= 0) text.erase(text.size() - 2);
  }
  if (text.rfind("-", 0) == 0) {
    // "-0.00" reads as a loss to an officer; zero has no sign.
    bool all_zero = true;
    for (char c : text.substr(1))
      if (c != '0' && c != '.') all_zero = false;
    if (all_zero) text.erase(0, 1);
  }
  return text;
}

std::string to_grouped(const Decimal& value, int places) {
  std::string text = to_fixed(value, places);
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) text.erase(0, 1);
  auto end = text.find('.');
  if (end == std::string::npos) end = text.size();
  for (auto pos = end; pos > 3; pos -= 3) text.insert(pos - 3, ",");
  return negative ? "-" + text : text;
}

std::string to_exact_string(const Decimal& value) {
  if (value == 0) return "0";
  // Enough fixed places to show any value that came from text exactly, then trimmed.
  std::string text = value.str(30, std::ios_base::fixed);
  if (text.find('.') != std::string::npos) {
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

double to_double(const Decimal& value) { return value.convert_to<double>(); }

}  // namespace eqv
