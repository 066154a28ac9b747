// The Equality Impact Assessment of one change: identity, screening grid, impact per
// characteristic, action plan, decision and history, with the workflow buttons. Which
// buttons work, and what is still missing, comes from core (eqia.hpp); each unmet rule is
// listed at the top and shown beside its field.
#pragma once

#include "pages.hpp"

#include "equivalue/core/eqia.hpp"
#include "equivalue/core/workflow.hpp"

#include <optional>

#include <wx/button.h>

namespace eqv::gui {

// The template an assessment names, from templates/eqia/ (nullptr when none is found).
const EqiaTemplate* eqia_template(const std::string& id);

// Who is using Equivalue (the operating-system user, or `who` when a reviewer is named)
// and the time now, for the workflow. On a project file one person holds every role.
Actor current_actor(const std::string& who = {});

class EqiaPage : public ChangePage {
 public:
  EqiaPage(wxWindow* parent, ProjectDocument& doc);

  // The workflow, as the buttons run it (tests call them directly). Each returns the
  // problems that stopped it (empty when it went ahead).
  Problems submit();
  Problems return_with_comments(const std::string& reviewer, const std::string& comments);
  Problems approve(const std::string& reviewer);
  // Publishes the approved assessment and writes its document to `html` (and `pdf`, when
  // given), no longer marked draft.
  Problems publish(const std::string& html, const std::string& pdf = {});
  void start_assessment();

  // Every rule still unmet, as listed at the top of the page.
  const Problems& unmet() const { return unmet_; }
  FormBinding<Eqia>* identity() { return identity_.get(); }
  FormBinding<Eqia>* decision() { return decision_.get(); }
  FormBinding<Impact>* impact_form() { return impact_form_.get(); }
  GridBinding<Screening>* screening() { return screening_.get(); }
  GridBinding<Action>* actions() { return actions_.get(); }
  wxNotebook* book() { return book_; }

 private:
  void show(bool force) override;
  wxSizer* build_workflow_bar();
  wxWindow* build_eqia_form(const char* form_name, std::unique_ptr<FormBinding<Eqia>>& binding);
  wxWindow* build_screening();
  wxWindow* build_impacts();
  wxWindow* build_actions();
  void collect_unmet(const Eqia& e);
  void show_status(const Eqia& e);
  void show_forms(const Eqia& e, bool force);
  void show_history(const Eqia& e);
  void review(bool returning);
  std::optional<std::string> choose_characteristic(const std::vector<std::string>& ids,
                                                   const wxString& title, const wxString& none);
  void add_screening();
  std::vector<std::string> screenable(const Eqia& e) const;
  // A workflow step through core (apply_step): saved and audited, but never undone
  // (ProjectDocument::workflow_step).
  Problems take_step(Step step, const Actor& actor, const std::string& comment);
  // True when the project is in a shared register (the server names who is signed in).
  bool shared() const;
  Actor acting_as(const std::string& named = {}) const;
  void edit_eqia(const std::function<void(Eqia&)>& fn, const std::string& what,
                 const std::string& key = {}, bool structure = false);
  void select_impact(int i);
  void add_impact();

  wxStaticText* status_ = nullptr;
  wxButton* start_ = nullptr;
  wxButton* submit_ = nullptr;
  wxButton* return_ = nullptr;
  wxButton* approve_ = nullptr;
  wxButton* publish_ = nullptr;
  wxButton* new_version_ = nullptr;
  wxListBox* rules_ = nullptr;
  wxNotebook* book_ = nullptr;
  std::unique_ptr<FormBinding<Eqia>> identity_, decision_;
  std::unique_ptr<GridBinding<Screening>> screening_;
  std::unique_ptr<GridBinding<Action>> actions_;
  std::unique_ptr<FormBinding<Impact>> impact_form_;
  wxListBox* impact_list_ = nullptr;
  wxListCtrl* history_ = nullptr;
  ProblemLine* screening_problems_ = nullptr;
  ProblemLine* action_problems_ = nullptr;
  int impact_ = -1;
  Problems unmet_;
};

}  // namespace eqv::gui
