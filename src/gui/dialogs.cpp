#include "dialogs.hpp"

#include "binding.hpp"
#include "eqia_page.hpp"
#include "forms.hpp"
#include "pages.hpp"

#include "equivalue/core/validation.hpp"
#include "equivalue/storage/store.hpp"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <initializer_list>

namespace eqv::gui {
namespace {

struct ListColumn {
  wxString heading;
  int width = 100;
  bool right = false;  // figures are right-aligned
};

// A sentence, then a list with these columns, in `dialog`'s sizer.
wxListCtrl* listing(wxDialog& dialog, wxBoxSizer* sizer, const wxString& intro, long style,
                    std::initializer_list<ListColumn> columns) {
  sizer->Add(new wxStaticText(&dialog, wxID_ANY, intro), 0, wxALL, 8);
  auto* list =
      new wxListCtrl(&dialog, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | style);
  for (const auto& c : columns)
    list->AppendColumn(c.heading, c.right ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, c.width);
  return list;
}

// A record of a service change as a person names it: "sroi.outcomes[O1]" -> "Outcome O1",
// "eqia.actions[#0]" -> "Action 1".
wxString part_name(const std::string& record) {
  static const std::pair<const char*, const char*> kParts[] = {
      {"sroi.stakeholders[", "Stakeholder "},
      {"sroi.inputs[", "Input "},
      {"sroi.outcomes[", "Outcome "},
      {"affected_segments[", "Affected segment "},
      {"eqia.impacts[", "Impact: "},
      {"eqia.actions[", "Action "},
      {"eqia.history[", "History "},
      {"segments.items[", "Segment "},
      {"segments.characteristics", "Characteristics"},
      {"project.deflators", "Deflators"},
      {"project.channel_costs", "Channel costs"},
      {"eqia", "Equality assessment"},
      {"sroi", "Social value"},
      {"project", "Project settings"},
      {"segments", "Segments"},
  };  // data table
  if (record.empty()) return _("The change itself");
  for (const auto& [prefix, name] : kParts) {
    const std::string p = prefix;
    if (record.compare(0, p.size(), p) != 0) continue;
    std::string key = record.substr(p.size());
    if (!key.empty() && key.back() == ']') key.pop_back();
    if (key.size() > 1 && key[0] == '#' &&
        key.find_first_not_of("0123456789", 1) == std::string::npos)
      key = std::to_string(std::stoul(key.substr(1)) + 1);
    return wxString::FromUTF8(name + key);
  }
  return wxString::FromUTF8(record);
}

// "drop_off" -> "Drop off", "proxy.value" -> "Proxy value".
wxString field_name(std::string field) {
  std::replace(field.begin(), field.end(), '_', ' ');
  std::replace(field.begin(), field.end(), '.', ' ');
  if (!field.empty())
    field[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(field[0])));
  return wxString::FromUTF8(field);
}

}  // namespace

