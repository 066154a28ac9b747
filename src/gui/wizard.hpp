// The SROI wizard: the stages of the Guide in order, one page each, editing the chosen
// change in place (every step is saved and can be undone like any other edit). A dialog
// with Back, Next and Finish over a book of pages.
#pragma once

#include "document.hpp"
#include "pages.hpp"

#include <wx/dialog.h>
#include <wx/simplebook.h>

#include <vector>

class wxButton;

namespace eqv::gui {

class SroiWizard : public wxDialog {
 public:
  SroiWizard(wxWindow* parent, ProjectDocument& doc, int change);
  std::size_t stages() const { return contents_.size(); }
  std::size_t stage() const { return static_cast<std::size_t>(book_->GetSelection()); }
  // Shows stage `i` (0-based), as Back and Next do.
  void show_stage(std::size_t i);
  // The change page shown at stage `i` (for the tests that drive the wizard).
  ChangePage* content(std::size_t i) const { return contents_.at(i); }

 private:
  wxSimplebook* book_ = nullptr;
  wxButton* back_ = nullptr;
  wxButton* next_ = nullptr;
  std::vector<ChangePage*> contents_;
};

// Runs the wizard modally; true when the user reached Finish.
bool RunSroiWizard(wxWindow* parent, ProjectDocument& doc, int change);

}  // namespace eqv::gui
