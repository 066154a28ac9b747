// The main window: the list of service changes on the left, the pages of the selected
// change on the right, menus for files, undo and redo, settings, the SROI wizard, the
// equality officer's review and export.
#pragma once

#include "document.hpp"
#include "eqia_page.hpp"
#include "pages.hpp"

#include <wx/filehistory.h>
#include <wx/frame.h>
#include <wx/splitter.h>
#include <wx/timer.h>

#include <functional>
#include <memory>
#include <string>

namespace eqv::gui {

// The list of changes: a virtual list, so 1,000 changes open at once; figures are worked
// out only for the rows on screen.
class ChangeList : public wxListCtrl {
 public:
  ChangeList(wxWindow* parent, const ProjectDocument& doc);
  void refresh_rows();
  // Gives the Flags column the width the other columns leave.
  void fit_flags_column();

 private:
  static constexpr int kMinFlagsWidth = 90;
  wxString OnGetItemText(long item, long column) const override;
  wxItemAttr* OnGetItemAttr(long item) const override;
  const ProjectDocument& doc_;
  mutable wxItemAttr flagged_;
};

// Everything shown for one open project.
class ProjectView : public wxSplitterWindow {
 public:
  ProjectView(wxWindow* parent, ProjectDocument& doc);
  ~ProjectView() override;
  void select_change(int index);
  int selected() const { return selected_; }

  ChangeList* list() { return list_; }
  wxNotebook* book() { return book_; }
  ScopePage* scope() { return scope_; }
  OutcomesPage* outcomes() { return outcomes_; }
  ImpactMapPage* impact_map() { return impact_map_; }
  ResultsPage* results() { return results_; }
  AffectedPage* affected() { return affected_; }
  EqiaPage* eqia() { return eqia_; }

 private:
  void show_headline();
  ProjectDocument& doc_;
  ChangeList* list_ = nullptr;
  wxStaticText* headline_ = nullptr;
  wxNotebook* book_ = nullptr;
  ScopePage* scope_ = nullptr;
  OutcomesPage* outcomes_ = nullptr;
  ImpactMapPage* impact_map_ = nullptr;
  ResultsPage* results_ = nullptr;
  AffectedPage* affected_ = nullptr;
  EqiaPage* eqia_ = nullptr;
  int selected_ = -1;
  int listener_ = 0;
};

class MainFrame : public wxFrame {
 public:
  MainFrame();
  ~MainFrame() override;

  // Opens an .eqv project, or imports an equivalue/1 .json into a new .eqv beside it
  // (asking where to save when that name is taken, unless `ask` is false). False, after
  // telling the user why, when it cannot.
  bool open_path(const std::string& path, bool ask = true);
  // Shows a project held in memory (tests, benchmarks).
  void show_document(std::unique_ptr<ProjectDocument> doc, const std::string& title);

  ProjectDocument* document() { return doc_.get(); }
  ProjectView* view() { return view_; }

  // Writes a PNG of each main screen into `folder`; returns the files written.
  std::vector<std::string> save_screenshots(const std::string& folder);
  // The officer's desk, the cumulative impact and a post-implementation review.
  void save_equality_screenshots(const std::function<void(wxWindow*, const std::string&)>& shot);

  void undo();
  void redo();
  void run_wizard();

 private:
  void build_menus();
  void bind_menus();
  void bind_equality_menu();
  void update_title();
  void update_menus();
  void new_project();
  void open_dialog();
  void import_dialog();
  void open_register_dialog();
  void export_workbook();
  void segment_profiles();
  void add_change();
  void remove_change();
  void edit_settings();

  std::unique_ptr<ProjectDocument> doc_;
  wxTimer refresh_timer_;
  wxString last_register_;
  ProjectView* view_ = nullptr;
  wxPanel* welcome_ = nullptr;
  wxFileHistory history_;
  int listener_ = 0;
};

}  // namespace eqv::gui
