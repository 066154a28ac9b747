#include "officer_desk.hpp"

#include "binding.hpp"

#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace eqv::gui {

OfficerDeskDialog::OfficerDeskDialog(wxWindow* parent, const ProjectDocument& doc,
                                     const std::string& today)
    : wxDialog(parent, wxID_ANY, _("Officer's desk"), wxDefaultPosition, wxSize(980, 520),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      desk_(officer_desk(doc.project(), today)) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* intro = new wxStaticText(
      this, wxID_ANY,
      wxString::FromUTF8("On " + today +
                         ": assessments waiting for you, and post-implementation "
                         "reviews overdue or due in the next " +
                         std::to_string(desk_.horizon_days) +
                         " days. Open a line to read the assessment or record its review."));
  intro->Wrap(940);
  sizer->Add(intro, 0, wxALL, 8);
  list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                         wxLC_REPORT | wxLC_SINGLE_SEL);
  list_->AppendColumn(_("Change"), wxLIST_FORMAT_LEFT, 70);
  list_->AppendColumn(_("Service change"), wxLIST_FORMAT_LEFT, 330);
  list_->AppendColumn(_("Reference"), wxLIST_FORMAT_LEFT, 120);
  list_->AppendColumn(_("What and when"), wxLIST_FORMAT_LEFT, 430);
  wxFont bold = list_->GetFont().Bold();
  for (DeskList kind : kDeskLists) {
    const auto items = desk_.in(kind);
    const long heading = list_->InsertItem(list_->GetItemCount(), "");
    list_->SetItem(heading, 1,
                   wxString::FromUTF8(std::string(desk_list_title(kind)) + " (" +
                                      std::to_string(items.size()) + ")"));
    list_->SetItemFont(heading, bold);
    row_item_.push_back(-1);
    if (items.empty()) {
      const long none = list_->InsertItem(list_->GetItemCount(), "");
      list_->SetItem(none, 1, _("None"));
      list_->SetItemTextColour(none, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
      row_item_.push_back(-1);
    }
    for (const DeskItem* item : items) {
      const long row =
          list_->InsertItem(list_->GetItemCount(), wxString::FromUTF8(item->change_id));
      list_->SetItem(row, 1, wxString::FromUTF8(item->title));
      list_->SetItem(row, 2, wxString::FromUTF8(item->reference));
      list_->SetItem(row, 3, wxString::FromUTF8(item->note));
      if (kind == DeskList::review_overdue || kind == DeskList::approved_late)
        list_->SetItemTextColour(row, problem_colour());
      row_item_.push_back(static_cast<int>(item - desk_.items.data()));
    }
  }
  sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  open_ = new wxButton(this, wxID_ANY, _("&Open"));
  buttons->Add(open_, 0, wxRIGHT, 8);
  buttons->Add(new wxButton(this, wxID_CANCEL, _("Close")));
  sizer->Add(buttons, 0, wxALIGN_RIGHT | wxALL, 8);
  SetSizer(sizer);

  open_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open_selected(); });
  list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { open_selected(); });
  list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { update_button(); });
  list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { update_button(); });
  if (!desk_.items.empty()) select_item(0);
  update_button();
  list_->SetFocus();
}

void OfficerDeskDialog::select_item(std::size_t item) {
  for (std::size_t row = 0; row < row_item_.size(); ++row)
    if (row_item_[row] == static_cast<int>(item)) {
      const long r = static_cast<long>(row);
      list_->SetItemState(r, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                          wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
      list_->EnsureVisible(r);
    }
  update_button();
}

const DeskItem* OfficerDeskDialog::selected_item() const {
  const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (row < 0 || static_cast<std::size_t>(row) >= row_item_.size()) return nullptr;
  const int item = row_item_[static_cast<std::size_t>(row)];
  return item < 0 ? nullptr : &desk_.items[static_cast<std::size_t>(item)];
}

void OfficerDeskDialog::update_button() {
  const DeskItem* item = selected_item();
  open_->Enable(item != nullptr);
  if (!item) return;
  const bool review = item->list == DeskList::review_due || item->list == DeskList::review_overdue;
  open_->SetLabel(review ? _("&Open the review") : _("&Open the assessment"));
  Layout();
}

void OfficerDeskDialog::open_selected() {
  chosen_ = selected_item();
  if (chosen_ && IsModal()) EndModal(wxID_OK);
}

}  // namespace eqv::gui
