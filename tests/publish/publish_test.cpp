// The published documents: figures worked by hand, disclosure control on every count of
// people, user text shown as text, the draft mark, headings in order and the Welsh report.
#include "equivalue/publish/publish.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "equivalue/core/errors.hpp"
#include "equivalue/core/results.hpp"
#include "equivalue/publish/html.hpp"
#include "equivalue/storage/project_file.hpp"

namespace {

using eqv::Project;

const std::string kFixtures = EQUIVALUE_TEST_FIXTURES;
const std::string kHere = EQUIVALUE_PUBLISH_TESTS;
const std::string kExamples = EQUIVALUE_EXAMPLES;

Project load(const std::string& path) { return eqv::storage::load_project_file(path); }

eqv::publishing::PublishOptions quick() {
  eqv::publishing::PublishOptions o;
  o.calc.draws = 2000;
  o.produced_at = std::chrono::system_clock::from_time_t(1796083200);  // 1 December 2026
  return o;
}

bool has(const std::string& html, const std::string& text) {
  return html.find(text) != std::string::npos;
}

// The text of every cell marked as a count of people.
std::vector<std::string> count_cells(const std::string& html) {
  static const std::regex cell(R"(<td class="num count">([^<]*)</td>)");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), cell); it != std::sregex_iterator();
       ++it)
    out.push_back((*it)[1]);
  return out;
}

// The rows of the table whose caption starts with `caption`, each as its cells' text.
std::vector<std::vector<std::string>> table_rows(const std::string& html,
                                                 const std::string& caption) {
  const std::size_t at = html.find("<caption>" + caption);
  if (at == std::string::npos) return {};
  const std::string table = html.substr(at, html.find("</table>", at) - at);
  static const std::regex row(R"(<tr>(.*?)</tr>)"), cell(R"(<t[hd][^>]*>([^<]*)</t[hd]>)");
  std::vector<std::vector<std::string>> rows;
  for (auto r = std::sregex_iterator(table.begin(), table.end(), row); r != std::sregex_iterator();
       ++r) {
    const std::string text = (*r)[1];
    std::vector<std::string> cells;
    for (auto c = std::sregex_iterator(text.begin(), text.end(), cell); c != std::sregex_iterator();
         ++c)
      cells.push_back((*c)[1]);
    rows.push_back(cells);
  }
  return rows;
}

// Headings go down one level at a time (h1, h2, h3; never h2 then h4).
void expect_heading_order(const std::string& html) {
  static const std::regex heading(R"(<h([1-6])[ >])");
  int previous = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), heading);
       it != std::sregex_iterator(); ++it) {
    const int level = std::stoi((*it)[1]);
    EXPECT_LE(level, previous + 1)
        << "h" << level << " after h" << previous << " at " << it->position();
    previous = level;
  }
  EXPECT_EQ(std::count(html.begin(), html.end(), '\0'), 0);
}

