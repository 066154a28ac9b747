// Starts wxWidgets (on the display xvfb-run provides) and runs every GUI test.
#include "gui_support.hpp"

#include "equivalue/storage/project_file.hpp"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/choice.h>
#include <wx/checkbox.h>
#include <wx/init.h>

namespace eqv::gui::test {

Project worked_example() {
  return storage::load_project_file(std::string(EQUIVALUE_TEST_FIXTURES) + "/worked_example.json");
}

std::unique_ptr<ProjectDocument> worked_example_document() {
  return std::make_unique<ProjectDocument>(memory_sink(worked_example()));
}

void type_into(wxWindow* control, const std::string& text) {
  ASSERT_NE(control, nullptr);
  if (auto* t = dynamic_cast<wxTextCtrl*>(control)) {
    t->SetValue(wxString::FromUTF8(text));  // SetValue sends wxEVT_TEXT, as typing does
  } else if (auto* c = dynamic_cast<wxChoice*>(control)) {
    c->SetStringSelection(wxString::FromUTF8(text));
    wxCommandEvent event(wxEVT_CHOICE, c->GetId());
    event.SetEventObject(c);
    event.SetInt(c->GetSelection());
    c->GetEventHandler()->ProcessEvent(event);
  } else if (auto* b = dynamic_cast<wxCheckBox*>(control)) {
    b->SetValue(text == "1");
    wxCommandEvent event(wxEVT_CHECKBOX, b->GetId());
    event.SetEventObject(b);
    b->GetEventHandler()->ProcessEvent(event);
  }
}

void edit_cell(wxGrid* grid, int row, int col, const std::string& text) {
  grid->SetCellValue(row, col, wxString::FromUTF8(text));
  wxGridEvent event(grid->GetId(), wxEVT_GRID_CELL_CHANGED, grid, row, col);
  grid->GetEventHandler()->ProcessEvent(event);
}

namespace {
wxButton* find_button(wxWindow* root, const wxString& label) {
  for (wxWindow* child : root->GetChildren()) {
    if (auto* b = dynamic_cast<wxButton*>(child); b && b->GetLabel() == label) return b;
    if (wxButton* found = find_button(child, label)) return found;
  }
  return nullptr;
}
}  // namespace

bool click(wxWindow* root, const wxString& label) {
  wxButton* button = find_button(root, label);
  if (!button) return false;
  wxCommandEvent event(wxEVT_BUTTON, button->GetId());
  event.SetEventObject(button);
  button->GetEventHandler()->ProcessEvent(event);
  return true;
}

TestFrame::TestFrame()
    : frame(new wxFrame(nullptr, wxID_ANY, "test", wxDefaultPosition, wxSize(1280, 800))) {
  frame->Show();
}
TestFrame::~TestFrame() { frame->Destroy(); }

}  // namespace eqv::gui::test

namespace {
class TestApp : public wxApp {
 public:
  bool OnInit() override { return true; }
};
}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  wxApp::SetInstance(new TestApp);
  if (!wxEntryStart(argc, argv)) return 1;
  wxTheApp->CallOnInit();
  const int result = RUN_ALL_TESTS();
  wxTheApp->OnExit();
  wxEntryCleanup();
  return result;
}
