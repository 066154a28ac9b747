#include "main_frame.hpp"
#include "publish_dialog.hpp"

#include "dialogs.hpp"
#include "equality_actions.hpp"
#include "profile_wizard.hpp"
#include "segments_dialog.hpp"
#include "wizard.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/core/results.hpp"
#include "equivalue/core/text.hpp"
#include "equivalue/storage/project_file.hpp"
#include "equivalue/storage/project_store.hpp"
#include "equivalue/storage/store.hpp"
#if EQUIVALUE_WITH_WORKBOOK
#include "equivalue/workbook/workbook.hpp"
#endif

#include <wx/config.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>
#include <wx/textdlg.h>

#include <algorithm>
#include <filesystem>

namespace eqv::gui {
namespace {

enum MenuId {
  kNewChange = wxID_HIGHEST + 1,
  kRemoveChange,
  kWizard,
  kSettings,
  kImport,
  kExport,
  kMonteCarlo,
  kReview,
  kCumulative,
  kProfile,
  kOpenRegister,
  kPostReview,
  kPublish,
  kSegments,
};

// How often an open register is asked for others' edits: they show within a second.
constexpr int kRefreshMilliseconds = 500;
constexpr int kRetryMilliseconds = 10000;

wxString money(const Decimal& d) { return wxString::FromUTF8("£" + to_grouped(d, 0)); }

}  // namespace

// ------------------------------------------------------------------------ ChangeList

ChangeList::ChangeList(wxWindow* parent, const ProjectDocument& doc)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
      doc_(doc) {
  AppendColumn(_("Ref"), wxLIST_FORMAT_LEFT, 40);
  AppendColumn(_("Change"), wxLIST_FORMAT_LEFT, 92);
  AppendColumn(_("Ratio"), wxLIST_FORMAT_RIGHT, 46);
  AppendColumn(_("NPV"), wxLIST_FORMAT_RIGHT, 80);
  AppendColumn(_("EqIA"), wxLIST_FORMAT_LEFT, 78);
  AppendColumn(_("Flags"), wxLIST_FORMAT_LEFT, kMinFlagsWidth);
  flagged_.SetTextColour(problem_colour());
  // The Flags column takes the width left over, so it is never cut off by the pane's edge.
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    fit_flags_column();
    e.Skip();
  });
  refresh_rows();
}

void ChangeList::fit_flags_column() {
  const int last = GetColumnCount() - 1;
  if (last < 0) return;
  int used = 0;
  for (int c = 0; c < last; ++c) used += GetColumnWidth(c);
  const int available = GetClientSize().x - used;
  SetColumnWidth(last, std::max(kMinFlagsWidth, available));
}

void ChangeList::refresh_rows() {
  SetItemCount(doc_.change_count());
  Refresh();
}

wxString ChangeList::OnGetItemText(long item, long column) const {
  const int i = static_cast<int>(item);
  if (i < 0 || i >= doc_.change_count()) return {};
  const ServiceChange& c = doc_.change(i);
  switch (column) {
    case 0:
      return wxString::FromUTF8(c.id);
    case 1:
      return wxString::FromUTF8(c.title);
    default:
      break;
  }
  const ChangeSummary& s = doc_.summary(i);
  switch (column) {
    case 2:
      return s.ratio ? wxString::FromUTF8(to_fixed(*s.ratio, 2)) : wxString("-");
    case 3:
      return money(s.npv);
    case 4:
      return wxString::FromUTF8(s.status == "none" ? std::string("not started") : s.status);
    case 5: {
      std::string text = s.flags;
      if (s.problems) text += (text.empty() ? "" : "; ") + std::to_string(s.problems) + " to fix";
      return wxString::FromUTF8(text);
    }
    default:
      return {};
  }
}

wxItemAttr* ChangeList::OnGetItemAttr(long item) const {
  const int i = static_cast<int>(item);
  if (i < 0 || i >= doc_.change_count()) return nullptr;
  const ChangeSummary& s = doc_.summary(i);
  return s.flags.empty() && s.problems == 0 ? nullptr : &flagged_;
}

// ------------------------------------------------------------------------ ProjectView

