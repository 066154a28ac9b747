#include "eqia_page.hpp"
#include "publish_dialog.hpp"

#include "dialogs.hpp"
#include "forms.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/core/workflow.hpp"
#include "equivalue/interchange/templates.hpp"

#include <wx/scrolwin.h>
#include <wx/choicdlg.h>
#include <wx/datetime.h>
#include <wx/msgdlg.h>
#include <wx/textdlg.h>
#include <wx/sizer.h>
#include <wx/utils.h>

#include <algorithm>
#include <map>
#include <optional>

namespace eqv::gui {
namespace {

// The hints beside the impact form share the page with the list of impacts.
constexpr int kNarrowNoteWidth = 185;

// "changes[0].eqia.impacts[1].evidence" -> "impacts 2, evidence": where, in words.
std::string readable_place(const std::string& path, const std::string& base) {
  std::string rest = path.compare(0, base.size(), base) == 0 ? path.substr(base.size()) : path;
  if (!rest.empty() && rest[0] == '.') rest.erase(0, 1);
  std::string out;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const char c = rest[i];
    if (c == '[') {
      const auto close = rest.find(']', i);
      out += " " + std::to_string(std::stoi(rest.substr(i + 1, close - i - 1)) + 1);
      i = close;
    } else if (c == '.') {
      out += ", ";
    } else {
      out += c == '_' ? ' ' : c;
    }
  }
  return out.empty() ? "the assessment" : out;
}

// Characteristics offered by name ("Age"), each once, in order.
std::vector<Choice> characteristic_choices(const std::vector<std::string>& ids,
                                           const EqiaTemplate* tmpl) {
  std::vector<Choice> out;
  for (const auto& id : ids)
    if (std::none_of(out.begin(), out.end(), [&](const Choice& c) { return c.value == id; }))
      out.push_back({id, characteristic_display_name(tmpl, id)});
  return out;
}

// How the audit trail words each step.
std::string step_audit_text(Step step) {
  switch (step) {
    case Step::submit:
      return "Submit the assessment for review";
    case Step::return_with_comments:
      return "Return the assessment with comments";
    case Step::approve:
      return "Approve the assessment";
    case Step::publish:
      return "Publish the assessment";
    case Step::new_version:
      return "Start a new version of the assessment";
  }
  return "";
}

}  // namespace

const EqiaTemplate* eqia_template(const std::string& id) {
  try {
    return cached_eqia_template(id);
  } catch (const InputError&) {
    return nullptr;  // the assessment page lists the fault itself (collect_unmet)
  }
}

Actor current_actor(const std::string& who) {
  const std::string when = wxDateTime::Now().ToUTC().Format("%Y-%m-%dT%H:%M:%SZ").utf8_string();
  return single_user_actor(who.empty() ? wxGetUserId().utf8_string() : who, when);
}

bool EqiaPage::shared() const { return !doc_.signed_in().empty(); }

// Who takes a step: the register's login, or in a file the operating-system login (or the
// reviewer named in the review dialog).
Actor EqiaPage::acting_as(const std::string& named) const {
  return shared() ? doc_.actor() : current_actor(named);
}

EqiaPage::EqiaPage(wxWindow* parent, ProjectDocument& doc) : ChangePage(parent, doc) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(build_workflow_bar(), 0, wxEXPAND);
  // Long rules scroll sideways rather than being cut off.
  rules_ =
      new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 70), 0, nullptr, wxLB_HSCROLL);
  rules_->SetForegroundColour(problem_colour());
  sizer->Add(rules_, 0, wxEXPAND | wxLEFT | wxRIGHT, 6);
  book_ = new wxNotebook(this, wxID_ANY);
  book_->AddPage(build_eqia_form("eqia_identity", identity_), _("Assessment"));
  book_->AddPage(build_screening(), _("Screening"));
  book_->AddPage(build_impacts(), _("Impacts"));
  book_->AddPage(build_actions(), _("Action plan"));
  book_->AddPage(build_eqia_form("eqia_decision", decision_), _("Decision"));
  history_ = new wxListCtrl(book_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
  history_->AppendColumn(_("When (UTC)"), wxLIST_FORMAT_LEFT, 170);
  history_->AppendColumn(_("Who"), wxLIST_FORMAT_LEFT, 120);
  history_->AppendColumn(_("From"), wxLIST_FORMAT_LEFT, 90);
  history_->AppendColumn(_("To"), wxLIST_FORMAT_LEFT, 90);
  history_->AppendColumn(_("Comment"), wxLIST_FORMAT_LEFT, 420);
  book_->AddPage(history_, _("History"));
  sizer->Add(book_, 1, wxEXPAND | wxALL, 4);
  SetSizer(sizer);
}

