// Project > Segment profiles...: the project's segment scheme and each segment's
// population and composition. Choose the scheme (OAC 2021 supergroup, group or subgroup,
// or the council's own, Mosaic or Acorn, by import), build the profiles from the 2021
// Census output-area tables (in the background, with Cancel), import a CSV (the long and
// wide layouts `equivalue-cli segments import` reads), and correct any figure in the
// table: every problem eqv::validate() finds is shown beside its cell. Every change goes
// through ProjectDocument::edit(), so it is saved at once and can be undone.
#pragma once

#include "document.hpp"

#include "equivalue/core/segments.hpp"
#include "equivalue/profiling/census.hpp"

#include <wx/dialog.h>

#include <exception>
#include <optional>
#include <string>
#include <vector>

class wxChoice;
class wxGrid;
class wxStaticText;
class wxGridEvent;

namespace eqv::gui {

// What a build from the Census needs (the dialog asks for it in a small form).
struct CensusBuildRequest {
  std::string oac_file;            // oac21ew.csv
  std::string census_dir;          // folder of census2021-<table>-oa.csv
  std::vector<std::string> areas;  // local authority or output-area codes; empty = all
  std::string area_lookup;         // output area -> local authority (optional)
};

class SegmentProfilesDialog : public wxDialog {
 public:
  SegmentProfilesDialog(wxWindow* parent, ProjectDocument& doc);
  ~SegmentProfilesDialog() override;
  bool Destroy() override;

  // Each action as its control runs it (tests call them directly). Each returns false
  // after telling the user, in a message box (or `last_message()` when quiet), what is
  // wrong and how to put it right.
  // scheme: "oac2021-supergroup", "oac2021-group", "oac2021-subgroup" or "own".
  bool choose_scheme(const std::string& scheme);
  bool build_from_census(const CensusBuildRequest& request, bool show_progress = true);
  bool import_csv(const std::string& path);
  // Types `text` into the cell (row = segment, column as shown); false when it is refused.
  bool set_cell(int row, int col, const std::string& text);

  wxGrid* grid() { return grid_; }
  // The problem shown beside a cell ("" when none) and the summary under the table.
  wxString cell_problem(int row, int col) const;
  wxString summary_text() const;
  const std::string& last_message() const { return last_message_; }
  void set_quiet(bool quiet) { quiet_ = quiet; }

 private:
  void show();
  void stop_listening();
  void show_problems();
  void on_cell_changed(wxGridEvent& event);
  void ask_census();
  void ask_import();
  void warn(const wxString& text);
  bool census_options(const CensusBuildRequest& request, const std::string& level,
                      profiling::CensusBuildOptions& options,
                      std::optional<SegmentClassification>& oac);
  void report_build_failure(const std::exception_ptr& failure);
  std::string chosen_level() const;

  ProjectDocument& doc_;
  int listener_ = 0;
  bool quiet_ = false;
  bool loading_ = false;
  std::string last_message_;
  std::string own_scheme_;  // the scheme chosen before any import
  // Grid columns after Code, Name, Population: (characteristic, category).
  std::vector<std::pair<std::string, std::string>> share_columns_;
  std::vector<std::vector<std::string>> problems_;  // [row][col] -> message

  wxChoice* scheme_ = nullptr;
  wxGrid* grid_ = nullptr;
  wxStaticText* summary_ = nullptr;
  wxStaticText* attribution_ = nullptr;
};

// Shows the dialog (modal) over `parent`.
void ShowSegmentProfiles(wxWindow* parent, ProjectDocument& doc);

}  // namespace eqv::gui
