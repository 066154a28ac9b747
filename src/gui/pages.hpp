// The pages that edit one service change. Each shows the change at `index` of the open
// project and sends every edit through ProjectDocument::edit(); after any edit the
// document tells every page, which shows the project again (live recalculation).
#pragma once

#include "binding.hpp"
#include "charts.hpp"
#include "document.hpp"
#include "grid_binding.hpp"

#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/stattext.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

class wxButton;

namespace eqv::gui {

// Runs a user action, showing any failure (a read-only project, a file changed by someone
// else) as a message instead of ending the program. Returns false when it failed.
bool guarded(wxWindow* parent, const std::function<void()>& action);

// Applies `fn` to one change through the document.
void edit_change(ProjectDocument& doc, int index, const std::function<void(ServiceChange&)>& fn,
                 const std::string& what, const std::string& merge_key = {},
                 bool structure = false);

// A bold heading over a part of a page.
wxStaticText* heading(wxWindow* parent, const wxString& text);

class ChangePage : public wxPanel {
 public:
  ChangePage(wxWindow* parent, ProjectDocument& doc);
  ~ChangePage() override;
  // Shows the change at `index` (-1: none). `force` rewrites the control being typed in.
  void set_change(int index);
  int change_index() const { return index_; }
  // A page not on screen only notes that the project changed, and catches up here when
  // it is shown: an edit recalculates what is in view, not every page.
  void refresh_if_stale();

 protected:
  virtual void show(bool force) = 0;
  ProjectDocument& doc_;
  int index_ = -1;
  bool valid() const { return index_ >= 0 && index_ < doc_.change_count(); }
  const ServiceChange& change() const { return doc_.change(index_); }
  std::string path() const { return change_path(index_); }

 private:
  int listener_ = 0;
  bool stale_ = false;
};

// A red line listing problems that no control shows.
class ProblemLine : public wxStaticText {
 public:
  explicit ProblemLine(wxWindow* parent);
  void set(const std::vector<std::string>& lines);
};

// Stage 1 and 2: what the change is, who it touches and what goes in.
class ScopePage : public ChangePage {
 public:
  ScopePage(wxWindow* parent, ProjectDocument& doc, bool with_scope = true,
            bool with_stakeholders = true, bool with_inputs = true);
  FormBinding<ServiceChange>* scope() { return scope_.get(); }
  GridBinding<Stakeholder>* stakeholders() { return stakeholders_.get(); }
  GridBinding<Input>* inputs() { return inputs_.get(); }

 private:
  void show(bool force) override;
  void add_stakeholders(wxSizer* sizer);
  void add_inputs(wxSizer* sizer);
  void add_buttons(wxSizer* sizer, const wxString& add_label, const wxString& remove_label,
                   const std::function<void()>& add, const std::function<void()>& remove);
  std::unique_ptr<FormBinding<ServiceChange>> scope_;
  std::unique_ptr<GridBinding<Stakeholder>> stakeholders_;
  std::unique_ptr<GridBinding<Input>> inputs_;
  ProblemLine* problems_ = nullptr;
};

// Stages 3 to 5 for one outcome at a time: outcome and indicator, valuation, impact.
class OutcomesPage : public ChangePage {
 public:
  OutcomesPage(wxWindow* parent, ProjectDocument& doc, const std::vector<std::string>& forms);
  void select(int outcome);
  int selected() const { return outcome_; }
  FormBinding<Outcome>* form(const std::string& resource);
  void add_outcome();
  // The lines over the forms: the proxy as priced and rebased, and what the outcome is worth.
  std::string headline() const { return headline_->GetLabel().utf8_string(); }

 private:
  void show(bool force) override;
  void pick_proxy();
  wxChoice* list_ = nullptr;
  std::vector<std::pair<std::string, std::unique_ptr<FormBinding<Outcome>>>> forms_;
  wxStaticText* headline_ = nullptr;
  ProblemLine* problems_ = nullptr;
  int outcome_ = -1;
};

// Every outcome of the change at once, editable.
class ImpactMapPage : public ChangePage {
 public:
  ImpactMapPage(wxWindow* parent, ProjectDocument& doc);
  GridBinding<Outcome>* grid() { return grid_.get(); }

 private:
  void show(bool force) override;
  std::unique_ptr<GridBinding<Outcome>> grid_;
  ProblemLine* problems_ = nullptr;
};

// Which segments the change touches, and the people affected per characteristic.
class AffectedPage : public ChangePage {
 public:
  AffectedPage(wxWindow* parent, ProjectDocument& doc);
  wxGrid* segments() { return segments_; }
  wxListCtrl* table() { return table_; }
  void set_share(int segment_row, const std::string& text);

 private:
  void show(bool force) override;
  void show_table();
  wxGrid* segments_ = nullptr;
  wxListCtrl* table_ = nullptr;
  wxStaticText* summary_ = nullptr;
  bool loading_ = false;
};

// Stage 6: the figures, year table, tornado and Monte Carlo histogram.
class ResultsPage : public ChangePage {
 public:
  ResultsPage(wxWindow* parent, ProjectDocument& doc);
  // Runs the Monte Carlo with a progress dialog the user can cancel; false when cancelled.
  bool run_monte_carlo(bool with_dialog = true);
  wxString figures_text() const;

 private:
  void show(bool force) override;
  wxStaticText* ratio_ = nullptr;
  wxStaticText* figures_ = nullptr;
  wxListCtrl* years_ = nullptr;
  TornadoChart* tornado_ = nullptr;
  HistogramChart* histogram_ = nullptr;
  int mc_change_ = -1;
};

}  // namespace eqv::gui
