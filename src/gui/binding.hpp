// Binding a form (a panel loaded from forms/*.xrc) to one model object, by name.
//
// Every control whose name is a field of the form's table shows that field. When the user
// changes a control, the binding checks the text can be stored at all (a number is a
// number) and hands the field and text to `on_edit`; it never decides what a value may be.
// Problems from eqv::validate() whose path is `base + "." + name` are shown in the note
// beside that control (a wxStaticText named "note:" + name), in place of its usual hint.
#pragma once

#include "fields.hpp"

#include "equivalue/core/validation.hpp"

#include <wx/checkbox.h>
#include <wx/settings.h>
#include <wx/choice.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/window.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace eqv::gui {

// The colour of a problem note: a dark red that reads on light and dark themes' panels.
wxColour problem_colour();

// Finds a child of `root` (at any depth) by its XRC name.
wxWindow* find_named(wxWindow* root, const std::string& name);

template <typename Model>
class FormBinding {
 public:
  using EditHandler = std::function<void(const FieldDef<Model>&, const std::string& text)>;

  FormBinding(wxWindow* form, const FormDef<Model>& fields) : form_(form) {
    for (const auto& def : fields) {
      wxWindow* control = find_named(form, def.name);
      if (!control) continue;
      Bound b;
      b.def = &def;
      b.control = control;
      if (auto* note = dynamic_cast<wxStaticText*>(find_named(form, "note:" + def.name))) {
        b.note = note;
        b.hint = note->GetLabel();
        if (b.hint.empty()) b.hint = wxString::FromUTF8(field_hint(def.name));
        note->SetLabel(b.hint);
        note->Wrap(note_width_);
        b.shown = b.hint;
      }
      b.choices = def.choices;
      if (auto* choice = dynamic_cast<wxChoice*>(control)) {
        choice->Clear();
        for (const auto& c : def.choices) choice->Append(wxString::FromUTF8(c.label));
        choice->Bind(wxEVT_CHOICE, [this, i = bound_.size()](wxCommandEvent&) { changed(i); });
      } else if (auto* check = dynamic_cast<wxCheckBox*>(control)) {
        check->Bind(wxEVT_CHECKBOX, [this, i = bound_.size()](wxCommandEvent&) { changed(i); });
      } else if (auto* text = dynamic_cast<wxTextCtrl*>(control)) {
        text->Bind(wxEVT_TEXT, [this, i = bound_.size()](wxCommandEvent&) { changed(i); });
      }
      bound_.push_back(b);
    }
  }

  EditHandler on_edit;

  // Wraps every hint and problem beside a control at `width` pixels (a form in a narrow
  // pane: the default suits a form with the page to itself).
  void wrap_notes(int width) {
    note_width_ = width;
    for (auto& b : bound_)
      if (b.note) {
        b.note->SetLabel(b.shown);
        b.note->Wrap(width);
      }
    form_->Layout();
  }

  // The records a reference field may name, offered by name (value = the record's id):
  // the stakeholders of the change, the segments of the project. Call before show().
  void set_choices(const std::string& name, const std::vector<Choice>& choices) {
    for (auto& b : bound_) {
      auto* choice = dynamic_cast<wxChoice*>(b.control);
      if (b.def->name != name || !choice) continue;
      bool same = b.choices.size() == choices.size();
      for (std::size_t i = 0; same && i < choices.size(); ++i)
        same = b.choices[i].value == choices[i].value && b.choices[i].label == choices[i].label;
      if (same) continue;
      b.choices = choices;
      loading_ = true;
      choice->Clear();
      for (const auto& c : choices) choice->Append(wxString::FromUTF8(c.label));
      loading_ = false;
    }
  }

  // Shows the model's values. Without `force`, the control being typed in keeps its text
  // (so "0.20" is not rewritten to "0.2" under the cursor).
  void show(const Model& model, bool force = false) {
    loading_ = true;
    wxWindow* focus = wxWindow::FindFocus();
    for (auto& b : bound_) {
      const std::string value = b.def->get(model);
      if (auto* choice = dynamic_cast<wxChoice*>(b.control)) {
        int index = wxNOT_FOUND;
        for (std::size_t i = 0; i < b.choices.size(); ++i)
          if (b.choices[i].value == value) index = static_cast<int>(i);
        if (choice->GetSelection() != index) choice->SetSelection(index);
      } else if (auto* check = dynamic_cast<wxCheckBox*>(b.control)) {
        check->SetValue(value == "1");
      } else if (auto* text = dynamic_cast<wxTextCtrl*>(b.control)) {
        if (!force && (b.control == focus || unparsed_.count(b.def->name))) continue;
        const wxString shown = wxString::FromUTF8(value);
        if (text->GetValue() != shown) text->ChangeValue(shown);
        unparsed_.erase(b.def->name);
      }
    }
    if (force) unparsed_.clear();
    loading_ = false;
  }

