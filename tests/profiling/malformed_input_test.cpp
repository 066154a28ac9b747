// Untidy and malformed files: each is either read under a stated rule or refused with a
// message naming the file and the line (InputError, exit 2 in the CLI).
#include "equivalue/core/errors.hpp"
#include "equivalue/profiling/profile.hpp"
#include "profiling_test_support.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

namespace eqv::profiling {
namespace {

using test::TempDir;

struct RunOutcome {
  std::optional<ProfileResult> result;
  std::string error;
};

RunOutcome run(const TempDir& dir, const std::string& transactions, std::size_t block = 8u << 20) {
  const SegmentScheme scheme = test::three_segments();
  const AreaLookup lookup = load_lookups(
      {dir.write("nspl.csv", test::kPostcodeLookup), dir.write("oac.csv", test::kAreaLookup)},
      scheme);
  ProfileOptions o;
  o.block_bytes = block;
  RunOutcome r;
  try {
    r.result = profile_transactions(dir.write("t.csv", transactions), lookup, scheme,
                                    default_channel_costs(EQUIVALUE_TEMPLATES_DIR), o);
  } catch (const InputError& e) {
    r.error = e.what();
  }
  return r;
}

bool mentions(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Malformed, ByteOrderMarkAndCrlfAreAccepted) {
  TempDir dir;
  const RunOutcome r =
      run(dir,
          "\xEF\xBB\xBFpostcode,channel,customer_id\r\nAB1 2CD,web,C1\r\nAB1 2CF,telephone,C2\r\n");
  ASSERT_TRUE(r.result) << r.error;
  EXPECT_EQ(r.result->matched, 2);
  EXPECT_EQ(r.result->columns.postcode, "postcode");  // the mark is not part of the first name
  EXPECT_EQ(r.result->segments[2].channels.at("telephone"), 1);
  EXPECT_EQ(r.result->segments[0].customers, 1);
}

TEST(Malformed, EmptyLinesAreNotRows) {
  TempDir dir;
  const RunOutcome r = run(dir, "postcode,channel\n\nAB1 2CD,web\n\r\n\nAB1 2CF,web\n\n");
  ASSERT_TRUE(r.result) << r.error;
  EXPECT_EQ(r.result->rows, 2);
}

TEST(Malformed, NoFinalLineBreak) {
  TempDir dir;
  const RunOutcome r = run(dir, "postcode,channel\nAB1 2CD,web\nAB1 2CF,web");
  ASSERT_TRUE(r.result) << r.error;
  EXPECT_EQ(r.result->matched, 2);
}

TEST(Malformed, QuotedValuesWithCommasQuotesAndLineBreaks) {
  TempDir dir;
  const std::string text =
      "postcode,channel,note\n"
      "\"AB1 2CD\",web,\"says \"\"hello\"\", then, commas\"\n"
      "AB1 2CE,\"telephone\",\"two\nlines\"\n"
      "AB1 2CF,web,\n";
  for (std::size_t block : {8u << 20, 7u, 23u}) {
    const RunOutcome r = run(dir, text, block);
    ASSERT_TRUE(r.result) << r.error << " (block " << block << ")";
    EXPECT_EQ(r.result->matched, 3);
    EXPECT_EQ(r.result->segments[1].channels.at("telephone"), 1);
  }
}

// Two values holding doubled quotes in one record: each must keep its own text (the
// second once moved the first out from under the record, reading freed memory).
TEST(Malformed, SeveralValuesWithDoubledQuotesInOneRecord) {
  TempDir dir;
  const std::string text =
      "customer_id,note,postcode,channel\n"
      "\"c\"\"1\",\"n\"\"a\",AB1 2CD,web\n"
      "\"c\"\"2\",\"n\"\"b\",\"AB1 2CD\",\"web\"\n"
      "\"c\"\"1\",\"n\"\"c\",AB1 2CD,telephone\n"
      "\"c\"\"3\",\"x\"\"\"\"y\",AB1 2CF,\"telephone\"\n";
  const RunOutcome r = run(dir, text);
  ASSERT_TRUE(r.result) << r.error;
  EXPECT_EQ(r.result->matched, 4);
  EXPECT_EQ(r.result->segments[0].customers, 2);  // c"1 twice and c"2
  EXPECT_EQ(r.result->segments[2].customers, 1);
  EXPECT_EQ(r.result->customers, 3);
}

TEST(Malformed, RowWithTooFewValues) {
  TempDir dir;
  const RunOutcome r =
      run(dir, "postcode,channel,customer_id\nAB1 2CD,web,C1\nAB1 2CD,web\nAB1 2CD,web,C3\n");
  EXPECT_FALSE(r.result);
  EXPECT_TRUE(mentions(r.error, "t.csv line 3:")) << r.error;
  EXPECT_TRUE(mentions(r.error, "has 2 values but the header names 3 columns")) << r.error;
}

TEST(Malformed, RowWithTooManyValues) {
  TempDir dir;
  const RunOutcome r =
      run(dir, "postcode,channel\nAB1 2CD,web\nAB1 2CD,web\nAB1 2CD,web\nAB1, 2CD,web\n");
  EXPECT_TRUE(mentions(r.error, "t.csv line 5:")) << r.error;
}

// Line numbers count physical lines, so a quoted line break moves the rows after it down.
TEST(Malformed, LineNumbersCountQuotedLineBreaks) {
  TempDir dir;
  const RunOutcome r = run(dir, "postcode,channel,note\nAB1 2CD,web,\"a\nb\nc\"\nAB1 2CD,web\n");
  EXPECT_TRUE(mentions(r.error, "t.csv line 5:")) << r.error;
}

TEST(Malformed, QuoteNeverClosed) {
  TempDir dir;
  for (std::size_t block : {8u << 20, 11u}) {
    const RunOutcome r =
        run(dir, "postcode,channel\nAB1 2CD,web\n\"AB1 2CE,web\nAB1 2CF,web\n", block);
    EXPECT_FALSE(r.result);
    EXPECT_TRUE(mentions(r.error, "t.csv line 3:")) << r.error << " (block " << block << ")";
    // The one CSV reader's message for it, as for segment profiles and the proxy library.
    EXPECT_TRUE(mentions(r.error, "a quoted value is not closed: add the closing")) << r.error;
  }
}

TEST(Malformed, QuoteInsideAnUnquotedValue) {
  TempDir dir;
  const RunOutcome r = run(dir, "postcode,channel\nAB1 2CD,web\nAB1 2CD,we\"b\n");
  EXPECT_TRUE(mentions(r.error, "t.csv line 3:")) << r.error;
  EXPECT_TRUE(mentions(r.error, "quote")) << r.error;
}

TEST(Malformed, TextAfterAClosingQuote) {
  TempDir dir;
  const RunOutcome r = run(dir, "postcode,channel\n\"AB1 2CD\"x,web\n");
  EXPECT_TRUE(mentions(r.error, "t.csv line 2:")) << r.error;
  EXPECT_TRUE(mentions(r.error, "after a closing quote")) << r.error;
}

TEST(Malformed, UnknownChannelNamesTheLineAndTheKnownChannels) {
  TempDir dir;
  const RunOutcome r = run(dir, "postcode,channel\nAB1 2CD,web\nAB1 2CD,fax\n");
  EXPECT_FALSE(r.result);
  EXPECT_TRUE(mentions(r.error, "t.csv line 3:")) << r.error;
  EXPECT_TRUE(mentions(r.error, "\"fax\"")) << r.error;
  EXPECT_TRUE(mentions(r.error, "face-to-face, telephone, web")) << r.error;
}

// Stated rule: an empty channel cell is counted, unpriced, under "not recorded".
TEST(Malformed, EmptyChannelIsCountedAsNotRecorded) {
  TempDir dir;
  const RunOutcome r = run(dir, "postcode,channel\nAB1 2CD,\nAB1 2CD,web\n");
  ASSERT_TRUE(r.result) << r.error;
  EXPECT_EQ(r.result->segments[0].channels.at(kChannelNotRecorded), 1);
  EXPECT_EQ(r.result->segments[0].unpriced, 1);
  EXPECT_EQ(r.result->segments[0].cost, Decimal("0.15"));
}

TEST(Malformed, EmptyFileAndHeaderOnly) {
  TempDir dir;
  EXPECT_TRUE(mentions(run(dir, "").error, "empty")) << run(dir, "").error;
  EXPECT_TRUE(mentions(run(dir, "\n\npostcode,channel\n").error, "line 1"))
      << run(dir, "\n\npostcode,channel\n").error;
  const RunOutcome header_only = run(dir, "postcode,channel\n");
  ASSERT_TRUE(header_only.result) << header_only.error;
  EXPECT_EQ(header_only.result->rows, 0);
  EXPECT_FALSE(header_only.result->segments[0].share);  // no share of nothing
}

TEST(Malformed, MissingColumns) {
  TempDir dir;
  EXPECT_TRUE(mentions(run(dir, "postcode,when\nAB1 2CD,2026-01-01\n").error, "no channel column"));
  EXPECT_TRUE(mentions(run(dir, "address,channel\nsomewhere,web\n").error,
                       "no postcode or output-area column"));
  TransactionColumns bad;
  bad.channel = "Route";
  EXPECT_THROW(detect_transaction_columns({"postcode", "channel"}, bad, "t.csv"), InputError);
}

// Which of two columns of one name would be read is left to chance, so the file is refused;
// nameless columns (a spreadsheet's empty ones at the end) may repeat.
TEST(Malformed, ColumnNamedTwice) {
  TempDir dir;
  const RunOutcome r = run(dir, "postcode,channel,Postcode\nAB1 2CD,web,AB1 2CF\n");
  EXPECT_FALSE(r.result);
  EXPECT_TRUE(mentions(r.error, "t.csv line 1:")) << r.error;
  EXPECT_TRUE(mentions(r.error, "\"Postcode\" is given twice (columns 1 and 3)")) << r.error;
  const RunOutcome blanks = run(dir, "postcode,channel,,\nAB1 2CD,web,,\n");
  ASSERT_TRUE(blanks.result) << blanks.error;
  EXPECT_EQ(blanks.result->matched, 1);
  EXPECT_THROW(read_channel_costs(dir.write("c.csv", "channel,unit_cost,channel\nweb,0.15,web\n")),
               InputError);
}

// A named pipe is read once and may end part way (as a file on a share that drops); the
// header and the rows are read separately, so it is refused rather than waited on.
TEST(Malformed, APipeIsNotAFile) {
  TempDir dir;
  const std::string pipe = dir.file("pipe.csv");
  ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
  try {
    read_channel_costs(pipe);
    FAIL() << "a pipe was read as a channel cost file";
  } catch (const InputError& e) {
    EXPECT_TRUE(mentions(e.what(), "pipe.csv: this is not a file saved on disk")) << e.what();
  }
}

TEST(Malformed, FileMissingOrAFolder) {
  TempDir dir;
  const SegmentScheme scheme = test::three_segments();
  EXPECT_THROW(load_lookups({dir.file("nothing.csv")}, scheme), InputError);
  EXPECT_THROW(load_lookups({dir.write("x.csv", "a,b\n1,2\n"), dir.write("y.csv", "a,b\n1,2\n"),
                             dir.write("z.csv", "a,b\n1,2\n")},
                            scheme),
               InputError);
  try {
    load_lookups({std::filesystem::temp_directory_path().string()}, scheme);
    FAIL() << "a folder was read as a lookup";
  } catch (const InputError& e) {
    EXPECT_TRUE(mentions(e.what(), "folder"));
  }
}

TEST(Malformed, LookupProblemsNameFileAndLine) {
  TempDir dir;
  const SegmentScheme scheme = test::three_segments();
  try {
    load_lookups({dir.write("oac.csv", "oa21cd,supergroup\nE00000001,1\nE00000002\n")}, scheme);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_TRUE(mentions(e.what(), "oac.csv line 3:")) << e.what();
  }
  try {
    load_lookups({dir.write("nspl.csv", "pcds,lsoa21cd\nAB1 2CD,E01000001\n")}, scheme);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_TRUE(mentions(e.what(), "oa21cd")) << e.what();
  }
  try {  // a postcode lookup alone gives no segments
    load_lookups({dir.write("nspl2.csv", test::kPostcodeLookup)}, scheme);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_TRUE(mentions(e.what(), "supergroup")) << e.what();
  }
  try {  // codes of another classification
    load_lookups({dir.write("other.csv", "oa21cd,supergroup\nE00000001,X\n")}, scheme);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_TRUE(mentions(e.what(), "none of the segment codes")) << e.what();
  }
}

TEST(Malformed, ChannelCostFileProblems) {
  TempDir dir;
  EXPECT_THROW(read_channel_costs(dir.write("c1.csv", "name,price\nweb,0.15\n")), InputError);
  try {
    read_channel_costs(dir.write("c2.csv", "channel,unit_cost\nweb,0.15\nphone,two pounds\n"));
    FAIL();
  } catch (const InputError& e) {
    EXPECT_TRUE(mentions(e.what(), "c2.csv line 3:")) << e.what();
  }
  EXPECT_THROW(read_channel_costs(dir.write("c3.csv", "channel,unit_cost\nweb,0.15\nWeb,0.20\n")),
               InputError);
  const ChannelCosts ok =
      read_channel_costs(dir.write("c4.csv", "channel,unit_cost\r\nweb,0.10\r\nkiosk,\r\n"));
  EXPECT_EQ(ok.unit_cost("web").value(), Decimal("0.10"));
  EXPECT_FALSE(ok.unit_cost("kiosk"));
}

}  // namespace
}  // namespace eqv::profiling