ProjectView::ProjectView(wxWindow* parent, ProjectDocument& doc)
    : wxSplitterWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                       wxSP_LIVE_UPDATE | wxSP_3DSASH),
      doc_(doc) {
  auto* left = new wxPanel(this);
  auto* left_sizer = new wxBoxSizer(wxVERTICAL);
  auto* title = new wxStaticText(left, wxID_ANY, _("Service changes"));
  title->SetFont(title->GetFont().Bold());
  left_sizer->Add(title, 0, wxALL, 6);
  list_ = new ChangeList(left, doc_);
  list_->Bind(wxEVT_LIST_ITEM_SELECTED,
              [this](wxListEvent& e) { select_change(static_cast<int>(e.GetIndex())); });
  left_sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 4);
  left->SetSizer(left_sizer);

  auto* right = new wxPanel(this);
  auto* right_sizer = new wxBoxSizer(wxVERTICAL);
  headline_ = new wxStaticText(right, wxID_ANY, "");
  headline_->SetFont(headline_->GetFont().Bold().Larger());
  right_sizer->Add(headline_, 0, wxALL, 8);
  book_ = new wxNotebook(right, wxID_ANY);
  scope_ = new ScopePage(book_, doc_);
  outcomes_ =
      new OutcomesPage(book_, doc_, {"outcome_describe", "outcome_valuation", "outcome_impact"});
  impact_map_ = new ImpactMapPage(book_, doc_);
  results_ = new ResultsPage(book_, doc_);
  affected_ = new AffectedPage(book_, doc_);
  eqia_ = new EqiaPage(book_, doc_);
  book_->AddPage(scope_, _("Scope and inputs"));
  book_->AddPage(outcomes_, _("Outcomes"));
  book_->AddPage(impact_map_, _("Impact map"));
  book_->AddPage(results_, _("Results"));
  book_->AddPage(affected_, _("Affected groups"));
  book_->AddPage(eqia_, _("Equality assessment"));
  book_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
    if (e.GetEventObject() == book_ && e.GetSelection() >= 0)
      if (auto* page =
              dynamic_cast<ChangePage*>(book_->GetPage(static_cast<size_t>(e.GetSelection()))))
        page->refresh_if_stale();
    e.Skip();
  });
  right_sizer->Add(book_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 4);
  right->SetSizer(right_sizer);

  SetMinimumPaneSize(200);
  SplitVertically(left, right, 470);
  SetSashGravity(0.0);

  listener_ = doc_.listen([this](const DocumentEvent& e) {
    if (e.structure || e.change < 0) {
      list_->refresh_rows();
      if (selected_ >= doc_.change_count()) select_change(doc_.change_count() - 1);
    } else {
      list_->RefreshItem(e.change);
    }
    show_headline();
  });
  select_change(doc_.change_count() > 0 ? 0 : -1);
}

ProjectView::~ProjectView() { doc_.unlisten(listener_); }

void ProjectView::select_change(int index) {
  selected_ = index;
  doc_.break_merge();
  for (ChangePage* page : std::initializer_list<ChangePage*>{scope_, outcomes_, impact_map_,
                                                             results_, affected_, eqia_})
    page->set_change(index);
  book_->Enable(index >= 0);
  if (index >= 0 && list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED) != index) {
    list_->SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list_->EnsureVisible(index);
  }
  show_headline();
}

void ProjectView::show_headline() {
  if (selected_ < 0 || selected_ >= doc_.change_count()) {
    headline_->SetLabel(_("No service change yet: choose Change > New service change."));
    return;
  }
  const auto& c = doc_.change(selected_);
  const auto& s = doc_.summary(selected_);
  std::string text = c.id + "  " + c.title + "     ratio " +
                     (s.ratio ? to_fixed(*s.ratio, 2) + " : 1" : std::string("-")) + "   NPV £" +
                     to_grouped(s.npv, 2);
  if (s.problems) text += "   (" + std::to_string(s.problems) + " to fix)";
  headline_->SetLabel(wxString::FromUTF8(text));
}

// ------------------------------------------------------------------------ MainFrame