wxSizer* EqiaPage::build_workflow_bar() {
  // The status on a line of its own above the buttons, so that neither crowds the other.
  auto* bar = new wxBoxSizer(wxVERTICAL);
  status_ = new wxStaticText(this, wxID_ANY, "");
  status_->SetFont(status_->GetFont().Bold());
  bar->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(buttons, 0, wxALIGN_RIGHT);
  start_ = new wxButton(this, wxID_ANY, _("Start the assessment"));
  submit_ = new wxButton(this, wxID_ANY, _("&Submit for review"));
  return_ = new wxButton(this, wxID_ANY, _("&Return with comments..."));
  approve_ = new wxButton(this, wxID_ANY, _("A&pprove..."));
  publish_ = new wxButton(this, wxID_ANY, _("P&ublish..."));
  new_version_ = new wxButton(this, wxID_ANY, _("Start a new version..."));
  for (wxButton* b : {start_, submit_, return_, approve_, publish_, new_version_})
    buttons->Add(b, 0, wxALL, 4);
  start_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { start_assessment(); });
  submit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    const Problems problems = submit();
    if (!problems.empty())
      wxMessageBox(
          wxString::Format(_("The assessment cannot be submitted yet: %zu thing(s) to complete. "
                             "Each is listed at the top of this page and shown beside its field."),
                           problems.size()),
          _("Submit for review"), wxOK | wxICON_INFORMATION, this);
  });
  return_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { review(true); });
  approve_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { review(false); });
  publish_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    std::string html, pdf;
    if (!AskPublishPaths(this, doc_, index_, html, pdf)) return;
    const Problems problems = publish(html, pdf);
    if (!problems.empty())
      wxMessageBox(wxString::FromUTF8(problems.front().message), _("Publish"),
                   wxOK | wxICON_WARNING, this);
  });
  new_version_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    const wxString reason = wxGetTextFromUser(_("Why does the approved assessment need to change?"),
                                              _("Start a new version"), "", this);
    if (reason.empty()) return;
    const Problems problems = take_step(Step::new_version, acting_as(), reason.utf8_string());
    if (!problems.empty()) wxMessageBox(wxString::FromUTF8(problems.front().message));
  });
  return bar;
}

void EqiaPage::review(bool returning) {
  std::string reviewer = acting_as().who, comments;
  const wxString title = returning ? _("Return with comments") : _("Approve the assessment");
  if (!AskReview(this, title, returning, reviewer, comments, shared())) return;
  const Problems p = returning ? return_with_comments(reviewer, comments) : approve(reviewer);
  if (!p.empty())
    wxMessageBox(wxString::FromUTF8(p.front().message), returning ? _("Return") : _("Approve"),
                 wxOK | wxICON_WARNING, this);
}

wxWindow* EqiaPage::build_eqia_form(const char* form_name,
                                    std::unique_ptr<FormBinding<Eqia>>& binding) {
  auto* page = new wxPanel(book_);
  auto* s = new wxBoxSizer(wxVERTICAL);
  wxWindow* form = create_form(page, form_name);
  binding = std::make_unique<FormBinding<Eqia>>(form, eqia_fields());
  binding->on_edit = [this](const FieldDef<Eqia>& f, const std::string& t) {
    edit_eqia([&](Eqia& e) { f.set(e, t); }, "Edit " + f.label, path() + ".eqia." + f.name);
  };
  s->Add(form, 0, wxEXPAND | wxALL, 4);
  page->SetSizer(s);
  return page;
}

