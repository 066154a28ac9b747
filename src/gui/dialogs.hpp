// Small dialogs, each a free function over a model value: the caller passes what to edit
// and learns whether the user confirmed it.
#pragma once

#include "document.hpp"

#include "equivalue/core/model.hpp"

#include <wx/dialog.h>
#include <wx/window.h>

#include <functional>
#include <string>
#include <vector>

namespace eqv::storage {
class StaleEdit;
}

namespace eqv::gui {

// Project settings, and the discounting used by every change. True when confirmed.
bool EditProjectSettings(wxWindow* parent, Project& project);

// The reviewer's name and, when returning, the comments (required). True when confirmed.
bool AskReview(wxWindow* parent, const wxString& title, bool need_comments, std::string& reviewer,
               std::string& comments, bool signed_in = false);

// An edit refused because someone else changed the record meanwhile: who, when, and each
// field with both values (theirs, now shown; and the one that was not saved).
void ShowStaleEdit(wxWindow* parent, const storage::StaleEdit& refusal);
// The same window, not yet shown (the caller destroys it): for the documentation's pictures.
wxDialog* StaleEditDialog(wxWindow* parent, const storage::StaleEdit& refusal);

}  // namespace eqv::gui
