// Helpers for driving the windows from tests: a top-level frame to hold them, a project
// to show, and the events a user's typing or clicking would send.
#pragma once

#include "document.hpp"

#include "equivalue/core/model.hpp"

#include <wx/button.h>
#include <wx/frame.h>
#include <wx/grid.h>
#include <wx/textctrl.h>

#include <memory>
#include <string>

namespace eqv::gui::test {

// The method's worked example (tests/fixtures/worked_example.json).
Project worked_example();

// A document over the worked example, in memory.
std::unique_ptr<ProjectDocument> worked_example_document();

// Types `text` into a control as a user would (sends wxEVT_TEXT).
void type_into(wxWindow* control, const std::string& text);

// Puts `text` in a grid cell and tells the grid it was edited.
void edit_cell(wxGrid* grid, int row, int col, const std::string& text);

// Clicks the button whose label is `label` among `root`'s children.
bool click(wxWindow* root, const wxString& label);

// A frame that lives for one test.
struct TestFrame {
  TestFrame();
  ~TestFrame();
  wxFrame* frame;
};

}  // namespace eqv::gui::test
