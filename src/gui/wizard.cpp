#include "wizard.hpp"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/statline.h>

namespace eqv::gui {
namespace {

struct Stage {
  const char* title;
  const char* explanation;
};

const Stage kStages[] = {
    {"Stage 1 of 7: Scope",
     "Say what the service change is and how its future value is discounted."},
    {"Stage 2 of 7: Stakeholders",
     "List the groups of people the change affects, or who affect it."},
    {"Stage 3 of 7: Inputs", "What the change costs, who pays, and in which year (0 = up front)."},
    {"Stage 4 of 7: Outcomes and indicators",
     "For each outcome: what changes in people's lives, how you will know (the indicator), for how "
     "many and for how long."},
    {"Stage 5 of 7: Valuation",
     "Give each outcome a financial proxy: pick one from the library or enter one with its source "
     "and price year."},
    {"Stage 6 of 7: Impact",
     "Take off what would have happened anyway, what moved from elsewhere, what others "
     "achieved, and how the outcome fades."},
    {"Stage 7 of 7: Results",
     "The social return, year by year, and how sensitive it is to each assumption."},
};

}  // namespace

SroiWizard::SroiWizard(wxWindow* parent, ProjectDocument& doc, int change)
    : wxDialog(parent, wxID_ANY, _("SROI wizard"), wxDefaultPosition, wxSize(1000, 700),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  book_ = new wxSimplebook(this, wxID_ANY);
  for (std::size_t i = 0; i < std::size(kStages); ++i) {
    auto* page = new wxPanel(book_);
    auto* page_sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(page, wxID_ANY, "");
    title->SetFont(title->GetFont().Bold().Larger());
    title->SetLabel(wxString::FromUTF8(kStages[i].title));
    page_sizer->Add(title, 0, wxALL, 6);
    auto* explanation =
        new wxStaticText(page, wxID_ANY, wxString::FromUTF8(kStages[i].explanation));
    explanation->Wrap(940);
    page_sizer->Add(explanation, 0, wxLEFT | wxRIGHT | wxBOTTOM, 6);
    ChangePage* content = nullptr;
    switch (i) {
      case 0:
        content = new ScopePage(page, doc, true, false, false);
        break;
      case 1:
        content = new ScopePage(page, doc, false, true, false);
        break;
      case 2:
        content = new ScopePage(page, doc, false, false, true);
        break;
      case 3:
        content = new OutcomesPage(page, doc, {"outcome_describe"});
        break;
      case 4:
        content = new OutcomesPage(page, doc, {"outcome_valuation"});
        break;
      case 5:
        content = new OutcomesPage(page, doc, {"outcome_impact"});
        break;
      default:
        content = new ResultsPage(page, doc);
        break;
    }
    content->set_change(change);
    page_sizer->Add(content, 1, wxEXPAND);
    page->SetSizer(page_sizer);
    book_->AddPage(page, wxString::FromUTF8(kStages[i].title));
    contents_.push_back(content);
  }
  sizer->Add(book_, 1, wxEXPAND | wxALL, 6);
  sizer->Add(new wxStaticLine(this), 0, wxEXPAND | wxLEFT | wxRIGHT, 6);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  back_ = new wxButton(this, wxID_BACKWARD, _("< &Back"));
  next_ = new wxButton(this, wxID_FORWARD, _("&Next >"));
  auto* close = new wxButton(this, wxID_CANCEL, _("&Close"));
  buttons->AddStretchSpacer();
  buttons->Add(back_, 0, wxRIGHT, 6);
  buttons->Add(next_, 0, wxRIGHT, 12);
  buttons->Add(close);
  sizer->Add(buttons, 0, wxEXPAND | wxALL, 8);
  SetSizer(sizer);
  SetMinSize(wxSize(900, 600));
  back_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (stage() > 0) show_stage(stage() - 1);
  });
  next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (stage() + 1 < stages())
      show_stage(stage() + 1);
    else
      EndModal(wxID_OK);
  });
  show_stage(0);
}

void SroiWizard::show_stage(std::size_t i) {
  // The outcome chosen on one stage stays chosen on the next.
  int outcome = -1;
  if (auto* from = dynamic_cast<OutcomesPage*>(contents_.at(stage()))) outcome = from->selected();
  book_->SetSelection(i);
  ChangePage* to = contents_.at(i);
  to->refresh_if_stale();
  if (auto* o = dynamic_cast<OutcomesPage*>(to); o && outcome >= 0) o->select(outcome);
  back_->Enable(i > 0);
  next_->SetLabel(i + 1 < stages() ? _("&Next >") : _("&Finish"));
  Layout();
}

bool RunSroiWizard(wxWindow* parent, ProjectDocument& doc, int change) {
  SroiWizard wizard(parent, doc, change);
  return wizard.ShowModal() == wxID_OK;
}

}  // namespace eqv::gui
