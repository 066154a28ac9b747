// The outcome's valuation shows its proxy as priced and in base-year prices, naming the
// deflator series: the shipped HM Treasury series unless the project has its own.
#include <gtest/gtest.h>

#include "gui_support.hpp"
#include "pages.hpp"
#include "proxy_chooser.hpp"

#include <fstream>
#include <sstream>

namespace eqv::gui {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(EQUIVALUE_TEST_FIXTURES) + "/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The worked example's first outcome: a proxy of £1,000.00 at 2024 prices, base year 2026.
// With the shipped series: 1000 x 105.3095 / 100.0000 = 1053.095, so £1,053.10.
TEST(Valuation, ShowsTheProxyAsPricedAndRebasedWithTheSeriesNamed) {
  test::TestFrame holder;
  auto doc = test::worked_example_document();
  ASSERT_EQ(doc->shipped_deflators_problem(), "");
  auto* page = new OutcomesPage(holder.frame, *doc, {"outcome_valuation"});
  page->set_change(0);
  page->select(0);
  // The fixture turns rebasing off: used as priced.
  EXPECT_NE(page->headline().find("Proxy: £1,000.00 in 2024 prices, used as priced"),
            std::string::npos)
      << page->headline();

  doc->edit([](Project& p) { p.project.rebase_proxies = true; }, "Rebase proxies");
  page->select(0);
  EXPECT_NE(page->headline().find(
                "Proxy: £1,000.00 in 2024 prices = £1,053.10 in 2026 prices (HM Treasury GDP "
                "deflators at market prices, March 2026"),
            std::string::npos)
      << page->headline();

  // The project's own series wins: 1000 x 110 / 100 = £1,100.00.
  doc->edit(
      [](Project& p) {
        p.project.deflators = {{2024, Decimal("100")}, {2026, Decimal("110")}};
        p.project.deflator_series = "Northshire's index";
      },
      "Own deflators");
  page->select(0);
  EXPECT_NE(page->headline().find("= £1,100.00 in 2026 prices (Northshire's index)"),
            std::string::npos)
      << page->headline();
  delete page;  // now, while its document exists: the frame's own deletion waits for idle time
}

// The chooser offers the shipped library and the project's own, each as priced and rebased.
// A&E VB08Z: £269.19 at 2024-25 prices x 105.3095 / 100.0000 = 283.4826..., so £283.48.
TEST(Valuation, TheChooserShowsEachProxyAsPricedAndRebased) {
  test::TestFrame holder;
  auto doc = test::worked_example_document();
  doc->edit([](Project& p) { p.project.rebase_proxies = true; }, "Rebase proxies");
  auto* chooser = new ProxyChooser(holder.frame, *doc);
  EXPECT_GE(chooser->shown(), 100);
  EXPECT_NE(chooser->note().find("in 2026 prices, rebased with HM Treasury GDP deflators"),
            std::string::npos)
      << chooser->note();
  chooser->set_filter("Category 2 Investigation with Category 1 Treatment");
  ASSERT_EQ(chooser->shown(), 1);
  EXPECT_EQ(chooser->cell(0, 1), "269.19");
  EXPECT_EQ(chooser->cell(0, 3), "2024");
  EXPECT_EQ(chooser->cell(0, 4), "283.48");
  EXPECT_EQ(chooser->cell(0, 6), "OGL-3.0");
  chooser->Destroy();
}

// A council's licensed copy goes into the project's own library as one undoable edit; a
// malformed file is refused whole, each problem named by line and column.
TEST(Valuation, ImportsALicensedLibraryIntoTheProjectsOwn) {
  test::TestFrame holder;
  auto doc = test::worked_example_document();
  const Problems refused = import_proxy_library(*doc, fixture("proxies/malformed.csv"));
  ASSERT_EQ(refused.size(), 2u);
  EXPECT_EQ(refused[0].path, "line 3, value");
  EXPECT_EQ(refused[1].path, "line 4, type");
  EXPECT_TRUE(doc->project().proxy_library.empty());

  EXPECT_TRUE(import_proxy_library(*doc, fixture("proxies/licensed.csv")).empty());
  ASSERT_EQ(doc->project().proxy_library.size(), 2u);
  doc->edit([](Project& p) { p.project.rebase_proxies = true; }, "Rebase proxies");
  auto* chooser = new ProxyChooser(holder.frame, *doc);
  chooser->set_filter("social group");
  ASSERT_EQ(chooser->shown(), 1);
  EXPECT_EQ(chooser->cell(0, 0),
            "[project] Member of a social group (made-up figure for the tests)");
  // £1,000.00 at 2019 prices: 1000 x 105.3095 / 80.8738 = 1302.146..., so £1,302.15.
  EXPECT_EQ(chooser->cell(0, 1), "1,000.00");
  EXPECT_EQ(chooser->cell(0, 4), "1,302.15");
  Proxy chosen;
  ASSERT_TRUE(chooser->chosen(chosen));
  EXPECT_EQ(chosen.value, Decimal("1000.00"));
  EXPECT_EQ(chosen.source, "A licensed value bank (made up for the tests) (Table 1)");
  chooser->Destroy();
  doc->undo();  // rebasing
  doc->undo();  // the import
  EXPECT_TRUE(doc->project().proxy_library.empty());
}

}  // namespace
}  // namespace eqv::gui
