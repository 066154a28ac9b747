// The forms compiled in from forms/*.xrc.
#pragma once

#include <wx/window.h>

#include <string>

namespace eqv::gui {

// Loads the compiled-in forms into wxXmlResource once (safe to call again).
void load_forms();

// Creates the panel `resource` (for example "outcome_impact") as a child of `parent`.
// Throws std::runtime_error if the form is missing, which is a build fault.
wxWindow* create_form(wxWindow* parent, const std::string& resource);

}  // namespace eqv::gui