wxWindow* EqiaPage::build_screening() {
  auto* page = new wxPanel(book_);
  auto* s = new wxBoxSizer(wxVERTICAL);
  s->Add(
      heading(page, _("Is the change relevant to each characteristic? Give a reason either way.")),
      0, wxALL, 6);
  auto* grid = new wxGrid(page, wxID_ANY);
  screening_ = std::make_unique<GridBinding<Screening>>(
      grid, screening_fields(), std::vector<std::string>{"characteristic", "relevant", "reason"});
  grid->SetColSize(0, 190);
  grid->SetColSize(1, 100);
  grid->SetColSize(2, 520);
  screening_->on_edit = [this](int row, const FieldDef<Screening>& f, const std::string& t) {
    edit_eqia([&](Eqia& e) { f.set(e.screening.at(static_cast<std::size_t>(row)), t); },
              "Edit screening " + f.label);
  };
  s->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT, 6);
  auto* add = new wxButton(page, wxID_ANY, _("Add a characteristic..."));
  add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_screening(); });
  s->Add(add, 0, wxALL, 6);
  screening_problems_ = new ProblemLine(page);
  s->Add(screening_problems_, 0, wxALL, 6);
  page->SetSizer(s);
  return page;
}

wxWindow* EqiaPage::build_impacts() {
  auto* page = new wxPanel(book_);
  auto* s = new wxBoxSizer(wxHORIZONTAL);
  auto* left = new wxBoxSizer(wxVERTICAL);
  impact_list_ = new wxListBox(page, wxID_ANY, wxDefaultPosition, wxSize(160, -1));
  impact_list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) { select_impact(e.GetSelection()); });
  left->Add(impact_list_, 1, wxEXPAND | wxALL, 6);
  auto* add = new wxButton(page, wxID_ANY, _("Assess a characteristic..."));
  add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_impact(); });
  left->Add(add, 0, wxALL, 6);
  s->Add(left, 0, wxEXPAND);
  // The form scrolls when the window is too short to show every field and its hint whole.
  auto* scroller = new wxScrolledWindow(page, wxID_ANY);
  scroller->SetScrollRate(0, 12);
  wxWindow* form = create_form(scroller, "impact_detail");
  auto* inside = new wxBoxSizer(wxVERTICAL);
  inside->Add(form, 1, wxEXPAND);
  scroller->SetSizer(inside);
  impact_form_ = std::make_unique<FormBinding<Impact>>(form, impact_fields());
  impact_form_->wrap_notes(kNarrowNoteWidth);  // beside the list of impacts
  impact_form_->on_edit = [this](const FieldDef<Impact>& f, const std::string& t) {
    if (impact_ < 0) return;
    const int i = impact_;
    edit_eqia([&](Eqia& e) { f.set(e.impacts.at(static_cast<std::size_t>(i)), t); },
              "Edit impact " + f.label,
              path() + ".eqia.impacts[" + std::to_string(i) + "]." + f.name);
  };
  s->Add(scroller, 1, wxEXPAND | wxALL, 4);
  page->SetSizer(s);
  return page;
}

wxWindow* EqiaPage::build_actions() {
  auto* page = new wxPanel(book_);
  auto* s = new wxBoxSizer(wxVERTICAL);
  auto* grid = new wxGrid(page, wxID_ANY);
  actions_ = std::make_unique<GridBinding<Action>>(
      grid, action_fields(), std::vector<std::string>{"description", "owner", "due", "status"});
  grid->SetColSize(0, 420);
  grid->SetColSize(1, 160);
  grid->SetColSize(2, 130);
  grid->SetColSize(3, 110);
  actions_->on_edit = [this](int row, const FieldDef<Action>& f, const std::string& t) {
    edit_eqia([&](Eqia& e) { f.set(e.actions.at(static_cast<std::size_t>(row)), t); },
              "Edit action " + f.label);
  };
  s->Add(grid, 1, wxEXPAND | wxALL, 6);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* add = new wxButton(page, wxID_ANY, _("Add action"));
  auto* gaps = new wxButton(page, wxID_ANY, _("Add an action for each data gap"));
  auto* remove = new wxButton(page, wxID_ANY, _("Remove action"));
  add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    edit_eqia(
        [](Eqia& e) {
          e.actions.push_back(Action{"New action", "", "", "open"});
        },
        "Add action", {}, true);
  });
  gaps->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    edit_eqia([](Eqia& e) { add_actions_for_data_gaps(e); }, "Add actions for data gaps", {}, true);
  });
  remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    const int row = actions_->grid()->GetGridCursorRow();
    if (row < 0 || !change().eqia || row >= static_cast<int>(change().eqia->actions.size())) return;
    edit_eqia([row](Eqia& e) { e.actions.erase(e.actions.begin() + row); }, "Remove action", {},
              true);
  });
  for (wxButton* b : {add, gaps, remove}) buttons->Add(b, 0, wxRIGHT, 6);
  s->Add(buttons, 0, wxALL, 6);
  action_problems_ = new ProblemLine(page);
  s->Add(action_problems_, 0, wxALL, 6);
  page->SetSizer(s);
  return page;
}

