// The customer profile dialog's main path on a tiny made-up file: columns found, the
// profile made in the background and shown with disclosure control, a channel swap worked
// out, and its saving added to the change as an outcome through the normal (undoable) edit.
#include "gui_support.hpp"
#include "profile_wizard.hpp"

#include "equivalue/interchange/json_format.hpp"

#include <gtest/gtest.h>
#include <wx/grid.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace eqv::gui {
namespace {

namespace fs = std::filesystem;

int column_named(wxGrid* grid, const wxString& label) {
  for (int c = 0; c < grid->GetNumberCols(); ++c)
    if (grid->GetColLabelValue(c) == label) return c;
  return -1;
}

TEST(CustomerProfile, ProfilesSwapsAndAddsTheSavingAsAnOutcome) {
  const fs::path dir = fs::temp_directory_path() / "equivalue-gui-profile-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  // Segment 1 (the worked example's only segment) is reached through one postcode: 10
  // face-to-face, 4 telephone and 6 web contacts; one unknown and one malformed postcode.
  {
    std::ofstream t(dir / "transactions.csv");
    t << "ref,postcode,contact_channel\n";
    int ref = 1;
    auto rows = [&](int n, const char* postcode, const char* channel) {
      for (int i = 0; i < n; ++i) t << ref++ << "," << postcode << "," << channel << "\n";
    };
    rows(10, "ab1 2cd", "Face to face");
    rows(4, "AB1 2CD", "phone");
    rows(6, "AB12CD", "web");
    rows(1, "ZZ9 9ZZ", "web");
    rows(1, "nonsense", "web");
    std::ofstream l(dir / "lookup.csv");
    l << "pcds,oa21cd,supergroup\nAB1 2CD,E00000001,1\nAB1 2CE,E00000002,1\n";
  }

  test::TestFrame holder;
  auto doc = test::worked_example_document();
  auto* dialog = new CustomerProfileDialog(holder.frame, *doc, 0);

  // Columns found from the header; the reference column is left alone.
  ASSERT_TRUE(dialog->set_transactions((dir / "transactions.csv").string()));
  EXPECT_EQ(dialog->column("postcode"), "postcode");
  EXPECT_EQ(dialog->column("channel"), "contact_channel");
  EXPECT_EQ(dialog->column("customer"), "");
  dialog->set_lookups({(dir / "lookup.csv").string()});

  ASSERT_TRUE(dialog->run_profile(true));
  ASSERT_TRUE(dialog->profile().has_value());
  const auto& profile = *dialog->profile();
  EXPECT_EQ(profile.rows, 22);
  EXPECT_EQ(profile.matched, 20);
  EXPECT_EQ(profile.count(profiling::Unmatched::unknown_postcode), 1);
  EXPECT_EQ(profile.count(profiling::Unmatched::malformed), 1);

  // On screen with the project's threshold (10): 10 face-to-face contacts are shown, the
  // 4 telephone and 6 web contacts only as "<10"; the rule is stated.
  wxGrid* grid = dialog->grid();
  ASSERT_EQ(grid->GetNumberRows(), 2);  // segment 1 and the total
  const int f2f = column_named(grid, "face-to-face"), phone = column_named(grid, "telephone"),
            web = column_named(grid, "web");
  ASSERT_GE(f2f, 0);
  ASSERT_GE(phone, 0);
  ASSERT_GE(web, 0);
  EXPECT_EQ(grid->GetCellValue(0, f2f), "10");
  EXPECT_EQ(grid->GetCellValue(0, phone), "<10");
  EXPECT_EQ(grid->GetCellValue(0, web), "<10");
  EXPECT_EQ(grid->GetCellValue(0, column_named(grid, "Contacts")), "20");
  EXPECT_NE(dialog->statement_text().Find("<10"), wxNOT_FOUND);

  // Swap half of segment 1's face-to-face contacts to the web:
  //   per period = 10 x 0.5 x (8.62 - 0.15) = 5 x 8.47 = 42.35 pounds.
  // channel_swap annualises by 365 / period_days: a file covering 365 days gives 42.35 a
  // year; the same file taken as 73 days (a fifth of a year) gives 42.35 x 5 = 211.75.
  ASSERT_TRUE(dialog->set_swap({"1"}, "0.5", {"face-to-face"}, "73"));
  EXPECT_EQ(to_fixed(dialog->swap()->yearly_saving, 2), "211.75");
  ASSERT_TRUE(dialog->set_swap({"1"}, "0.5", {"face-to-face"}, "365"));
  EXPECT_EQ(to_fixed(dialog->swap()->yearly_saving, 2), "42.35");
  EXPECT_EQ(to_fixed(dialog->swap()->moved, 0), "5");
  EXPECT_NE(dialog->saving_text().Find(wxString::FromUTF8("£42.35")), wxNOT_FOUND);
  // Moving all of segment 1 (the whole area) over-represents nobody: no prompt.
  EXPECT_FALSE(dialog->swap()->exclusion_prompt);
  EXPECT_NE(dialog->prompt_text().Find("Digital exclusion"), wxNOT_FOUND);

  // Added to change C1 as its second outcome, through an undoable edit, exactly as the
  // command line adds it (profiling::add_saving_to_change): outcome SWAP1, to a new
  // stakeholder "council" (C1's only stakeholder is older residents), in pence.
  const std::size_t before = doc->change(0).sroi.outcomes.size();
  ASSERT_TRUE(dialog->add_outcome());
  const auto& outcomes = doc->change(0).sroi.outcomes;
  ASSERT_EQ(outcomes.size(), before + 1);
  const Outcome& added = outcomes.back();
  EXPECT_EQ(added.id, "SWAP1");
  EXPECT_EQ(added.stakeholder, "council");
  EXPECT_EQ(added.proxy.value, Decimal("42.35"));
  EXPECT_EQ(added.quantity, Decimal(1));
  EXPECT_EQ(added.type, ValueType::fiscal);
  EXPECT_TRUE(added.cashable);
  EXPECT_EQ(added.agency, "council");
  const auto& stakeholders = doc->change(0).sroi.stakeholders;
  const bool council = std::any_of(
      stakeholders.begin(), stakeholders.end(),
      [&](const Stakeholder& s) { return s.id == added.stakeholder && s.name == "Council"; });
  EXPECT_TRUE(council);
  // Only aggregates reach the project: no postcode from the file is in it.
  const std::string saved = write_project_json(doc->project());
  EXPECT_EQ(saved.find("AB1"), std::string::npos);
  EXPECT_EQ(saved.find("ZZ9"), std::string::npos);
  EXPECT_EQ(doc->undo_label(), "Add the channel swap saving as an outcome");
  doc->undo();
  EXPECT_EQ(doc->change(0).sroi.outcomes.size(), before);

  dialog->Destroy();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace eqv::gui
