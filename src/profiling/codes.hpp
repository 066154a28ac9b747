// Postcodes and output-area codes packed into 64-bit keys (internal).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eqv::profiling::detail {

enum class CodeCheck { ok, missing, malformed };

inline bool is_letter(char c) { return (c >= 'A' && c <= 'Z'); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// Normalises and checks a postcode: spaces removed, upper case; then 5 to 7 characters,
// the outward code (2 to 4) a letter followed by letters and digits including a digit,
// the inward code a digit and two letters. "GIR 0AA" is accepted too. The key is the
// characters (without the space) packed into the bytes of a 64-bit number, never 0.
inline CodeCheck pack_postcode(std::string_view raw, std::uint64_t& key) {
  char buf[8];
  std::size_t n = 0;
  bool any = false;
  for (char c : raw) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    any = true;
    if (n == 7) return CodeCheck::malformed;
    buf[n++] = upper(c);
  }
  if (!any) return CodeCheck::missing;
  if (n < 5) return CodeCheck::malformed;
  const std::size_t outward = n - 3;
  if (!is_digit(buf[outward]) || !is_letter(buf[outward + 1]) || !is_letter(buf[outward + 2]))
    return CodeCheck::malformed;
  if (!is_letter(buf[0])) return CodeCheck::malformed;
  bool digit = false;
  for (std::size_t i = 1; i < outward; ++i) {
    if (is_digit(buf[i]))
      digit = true;
    else if (!is_letter(buf[i]))
      return CodeCheck::malformed;
  }
  if (!digit && !(outward == 3 && buf[0] == 'G' && buf[1] == 'I' && buf[2] == 'R'))
    return CodeCheck::malformed;
  std::uint64_t k = 0;
  for (std::size_t i = 0; i < n; ++i) k = (k << 8) | static_cast<unsigned char>(buf[i]);
  key = k;
  return CodeCheck::ok;
}

// The normalised postcode text of a key: "SW1A 1AA".
inline std::string unpack_postcode(std::uint64_t key) {
  std::string s;
  while (key != 0) {
    s.insert(s.begin(), static_cast<char>(key & 0xFF));
    key >>= 8;
  }
  if (s.size() > 3) s.insert(s.size() - 3, " ");
  return s;
}

// An ONS output-area code: a letter and eight digits ("E00012345"), surrounding spaces
// ignored, the letter in either case. Key: the letter above the number, never 0.
inline CodeCheck pack_area(std::string_view raw, std::uint64_t& key) {
  while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t')) raw.remove_prefix(1);
  while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\r'))
    raw.remove_suffix(1);
  if (raw.empty()) return CodeCheck::missing;
  if (raw.size() != 9 || !is_letter(upper(raw[0]))) return CodeCheck::malformed;
  std::uint64_t number = 0;
  for (std::size_t i = 1; i < 9; ++i) {
    if (!is_digit(raw[i])) return CodeCheck::malformed;
    number = number * 10 + static_cast<std::uint64_t>(raw[i] - '0');
  }
  key = (static_cast<std::uint64_t>(static_cast<unsigned char>(upper(raw[0]))) << 32) | number;
  return CodeCheck::ok;
}

}  // namespace eqv::profiling::detail
