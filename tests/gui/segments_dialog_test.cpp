// Project > Segment profiles...: a new project gets its profiles from small Census files
// in the NOMIS layout (figures worked by hand), a figure typed wrong shows its problem
// beside its cell, and a council's own scheme comes in from CSV.
#include "gui_support.hpp"
#include "pages.hpp"
#include "segments_dialog.hpp"

#include "equivalue/interchange/json_format.hpp"

#include <gtest/gtest.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace eqv::gui {
namespace {

namespace fs = std::filesystem;

int column_named(wxGrid* grid, const wxString& label) {
  for (int c = 0; c < grid->GetNumberCols(); ++c)
    if (grid->GetColLabelValue(c) == label) return c;
  return -1;
}

// Three output areas: E00000001 and E00000002 in supergroup 1, E00000003 in supergroup 2.
//   area       people  0-14  15-64  65+  disabled
//   E00000001  100     20    50     30   30
//   E00000002  200     40    100    60   30
//   E00000003   50     15    30      5    7
fs::path write_census_files() {
  const fs::path dir = fs::temp_directory_path() / "equivalue-gui-segments-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "census");
  std::ofstream(dir / "oac21ew.csv") << "oa21cd,supergroup,group,subgroup\n"
                                       "E00000001,1,1a ,1a1\nE00000002,1,1b,1b1\nE00000003,2,2a,2a1\n";
  std::ofstream age(dir / "census" / "census2021-ts007a-oa.csv");
  age << "date,geography,geography code,Age: Total,Age: Aged 4 years and under,Age: Aged 5 to 9 years,"
         "Age: Aged 10 to 14 years,Age: Aged 15 to 19 years,Age: Aged 20 to 24 years,Age: Aged 25 to 29 years,"
         "Age: Aged 30 to 34 years,Age: Aged 35 to 39 years,Age: Aged 40 to 44 years,Age: Aged 45 to 49 years,"
         "Age: Aged 50 to 54 years,Age: Aged 55 to 59 years,Age: Aged 60 to 64 years,Age: Aged 65 to 69 years,"
         "Age: Aged 70 to 74 years,Age: Aged 75 to 79 years,Age: Aged 80 to 84 years,Age: Aged 85 years and over\n"
         "2021,E00000001,E00000001,100,10,5,5,5,5,5,5,5,5,5,5,5,5,10,10,5,3,2\n"
         "2021,E00000002,E00000002,200,20,10,10,10,10,10,10,10,10,10,10,10,10,20,20,10,5,5\n"
         "2021,E00000003,E00000003,50,5,5,5,3,3,3,3,3,3,3,3,3,3,1,1,1,1,1\n";
  std::ofstream disability(dir / "census" / "census2021-ts038-oa.csv");
  disability << "date,geography,geography code,Disability: Total: All usual residents,Disability: Disabled under "
                "the Equality Act,Disability: Disabled under the Equality Act: Day-to-day activities limited a lot,"
                "Disability: Disabled under the Equality Act: Day-to-day activities limited a little,Disability: Not "
                "disabled under the Equality Act,Disability: Not disabled under the Equality Act: Has long term "
                "physical or mental health condition but day-to-day activities are not limited,Disability: Not "
                "disabled under the Equality Act: No long term physical or mental health conditions\n"
                "2021,E00000001,E00000001,100,30,10,20,70,10,60\n"
                "2021,E00000002,E00000002,200,30,10,20,170,20,150\n"
                "2021,E00000003,E00000003,50,7,3,4,43,3,40\n";
  return dir;
}

TEST(SegmentProfiles, ANewProjectBuildsItsProfilesFromTheCensus) {
  const fs::path dir = write_census_files();
  test::TestFrame holder;
  ProjectDocument doc(memory_sink(Project{}));
  auto* dialog = new SegmentProfilesDialog(holder.frame, doc);
  dialog->set_quiet(true);
  EXPECT_EQ(dialog->grid()->GetNumberRows(), 0);
  EXPECT_TRUE(dialog->summary_text().Contains("No segment profile yet"));

  ASSERT_TRUE(dialog->choose_scheme("oac2021-supergroup"));
  ASSERT_TRUE(dialog->build_from_census({(dir / "oac21ew.csv").string(), (dir / "census").string(), {}, {}}, true))
      << dialog->last_message();
  EXPECT_EQ(doc.project().segments.scheme, "oac2021-supergroup");
  wxGrid* grid = dialog->grid();
  ASSERT_EQ(grid->GetNumberRows(), 2);
  EXPECT_EQ(grid->GetCellValue(0, 1), "Retired Professionals");
  EXPECT_EQ(grid->GetCellValue(0, 2), "300");  // 100 + 200
  EXPECT_EQ(grid->GetCellValue(1, 2), "50");
  const int old = column_named(grid, "age\n65+");
  const int young = column_named(grid, "age\n0-14");
  const int disabled = column_named(grid, "disability\ndisabled");
  ASSERT_GE(old, 0);
  ASSERT_GE(disabled, 0);
  EXPECT_EQ(grid->GetCellValue(0, old), "0.3");        // 90 / 300
  EXPECT_EQ(grid->GetCellValue(1, disabled), "0.14");  // 7 / 50
  // The tables not in the folder are named, so the officer knows what is missing.
  EXPECT_TRUE(dialog->summary_text().Contains("sex is left out"));
  EXPECT_TRUE(dialog->cell_problem(0, old).empty());

  // A share above 1: the problem is shown beside that cell, in red.
  ASSERT_TRUE(dialog->set_cell(0, old, "1.5"));
  EXPECT_EQ(doc.project().segments.items[0].composition.at("age").at("65+"), Decimal("1.5"));
  EXPECT_TRUE(dialog->cell_problem(0, old).Contains("must be between 0 and 1, got 1.5"));
  EXPECT_EQ(grid->GetCellBackgroundColour(0, old), wxColour(255, 214, 214));
  // The age shares no longer add up to 1: said on the characteristic's first column.
  EXPECT_TRUE(dialog->cell_problem(0, young).Contains("must add up to 1"));
  EXPECT_TRUE(grid->GetCellValue(0, grid->GetNumberCols() - 1).Contains("between 0 and 1"));
  // Undo puts the figure back and the problems go.
  doc.undo();
  wxYield();
  EXPECT_EQ(grid->GetCellValue(0, old), "0.3");
  EXPECT_TRUE(dialog->cell_problem(0, old).empty());

  // Text that is not a number is refused with a message; nothing changes.
  EXPECT_FALSE(dialog->set_cell(1, 2, "fifty"));
  EXPECT_NE(dialog->last_message().find("must be a whole number of people"), std::string::npos);
  EXPECT_EQ(doc.project().segments.items[1].population, 50);
  dialog->Destroy();
}

TEST(SegmentProfiles, TheCouncilsOwnSchemeComesInFromCsv) {
  const fs::path dir = fs::temp_directory_path() / "equivalue-gui-segments-own";
  fs::create_directories(dir);
  std::ofstream(dir / "mosaic.csv") << "segment,name,population,age:under 65,age:65+\n"
                                       "A,City Prosperity,1200,0.9,0.1\nB,Prestige Positions,800,0.6,0.4\n";
  std::ofstream(dir / "bad.csv") << "segment,name,population,age:under 65,age:65+\nA,City Prosperity,lots,0.9,0.2\n";
  test::TestFrame holder;
  ProjectDocument doc(memory_sink(Project{}));
  auto* dialog = new SegmentProfilesDialog(holder.frame, doc);
  dialog->set_quiet(true);
  ASSERT_TRUE(dialog->choose_scheme("own"));
  EXPECT_FALSE(dialog->import_csv((dir / "bad.csv").string()));
  EXPECT_NE(dialog->last_message().find("line 2"), std::string::npos);
  EXPECT_TRUE(doc.project().segments.items.empty());
  ASSERT_TRUE(dialog->import_csv((dir / "mosaic.csv").string())) << dialog->last_message();
  ASSERT_EQ(dialog->grid()->GetNumberRows(), 2);
  EXPECT_EQ(dialog->grid()->GetCellValue(1, 1), "Prestige Positions");
  EXPECT_EQ(dialog->grid()->GetCellValue(1, column_named(dialog->grid(), "age\n65+")), "0.4");
  EXPECT_EQ(doc.project().segments.scheme, "own");
  dialog->Destroy();
}

// The label of the static text under `root` that contains `words` ("" when none).
wxString text_containing(wxWindow* root, const wxString& words) {
  for (wxWindow* child : root->GetChildren()) {
    if (auto* label = dynamic_cast<wxStaticText*>(child); label && label->GetLabel().Contains(words))
      return label->GetLabel();
    if (const wxString inner = text_containing(child, words); !inner.empty()) return inner;
  }
  return {};
}

TEST(SegmentProfiles, TheEmptyAffectedGroupsPageSaysWhereToSetThemUp) {
  test::TestFrame holder;
  Project project = test::worked_example();
  project.segments = SegmentScheme{};
  for (auto& change : project.changes) change.affected_segments.clear();
  ProjectDocument doc(memory_sink(project));
  auto* page = new AffectedPage(holder.frame, doc);
  page->set_change(0);
  EXPECT_TRUE(text_containing(page, "no segment profile").Contains("Project > Segment profiles..."));
  page->Destroy();
}

// tests/fixtures/joint_groups.json: segment 1 (1,000 people, 30% aged 65+ and disabled) and
// segment 4 (3,000, 5%); the change touches half of 1 and a tenth of 4:
//   A = 800, A_(65+ disabled) = 150 + 15 = 165; R = (165 / 800) / (450 / 4,000) = 1.83.
TEST(SegmentProfiles, JointGroupsShowOnTheAffectedGroupsPage) {
  std::ifstream in(std::string(EQUIVALUE_TEST_FIXTURES) + "/joint_groups.json");
  const JsonReadResult read =
      read_project_json(std::string(std::istreambuf_iterator<char>(in), {}));
  ASSERT_TRUE(read.problems.empty());
  test::TestFrame holder;
  ProjectDocument doc(memory_sink(read.project));
  auto* page = new AffectedPage(holder.frame, doc);
  page->set_change(0);
  wxListCtrl* table = page->table();
  long joint = -1;
  for (long row = 0; row < table->GetItemCount(); ++row)
    if (table->GetItemText(row, 0) == "age x disability (joint)" &&
        table->GetItemText(row, 1) == "65+ disabled")
      joint = row;
  ASSERT_GE(joint, 0);
  EXPECT_EQ(table->GetItemText(joint, 2), "165");
  EXPECT_EQ(table->GetItemText(joint, 5), "1.83");
  EXPECT_EQ(table->GetItemText(joint, 6), "Over-represented");
  page->Destroy();
}

}  // namespace
}  // namespace eqv::gui
