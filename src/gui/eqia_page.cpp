#include "eqia_page.hpp"

#include "dialogs.hpp"
#include "forms.hpp"

#include "equivalue/interchange/templates.hpp"

#include <wx/choicdlg.h>
#include <wx/datetime.h>
#include <wx/msgdlg.h>
#include <wx/textdlg.h>
#include <wx/sizer.h>
#include <wx/utils.h>

#include <map>
#include <optional>

namespace eqv::gui {
namespace {

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

wxStaticText* heading(wxWindow* parent, const wxString& text) {
  // The font first, so the label is measured in bold.
  auto* label = new wxStaticText(parent, wxID_ANY, "");
  label->SetFont(label->GetFont().Bold());
  label->SetLabel(text);
  label->SetMinSize(
      wxSize(label->GetTextExtent(text).x + 8, -1));  // GTK 3 measures bold labels short
  return label;
}

}  // namespace

const EqiaTemplate* eqia_template(const std::string& id) {
  // Read once per run; a missing or malformed template is reported by the submission rules.
  static std::map<std::string, std::optional<EqiaTemplate>> cache;
  auto it = cache.find(id);
  if (it == cache.end()) {
    std::optional<EqiaTemplate> loaded;
    try {
      loaded = load_eqia_template(id);
    } catch (const std::exception&) {
    }
    it = cache.emplace(id, std::move(loaded)).first;
  }
  return it->second ? &*it->second : nullptr;
}

Actor current_actor(const std::string& who) {
  Actor a;
  a.who = who.empty() ? wxGetUserId().utf8_string() : who;
  a.when = wxDateTime::Now().ToUTC().Format("%Y-%m-%dT%H:%M:%SZ").utf8_string();
  return a;
}

EqiaPage::EqiaPage(wxWindow* parent, ProjectDocument& doc) : ChangePage(parent, doc) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  status_ = new wxStaticText(this, wxID_ANY, "");
  status_->SetFont(status_->GetFont().Bold());
  bar->Add(status_, 1, wxALIGN_CENTER_VERTICAL | wxALL, 6);
  start_ = new wxButton(this, wxID_ANY, _("Start the assessment"));
  submit_ = new wxButton(this, wxID_ANY, _("&Submit for review"));
  return_ = new wxButton(this, wxID_ANY, _("&Return with comments..."));
  approve_ = new wxButton(this, wxID_ANY, _("A&pprove..."));
  new_version_ = new wxButton(this, wxID_ANY, _("Start a new version..."));
  for (wxButton* b : {start_, submit_, return_, approve_, new_version_}) bar->Add(b, 0, wxALL, 4);
  sizer->Add(bar, 0, wxEXPAND);
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
  return_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    std::string reviewer = current_actor().who, comments;
    if (!AskReview(this, _("Return with comments"), true, reviewer, comments)) return;
    const Problems p = return_with_comments(reviewer, comments);
    if (!p.empty())
      wxMessageBox(wxString::FromUTF8(p.front().message), _("Return"), wxOK | wxICON_WARNING, this);
  });
  approve_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    std::string reviewer = current_actor().who, comments;
    if (!AskReview(this, _("Approve the assessment"), false, reviewer, comments)) return;
    const Problems p = approve(reviewer);
    if (!p.empty())
      wxMessageBox(wxString::FromUTF8(p.front().message), _("Approve"), wxOK | wxICON_WARNING,
                   this);
  });
  new_version_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    const wxString reason = wxGetTextFromUser(_("Why does the approved assessment need to change?"),
                                              _("Start a new version"), "", this);
    if (reason.empty()) return;
    Problems problems;
    guarded(this, [&] {
      workflow_step(
          [&](Eqia& e) { problems = start_new_version(e, current_actor(), reason.utf8_string()); },
          "Start a new version of the assessment");
    });
    if (!problems.empty()) wxMessageBox(wxString::FromUTF8(problems.front().message));
  });

  rules_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 70));
  rules_->SetForegroundColour(problem_colour());
  sizer->Add(rules_, 0, wxEXPAND | wxLEFT | wxRIGHT, 6);

  book_ = new wxNotebook(this, wxID_ANY);
  // Identity
  {
    auto* page = new wxPanel(book_);
    auto* s = new wxBoxSizer(wxVERTICAL);
    wxWindow* form = create_form(page, "eqia_identity");
    identity_ = std::make_unique<FormBinding<Eqia>>(form, eqia_fields());
    identity_->on_edit = [this](const FieldDef<Eqia>& f, const std::string& t) {
      edit_eqia([&](Eqia& e) { f.set(e, t); }, "Edit " + f.label, path() + ".eqia." + f.name);
    };
    s->Add(form, 0, wxEXPAND | wxALL, 4);
    page->SetSizer(s);
    book_->AddPage(page, _("Assessment"));
  }
  // Screening
  {
    auto* page = new wxPanel(book_);
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(heading(page,
                   _("Is the change relevant to each characteristic? Give a reason either way.")),
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
    auto* add = new wxButton(page, wxID_ANY, _("Add a characteristic"));
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
      const wxString name = wxGetTextFromUser(_("Characteristic to screen (for example carers):"),
                                              _("Screening"), "", this);
      if (name.empty()) return;
      edit_eqia(
          [&](Eqia& e) {
            e.screening.push_back({name.utf8_string(), Relevance::not_sure, ""});
          },
          "Add screening", {}, true);
    });
    s->Add(add, 0, wxALL, 6);
    screening_problems_ = new ProblemLine(page);
    s->Add(screening_problems_, 0, wxALL, 6);
    page->SetSizer(s);
    book_->AddPage(page, _("Screening"));
  }
  // Impacts
  {
    auto* page = new wxPanel(book_);
    auto* s = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    impact_list_ = new wxListBox(page, wxID_ANY, wxDefaultPosition, wxSize(200, -1));
    impact_list_->Bind(wxEVT_LISTBOX,
                       [this](wxCommandEvent& e) { select_impact(e.GetSelection()); });
    left->Add(impact_list_, 1, wxEXPAND | wxALL, 6);
    auto* add = new wxButton(page, wxID_ANY, _("Assess a characteristic..."));
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_impact(); });
    left->Add(add, 0, wxALL, 6);
    s->Add(left, 0, wxEXPAND);
    wxWindow* form = create_form(page, "impact_detail");
    impact_form_ = std::make_unique<FormBinding<Impact>>(form, impact_fields());
    impact_form_->on_edit = [this](const FieldDef<Impact>& f, const std::string& t) {
      if (impact_ < 0) return;
      const int i = impact_;
      edit_eqia([&](Eqia& e) { f.set(e.impacts.at(static_cast<std::size_t>(i)), t); },
                "Edit impact " + f.label,
                path() + ".eqia.impacts[" + std::to_string(i) + "]." + f.name);
    };
    s->Add(form, 1, wxEXPAND | wxALL, 4);
    page->SetSizer(s);
    book_->AddPage(page, _("Impacts"));
  }
  // Action plan
  {
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
      edit_eqia([](Eqia& e) { add_actions_for_data_gaps(e); }, "Add actions for data gaps", {},
                true);
    });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
      const int row = actions_->grid()->GetGridCursorRow();
      if (row < 0 || !change().eqia || row >= static_cast<int>(change().eqia->actions.size()))
        return;
      edit_eqia([row](Eqia& e) { e.actions.erase(e.actions.begin() + row); }, "Remove action", {},
                true);
    });
    for (wxButton* b : {add, gaps, remove}) buttons->Add(b, 0, wxRIGHT, 6);
    s->Add(buttons, 0, wxALL, 6);
    action_problems_ = new ProblemLine(page);
    s->Add(action_problems_, 0, wxALL, 6);
    page->SetSizer(s);
    book_->AddPage(page, _("Action plan"));
  }
  // Decision
  {
    auto* page = new wxPanel(book_);
    auto* s = new wxBoxSizer(wxVERTICAL);
    wxWindow* form = create_form(page, "eqia_decision");
    decision_ = std::make_unique<FormBinding<Eqia>>(form, eqia_fields());
    decision_->on_edit = [this](const FieldDef<Eqia>& f, const std::string& t) {
      edit_eqia([&](Eqia& e) { f.set(e, t); }, "Edit " + f.label, path() + ".eqia." + f.name);
    };
    s->Add(form, 0, wxEXPAND | wxALL, 4);
    page->SetSizer(s);
    book_->AddPage(page, _("Decision"));
  }
  // History
  {
    history_ = new wxListCtrl(book_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    history_->AppendColumn(_("When (UTC)"), wxLIST_FORMAT_LEFT, 170);
    history_->AppendColumn(_("Who"), wxLIST_FORMAT_LEFT, 120);
    history_->AppendColumn(_("From"), wxLIST_FORMAT_LEFT, 90);
    history_->AppendColumn(_("To"), wxLIST_FORMAT_LEFT, 90);
    history_->AppendColumn(_("Comment"), wxLIST_FORMAT_LEFT, 420);
    book_->AddPage(history_, _("History"));
  }
  sizer->Add(book_, 1, wxEXPAND | wxALL, 4);
  SetSizer(sizer);
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

void EqiaPage::workflow_step(const std::function<void(Eqia&)>& fn, const std::string& what) {
  guarded(this, [&] {
    doc_.workflow_step(
        [&](Project& p) {
          auto& c = p.changes.at(static_cast<std::size_t>(index_));
          if (c.eqia) fn(*c.eqia);
        },
        what, index_);
  });
}

void EqiaPage::start_assessment() {
  guarded(this, [&] {
    edit_change(
        doc_, index_,
        [&](ServiceChange& c) {
          if (c.eqia) return;
          Eqia e;
          e.template_name = doc_.project().project.jurisdiction;
          // One screening row for each characteristic to consider: the template's, or the
          // characteristics of the project's segment profile when no template is installed.
          if (const EqiaTemplate* t = eqia_template(e.template_name)) {
            for (const auto* ch : t->to_screen(doc_.project().project.eqia_additions))
              e.screening.push_back({ch->id, Relevance::not_sure, ""});
          } else {
            for (const auto& ch : doc_.project().segments.characteristics)
              e.screening.push_back({ch.name, Relevance::not_sure, ""});
          }
          c.eqia = e;
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
  guarded(this, [&] {
    doc_.workflow_step(
        [&](Project& p) {
          problems = eqv::submit(p, static_cast<std::size_t>(index_), tmpl, current_actor());
        },
        "Submit the assessment for review", index_);
  });
  return problems;
}

Problems EqiaPage::return_with_comments(const std::string& reviewer, const std::string& comments) {
  Problems problems;
  workflow_step(
      [&](Eqia& e) { problems = eqv::return_with_comments(e, current_actor(reviewer), comments); },
      "Return the assessment with comments");
  return problems;
}

Problems EqiaPage::approve(const std::string& reviewer) {
  Problems problems;
  workflow_step([&](Eqia& e) { problems = eqv::approve(e, current_actor(reviewer)); },
                "Approve the assessment");
  return problems;
}

void EqiaPage::select_impact(int i) {
  impact_ = i;
  doc_.break_merge();
  show(true);
}

void EqiaPage::add_impact() {
  if (!change().eqia) return;
  wxArrayString choices;
  for (const auto& s : change().eqia->screening) {
    bool assessed = false;
    for (const auto& im : change().eqia->impacts)
      assessed = assessed || im.characteristic == s.characteristic;
    if (!assessed) choices.Add(wxString::FromUTF8(s.characteristic));
  }
  if (choices.empty()) {
    wxMessageBox(_("Every screened characteristic already has an impact."), _("Impacts"), wxOK,
                 this);
    return;
  }
  const int pick = wxGetSingleChoiceIndex(_("Which characteristic?"), _("Assess a characteristic"),
                                          choices, 0, this);
  if (pick < 0) return;
  const std::string name = choices[static_cast<std::size_t>(pick)].utf8_string();
  edit_eqia(
      [&](Eqia& e) {
        Impact im;
        im.characteristic = name;
        e.impacts.push_back(im);
      },
      "Assess " + name, {}, true);
  select_impact(static_cast<int>(change().eqia->impacts.size()) - 1);
}

void EqiaPage::show(bool force) {
  const ServiceChange& c = change();
  const bool has = c.eqia.has_value();
  const bool editable = has && is_editable(*c.eqia) && !doc_.read_only();
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
  const std::string base = path() + ".eqia";

  // The rules: the data's own, and what submission still needs while it can be edited.
  unmet_.clear();
  for (const auto& p : doc_.change_problems(index_))
    if (p.path.compare(0, base.size(), base) == 0) unmet_.push_back(p);
  if (is_editable(e))
    for (auto& p : submission_problems(doc_.project(), static_cast<std::size_t>(index_),
                                       eqia_template(e.template_name)))
      unmet_.push_back(std::move(p));

  std::string status = std::string("Status: ") + status_name(e.status) + " (version " +
                       std::to_string(e.version) + ")";
  if (is_editable(e))
    status += unmet_.empty() ? " - ready to submit"
                             : " - " + std::to_string(unmet_.size()) +
                                   " thing(s) to complete before submitting";
  if (!e.history.empty() && e.history.back().to == EqiaStatus::returned &&
      !e.history.back().comment.empty())
    status += "\nReturned by " + e.history.back().who + ": " + e.history.back().comment;
  status_->SetLabel(wxString::FromUTF8(status));
  submit_->Enable(is_editable(e) && !doc_.read_only());
  return_->Enable(e.status == EqiaStatus::submitted && !doc_.read_only());
  approve_->Enable(e.status == EqiaStatus::submitted && !doc_.read_only());
  new_version_->Enable((e.status == EqiaStatus::approved || e.status == EqiaStatus::published) &&
                       !doc_.read_only());

  wxArrayString rules;
  for (const auto& p : unmet_)
    rules.Add(wxString::FromUTF8(readable_place(p.path, base) + ": " + p.message));
  if (rules_->GetStrings() != rules) rules_->Set(rules);
  rules_->Show(!rules.empty());

  identity_->show(e, force);
  identity_->show_problems(unmet_, base);
  identity_->enable(editable);
  decision_->show(e, force);
  decision_->show_problems(unmet_, base);
  decision_->enable(editable);

  screening_->show(e.screening);
  screening_->grid()->EnableEditing(editable);
  screening_problems_->set(screening_->show_problems(unmet_, base + ".screening"));
  actions_->show(e.actions);
  actions_->grid()->EnableEditing(editable);
  action_problems_->set(actions_->show_problems(unmet_, base + ".actions"));

  wxArrayString impacts;
  for (const auto& im : e.impacts)
    impacts.Add(wxString::FromUTF8(im.characteristic + " (" + rating_name(im.rating) + ")"));
  if (impact_list_->GetStrings() != impacts) impact_list_->Set(impacts);
  if (impact_ >= static_cast<int>(e.impacts.size()))
    impact_ = static_cast<int>(e.impacts.size()) - 1;
  if (impact_ < 0 && !e.impacts.empty()) impact_ = 0;
  if (impact_ >= 0) {
    impact_list_->SetSelection(impact_);
    impact_form_->show(e.impacts[static_cast<std::size_t>(impact_)], force);
    impact_form_->show_problems(unmet_, base + ".impacts[" + std::to_string(impact_) + "]");
  }
  impact_form_->enable(editable && impact_ >= 0);

  history_->DeleteAllItems();
  for (const auto& h : e.history) {
    const long item = history_->InsertItem(history_->GetItemCount(), wxString::FromUTF8(h.when));
    history_->SetItem(item, 1, wxString::FromUTF8(h.who));
    history_->SetItem(item, 2, status_name(h.from));
    history_->SetItem(item, 3, status_name(h.to));
    history_->SetItem(item, 4, wxString::FromUTF8(h.comment));
  }
  Layout();
}

}  // namespace eqv::gui
