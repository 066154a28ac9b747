// Equality > Cumulative impact: core's cumulative_impact() shown two ways. The heat map puts
// each group (a category of a characteristic) against each service change, coloured by the
// rating the change's assessment gives that group, with a sign in each cell so the map reads
// without colour; groups rated negative by the project's threshold of changes or more are
// marked for the decision makers. The table lists, per group, the changes rating it
// negative, the people they touch and the savings they bring.
#pragma once

#include "document.hpp"

#include "equivalue/core/cumulative.hpp"

#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>

#include <string>

namespace eqv::gui {

// The sign and the words a heat-map cell shows for a rating (none: no impact bears on it).
const char* heat_sign(const std::optional<Rating>& rating);

class HeatMap : public wxScrolledWindow {
 public:
  HeatMap(wxWindow* parent, const CumulativeImpact& impact, const Project& project);
  // The cell's text as drawn: "-", "+", "=", "?" or "" (tests).
  std::string cell_text(std::size_t row, std::size_t change) const;

 private:
  void paint(wxPaintEvent&);
  const CumulativeImpact& impact_;
  std::string jurisdiction_;         // the project's equality template, for characteristic names
  std::vector<std::string> titles_;  // change titles, for the column tooltips
  int label_width_ = 0;
};

class CumulativeDialog : public wxDialog {
 public:
  CumulativeDialog(wxWindow* parent, const ProjectDocument& doc);
  const CumulativeImpact& impact() const { return impact_; }
  HeatMap* heat_map() { return heat_map_; }
  wxListCtrl* table() { return table_; }
  wxNotebook* book() { return book_; }
  // The sentence naming the groups flagged for the decision makers.
  wxString flagged_text() const;

 private:
  CumulativeImpact impact_;
  std::string jurisdiction_;
  HeatMap* heat_map_ = nullptr;
  wxListCtrl* table_ = nullptr;
  wxNotebook* book_ = nullptr;
};

}  // namespace eqv::gui
