#include "proxy_chooser.hpp"

#include "pages.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/core/sroi.hpp"
#include "equivalue/interchange/proxy_library.hpp"
#include "equivalue/storage/project_file.hpp"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace eqv::gui {
namespace {

std::vector<ProxyChooser::Offered> offered_proxies(const ProjectDocument& doc,
                                                   std::string& problem) {
  std::vector<ProxyChooser::Offered> rows;
  try {
    for (const auto& row : proxy_library()) rows.push_back({row, false});
  } catch (const InputError& e) {
    problem = e.what();
    for (const auto& p : e.problems()) problem += "\n" + p.text();
  }
  for (const auto& row : doc.project().proxy_library) rows.push_back({row, true});
  return rows;
}

// The line over the list: which prices the values are in, and with which series.
std::string prices_note(const ProjectSettings& settings, const std::string& problem) {
  const std::string series = deflator_series_in_use(settings);
  std::string note =
      series.empty()
          ? std::string("Values are used as priced: this project does not rebase proxies.")
          : "Values are shown as priced and in " + std::to_string(settings.base_year) +
                " prices, rebased with " + series + ".";
  if (!problem.empty())
    note +=
        "\nThe shipped library cannot be read, so only the project's own is offered: " + problem;
  return note;
}

void import_clicked(ProxyChooser& chooser, ProjectDocument& doc) {
  wxFileDialog pick(&chooser, _("Import a proxy library you hold a licence for"), "", "",
                    _("Proxy library (*.csv)|*.csv|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (pick.ShowModal() != wxID_OK) return;
  if (ImportProxyLibrary(&chooser, doc, pick.GetPath().utf8_string())) chooser.reload();
}

}  // namespace

Problems import_proxy_library(ProjectDocument& doc, const std::string& text) {
  ProxyLibraryRead read = read_proxy_library_csv(text);
  if (!read.problems.empty()) return std::move(read.problems);
  doc.edit(
      [&](Project& p) { merge_into_library(p.proxy_library, read.rows); },
      "Import " + std::to_string(read.rows.size()) + " proxies into the project's own library");
  return {};
}

bool ImportProxyLibrary(wxWindow* parent, ProjectDocument& doc, const std::string& file) {
  Problems problems;
  // Reading or the edit can be refused (the file changed elsewhere): guarded() says why.
  if (!guarded(parent,
               [&] { problems = import_proxy_library(doc, storage::read_text_file(file)); }))
    return false;
  if (problems.empty()) return true;
  const std::size_t n = problems.size();
  std::string lines = std::to_string(n) + " problem(s) in " + file +
                      "; nothing was imported. Put them right and import again:\n";
  for (std::size_t i = 0; i < n && i < 30; ++i) lines += "\n" + file + ": " + problems[i].text();
  if (n > 30) lines += "\n... and " + std::to_string(n - 30) + " more";
  wxMessageBox(wxString::FromUTF8(lines), _("Import proxy library"), wxOK | wxICON_ERROR, parent);
  return false;
}

ProxyChooser::ProxyChooser(wxWindow* parent, ProjectDocument& doc)
    : wxDialog(parent, wxID_ANY, _("Choose a financial proxy"), wxDefaultPosition,
               wxSize(1180, 560), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      doc_(doc) {
  std::string problem;
  library_ = offered_proxies(doc_, problem);
  settings_ = doc_.settings();
  note_ = prices_note(settings_, problem);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  search_ = new wxTextCtrl(this, wxID_ANY, "");
  search_->SetHint(_("Type to filter: A&E, district nurse, crisis, talking therapies ..."));
  sizer->Add(search_, 0, wxEXPAND | wxALL, 8);
  auto* note_text = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(note_));
  note_text->Wrap(1140);
  sizer->Add(note_text, 0, wxLEFT | wxRIGHT, 8);
  list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                         wxLC_REPORT | wxLC_SINGLE_SEL);
  add_columns();
  sizer->Add(list_, 1, wxEXPAND | wxALL, 8);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* import = new wxButton(this, wxID_ANY, _("&Import a licensed library..."));
  import->SetToolTip(
      _("Add a proxy library your council holds a licence for (CSV in the library's own "
        "columns) to this project's own library."));
  import->Enable(!doc_.read_only());
  buttons->Add(import, 0, wxRIGHT, 8);
  buttons->AddStretchSpacer();
  buttons->Add(new wxButton(this, wxID_OK, _("Use this proxy")), 0, wxRIGHT, 8);
  buttons->Add(new wxButton(this, wxID_CANCEL, _("Cancel")));
  sizer->Add(buttons, 0, wxEXPAND | wxALL, 8);
  SetSizer(sizer);
  search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { fill(); });
  list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EndModal(wxID_OK); });
  import->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { import_clicked(*this, doc_);
});
fill();
search_->SetFocus();
}  // namespace eqv::gui