void EqiaPage::edit_eqia(const std::function<void(Eqia&)>& fn, const std::string& what,
                         const std::string& key, bool structure) {
  guarded(this, [&] {
    edit_change(
        doc_, index_,
        [&](ServiceChange& c) {
          if (c.eqia) fn(*c.eqia);
        },
        what, key, structure);
  });
}

Problems EqiaPage::take_step(Step step, const Actor& actor, const std::string& comment) {
  Problems problems;
  guarded(this, [&] {
    StepInput input;
    input.comment = comment;
    if (step == Step::submit) input.tmpl = cached_eqia_template(change().eqia->template_name);
    if (shared()) {  // the register's server decides, as the login it knows
      problems = doc_.take_step(index_, step, input);
      return;
    }
    doc_.workflow_step(
        [&](Project& p) {
          problems = apply_step(p, static_cast<std::size_t>(index_), step, actor, input);
        },
        step_audit_text(step), index_);
  });
  return problems;
}

void EqiaPage::start_assessment() {
  guarded(this, [&] {
    // Reading the template first: a malformed one is reported before anything changes.
    const EqiaTemplate* tmpl = cached_eqia_template(doc_.project().project.jurisdiction);
    const Eqia started = new_assessment(doc_.project(), tmpl);
    edit_change(
        doc_, index_,
        [&](ServiceChange& c) {
          if (!c.eqia) c.eqia = started;
        },
        "Start the equality impact assessment", {}, true);
  });
}

Problems EqiaPage::submit() {
  if (!valid() || !change().eqia) return {{path() + ".eqia", "start the assessment first"}};
  const EqiaTemplate* tmpl = eqia_template(change().eqia->template_name);
  Problems problems = submission_problems(doc_.project(), static_cast<std::size_t>(index_), tmpl);
  if (!problems.empty()) {
    show(false);
    return problems;
  }
  return take_step(Step::submit, acting_as(), "");
}

Problems EqiaPage::return_with_comments(const std::string& reviewer, const std::string& comments) {
  return take_step(Step::return_with_comments, acting_as(reviewer), comments);
}

Problems EqiaPage::approve(const std::string& reviewer) {
  return take_step(Step::approve, acting_as(reviewer), "");
}

// The step first, so that the document written is the published one, not a draft; if the
// document then cannot be written, the step stands and File > Publish... writes it later.
Problems EqiaPage::publish(const std::string& html, const std::string& pdf) {
  Problems problems = take_step(Step::publish, acting_as(), "");
  if (!problems.empty()) return problems;
  PublishAndReport(this, doc_, index_, html, pdf);
  return problems;
}

void EqiaPage::select_impact(int i) {
  impact_ = i;
  doc_.break_merge();
  show(true);
}

// Offers characteristics by name: `ids` in order, each shown with the template's name.
std::optional<std::string> EqiaPage::choose_characteristic(const std::vector<std::string>& ids,
                                                           const wxString& title,
                                                           const wxString& none) {
  if (ids.empty()) {
    wxMessageBox(none, title, wxOK, this);
    return std::nullopt;
  }
  const EqiaTemplate* tmpl = eqia_template(change().eqia->template_name);
  wxArrayString names;
  for (const auto& id : ids) names.Add(wxString::FromUTF8(characteristic_display_name(tmpl, id)));
  const int pick = wxGetSingleChoiceIndex(_("Which characteristic?"), title, names, 0, this);
  if (pick < 0) return std::nullopt;
  return ids[static_cast<std::size_t>(pick)];
}

