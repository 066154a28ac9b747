// What the Equality menu runs: the officer's desk, the cumulative impact and the
// post-implementation review. Each takes the open document and the change it concerns; the rules
// are core's (reviews.hpp, eqia.hpp).
#pragma once

#include "document.hpp"
#include "review_dialog.hpp"

#include <wx/window.h>

#include <functional>
#include <string>

namespace eqv::gui {

// Records a post-implementation review on change `index` through the document (a workflow
// step: saved and audited, never undone). The ReviewDialog's Record.
ReviewDialog::Record review_recorder(wxWindow* parent, ProjectDocument& doc, int index);

// The officer's desk on today's date; `show(change, review)` shows the chosen change's
// assessment, and its review when the line was a review due or overdue.
void ShowOfficerDesk(wxWindow* parent, ProjectDocument& doc,
                     const std::function<void(int, bool)>& show);

// The cumulative impact with its heat map.
void ShowCumulative(wxWindow* parent, ProjectDocument& doc);

// The post-implementation review of change `index` on today's date.
void ShowPostImplementationReview(wxWindow* parent, ProjectDocument& doc, int index);

}  // namespace eqv::gui
