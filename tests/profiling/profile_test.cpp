// The profile of the synthetic files in profiling_test_support.hpp, worked by hand.
#include "equivalue/core/errors.hpp"
#include "equivalue/profiling/channel_swap.hpp"
#include "equivalue/profiling/profile.hpp"
#include "profiling_test_support.hpp"

#include <gtest/gtest.h>

namespace eqv::profiling {
namespace {

using test::TempDir;

ChannelCosts shipped_costs() { return default_channel_costs(EQUIVALUE_TEMPLATES_DIR); }

ProfileResult profile_of(const TempDir& dir, const std::string& transactions,
                         ProfileOptions options = {}) {
  const SegmentScheme scheme = test::three_segments();
  const AreaLookup lookup = load_lookups(
      {dir.write("nspl.csv", test::kPostcodeLookup), dir.write("oac.csv", test::kAreaLookup)},
      scheme);
  return profile_transactions(dir.write("t.csv", transactions), lookup, scheme, shipped_costs(),
                              options);
}

TEST(Postcode, NormalisedToOneSpaceBeforeTheLastThree) {
  EXPECT_EQ(normalise_postcode("sw1a1aa").value(), "SW1A 1AA");
  EXPECT_EQ(normalise_postcode("  SW1A   1AA ").value(), "SW1A 1AA");
  EXPECT_EQ(normalise_postcode("m11ae").value(), "M1 1AE");
  EXPECT_EQ(normalise_postcode("CR2 6XH").value(), "CR2 6XH");
  EXPECT_EQ(normalise_postcode("gir0aa").value(), "GIR 0AA");
  EXPECT_FALSE(normalise_postcode(""));
  EXPECT_FALSE(normalise_postcode("NOTAPC"));
  EXPECT_FALSE(normalise_postcode("SW1A 1A"));    // inward code too short
  EXPECT_FALSE(normalise_postcode("1W1A 1AA"));   // must start with a letter
  EXPECT_FALSE(normalise_postcode("SW1AB 1AA"));  // outward code too long
  EXPECT_TRUE(is_area_code("E00012345"));
  EXPECT_TRUE(is_area_code(" w00000001 "));
  EXPECT_FALSE(is_area_code("E0001234"));
}

TEST(Channels, ShippedSocitm2012Costs) {
  const ChannelCosts c = shipped_costs();
  EXPECT_EQ(c.unit_cost(kFaceToFace).value(), Decimal("8.62"));
  EXPECT_EQ(c.unit_cost(kTelephone).value(), Decimal("2.83"));
  EXPECT_EQ(c.unit_cost(kWeb).value(), Decimal("0.15"));
  ASSERT_NE(c.find("email"), nullptr);
  EXPECT_FALSE(c.unit_cost("email"));  // listed, not priced
  EXPECT_EQ(c.match("Face To_Face")->name, kFaceToFace);
  EXPECT_EQ(c.match("F2F")->name, kFaceToFace);
  EXPECT_EQ(c.match(" Phone ")->name, kTelephone);
  EXPECT_EQ(c.match("fax"), nullptr);
}

TEST(Channels, ProjectOverridesReplaceAndAdd) {
  ChannelCosts c = shipped_costs();
  apply_cost_overrides(
      c, {{"Telephone", Decimal("3.10")}, {"email", Decimal("0.90")}, {"sms", Decimal("0.05")}});
  EXPECT_EQ(c.unit_cost(kTelephone).value(), Decimal("3.10"));
  EXPECT_EQ(c.unit_cost("email").value(), Decimal("0.90"));
  EXPECT_EQ(c.unit_cost("sms").value(), Decimal("0.05"));
  EXPECT_EQ(c.unit_cost(kWeb).value(), Decimal("0.15"));
}

// By hand, from the fifteen rows of kTransactions:
//   segment 1: face-to-face 1, telephone 1, web 1             -> 3 transactions, customers C1 C2 ->
//   2 segment 2: telephone 1, web 2                             -> 3 transactions, customers C3 C4
//   -> 2 segment 3: face-to-face 2, telephone 1, web 1, email 1    -> 5 transactions, customers C5
//   C6 C7 -> 3 matched 11; unmatched: missing 1, malformed 1, unknown postcode 1, unknown area 1
//   (15 rows) customers by segment add to 7: shares 2/7, 2/7, 3/7; base shares 2000/10000 = 0.2,
//   0.3, 0.5 index = share / base share x 100: 1: (2/7)/0.2 x 100 = 142.857...; 2: (2/7)/0.3 x 100
//   = 95.238...;
//                                     3: (3/7)/0.5 x 100 = 85.714...
//   cost: 1: 8.62 + 2.83 + 0.15 = 11.60; 2: 2.83 + 2 x 0.15 = 3.13; 3: 2 x 8.62 + 2.83 + 0.15
//   = 20.22
//         (email not priced); total 34.95
TEST(Profile, HandWorkedSegmentProfile) {
  TempDir dir;
  const ProfileResult p = profile_of(dir, test::kTransactions);
  EXPECT_EQ(p.matched_by, "postcode");
  EXPECT_TRUE(p.by_customer);
  EXPECT_EQ(p.rows, 15);
  EXPECT_EQ(p.matched, 11);
  EXPECT_EQ(p.count(Unmatched::missing), 1);
  EXPECT_EQ(p.count(Unmatched::malformed), 1);
  EXPECT_EQ(p.count(Unmatched::unknown_postcode), 1);
  EXPECT_EQ(p.count(Unmatched::unknown_area), 1);
  EXPECT_EQ(p.matched + p.unmatched_total(), p.rows);
  EXPECT_EQ(p.customers, 7);
  EXPECT_EQ(p.first_date, "2026-01-01");
  EXPECT_EQ(p.last_date, "2026-01-15");

  ASSERT_EQ(p.segments.size(), 3u);
  const SegmentProfile& s1 = p.segments[0];
  const SegmentProfile& s2 = p.segments[1];
  const SegmentProfile& s3 = p.segments[2];
  EXPECT_EQ(s1.transactions, 3);
  EXPECT_EQ(s2.transactions, 3);
  EXPECT_EQ(s3.transactions, 5);
  EXPECT_EQ(s1.customers, 2);
  EXPECT_EQ(s2.customers, 2);
  EXPECT_EQ(s3.customers, 3);
  EXPECT_EQ(to_fixed(*s1.share, 6), "0.285714");
  EXPECT_EQ(to_fixed(*s3.share, 6), "0.428571");
  EXPECT_EQ(*s1.base_share, Decimal("0.2"));
  EXPECT_EQ(*s2.base_share, Decimal("0.3"));
  EXPECT_EQ(*s3.base_share, Decimal("0.5"));
  EXPECT_EQ(to_fixed(*s1.index, 4), "142.8571");
  EXPECT_EQ(to_fixed(*s2.index, 4), "95.2381");
  EXPECT_EQ(to_fixed(*s3.index, 4), "85.7143");
  EXPECT_EQ(s1.channels.at(kFaceToFace), 1);
  EXPECT_EQ(s1.channels.at(kTelephone), 1);
  EXPECT_EQ(s1.channels.at(kWeb), 1);
  EXPECT_EQ(s2.channels.count(kFaceToFace), 0u);
  EXPECT_EQ(s2.channels.at(kTelephone), 1);
  EXPECT_EQ(s2.channels.at(kWeb), 2);
  EXPECT_EQ(s3.channels.at(kFaceToFace), 2);
  EXPECT_EQ(s3.channels.at("email"), 1);
  EXPECT_EQ(s1.cost, Decimal("11.60"));
  EXPECT_EQ(s2.cost, Decimal("3.13"));
  EXPECT_EQ(s3.cost, Decimal("20.22"));
  EXPECT_EQ(s3.unpriced, 1);
  EXPECT_EQ(p.cost, Decimal("34.95"));
  ASSERT_EQ(p.unpriced_channels.size(), 1u);
  EXPECT_EQ(p.unpriced_channels[0], "email");
  EXPECT_EQ(p.channels.at(kFaceToFace), 3);
  EXPECT_EQ(p.channels.at(kTelephone), 3);
  EXPECT_EQ(p.channels.at(kWeb), 4);
}

// Without a customer column the share is of transactions: 3/11, 3/11, 5/11;
// index 3: (5/11)/0.5 x 100 = 90.9090...
TEST(Profile, SharesOfTransactionsWithoutCustomerColumn) {
  TempDir dir;
  const std::string text =
      "postcode,channel\nAB1 2CD,web\nAB1 2CD,web\nAB1 2CD,web\nAB1 2CE,web\nAB1 2CE,web\n"
      "AB1 2CE,web\nAB1 2CF,web\nAB1 2CF,web\nAB1 2CF,web\nAB1 2CF,web\nAB1 2CF,web\n";
  const ProfileResult p = profile_of(dir, text);
  EXPECT_FALSE(p.by_customer);
  EXPECT_EQ(p.matched, 11);
  EXPECT_EQ(to_fixed(*p.segments[2].share, 6), "0.454545");
  EXPECT_EQ(to_fixed(*p.segments[2].index, 4), "90.9091");
  // 5 web contacts x 0.15
  EXPECT_EQ(p.segments[2].cost, Decimal("0.75"));
}

TEST(Profile, ServiceFilterCountsTheRowsLeftOut) {
  TempDir dir;
  ProfileOptions o;
  o.service = "S1";
  const ProfileResult p = profile_of(dir, test::kTransactions, o);
  // S1 is rows 2-6 of the file: segment 1 x3, segment 2 x2.
  EXPECT_EQ(p.rows, 5);
  EXPECT_EQ(p.other_services, 10);
  EXPECT_EQ(p.segments[0].transactions, 3);
  EXPECT_EQ(p.segments[1].transactions, 2);
  EXPECT_EQ(p.segments[2].transactions, 0);
}

TEST(Profile, MatchesByOutputAreaCode) {
  TempDir dir;
  const SegmentScheme scheme = test::three_segments();
  const AreaLookup lookup = load_lookups({dir.write("oac.csv", test::kAreaLookup)}, scheme);
  EXPECT_FALSE(lookup.has_postcodes());
  const std::string text =
      "oa21cd,channel\nE00000001,telephone\ne00000003,web\n,web\nE0000X003,web\n"
      "E00000004,web\nE00000005,web\n";
  const ProfileResult p =
      profile_transactions(dir.write("t.csv", text), lookup, scheme, shipped_costs());
  EXPECT_EQ(p.matched_by, "area");
  EXPECT_EQ(p.matched, 2);
  EXPECT_EQ(p.count(Unmatched::missing), 1);
  EXPECT_EQ(p.count(Unmatched::malformed), 1);
  EXPECT_EQ(p.count(Unmatched::unknown_area),
            2);  // E00000004 not in the lookup; E00000005 in supergroup 9
  EXPECT_EQ(p.segments[0].cost, Decimal("2.83"));
}

TEST(Profile, ColumnsOverriddenByName) {
  TempDir dir;
  ProfileOptions o;
  o.columns.postcode = "Home PC";
  o.columns.channel = "How";
  o.columns.customer = "Who";
  const ProfileResult p =
      profile_of(dir, "Who,How,Home PC\nX1,web,AB1 2CD\nX1,telephone,AB1 2CD\nX2,web,AB1 2CF\n", o);
  EXPECT_EQ(p.matched, 3);
  EXPECT_EQ(p.segments[0].customers, 1);
  EXPECT_EQ(p.segments[0].transactions, 2);
  EXPECT_EQ(p.customers, 2);
}

TEST(Profile, DetectsColumnsFromTheHeader) {
  const TransactionColumns c = detect_transaction_columns(
      {"Customer_ID", "Contact Date", "LGSL", "Contact_Channel", "PCDS"}, {}, "t.csv");
  EXPECT_EQ(c.customer, "Customer_ID");
  EXPECT_EQ(c.date, "Contact Date");
  EXPECT_EQ(c.service, "LGSL");
  EXPECT_EQ(c.channel, "Contact_Channel");
  EXPECT_EQ(c.postcode, "PCDS");
  EXPECT_TRUE(c.area.empty());
}

TEST(Profile, ChoosesTheLookupLevelThatMatchesTheScheme) {
  TempDir dir;
  SegmentScheme groups;
  groups.scheme = "oac2021-group";
  groups.items = {Segment{"1a", "Group 1a", 100, {}}, Segment{"3b", "Group 3b", 300, {}}};
  const AreaLookup lookup = load_lookups({dir.write("oac.csv", test::kAreaLookup)}, groups);
  EXPECT_EQ(lookup.summary().segment_column, "group");
  EXPECT_EQ(lookup.summary().areas, 2);
  EXPECT_EQ(lookup.summary().areas_outside_scheme, 2);
  EXPECT_EQ(lookup.by_area("E00000003").segment, 1);
  EXPECT_EQ(lookup.by_area("E00000002").reason, Unmatched::unknown_area);
}

TEST(Profile, OneLookupFileCarryingBothColumns) {
  TempDir dir;
  const SegmentScheme scheme = test::three_segments();
  const AreaLookup lookup = load_lookups(
      {dir.write("both.csv", "pcds,oa21cd,supergroup\nAB1 2CD,E00000001,1\nAB1 2CF,E00000003,3\n")},
      scheme);
  EXPECT_TRUE(lookup.has_postcodes());
  EXPECT_EQ(lookup.by_postcode("ab1 2cf").segment, 2);
  EXPECT_EQ(lookup.by_postcode("AB1 2CE").reason, Unmatched::unknown_postcode);
}

// Small blocks force records, quoted line breaks included, to straddle block boundaries.
TEST(Profile, SameCountsWithTinyBlocksAndOneOrTwoThreads) {
  TempDir dir;
  for (int threads : {1, 2}) {
    for (std::size_t block : {16u, 37u, 1000u}) {
      ProfileOptions o;
      o.threads = threads;
      o.block_bytes = block;
      const ProfileResult p = profile_of(dir, test::kTransactions, o);
      EXPECT_EQ(p.matched, 11) << threads << " threads, block " << block;
      EXPECT_EQ(p.segments[2].customers, 3);
      EXPECT_EQ(p.cost, Decimal("34.95"));
      EXPECT_EQ(p.count(Unmatched::unknown_area), 1);
    }
  }
}

// By hand: segments 1 and 3, half of their face-to-face and telephone contacts to the web.
//   segment 1: face-to-face 0.5 x 1 = 0.5 moved x (8.62 - 0.15 = 8.47) = 4.235
//              telephone    0.5 x 1 = 0.5 moved x (2.83 - 0.15 = 2.68) = 1.34
//   segment 3: face-to-face 0.5 x 2 = 1.0 moved x 8.47                 = 8.47
//              telephone    0.5 x 1 = 0.5 moved x 2.68                 = 1.34
//   saving 15.385 over the file's period; moved 2.5.
// Digital exclusion (people of the moved segments, share 0.5):
//   A = 0.5 x 2000 + 0.5 x 5000 = 3500
//   65+:      A_c = 1000 x 0.40 + 2500 x 0.20 = 900  -> 900/3500 = 0.257143
//             B_c = 800 + 300 + 1000 = 2100 of 10000 -> 0.21;  R = 1.2245 >= 1.2: flagged
//   disabled: A_c = 1000 x 0.25 + 2500 x 0.20 = 750  -> 0.214286
//             B_c = 500 + 300 + 1000 = 1800          -> 0.18;  R = 1.1905 < 1.2: not flagged
TEST(ChannelSwapTest, HandWorkedSavingAndExclusionPrompt) {
  TempDir dir;
  const ProfileResult p = profile_of(dir, test::kTransactions);
  ChannelSwap swap;
  swap.segments = {"1", "3"};
  swap.share = Decimal("0.5");
  const ChannelSwapResult r = channel_swap(p, shipped_costs(), test::three_segments(), swap);
  EXPECT_EQ(r.yearly_saving, Decimal("15.385"));
  EXPECT_EQ(r.moved, Decimal("2.5"));
  ASSERT_EQ(r.lines.size(), 4u);
  EXPECT_EQ(r.lines[0].saving, Decimal("4.235"));
  EXPECT_EQ(r.lines[2].saving, Decimal("8.47"));
  ASSERT_EQ(r.exclusion.size(), 2u);
  EXPECT_TRUE(r.exclusion[0].available);
  EXPECT_EQ(to_fixed(*r.exclusion[0].share, 6), "0.257143");
  EXPECT_EQ(*r.exclusion[0].base_share, Decimal("0.21"));
  EXPECT_EQ(to_fixed(*r.exclusion[0].ratio, 4), "1.2245");
  EXPECT_TRUE(r.exclusion[0].flag);
  EXPECT_EQ(to_fixed(*r.exclusion[1].ratio, 4), "1.1905");
  EXPECT_FALSE(r.exclusion[1].flag);
  EXPECT_TRUE(r.exclusion_prompt);
  EXPECT_NE(r.prompt.find("age 65+"), std::string::npos);
  EXPECT_EQ(r.prompt.find("disability"), std::string::npos);
}

// The file covers 73 days: a year is 365 / 73 = 5 such periods, so the saving is 5 x 15.385.
TEST(ChannelSwapTest, AnnualisedByThePeriodCovered) {
  TempDir dir;
  const ProfileResult p = profile_of(dir, test::kTransactions);
  ChannelSwap swap;
  swap.segments = {"1", "3"};
  swap.share = Decimal("0.5");
  swap.period_days = 73;
  EXPECT_EQ(channel_swap(p, shipped_costs(), test::three_segments(), swap).yearly_saving,
            Decimal("76.925"));
}

// Segment 2 alone: 65+ share 0.10 against 0.21, disabled 0.10 against 0.18: no prompt.
// Saving: telephone 0.2 x 1 x 2.68 = 0.536 (no face-to-face contacts).
TEST(ChannelSwapTest, NoPromptForAYoungerSegment) {
  TempDir dir;
  const ProfileResult p = profile_of(dir, test::kTransactions);
  ChannelSwap swap;
  swap.segments = {"2"};
  swap.share = Decimal("0.2");
  const ChannelSwapResult r = channel_swap(p, shipped_costs(), test::three_segments(), swap);
  EXPECT_EQ(r.yearly_saving, Decimal("0.536"));
  EXPECT_FALSE(r.exclusion_prompt);
  EXPECT_TRUE(r.prompt.empty());
}

TEST(ChannelSwapTest, FeedsAnSroiOutcome) {
  TempDir dir;
  const ProfileResult p = profile_of(dir, test::kTransactions);
  ChannelSwap swap;
  swap.segments = {"1", "3"};
  swap.share = Decimal("0.5");
  const ChannelSwapResult r = channel_swap(p, shipped_costs(), test::three_segments(), swap);
  const Outcome o = channel_swap_outcome(r, "O9", "S1", 3);
  EXPECT_EQ(o.id, "O9");
  EXPECT_EQ(o.stakeholder, "S1");
  EXPECT_EQ(o.type, ValueType::fiscal);
  EXPECT_TRUE(o.cashable);
  EXPECT_EQ(o.agency, "council");
  EXPECT_EQ(o.quantity * o.proxy.value, Decimal("15.385"));
  EXPECT_EQ(o.duration, 3);
  EXPECT_EQ(o.deadweight, 0);
}

TEST(ChannelSwapTest, RefusesBadChoices) {
  TempDir dir;
  const ProfileResult p = profile_of(dir, test::kTransactions);
  ChannelSwap swap;
  swap.segments = {"1"};
  swap.share = Decimal("20");
  EXPECT_THROW(channel_swap(p, shipped_costs(), test::three_segments(), swap), InputError);
  swap.share = Decimal("0.2");
  swap.segments = {"7"};
  EXPECT_THROW(channel_swap(p, shipped_costs(), test::three_segments(), swap), InputError);
  swap.segments = {"1"};
  swap.from = {"email"};  // not priced
  EXPECT_THROW(channel_swap(p, shipped_costs(), test::three_segments(), swap), InputError);
  swap.from = {kTelephone};
  swap.period_days = 0;
  EXPECT_THROW(channel_swap(p, shipped_costs(), test::three_segments(), swap), InputError);
}

}  // namespace
}  // namespace eqv::profiling
