#include "wizard.hpp"

#include <wx/sizer.h>

namespace eqv::gui {
namespace {

struct Stage {
  const char* title;
  const char* explanation;
};

const Stage kStages[] = {
    {"Stage 1 of 7: Scope", "Say what the service change is and how its future value is discounted."},
    {"Stage 2 of 7: Stakeholders", "List the groups of people the change affects, or who affect it."},
    {"Stage 3 of 7: Inputs", "What the change costs, who pays, and in which year (0 = up front)."},
    {"Stage 4 of 7: Outcomes and indicators",
     "For each outcome: what changes in people's lives, how you will know (the indicator), for how many and for how long."},
    {"Stage 5 of 7: Valuation",
     "Give each outcome a financial proxy: pick one from the library or enter one with its source and price year."},
    {"Stage 6 of 7: Impact", "Take off what would have happened anyway, what moved from elsewhere, what others "
                             "achieved, and how the outcome fades."},
    {"Stage 7 of 7: Results", "The social return, year by year, and how sensitive it is to each assumption."},
};

}  // namespace

SroiWizard::SroiWizard(wxWindow* parent, ProjectDocument& doc, int change)
    : wxWizard(parent, wxID_ANY, _("SROI wizard"), wxNullBitmap, wxDefaultPosition,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
  for (std::size_t i = 0; i < std::size(kStages); ++i) {
    auto* page = new wxWizardPageSimple(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(page, wxID_ANY, wxString::FromUTF8(kStages[i].title));
    title->SetFont(title->GetFont().Bold().Larger());
    sizer->Add(title, 0, wxALL, 4);
    auto* explanation = new wxStaticText(page, wxID_ANY, wxString::FromUTF8(kStages[i].explanation));
    explanation->Wrap(860);
    sizer->Add(explanation, 0, wxALL, 4);
    ChangePage* content = nullptr;
    switch (i) {
      case 0: content = new ScopePage(page, doc, true, false, false); break;
      case 1: content = new ScopePage(page, doc, false, true, false); break;
      case 2: content = new ScopePage(page, doc, false, false, true); break;
      case 3: content = new OutcomesPage(page, doc, {"outcome_describe"}); break;
      case 4: content = new OutcomesPage(page, doc, {"outcome_valuation"}); break;
      case 5: content = new OutcomesPage(page, doc, {"outcome_impact"}); break;
      default: content = new ResultsPage(page, doc); break;
    }
    content->set_change(change);
    sizer->Add(content, 1, wxEXPAND);
    page->SetSizer(sizer);
    if (!pages_.empty()) wxWizardPageSimple::Chain(pages_.back(), page);
    pages_.push_back(page);
    contents_.push_back(content);
  }
  // Moving between stages keeps the outcome chosen on one stage chosen on the next.
  Bind(wxEVT_WIZARD_PAGE_CHANGED, [this](wxWizardEvent&) {
    int outcome = -1;
    for (ChangePage* c : contents_)
      if (auto* o = dynamic_cast<OutcomesPage*>(c); o && o->GetParent() != GetCurrentPage()) outcome = std::max(outcome, o->selected());
    for (ChangePage* c : contents_)
      if (auto* o = dynamic_cast<OutcomesPage*>(c); o && o->GetParent() == GetCurrentPage() && outcome >= 0) o->select(outcome);
  });
  SetPageSize(wxSize(920, 560));
  GetPageAreaSizer()->Add(pages_.front());
}

bool RunSroiWizard(wxWindow* parent, ProjectDocument& doc, int change) {
  auto* wizard = new SroiWizard(parent, doc, change);
  const bool finished = wizard->RunWizard(wizard->first());
  wizard->Destroy();
  return finished;
}

}  // namespace eqv::gui
