#include "forms.hpp"

#include "binding.hpp"

#include <wx/panel.h>
#include <wx/xrc/xmlres.h>

#include <stdexcept>

// Written by wxrc from forms/*.xrc (see CMakeLists.txt).
extern void InitEquivalueForms();

namespace eqv::gui {

void load_forms() {
  static bool loaded = false;
  if (loaded) return;
  wxXmlResource::Get()->InitAllHandlers();
  InitEquivalueForms();
  loaded = true;
}

wxWindow* create_form(wxWindow* parent, const std::string& resource) {
  load_forms();
  wxPanel* panel = wxXmlResource::Get()->LoadPanel(parent, wxString::FromUTF8(resource));
  if (!panel) throw std::runtime_error("the form " + resource + " is missing from this build");
  return panel;
}

wxColour problem_colour() { return wxColour(176, 0, 32); }

wxWindow* find_named(wxWindow* root, const std::string& name) {
  // Not wxWindow::FindWindowByName: that falls back to matching labels.
  const wxString wanted = wxString::FromUTF8(name);
  for (wxWindow* child : root->GetChildren()) {
    if (child->GetName() == wanted) return child;
    if (wxWindow* found = find_named(child, name)) return found;
  }
  return nullptr;
}

}  // namespace eqv::gui
