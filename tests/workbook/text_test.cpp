// The rules that keep user text safe in a workbook, each checked by hand-worked cases.
#include "equivalue/workbook/text.hpp"

#include "writer.hpp"

#include <gtest/gtest.h>

#include <string>

namespace eqv::workbook {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

TEST(SheetName, ForbiddenCharactersBecomeDashes) {
  EXPECT_EQ(valid_sheet_name("a[b]c:d*e?f/g\\h"), "a-b-c-d-e-f-g-h");
}

TEST(SheetName, CutToThirtyOneCharacters) {
  EXPECT_EQ(valid_sheet_name(std::string(40, 'x')), std::string(31, 'x'));
  // 31 characters, not bytes: each pound sign is two bytes.
  const std::string pounds40 = [] {
    std::string s;
    for (int i = 0; i < 40; ++i) s += "\xC2\xA3";
    return s;
  }();
  EXPECT_EQ(excel_length(valid_sheet_name(pounds40)), 31u);
}

TEST(SheetName, ApostrophesAtTheEndsAndEmptyNames) {
  EXPECT_EQ(valid_sheet_name("'Quoted'"), "Quoted");
  EXPECT_EQ(valid_sheet_name(""), "Sheet");
  EXPECT_EQ(valid_sheet_name("'''"), "Sheet");
  EXPECT_EQ(valid_sheet_name("History"), "History (EqIA)");  // reserved by Excel
}

TEST(SheetName, UniqueIgnoringCase) {
  SheetNamer names;
  EXPECT_EQ(names.unique("Summary"), "Summary");
  EXPECT_EQ(names.unique("SUMMARY"), "SUMMARY (2)");
  EXPECT_EQ(names.unique("summary"), "summary (3)");
  const std::string long_name(31, 'y');
  EXPECT_EQ(names.unique(long_name), long_name);
  EXPECT_EQ(names.unique(long_name), std::string(27, 'y') + " (2)");
}

TEST(Utf8, ValidTextUnchanged) {
  const std::string text =
      "\xC2\xA3"
      "50 caf\xC3\xA9 \xF0\x9F\x98\x80 tab\tnew\nline";
  EXPECT_EQ(clean_utf8(text), text);
}

TEST(Utf8, InvalidSequencesReplaced) {
  EXPECT_EQ(clean_utf8("a\xFF"
                       "b"),
            "a" + kFffd + "b");
  EXPECT_EQ(clean_utf8("\xC0\xAF"), kFffd + kFffd);                          // overlong '/'
  EXPECT_EQ(clean_utf8("\xED\xA0\x80"), kFffd + kFffd + kFffd);              // surrogate half
  EXPECT_EQ(clean_utf8("\xF4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd);  // past U+10FFFF
  EXPECT_EQ(clean_utf8("cut \xE2\x82"), "cut " + kFffd + kFffd);             // truncated euro sign
  EXPECT_EQ(clean_utf8("bell\x07"), "bell" + kFffd);                         // XML cannot hold it
}

TEST(CellText, LongTextCutWithMarker) {
  const std::string text = cell_text(std::string(40000, 'a'));
  EXPECT_EQ(excel_length(text), kMaxCellChars);
  EXPECT_EQ(text.substr(text.size() - kCutMarker.size()), std::string(kCutMarker));
  EXPECT_EQ(cell_text("short"), "short");
  EXPECT_EQ(cell_text(std::string(kMaxCellChars, 'b')), std::string(kMaxCellChars, 'b'));
}

TEST(CellText, CutNeverSplitsACharacter) {
  std::string emoji;
  for (int i = 0; i < 20000; ++i) emoji += "\xF0\x9F\x98\x80";  // 2 UTF-16 units each
  const std::string text = cell_text(emoji);
  EXPECT_LE(excel_length(text), kMaxCellChars);
  EXPECT_EQ(clean_utf8(text), text);
}

TEST(CellText, FormulaLikeTextIsKeptAsItIs) {
  // Written as strings by Sheet::text; nothing is stripped or escaped.
  for (const char* s : {"=HYPERLINK(\"http://x\",\"y\")", "+cmd", "-1+1", "@SUM(A1)"})
    EXPECT_EQ(cell_text(s), s);
}

TEST(Sha256, KnownAnswers) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(CellRefs, ColumnsAndSheets) {
  EXPECT_EQ(column_name(0), "A");
  EXPECT_EQ(column_name(25), "Z");
  EXPECT_EQ(column_name(26), "AA");
  EXPECT_EQ(column_name(16383), "XFD");
  EXPECT_EQ(cell_ref(6, 23), "$X$7");
  EXPECT_EQ(sheet_ref("Bob's", 0, 0), "'Bob''s'!$A$1");
  EXPECT_EQ(formula_string("say \"hi\""), "\"say \"\"hi\"\"\"");
}

}  // namespace
}  // namespace eqv::workbook