MainFrame::MainFrame()
    : wxFrame(nullptr, wxID_ANY, "Equivalue", wxDefaultPosition, wxSize(1280, 800)), history_(9) {
  SetMinSize(wxSize(1024, 640));
  build_menus();
  CreateStatusBar(2);
  int widths[] = {-1, 360};
  GetStatusBar()->SetStatusWidths(2, widths);
  welcome_ = new wxPanel(this);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* text =
      new wxStaticText(welcome_, wxID_ANY,
                       _("Open a project (File > Open) or start a new one (File > New project).\n"
                         "An equivalue/1 .json file can be imported with File > Import."));
  sizer->Add(text, 0, wxALL, 24);
  welcome_->SetSizer(sizer);
  SetSizer(new wxBoxSizer(wxVERTICAL));
  GetSizer()->Add(welcome_, 1, wxEXPAND);
  update_title();
  update_menus();
  refresh_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
    if (!doc_) return;
    // One message at a time when the server cannot be reached, then a slower retry.
    refresh_timer_.Stop();
    const bool ok = guarded(this, [&] {
      if (doc_->refresh()) update_title();
    });
    refresh_timer_.Start(ok ? kRefreshMilliseconds : kRetryMilliseconds);
  });
  refresh_timer_.Start(kRefreshMilliseconds);
}

MainFrame::~MainFrame() {
  refresh_timer_.Stop();
  // The pages listen to the document: they go first, while it still exists.
  delete view_;
  view_ = nullptr;
  if (doc_) doc_->unlisten(listener_);
  if (wxConfigBase* config = wxConfigBase::Get(false)) history_.Save(*config);
}

void MainFrame::build_menus() {
  auto* file = new wxMenu;
  file->Append(wxID_NEW, _("&New project...\tCtrl+N"));
  file->Append(wxID_OPEN, _("&Open project...\tCtrl+O"));
  auto* recent = new wxMenu;
  file->AppendSubMenu(recent, _("Open &recent"));
  file->Append(kOpenRegister, _("Open shared re&gister..."));
  file->Append(kImport, _("&Import from JSON..."));
  file->AppendSeparator();
  file->Append(kExport, _("&Export to Excel...\tCtrl+E"));
  file->Append(kPublish, _("&Publish..."));
  file->AppendSeparator();
  file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
  auto* edit = new wxMenu;
  edit->Append(wxID_UNDO, _("&Undo\tCtrl+Z"));
  edit->Append(wxID_REDO, _("&Redo\tCtrl+Y"));
  edit->AppendSeparator();
  edit->Append(kSettings, _("Project &settings...\tCtrl+,"));
  auto* change = new wxMenu;
  change->Append(kNewChange, _("&New service change...\tCtrl+Shift+N"));
  change->Append(kRemoveChange, _("&Remove service change..."));
  change->AppendSeparator();
  change->Append(kWizard, _("SROI &wizard...\tCtrl+W"));
  change->Append(kMonteCarlo, _("Run &Monte Carlo...\tCtrl+M"));
  change->AppendSeparator();
  change->Append(kProfile, _("Customer &profile and channel swap..."));
  auto* equality = new wxMenu;
  equality->Append(kReview, _("Officer's &desk...\tCtrl+R"));
  equality->Append(kCumulative, _("&Cumulative impact..."));
  equality->AppendSeparator();
  equality->Append(kPostReview, _("Post-implementation re&view..."));
  auto* project = new wxMenu;
  project->Append(kSegments, _("&Segment profiles..."));
  auto* help = new wxMenu;
  help->Append(wxID_ABOUT, _("&About Equivalue"));
  auto* bar = new wxMenuBar;
  bar->Append(file, _("&File"));
  bar->Append(edit, _("&Edit"));
  bar->Append(project, _("&Project"));
  bar->Append(change, _("&Change"));
  bar->Append(equality, _("E&quality"));
  bar->Append(help, _("&Help"));
  SetMenuBar(bar);

  history_.UseMenu(recent);
  if (wxConfigBase* config = wxConfigBase::Get()) history_.Load(*config);
  bind_menus();
}