void ProxyChooser::add_columns() {
  list_->AppendColumn(_("Proxy"), wxLIST_FORMAT_LEFT, 330);
  list_->AppendColumn(wxString::FromUTF8("As priced (£)"), wxLIST_FORMAT_RIGHT, 95);
  list_->AppendColumn(_("Unit"), wxLIST_FORMAT_LEFT, 120);
  list_->AppendColumn(_("Price year"), wxLIST_FORMAT_RIGHT, 75);
  list_->AppendColumn(
      wxString::FromUTF8("In " + std::to_string(settings_.base_year) + " prices (£)"),
      wxLIST_FORMAT_RIGHT, 130);
  list_->AppendColumn(_("Evidence"), wxLIST_FORMAT_LEFT, 65);
  list_->AppendColumn(_("Licence"), wxLIST_FORMAT_LEFT, 90);
  list_->AppendColumn(_("Source"), wxLIST_FORMAT_LEFT, 320);
}

void ProxyChooser::reload() {
  std::string ignored;
  library_ = offered_proxies(doc_, ignored);
  fill();
}

void ProxyChooser::set_filter(const std::string& text) {
  search_->SetValue(wxString::FromUTF8(text));
}

std::string ProxyChooser::cell(int row, int column) const {
  return list_->GetItemText(row, column).utf8_string();
}

void ProxyChooser::fill() {
  const wxString filter = search_->GetValue().Lower();
  list_->DeleteAllItems();
  shown_.clear();
  for (std::size_t i = 0; i < library_.size(); ++i) {
    const auto& row = library_[i].row;
    const auto& p = row.proxy;
    const wxString text =
        wxString::FromUTF8(p.description + " " + p.source + " " + row.source_table + " " + p.unit)
            .Lower();
    if (!filter.empty() && !text.Contains(filter)) continue;
    const std::string label = (library_[i].own ? "[project] " : "") + p.description;
    const long item = list_->InsertItem(list_->GetItemCount(), wxString::FromUTF8(label));
    list_->SetItem(item, 1, wxString::FromUTF8(to_grouped(p.value, kMoneyPlaces)));
    list_->SetItem(item, 2, wxString::FromUTF8(p.unit));
    list_->SetItem(item, 3, p.price_year ? wxString::Format("%d", p.price_year) : wxString());
    list_->SetItem(item, 4,
                   wxString::FromUTF8(to_grouped(real_proxy_value(p, settings_), kMoneyPlaces)));
    list_->SetItem(item, 5, wxString::FromUTF8(p.evidence_grade));
    list_->SetItem(item, 6, wxString::FromUTF8(row.licence));
    list_->SetItem(item, 7, wxString::FromUTF8(row.cited().source));
    shown_.push_back(i);
  }
  if (!shown_.empty())
    list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
}

bool ProxyChooser::chosen(Proxy& proxy) const {
  const long selected = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (selected < 0 || static_cast<std::size_t>(selected) >= shown_.size()) return false;
  proxy = library_[shown_[static_cast<std::size_t>(selected)]].row.cited();
  return true;
}

bool ChooseProxy(wxWindow* parent, ProjectDocument& doc, Proxy& proxy) {
  ProxyChooser dialog(parent, doc);
  if (dialog.ShowModal() != wxID_OK) return false;
  return dialog.chosen(proxy);
}

}  // namespace eqv::gui