TEST(Escape, HostileTextBecomesCharacters) {
  EXPECT_EQ(eqv::publishing::escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(eqv::publishing::escape("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  EXPECT_EQ(eqv::publishing::escape("Tom & Jerry's"), "Tom &amp; Jerry&#39;s");
  EXPECT_EQ(eqv::publishing::escape("Caf\xC3\xA9"), "Caf\xC3\xA9");  // valid UTF-8 kept
  EXPECT_EQ(eqv::publishing::escape("a\xFF"
                                    "b"),
            "a\xEF\xBF\xBD"
            "b");                                                                // stray byte
  EXPECT_EQ(eqv::publishing::escape("a\xC0\xAF"), "a\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  EXPECT_EQ(eqv::publishing::escape(std::string("x\0y", 3)), "x\xEF\xBF\xBDy");  // NUL
  EXPECT_EQ(eqv::publishing::html_id("Sexual orientation"), "sexual-orientation");
  EXPECT_EQ(eqv::publishing::html_id("65+"), "x65");
}

// The method's worked example (method.md section 1), by hand: values 27,000 / 24,300 /
// 21,870; PV 68,496.75; NPV 18,496.75; ratio 1.3699; payback 22.22 months. People: 30% of
// 21,000 = 6,300; aged 65+ 6,300 x 0.34 = 2,142; 16-64 3,276; 0-15 882; disabled 1,323.
TEST(ChangeDocument, WorkedExampleFigures) {
  const Project p = load(kFixtures + "/worked_example.json");
  const std::string html = eqv::publishing::change_document(p, "C1", quick());
  EXPECT_TRUE(has(html, "<dd>£68,496.75</dd>"));
  EXPECT_TRUE(has(html, "<dd>£50,000.00</dd>"));
  EXPECT_TRUE(has(html, "<dd>£18,496.75</dd>"));
  EXPECT_TRUE(has(html, "<dd>1.3699 to 1</dd>"));
  EXPECT_TRUE(has(html, "<dd>22.22 months</dd>"));
  EXPECT_TRUE(has(html, "For every £1 spent, about £1.37 of social value is created."));
  const auto age = table_rows(html, "Age: people affected");
  ASSERT_EQ(age.size(), 5u);  // heading row, three groups, total
  EXPECT_EQ(age[1], (std::vector<std::string>{"0-15", "882", "14.0%", "14.0%", "No"}));
  EXPECT_EQ(age[3], (std::vector<std::string>{"65+", "2,142", "34.0%", "34.0%", "No"}));
  EXPECT_EQ(age[4], (std::vector<std::string>{"All groups", "6,300", "", "", ""}));
  // Switching values of the method: proxy £729.96, quantity 36.50, discount rate 22.68%.
  EXPECT_TRUE(has(html, "<td class=\"num\">£1,000.00</td><td class=\"num\">£729.96</td>"));
  EXPECT_TRUE(has(html, "<td class=\"num\">50.00</td><td class=\"num\">36.50</td>"));
  EXPECT_TRUE(has(html, "<td class=\"num\">3.5%</td><td class=\"num\">22.68%</td>"));
  // The proxy's source and the decision for a draft.
  EXPECT_TRUE(has(html, "<td>Worked example</td>"));
  EXPECT_TRUE(has(html, "<title>Draft: Library digital skills programme</title>"));
  EXPECT_TRUE(has(html, "<html lang=\"en-GB\">"));
  EXPECT_FALSE(has(html, "<script"));
  expect_heading_order(html);
}

TEST(ChangeDocument, ApprovedChangeIsNotMarkedDraft) {
  const Project p = load(kExamples + "/northshire-2026.json");
  const std::string approved = eqv::publishing::change_document(p, "C1", quick());
  EXPECT_TRUE(has(approved, "<title>Library digital skills programme</title>"));
  EXPECT_FALSE(has(approved, "class=\"draft\""));
  const std::string submitted = eqv::publishing::change_document(p, "C2", quick());
  EXPECT_TRUE(has(submitted, "<title>Draft: Replace two day centres with community hubs</title>"));
  EXPECT_TRUE(has(submitted, "class=\"draft\""));
  expect_heading_order(approved);
  expect_heading_order(submitted);
}

// 2,000 people x 2% = 40 affected: aged 0-15 4, 16-64 24, 65+ 12; disabled 2, not 38.
// 4 is shown as <10; with the total of 40 shown, 12 (the next smallest) is withheld too, and
// every share based on a withheld count.
TEST(ChangeDocument, DisclosureControlOnEveryCount) {
  const Project p = load(kHere + "/small_counts.json");
  const std::string html = eqv::publishing::change_document(p, "C1", quick());
  const auto age = table_rows(html, "Age: people affected");
  ASSERT_EQ(age.size(), 5u);
  EXPECT_EQ(age[1], (std::vector<std::string>{"0-15", "&lt;10", "[c]", "10.0%", "[c]"}));
  EXPECT_EQ(age[2], (std::vector<std::string>{"16-64", "24", "60.0%", "60.0%", "No"}));
  EXPECT_EQ(age[3], (std::vector<std::string>{"65+", "[c]", "[c]", "30.0%", "[c]"}));
  EXPECT_EQ(age[4][1], "40");
  const auto disability = table_rows(html, "Disability: people affected");
  ASSERT_EQ(disability.size(), 4u);
  EXPECT_EQ(disability[1][1], "&lt;10");
  EXPECT_EQ(disability[2][1], "[c]");
  const std::vector<std::string> counts = count_cells(html);
  EXPECT_GE(counts.size(), 5u);
  for (const std::string& text : counts)
    EXPECT_FALSE(std::regex_match(text, std::regex("[1-9]"))) << text;
  EXPECT_TRUE(has(html, "Counts from 1 to 9 are shown as &lt;10"));
  const std::string round = eqv::publishing::round_document(p, quick());
  for (const std::string& text : count_cells(round))
    EXPECT_FALSE(std::regex_match(text, std::regex("[1-9]"))) << text;
}

TEST(Documents, UserTextIsShownAsText) {
  const Project p = load(kHere + "/hostile_text.json");
  for (const std::string& html : {eqv::publishing::change_document(p, "C1", quick()),
                                  eqv::publishing::round_document(p, quick())}) {
    EXPECT_FALSE(has(html, "<script>"));
    EXPECT_FALSE(has(html, "<img"));
    EXPECT_FALSE(has(html, "\"><img"));
    EXPECT_TRUE(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    expect_heading_order(html);
  }
  const std::string change = eqv::publishing::change_document(p, "C1", quick());
  EXPECT_TRUE(has(change, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_TRUE(has(change, "&amp; &quot;quotes&quot; &#39;single&#39;"));
}

TEST(ChangeDocument, WelshTemplateHasRegulation8Headings) {
  const Project p = load(kFixtures + "/eqia/wales.json");
  const std::string html = eqv::publishing::change_document(p, "C1", quick());
  for (const char* heading :
       {">Report under regulation 8 (Wales)</h2>", ">The purpose of the proposal</h3>",
        ">The steps taken to assess it</h3>", ">The information taken into account</h3>",
        ">The results of the assessment</h3>", ">The decisions taken</h3>"})
    EXPECT_TRUE(has(html, heading)) << heading;
  EXPECT_TRUE(has(html, "<span lang=\"cy\">"));
  expect_heading_order(html);
}

// The round of the bundled example: savings 165,000 + 72,000 = 237,000 (C1 states none).
TEST(RoundDocument, EveryChangeAndTheTotals) {
  const Project p = load(kExamples + "/northshire-2026.json");
  const std::string html = eqv::publishing::round_document(p, quick());
  EXPECT_TRUE(has(html, "<dd>£237,000.00</dd>"));
  const auto rows = table_rows(html, "Every proposal in the round");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1][0], "C1: Library digital skills programme");
  EXPECT_EQ(rows[1][5], "Approved");
  EXPECT_EQ(rows[3][5], "Draft");
  EXPECT_TRUE(has(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""));
  EXPECT_TRUE(has(html, "<title>Draft: Northshire Council: 2026/27 budget proposals</title>"));
  expect_heading_order(html);
}

// The bundled example's impacts name their groups: older residents (65+) bear both harmful
// proposals, C2 (savings 165,000) and C3 (72,000), and working-age residents none.
TEST(RoundDocument, CumulativeImpactByGroupFlagsOlderResidents) {
  const Project p = load(kExamples + "/northshire-2026.json");
  const std::string html = eqv::publishing::round_document(p, quick());
  const auto rows = table_rows(html, "Proposals rated negative for each group");
  std::vector<std::string> older, working;
  for (const auto& row : rows) {
    if (!row.empty() && row[0] == "Age: 65+") older = row;
    if (!row.empty() && row[0] == "Age: 16-64") working = row;
  }
  ASSERT_EQ(older.size(), 6u);
  EXPECT_EQ(older[1], "2");
  EXPECT_EQ(older[2], "C2, C3");
  EXPECT_EQ(older[4], "£237,000.00");
  EXPECT_EQ(older[5], "Flagged: 2 proposals");
  ASSERT_EQ(working.size(), 6u);
  EXPECT_EQ(working[1], "0");
  EXPECT_EQ(working[2], "none");
  EXPECT_EQ(working[5], "");
  EXPECT_TRUE(has(html, "a group rated negative by 2 or more proposals is flagged"));
}

TEST(ChangeDocument, UnknownChangeIsRefused) {
  const Project p = load(kFixtures + "/worked_example.json");
  EXPECT_THROW(eqv::publishing::change_document(p, "C9", quick()), eqv::InputError);
}

}  // namespace