// What each menu command does.
void MainFrame::bind_menus() {
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { new_project(); }, wxID_NEW);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { open_dialog(); }, wxID_OPEN);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { import_dialog(); }, kImport);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { open_register_dialog(); }, kOpenRegister);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { export_workbook(); }, kExport);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (doc_ && view_) PublishFromMenu(this, *doc_, view_->selected());
      },
      kPublish);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { undo(); }, wxID_UNDO);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { redo(); }, wxID_REDO);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { edit_settings(); }, kSettings);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { add_change(); }, kNewChange);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { remove_change(); }, kRemoveChange);
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { run_wizard(); }, kWizard);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (doc_ && view_) ShowCustomerProfile(this, *doc_, view_->selected());
      },
      kProfile);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (!view_) return;
        view_->book()->SetSelection(3);
        view_->results()->run_monte_carlo();
      },
      kMonteCarlo);
  bind_equality_menu();
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { segment_profiles(); }, kSegments);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        wxMessageBox(_("Equivalue 0.1.0\nSocial return on investment and equality impact of "
                       "council service changes."),
                     _("About Equivalue"), wxOK, this);
      },
      wxID_ABOUT);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent& e) {
        const wxString path = history_.GetHistoryFile(static_cast<size_t>(e.GetId() - wxID_FILE1));
        if (!path.empty()) open_path(path.utf8_string());
      },
      wxID_FILE1, wxID_FILE9);
}

// The Equality menu: the officer's desk, the cumulative impact, the post-implementation review.
void MainFrame::bind_equality_menu() {
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (!doc_ || !view_) return;
        ShowOfficerDesk(this, *doc_, [this](int i, bool review) {
          view_->select_change(i);
          view_->book()->SetSelection(5);
          if (review) ShowPostImplementationReview(this, *doc_, i);
        });
      },
      kReview);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (doc_) ShowCumulative(this, *doc_);
      },
      kCumulative);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent&) {
        if (doc_ && view_) ShowPostImplementationReview(this, *doc_, view_->selected());
      },
      kPostReview);
}

// Project > Segment profiles...: the scheme, the Census build, the import and corrections.
void MainFrame::segment_profiles() {
  if (doc_) ShowSegmentProfiles(this, *doc_);
}

void MainFrame::update_title() {
  std::string title = "Equivalue";
  if (doc_) {
    title =
        doc_->project().project.name.empty() ? "Untitled project" : doc_->project().project.name;
    const bool shared = storage::is_register_address(doc_->path());
    title += doc_->path().empty() ? " (not saved)"
             : shared             ? " - shared register " + doc_->path()
                                  : " - " + std::filesystem::path(doc_->path()).filename().string();
    title += " - Equivalue";
  }
  SetTitle(wxString::FromUTF8(title));
  if (!doc_) {
    SetStatusText("", 0);
    SetStatusText("", 1);
  } else if (!doc_->signed_in().empty()) {
    SetStatusText(wxString::FromUTF8("Signed in as " + doc_->signed_in() +
                                     (doc_->read_only() ? ": reads and reviews" : "")),
                  1);
  } else if (doc_->read_only()) {
    SetStatusText(wxString::FromUTF8("Read-only: " + doc_->read_only_reason()), 1);
  } else {
    SetStatusText(doc_->path().empty() ? _("Changes kept in memory only")
                                       : _("Every change is saved as you make it"),
                  1);
  }
}

void MainFrame::update_menus() {
  wxMenuBar* bar = GetMenuBar();
  const bool open = doc_ != nullptr;
  const bool editable = open && !doc_->read_only();
  bar->Enable(wxID_UNDO, editable && doc_->can_undo());
  bar->Enable(wxID_REDO, editable && doc_->can_redo());
  bar->SetLabel(
      wxID_UNDO,
      wxString::FromUTF8("&Undo " + (open ? doc_->undo_label() : std::string())) + "\tCtrl+Z");
  bar->SetLabel(
      wxID_REDO,
      wxString::FromUTF8("&Redo " + (open ? doc_->redo_label() : std::string())) + "\tCtrl+Y");
  for (int id : {kSettings, kNewChange, kRemoveChange, kWizard, kProfile, kPostReview})
    bar->Enable(id, editable);
  for (int id : {kExport, kPublish, kMonteCarlo, kReview, kCumulative, kSegments})
    bar->Enable(id, open);
}

void MainFrame::show_document(std::unique_ptr<ProjectDocument> doc, const std::string&) {
  Freeze();
  if (doc_) doc_->unlisten(listener_);
  if (view_) {
    GetSizer()->Detach(view_);
    view_->Destroy();
    view_ = nullptr;
  }
  doc_ = std::move(doc);
  welcome_->Hide();
  view_ = new ProjectView(this, *doc_);
  GetSizer()->Add(view_, 1, wxEXPAND);
  listener_ = doc_->listen([this](const DocumentEvent&) {
    update_menus();
    const std::size_t problems = doc_->project_problems().size();
    SetStatusText(problems ? wxString::Format(_("%zu problem(s) in the project settings"), problems)
                           : wxString(_("Every change is checked as you type")),
                  0);
  });
  Layout();
  Thaw();
  update_title();
  update_menus();
}

