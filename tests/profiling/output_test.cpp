// Published output: the suppression rule applied to the hand-worked profile, and the
// analyst's JSON.
#include "equivalue/core/errors.hpp"
#include "equivalue/profiling/profile_output.hpp"
#include "profiling_test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace eqv::profiling {
namespace {

using test::TempDir;

ProfileResult hand_worked(const TempDir& dir) {
  const SegmentScheme scheme = test::three_segments();
  const AreaLookup lookup = load_lookups(
      {dir.write("nspl.csv", test::kPostcodeLookup), dir.write("oac.csv", test::kAreaLookup)},
      scheme);
  return profile_transactions(dir.write("t.csv", test::kTransactions), lookup, scheme,
                              default_channel_costs(EQUIVALUE_TEMPLATES_DIR));
}

// The counts (channel order face-to-face, telephone, web, email):
//   segment 1: 1 1 1 0 | 3      customers 2
//   segment 2: 0 1 2 0 | 3      customers 2
//   segment 3: 2 1 1 1 | 5      customers 3
//   totals     3 3 4 1 | 11     customers 7
// With threshold 3, counts 1 and 2 are shown as "<3"; the row totals 3, 3, 5 and the
// grand total 11 are shown. The email column total (1) is small and the only hidden cell
// of the totals row, so one more total there is withheld (secondary suppression).
TEST(Publish, ThresholdThreeOnTheHandWorkedProfile) {
  TempDir dir;
  const ProfileResult p = hand_worked(dir);
  const PublishedProfile pub = publish_profile(p, 3);
  ASSERT_EQ(pub.channels, (std::vector<std::string>{"face-to-face", "telephone", "web", "email"}));
  const PublishedSegment& s1 = pub.segments[0];
  const PublishedSegment& s3 = pub.segments[2];
  EXPECT_EQ(s1.channels[0].text, "<3");
  EXPECT_EQ(s1.channels[3].text, "0");  // zero identifies nobody
  EXPECT_EQ(s1.transactions.text, "3");
  EXPECT_EQ(s3.transactions.text, "5");
  EXPECT_EQ(pub.total.transactions.text, "11");
  EXPECT_EQ(pub.total.channels[3].text, "<3");
  int hidden_totals = 0;
  for (const auto& c : pub.total.channels) hidden_totals += c.suppressed ? 1 : 0;
  EXPECT_EQ(hidden_totals, 2);  // never exactly one hidden cell beside a shown total
  // Customers 2, 2 are hidden; 3 is shown, and so are segment 3's share and index.
  EXPECT_EQ(s1.customers.text, "<3");
  EXPECT_TRUE(s1.share.suppressed);
  EXPECT_TRUE(s1.index.suppressed);
  EXPECT_EQ(s3.customers.text, "3");
  EXPECT_EQ(s3.share.text, "42.9%");  // 3/7
  EXPECT_EQ(s3.index.text, "86");     // 85.71
  // Population shares come from the scheme, not the transactions.
  EXPECT_EQ(s1.base_share.text, "20.0%");
  // Every cost is built from a hidden count here.
  EXPECT_TRUE(s1.cost.suppressed);
  EXPECT_TRUE(s3.cost.suppressed);
  EXPECT_TRUE(pub.total.cost.suppressed);
  // Matched 11, then four reasons of 1 each (hidden), rows 15.
  EXPECT_EQ(pub.matched.text, "11");
  EXPECT_EQ(pub.rows.text, "15");
  for (const auto& u : pub.unmatched) EXPECT_EQ(u.text, "<3");
  EXPECT_NE(pub.statement.find("<3"), std::string::npos);
}

// Segment 1: face-to-face 3, web 3, email 1, post 1 (threshold 3). Email and post are
// hidden but not priced, so the cost 3 x 8.62 + 3 x 0.15 = 26.31 gives nothing away.
TEST(Publish, CostShownWhenOnlyUnpricedCountsAreHidden) {
  TempDir dir;
  const SegmentScheme scheme = test::three_segments();
  const AreaLookup lookup = load_lookups({dir.write("oac.csv", test::kAreaLookup)}, scheme);
  const std::string text =
      "oa21cd,channel\nE00000001,f2f\nE00000001,f2f\nE00000001,f2f\nE00000001,web\n"
      "E00000001,web\nE00000001,web\nE00000001,email\nE00000001,post\n";
  const ProfileResult p = profile_transactions(dir.write("t.csv", text), lookup, scheme,
                                               default_channel_costs(EQUIVALUE_TEMPLATES_DIR));
  const PublishedProfile pub = publish_profile(p, 3);
  ASSERT_EQ(pub.channels, (std::vector<std::string>{"face-to-face", "web", "email", "post"}));
  EXPECT_EQ(pub.segments[0].channels[2].text, "<3");
  EXPECT_EQ(pub.segments[0].channels[3].text, "<3");
  EXPECT_EQ(pub.segments[0].cost.text, "26.31");
  EXPECT_EQ(pub.total.cost.text, "26.31");
}

// With the default threshold 10 every count of this small file but 11 and 15 is hidden.
TEST(Publish, DefaultThresholdHidesSmallCounts) {
  TempDir dir;
  const PublishedProfile pub = publish_profile(hand_worked(dir), 10);
  for (const auto& s : pub.segments) {
    EXPECT_EQ(s.transactions.text, "<10");
    EXPECT_TRUE(s.share.suppressed);
    EXPECT_TRUE(s.index.suppressed);
    EXPECT_TRUE(s.cost.suppressed);
  }
  EXPECT_EQ(pub.total.transactions.text, "11");
}

// Threshold 1 hides nothing: the analyst's view.
TEST(Publish, ThresholdOneShowsEverything) {
  TempDir dir;
  const PublishedProfile pub = publish_profile(hand_worked(dir), 1);
  EXPECT_EQ(pub.segments[0].cost.text, "11.60");
  EXPECT_EQ(pub.segments[2].cost.text, "20.22");
  EXPECT_EQ(pub.total.cost.text, "34.95");
  EXPECT_EQ(pub.segments[0].index.text, "143");
}

TEST(Publish, WorkbookIsWritten) {
  TempDir dir;
  const ProfileResult p = hand_worked(dir);
  const std::string out = dir.file("profile.xlsx");
  write_profile_workbook(out, publish_profile(p, 10), p);
  EXPECT_GT(std::filesystem::file_size(out), 1000u);
  EXPECT_THROW(write_profile_workbook(dir.file("no/such/folder/p.xlsx"), publish_profile(p, 10), p),
               InputError);
}

TEST(Json, AnalystViewCarriesTheHandWorkedFigures) {
  TempDir dir;
  const std::string json = profile_to_json(hand_worked(dir));
  auto has = [&](const std::string& part) { return json.find(part) != std::string::npos; };
  EXPECT_TRUE(has("\"rows\": 15, \"matched\": 11")) << json;
  EXPECT_TRUE(
      has("\"unmatched\": {\"missing\": 1, \"malformed\": 1, \"unknown_postcode\": 1, "
          "\"unknown_area\": 1}"));
  EXPECT_TRUE(has("\"segment\": \"1\""));
  EXPECT_TRUE(has("\"share\": 0.285714, \"base_share\": 0.200000, \"index\": 142.8571"));
  EXPECT_TRUE(
      has("\"channels\": {\"face-to-face\": 1, \"telephone\": 1, \"web\": 1}, \"cost\": 11.60"));
  EXPECT_TRUE(has("\"cost\": 34.95"));
  EXPECT_FALSE(has("AB1")) << "no postcode may leave the library";
}

// The command line: exit 2 with the line for a malformed file, and nothing written.
TEST(Cli, MalformedFileExitsTwoAndWritesNothing) {
  TempDir dir;
  const std::string project = dir.write("p.json",
                                        R"({"format": "equivalue/1", "project": {"name": "Test"},
          "segments": {"scheme": "oac2021-supergroup", "characteristics": {},
                       "items": [{"code": "1", "name": "One", "population": 100}]}, "changes": []})");
  const std::string lookup = dir.write("oac.csv", test::kAreaLookup);
  const std::string bad = dir.write("t.csv", "oa21cd,channel\nE00000001,web\nE00000001\n");
  const std::string out = dir.file("out.xlsx");
  const std::string err = dir.file("err.txt");
  const std::string command = std::string(EQUIVALUE_CLI) + " profile --transactions " + bad +
                              " --lookup " + lookup + " --segments " + project + " -o " + out +
                              " 2>" + err + " >/dev/null";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_FALSE(std::filesystem::exists(out));
  std::ifstream in(err);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("t.csv line 3:"), std::string::npos) << text.str();

  const std::string good =
      dir.write("g.csv", "oa21cd,channel\nE00000001,web\nE00000001,telephone\n");
  const std::string json = dir.file("out.json");
  const std::string ok = std::string(EQUIVALUE_CLI) + " profile --transactions " + good +
                         " --lookup " + lookup + " --segments " + project + " --json -o " + out +
                         " >" + json + " 2>/dev/null";
  const int ok_status = std::system(ok.c_str());
  ASSERT_TRUE(WIFEXITED(ok_status));
  EXPECT_EQ(WEXITSTATUS(ok_status), 0);
  EXPECT_TRUE(std::filesystem::exists(out));
  std::ifstream jin(json);
  std::stringstream jtext;
  jtext << jin.rdbuf();
  EXPECT_NE(jtext.str().find("\"cost\": 2.98"), std::string::npos) << jtext.str();  // 2.83 + 0.15
}

}  // namespace
}  // namespace eqv::profiling
