// Making any user text safe to put in a workbook: valid UTF-8 within Excel's limits, and
// valid, unique sheet names. Used by the exporter; public so that the GUI can preview the
// names a workbook will use and the tests can check each rule on its own.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

namespace eqv::workbook {

// Excel's limits.
inline constexpr std::size_t kMaxCellChars = 32767;  // characters (UTF-16 units) in a cell
inline constexpr std::size_t kMaxSheetNameChars = 31;
inline constexpr std::string_view kCutMarker =
    " [... text cut: longer than Excel allows in one cell]";

// Every invalid UTF-8 sequence (stray bytes, overlong forms, surrogates, code points past
// U+10FFFF) becomes U+FFFD; control characters XML cannot hold (all below U+0020 but tab,
// line feed and carriage return) become U+FFFD too.
std::string clean_utf8(std::string_view text);

// Length as Excel counts it: UTF-16 code units (characters beyond U+FFFF count as two).
// `text` must be valid UTF-8 (clean_utf8 first).
std::size_t excel_length(std::string_view text);

// Cleaned text, cut at a character boundary so that with kCutMarker appended it fits in
// `limit` characters. Text within the limit is returned unchanged (after cleaning).
std::string cell_text(std::string_view text, std::size_t limit = kMaxCellChars);

// A valid sheet name: cleaned, []:*?/\ replaced by '-', no leading or trailing apostrophe,
// not the reserved "History", at most 31 characters; "Sheet" when nothing is left.
std::string valid_sheet_name(std::string_view wanted);

// Hands out valid sheet names, unique as Excel compares them (ignoring case): a repeated
// name gets " (2)", " (3)", ... while staying within 31 characters.
class SheetNamer {
 public:
  std::string unique(std::string_view wanted);

 private:
  std::set<std::string> used_;  // lower-cased
};

// SHA-256 (FIPS 180-4) of `data`, as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace eqv::workbook