namespace {

// Lists the fields of an imported file that were left out: in the status bar, and in a
// message when `ask` (the user chose the file).
void tell_ignored(wxFrame* frame, const Problems& ignored, bool ask) {
  frame->SetStatusText(
      wxString::Format(_("%zu field(s) of the imported file were ignored"), ignored.size()), 0);
  if (!ask) return;
  std::string list;
  for (const auto& p : ignored) list += p.path + "\n";
  wxMessageBox(wxString::FromUTF8(
                   "Equivalue does not know these fields of the file, so they were left out of the "
                   "project:\n\n" +
                   list),
               _("Fields left out"), wxOK | wxICON_INFORMATION, frame);
}

}  // namespace

bool MainFrame::open_path(const std::string& path, bool ask) {
  namespace fs = std::filesystem;
  std::unique_ptr<ProjectSink> sink;
  Problems ignored;  // fields of the JSON file Equivalue does not know
  const bool ok = guarded(this, [&] {
    if (storage::is_register_address(path) || storage::has_sqlite_header(path)) {
      sink = open_project_file(path);
      return;
    }
    // A JSON file: import it into a new project file beside it.
    Project project = storage::load_project_file(path, ignored);
    fs::path target = fs::path(path).replace_extension(".eqv");
    if (fs::exists(target)) {
      if (!ask)
        throw InputError(target.string() +
                         " already exists; open it, or import the file under another name");
      wxFileDialog save(this, _("Save the imported project as"),
                        wxString::FromUTF8(target.parent_path().string()),
                        wxString::FromUTF8(target.filename().string()),
                        _("Equivalue projects (*.eqv)|*.eqv"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
      if (save.ShowModal() != wxID_OK) return;
      target = save.GetPath().utf8_string();
      if (fs::exists(target)) fs::remove(target);
    }
    sink = create_project_file(target.string(), project);
  });
  if (!ok || !sink) return false;
  history_.AddFileToHistory(wxString::FromUTF8(sink->path().empty() ? path : sink->path()));
  show_document(std::make_unique<ProjectDocument>(std::move(sink)), path);
  if (!ignored.empty()) tell_ignored(this, ignored, ask);
  return true;
}

void MainFrame::new_project() {
  wxFileDialog save(this, _("Create a project"), "", "project.eqv",
                    _("Equivalue projects (*.eqv)|*.eqv"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (save.ShowModal() != wxID_OK) return;
  const std::string path = save.GetPath().utf8_string();
  Project project;
  project.project.name = std::filesystem::path(path).stem().string();
  std::unique_ptr<ProjectSink> sink;
  if (!guarded(this, [&] {
        if (std::filesystem::exists(path)) std::filesystem::remove(path);
        sink = create_project_file(path, project);
      }))
    return;
  history_.AddFileToHistory(wxString::FromUTF8(path));
  show_document(std::make_unique<ProjectDocument>(std::move(sink)), path);
  edit_settings();
}

void MainFrame::open_dialog() {
  wxFileDialog open(this, _("Open a project"), "", "",
                    _("Equivalue projects (*.eqv;*.json)|*.eqv;*.json"),
                    wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (open.ShowModal() == wxID_OK) open_path(open.GetPath().utf8_string());
}

// A project in a council's shared register, by its address (docs/REGISTER.md); who is
// signed in comes from the server (the database login), never typed here.
void MainFrame::open_register_dialog() {
  wxTextEntryDialog ask(this,
                        _("The register's address, as IT gave it, naming the project:\n"
                          "postgresql://SERVER/DATABASE?project=NAME"),
                        _("Open shared register"), last_register_);
  if (ask.ShowModal() != wxID_OK) return;
  const std::string address = ask.GetValue().Trim().Trim(false).utf8_string();
  if (!storage::is_register_address(address)) {
    wxMessageBox(_("A register's address starts with postgresql:// and names the project, such "
                   "as postgresql://eqv.council.local/equivalue?project=northshire-2026"),
                 _("Open shared register"), wxOK | wxICON_WARNING, this);
    return;
  }
  last_register_ = wxString::FromUTF8(address);
  open_path(address);
}

void MainFrame::import_dialog() {
  wxFileDialog open(this, _("Import a project from JSON"), "", "",
                    _("equivalue/1 JSON (*.json)|*.json"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (open.ShowModal() == wxID_OK) open_path(open.GetPath().utf8_string());
}

void MainFrame::export_workbook() {
  if (!doc_ || !view_) return;
#if EQUIVALUE_WITH_WORKBOOK
  const int index = view_->selected();
  const bool one = index >= 0;
  const std::string name = one ? doc_->change(index).id + ".xlsx" : "project.xlsx";
  wxFileDialog save(
      this, one ? _("Export this service change to Excel") : _("Export the project to Excel"), "",
      wxString::FromUTF8(name), _("Excel workbooks (*.xlsx)|*.xlsx"),
      wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (save.ShowModal() != wxID_OK) return;
  const std::string path = save.GetPath().utf8_string();
  wxProgressDialog progress(_("Export to Excel"),
                            _("Working out every figure and writing the workbook..."), 100, this,
                            wxPD_APP_MODAL | wxPD_AUTO_HIDE);
  progress.Pulse();
  guarded(this, [&] {
    workbook::ExportOptions options;
    options.source_name = std::filesystem::path(doc_->path()).filename().string();
    if (one)
      workbook::export_change_workbook(doc_->project_with_settings(), doc_->change(index).id, path,
                                       options);
    else
      workbook::export_project_workbook(doc_->project_with_settings(), path, options);
    SetStatusText(wxString::FromUTF8("Exported " + path), 0);
  });
#else
  wxMessageBox(_("Export to Excel is not available in this build."), _("Export"), wxOK, this);
#endif
}

void MainFrame::add_change() {
  if (!doc_) return;
  const wxString title = wxGetTextFromUser(_("What is the service change? (a short title)"),
                                           _("New service change"), "", this);
  if (title.empty()) return;
  const std::string id =
      next_free_id("C", doc_->project().changes, [](const ServiceChange& c) { return c.id; });
  guarded(this, [&] {
    doc_->edit(
        [&](Project& p) {
          ServiceChange c;
          c.id = id;
          c.title = title.utf8_string();
          if (!p.changes.empty()) {
            c.sroi.discount = p.changes.front().sroi.discount;
            c.sroi.first_year_discounted = p.changes.front().sroi.first_year_discounted;
          }
          p.changes.push_back(c);
        },
        "Add service change", -1, {}, true);
  });
  view_->select_change(doc_->change_count() - 1);
}

void MainFrame::remove_change() {
  if (!doc_ || !view_ || view_->selected() < 0) return;
  const int index = view_->selected();
  if (wxMessageBox(
          wxString::FromUTF8("Remove " + doc_->change(index).id + " " + doc_->change(index).title +
                             "? You can undo this with Edit > Undo."),
          _("Remove service change"), wxYES_NO | wxNO_DEFAULT, this) != wxYES)
    return;
  guarded(this, [&] {
    doc_->edit([index](Project& p) { p.changes.erase(p.changes.begin() + index); },
               "Remove service change", -1, {}, true);
  });
  view_->select_change(std::min(index, doc_->change_count() - 1));
}

void MainFrame::edit_settings() {
  if (!doc_) return;
  Project project = doc_->project();
  if (!EditProjectSettings(this, project)) return;
  guarded(this, [&] {
    doc_->edit(
        [&](Project& p) {
          p.project = project.project;
          for (std::size_t i = 0; i < p.changes.size() && i < project.changes.size(); ++i) {
            p.changes[i].sroi.discount = project.changes[i].sroi.discount;
            p.changes[i].sroi.first_year_discounted = project.changes[i].sroi.first_year_discounted;
          }
        },
        "Edit project settings", -1, {}, true);
  });
  update_title();
}

void MainFrame::undo() {
  if (doc_) guarded(this, [&] { doc_->undo(); });
}

void MainFrame::redo() {
  if (doc_) guarded(this, [&] { doc_->redo(); });
}

void MainFrame::run_wizard() {
  if (!doc_ || !view_) return;
  int index = view_->selected();
  if (index < 0) {
    add_change();
    index = view_->selected();
    if (index < 0) return;
  }
  RunSroiWizard(this, *doc_, index);
}

}  // namespace eqv::gui
