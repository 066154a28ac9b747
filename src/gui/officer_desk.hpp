// Equality > Officer's desk: what needs the equality officer on a given day (core's
// officer_desk(): awaiting review, returned, reviews overdue and due, approved late), each
// line opening the assessment, or its post-implementation review for the review lists.
#pragma once

#include "document.hpp"

#include "equivalue/core/reviews.hpp"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>

#include <string>
#include <vector>

namespace eqv::gui {

class OfficerDeskDialog : public wxDialog {
 public:
  OfficerDeskDialog(wxWindow* parent, const ProjectDocument& doc, const std::string& today);

  const OfficerDesk& desk() const { return desk_; }
  wxListCtrl* list() { return list_; }
  wxButton* open_button() { return open_; }
  // Selects the list line showing desk().items[item] (tests; the user clicks).
  void select_item(std::size_t item);
  // Chooses the selected line and closes, as the Open button and a double-click do.
  void open_selected();
  // The line chosen: what the caller opens once the dialog has closed.
  const DeskItem* chosen() const { return chosen_; }

 private:
  void update_button();
  const DeskItem* selected_item() const;

  OfficerDesk desk_;
  const DeskItem* chosen_ = nullptr;
  wxListCtrl* list_ = nullptr;
  wxButton* open_ = nullptr;
  std::vector<int> row_item_;  // list line -> index into desk_.items, -1 for headings
};

}  // namespace eqv::gui