void EqiaPage::add_impact() {
  if (!change().eqia) return;
  std::vector<std::string> ids;
  for (const auto& s : change().eqia->screening) {
    bool assessed = false;
    for (const auto& im : change().eqia->impacts)
      assessed = assessed || im.characteristic == s.characteristic;
    if (!assessed) ids.push_back(s.characteristic);
  }
  const auto name = choose_characteristic(
      ids, _("Assess a characteristic"), _("Every screened characteristic already has an impact."));
  if (!name) return;
  edit_eqia(
      [&](Eqia& e) {
        Impact im;
        im.characteristic = *name;
        e.impacts.push_back(im);
      },
      "Assess " + *name, {}, true);
  select_impact(static_cast<int>(change().eqia->impacts.size()) - 1);
}

// Every characteristic an assessment may screen: the template's (with its local
// additions), the project's segments', and any already screened.
std::vector<std::string> EqiaPage::screenable(const Eqia& e) const {
  std::vector<std::string> ids;
  if (const EqiaTemplate* tmpl = eqia_template(e.template_name)) {
    for (const auto& c : tmpl->characteristics) ids.push_back(c.id);
    for (const auto& c : tmpl->local_additions) ids.push_back(c.id);
  }
  for (const auto& c : doc_.project().segments.characteristics) ids.push_back(c.name);
  for (const auto& s : e.screening) ids.push_back(s.characteristic);
  return ids;
}

