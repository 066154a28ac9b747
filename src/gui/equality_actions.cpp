#include "equality_actions.hpp"

#include "cumulative_view.hpp"
#include "eqia_page.hpp"
#include "officer_desk.hpp"
#include "pages.hpp"

#include "equivalue/core/reviews.hpp"
#include "equivalue/core/workflow.hpp"

#include <wx/msgdlg.h>

namespace eqv::gui {

ReviewDialog::Record review_recorder(wxWindow* parent, ProjectDocument& doc, int index) {
  return
      [parent, &doc, index](const std::vector<ImpactReview>& reviews, const std::string& summary) {
        Problems problems;
        guarded(parent, [&] { problems = doc.record_review(index, reviews, summary); });
        return problems;
      };
}

void ShowOfficerDesk(wxWindow* parent, ProjectDocument& doc,
                     const std::function<void(int, bool)>& show) {
  OfficerDeskDialog desk(parent, doc, today_utc());
  if (desk.ShowModal() != wxID_OK || !desk.chosen()) return;
  const DeskItem item = *desk.chosen();
  const bool review = item.list == DeskList::review_due || item.list == DeskList::review_overdue;
  show(static_cast<int>(item.change_index), review);
}

void ShowCumulative(wxWindow* parent, ProjectDocument& doc) {
  CumulativeDialog dialog(parent, doc);
  dialog.ShowModal();
}

void ShowPostImplementationReview(wxWindow* parent, ProjectDocument& doc, int index) {
  if (index < 0 || index >= doc.change_count()) {
    wxMessageBox(_("Choose a service change in the list first."), _("Post-implementation review"),
                 wxOK, parent);
    return;
  }
  ReviewDialog dialog(parent, doc.change(index), today_utc(), doc.actor().who,
                      review_recorder(parent, doc, index));
  dialog.ShowModal();
}

}  // namespace eqv::gui