  // Shows, beside each control, the first problem whose path is base + "." + its name;
  // returns the problems under `base` that no control of this form shows.
  Problems show_problems(const Problems& problems, const std::string& base) {
    std::map<std::string, std::string> by_name;
    Problems others;
    const std::string prefix = base.empty() ? std::string() : base + ".";
    for (const auto& p : problems) {
      if (p.path.compare(0, prefix.size(), prefix) != 0) continue;
      const std::string name = p.path.substr(prefix.size());
      bool shown = false;
      for (const auto& b : bound_) shown = shown || b.def->name == name;
      if (shown)
        by_name.emplace(name, p.message);
      else if (name.find('[') == std::string::npos)
        others.push_back(p);
    }
    for (auto& b : bound_) {
      if (unparsed_.count(b.def->name)) continue;
      auto it = by_name.find(b.def->name);
      set_note(b, it == by_name.end() ? std::string() : it->second);
    }
    problems_ = by_name;
    return others;
  }

  // The message now shown beside a field ("" when none): what the tests read.
  std::string note_of(const std::string& name) const {
    for (const auto& b : bound_)
      if (b.def->name == name && b.showing_problem) return b.message;
    return {};
  }

  void enable(bool editable) {
    for (auto& b : bound_) {
      if (auto* text = dynamic_cast<wxTextCtrl*>(b.control))
        text->SetEditable(editable);
      else
        b.control->Enable(editable);
    }
  }

  std::vector<std::string> bound_names() const {
    std::vector<std::string> out;
    for (const auto& b : bound_) out.push_back(b.def->name);
    return out;
  }

  wxWindow* control(const std::string& name) const {
    for (const auto& b : bound_)
      if (b.def->name == name) return b.control;
    return nullptr;
  }

 private:
  struct Bound {
    const FieldDef<Model>* def = nullptr;
    wxWindow* control = nullptr;
    wxStaticText* note = nullptr;
    wxString hint;
    bool showing_problem = false;
    std::string message;          // the problem shown, unwrapped
    wxString shown;               // the note's text before wrapping
    std::vector<Choice> choices;  // a choice control's values, in its order
  };
  int note_width_ = 360;

  void set_note(Bound& b, const std::string& problem) {
    b.message = problem;
    b.showing_problem = !problem.empty();
    if (!b.note) {
      b.control->SetToolTip(problem.empty() ? wxString() : wxString::FromUTF8(problem));
      return;
    }
    const wxString label = problem.empty() ? b.hint : wxString::FromUTF8(problem);
    if (b.shown == label) return;
    b.shown = label;
    b.note->SetLabel(label);
    b.note->Wrap(note_width_);
    b.note->SetForegroundColour(problem.empty() ? wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT)
                                                : problem_colour());
    b.note->SetToolTip(label);
    form_->Layout();
  }

  std::string text_of(const Bound& b) const {
    if (auto* choice = dynamic_cast<wxChoice*>(b.control)) {
      const int i = choice->GetSelection();
      return i >= 0 && static_cast<std::size_t>(i) < b.choices.size()
                 ? b.choices[static_cast<std::size_t>(i)].value
                 : std::string();
    }
    if (auto* check = dynamic_cast<wxCheckBox*>(b.control)) return check->GetValue() ? "1" : "0";
    if (auto* text = dynamic_cast<wxTextCtrl*>(b.control)) return text->GetValue().utf8_string();
    return {};
  }

  void changed(std::size_t index) {
    if (loading_) return;
    Bound& b = bound_[index];
    const std::string text = text_of(b);
    if (auto error = check_field_text(b.def->kind, text)) {
      unparsed_.insert(b.def->name);
      set_note(b, *error);
      return;
    }
    unparsed_.erase(b.def->name);
    if (on_edit) on_edit(*b.def, text);
  }

  wxWindow* form_;
  std::vector<Bound> bound_;
  std::set<std::string> unparsed_;  // fields whose text is not yet a number
  std::map<std::string, std::string> problems_;
  bool loading_ = false;
};

}  // namespace eqv::gui