// A characteristic not yet screened, chosen by name from those the assessment may screen.
void EqiaPage::add_screening() {
  if (!change().eqia) return;
  const Eqia& e = *change().eqia;
  std::vector<std::string> ids;
  for (const auto& id : screenable(e)) {
    const bool screened = std::any_of(e.screening.begin(), e.screening.end(),
                                      [&](const Screening& s) { return s.characteristic == id; });
    if (!screened && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  const auto name = choose_characteristic(
      ids, _("Screening"), _("Every characteristic of the template and the segments is screened."));
  if (!name) return;
  edit_eqia(
      [&](Eqia& x) {
        x.screening.push_back({*name, Relevance::not_sure, ""});
      },
      "Add screening", {}, true);
}

void EqiaPage::show(bool force) {
  const ServiceChange& c = change();
  const bool has = c.eqia.has_value();
  start_->Show(!has);
  for (wxButton* b : {submit_, return_, approve_, new_version_}) b->Show(has);
  if (!has) {
    status_->SetLabel(_("No equality impact assessment yet for this change."));
    rules_->Clear();
    unmet_.clear();
    book_->Enable(false);
    Layout();
    return;
  }
  book_->Enable(true);
  const Eqia& e = *c.eqia;
  collect_unmet(e);
  show_status(e);
  show_forms(e, force);
  show_history(e);
  Layout();
}

// The rules: the data's own, the faults of the assessment (a malformed template too), and
// what submission still needs while it can be edited.
void EqiaPage::collect_unmet(const Eqia& e) {
  const std::string base = path() + ".eqia";
  unmet_.clear();
  for (const auto& p : doc_.change_problems(index_))
    if (p.path.compare(0, base.size(), base) == 0) unmet_.push_back(p);
  try {
    const EqiaTemplate* tmpl = cached_eqia_template(e.template_name);
    AssessmentCheck check =
        check_assessment(doc_.project(), static_cast<std::size_t>(index_), tmpl, "");
    for (auto* list : {&check.errors, &check.to_complete})
      for (auto& p : *list) unmet_.push_back(std::move(p));
  } catch (const InputError& fault) {
    unmet_.push_back({base + ".template", fault.what()});
  }
}

void EqiaPage::show_status(const Eqia& e) {
  const std::string base = path() + ".eqia";
  std::string status = std::string("Status: ") + status_name(e.status) + " (version " +
                       std::to_string(e.version) + ")";
  if (is_editable(e))
    status += unmet_.empty() ? " - ready to submit"
                             : " - " + std::to_string(unmet_.size()) +
                                   " thing(s) to complete before submitting";
  if (const WorkflowEvent* returned = open_return(e))
    status += "\nReturned by " + returned->who + ": " + returned->comment;
  status_->SetLabel(wxString::FromUTF8(status));
  // Each button is open when core says the step is, for the person using Equivalue; its
  // tooltip says why not. A reviewer is named in the review dialog (and core refuses the
  // submitter there), so return and approve ask whether another officer could review now.
  const Actor me = acting_as();
  // In a file anyone may be named as the reviewer; in a register it is the login itself.
  const Actor reviewer = shared() ? me : single_user_actor("another equality officer", me.when);
  const std::pair<wxButton*, Step> steps[] = {{submit_, Step::submit},
                                              {return_, Step::return_with_comments},
                                              {approve_, Step::approve},
                                              {publish_, Step::publish},
                                              {new_version_, Step::new_version}};
  for (const auto& [button, step] : steps) {
    const bool reviewing = step == Step::approve || step == Step::return_with_comments;
    const auto why = doc_.read_only()
                         ? std::optional<std::string>(doc_.read_only_reason())
                         : step_refusal(doc_.project(), static_cast<std::size_t>(index_), step,
                                        reviewing ? reviewer : me);
    button->Enable(!why);
    button->SetToolTip(why ? wxString::FromUTF8(*why) : wxString());
  }
  wxArrayString rules;
  for (const auto& p : unmet_)
    rules.Add(wxString::FromUTF8(readable_place(p.path, base) + ": " + p.message));
  if (rules_->GetStrings() != rules) rules_->Set(rules);
  rules_->Show(!rules.empty());
}

void EqiaPage::show_forms(const Eqia& e, bool force) {
  const std::string base = path() + ".eqia";
  const bool editable = is_editable(e) && !doc_.read_only();
  for (FormBinding<Eqia>* form : {identity_.get(), decision_.get()}) {
    form->show(e, force);
    form->show_problems(unmet_, base);
    form->enable(editable);
  }
  const EqiaTemplate* tmpl = eqia_template(e.template_name);
  screening_->set_choices("characteristic", characteristic_choices(screenable(e), tmpl));
  screening_->show(e.screening);
  screening_->grid()->EnableEditing(editable);
  screening_problems_->set(screening_->show_problems(unmet_, base + ".screening"));
  actions_->show(e.actions);
  actions_->grid()->EnableEditing(editable);
  action_problems_->set(actions_->show_problems(unmet_, base + ".actions"));

  wxArrayString impacts;
  for (const auto& im : e.impacts)
    impacts.Add(wxString::FromUTF8(characteristic_display_name(tmpl, im.characteristic) + " (" +
                                   rating_name(im.rating) + ")"));
  if (impact_list_->GetStrings() != impacts) impact_list_->Set(impacts);
  if (impact_ >= static_cast<int>(e.impacts.size()))
    impact_ = static_cast<int>(e.impacts.size()) - 1;
  if (impact_ < 0 && !e.impacts.empty()) impact_ = 0;
  // An impact's characteristic is one of those screened (and its own, should it not be).
  std::vector<std::string> screened;
  for (const auto& sc : e.screening) screened.push_back(sc.characteristic);
  if (impact_ >= 0 && impact_ < static_cast<int>(e.impacts.size()))
    screened.push_back(e.impacts[static_cast<std::size_t>(impact_)].characteristic);
  impact_form_->set_choices("characteristic", characteristic_choices(screened, tmpl));
  if (impact_ >= 0) {
    impact_list_->SetSelection(impact_);
    impact_form_->show(e.impacts[static_cast<std::size_t>(impact_)], force);
    impact_form_->show_problems(unmet_, base + ".impacts[" + std::to_string(impact_) + "]");
  }
  impact_form_->enable(editable && impact_ >= 0);
}

void EqiaPage::show_history(const Eqia& e) {
  history_->DeleteAllItems();
  for (const auto& h : e.history) {
    const long item = history_->InsertItem(history_->GetItemCount(), wxString::FromUTF8(h.when));
    history_->SetItem(item, 1, wxString::FromUTF8(h.who));
    history_->SetItem(item, 2, status_name(h.from));
    history_->SetItem(item, 3, status_name(h.to));
    history_->SetItem(item, 4, wxString::FromUTF8(h.comment));
  }
}

}  // namespace eqv::gui
