// The main window opens a JSON project by importing it into a new .eqv beside it, lists
// the changes with their figures, and every edit is in the project file at once.
#include "gui_support.hpp"
#include "main_frame.hpp"

#include "equivalue/storage/project_store.hpp"

#include <gtest/gtest.h>
#include <wx/app.h>

#include <filesystem>

namespace eqv::gui {
namespace {

namespace fs = std::filesystem;

TEST(MainWindow, ImportsJsonListsFiguresAndSavesEachEdit) {
  const fs::path dir = fs::temp_directory_path() / "equivalue-gui-frame-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path json = dir / "worked.json";
  fs::copy_file(fs::path(EQUIVALUE_TEST_FIXTURES) / "worked_example.json", json);

  auto* frame = new MainFrame;
  frame->Show();
  ASSERT_TRUE(frame->open_path(json.string(), false));
  ASSERT_NE(frame->document(), nullptr);
  EXPECT_EQ(frame->document()->path(), (dir / "worked.eqv").string());
  EXPECT_TRUE(fs::exists(dir / "worked.eqv"));

  // The list shows the worked example's ratio, 1.3699 by hand, to two places.
  ChangeList* list = frame->view()->list();
  ASSERT_EQ(list->GetItemCount(), 1);
  EXPECT_EQ(list->GetItemText(0, 0), "C1");
  EXPECT_EQ(list->GetItemText(0, 2), "1.37");
  EXPECT_EQ(list->GetItemText(0, 4), "draft");

  // Type a new quantity on the Outcomes page: the file has it at once.
  frame->view()->book()->SetSelection(1);
  auto* quantity = frame->view()->outcomes()->form("outcome_describe")->control("quantity");
  test::type_into(quantity, "60");
  frame->Destroy();
  wxTheApp->ProcessIdle();

  const Project saved = storage::read_project_store((dir / "worked.eqv").string());
  EXPECT_EQ(saved.changes.at(0).sroi.outcomes.at(0).quantity, Decimal(60));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace eqv::gui
