// The SROI wizard: the stages of the Guide in order, one page each, editing the chosen
// change in place (every step is saved and can be undone like any other edit).
#pragma once

#include "document.hpp"
#include "pages.hpp"

#include <wx/wizard.h>

#include <vector>

namespace eqv::gui {

class SroiWizard : public wxWizard {
 public:
  SroiWizard(wxWindow* parent, ProjectDocument& doc, int change);
  wxWizardPage* first() const { return pages_.front(); }
  const std::vector<wxWizardPageSimple*>& pages() const { return pages_; }
  // The change page shown on wizard page `i` (for the tests that drive the wizard).
  ChangePage* content(std::size_t i) const { return contents_.at(i); }

 private:
  std::vector<wxWizardPageSimple*> pages_;
  std::vector<ChangePage*> contents_;
};

// Runs the wizard modally; true when the user reached Finish.
bool RunSroiWizard(wxWindow* parent, ProjectDocument& doc, int change);

}  // namespace eqv::gui