bool EditProjectSettings(wxWindow* parent, Project& project) {
  wxDialog dialog(parent, wxID_ANY, _("Project settings"), wxDefaultPosition, wxDefaultSize,
                  wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
  Project work = project;
  ServiceChange shown;  // the discounting shown: the first change's (every change shares it here)
  if (!work.changes.empty()) shown = work.changes.front();

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  wxWindow* form = create_form(&dialog, "project_settings");
  sizer->Add(form, 1, wxEXPAND | wxALL, 8);
  auto* buttons = dialog.CreateStdDialogButtonSizer(wxOK | wxCANCEL);
  sizer->Add(buttons, 0, wxEXPAND | wxALL, 8);
  dialog.SetSizerAndFit(sizer);
  dialog.SetMinSize(wxSize(760, -1));
  dialog.Fit();

  FormBinding<ProjectSettings> settings(form, project_settings_fields());
  FormBinding<ServiceChange> discount(form, change_fields());
  auto refresh = [&] {
    Project check;
    check.project = work.project;
    check.segments = work.segments;
    const Problems problems = validate(check);
    settings.show_problems(problems, "project");
    Problems change_problems;
    if (!work.changes.empty()) {
      Project one = check;
      one.changes.push_back(work.changes.front());
      change_problems = validate(one);
    }
    discount.show_problems(change_problems, "changes[0]");
    bool clean = true;
    for (const auto& p : problems) clean = clean && p.path.rfind("project", 0) != 0;
    for (const auto& p : change_problems)
      clean = clean && p.path.rfind("changes[0].sroi.discount", 0) != 0;
    dialog.FindWindow(wxID_OK)->Enable(clean);
  };
  settings.on_edit = [&](const FieldDef<ProjectSettings>& f, const std::string& text) {
    f.set(work.project, text);
    refresh();
  };
  discount.on_edit = [&](const FieldDef<ServiceChange>& f, const std::string& text) {
    f.set(shown, text);
    for (auto& c : work.changes) f.set(c, text);
    refresh();
  };
  settings.show(work.project, true);
  discount.show(shown, true);
  refresh();
  if (dialog.ShowModal() != wxID_OK) return false;
  project = work;
  return true;
}

bool AskReview(wxWindow* parent, const wxString& title, bool need_comments, std::string& reviewer,
               std::string& comments, bool signed_in) {
  wxDialog dialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize,
                  wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(&dialog, wxID_ANY,
                              signed_in ? _("Reviewer (signed in to the register):")
                                        : _("Reviewer (the equality officer):")),
             0, wxLEFT | wxRIGHT | wxTOP, 8);
  auto* who = new wxTextCtrl(&dialog, wxID_ANY, wxString::FromUTF8(reviewer));
  who->SetEditable(!signed_in);  // in a register the server knows who is reviewing
  sizer->Add(who, 0, wxEXPAND | wxALL, 8);
  wxTextCtrl* text = nullptr;
  if (need_comments) {
    sizer->Add(new wxStaticText(&dialog, wxID_ANY, _("What must the lead officer put right?")), 0,
               wxLEFT | wxRIGHT, 8);
    text =
        new wxTextCtrl(&dialog, wxID_ANY, "", wxDefaultPosition, wxSize(460, 120), wxTE_MULTILINE);
    sizer->Add(text, 1, wxEXPAND | wxALL, 8);
  }
  sizer->Add(dialog.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
  dialog.SetSizerAndFit(sizer);
  (text ? text : who)->SetFocus();
  if (dialog.ShowModal() != wxID_OK) return false;
  reviewer = who->GetValue().utf8_string();
  if (text) comments = text->GetValue().utf8_string();
  return true;
}

wxDialog* StaleEditDialog(wxWindow* parent, const storage::StaleEdit& refusal) {
  auto* dialog =
      new wxDialog(parent, wxID_ANY, _("Someone else changed this meanwhile"), wxDefaultPosition,
                   wxSize(1000, 420), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* message = new wxStaticText(dialog, wxID_ANY, wxString::FromUTF8(refusal.what()));
  message->Wrap(960);
  sizer->Add(message, 0, wxALL, 8);
  wxListCtrl* list = listing(*dialog, sizer, _("Where your change and theirs differ:"), wxLC_HRULES,
                             {{_("Part"), 150},
                              {_("Field"), 130},
                              {_("Saved now (theirs)"), 345},
                              {_("Yours (not saved)"), 345}});
  for (const auto& field : refusal.differences()) {
    const long item = list->InsertItem(list->GetItemCount(), part_name(field.record));
    list->SetItem(item, 1, field_name(field.field));
    list->SetItem(item, 2, wxString::FromUTF8(field.old_value));
    list->SetItem(item, 3, wxString::FromUTF8(field.new_value));
  }
  sizer->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
  sizer->Add(dialog->CreateStdDialogButtonSizer(wxOK), 0, wxEXPAND | wxALL, 8);
  dialog->SetSizer(sizer);
  list->SetFocus();
  return dialog;
}

void ShowStaleEdit(wxWindow* parent, const storage::StaleEdit& refusal) {
  wxDialog* dialog = StaleEditDialog(parent, refusal);
  dialog->ShowModal();
  dialog->Destroy();
}

}  // namespace eqv::gui
