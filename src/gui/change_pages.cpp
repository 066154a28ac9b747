#include "dialogs.hpp"
#include "proxy_chooser.hpp"
#include "eqia_page.hpp"
#include "forms.hpp"
#include "pages.hpp"

#include "equivalue/core/sroi.hpp"
#include "equivalue/core/text.hpp"
#include "equivalue/storage/store.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>

namespace eqv::gui {
namespace {

// The change's stakeholders, by name, for a reference to one.
std::vector<Choice> stakeholder_choices(const ServiceChange& c) {
  std::vector<Choice> out;
  for (const auto& s : c.sroi.stakeholders)
    out.push_back({s.id, s.name.empty() || s.name == s.id ? s.id : s.name + " (" + s.id + ")"});
  return out;
}

// The project's segments, by name, for a stakeholder's optional segment.
std::vector<Choice> segment_choices(const SegmentScheme& scheme) {
  std::vector<Choice> out{{"", "No segment"}};
  for (const auto& s : scheme.items)
    out.push_back({s.code, s.name.empty() ? s.code : s.code + " " + s.name});
  return out;
}

int selected_row(wxGrid* grid) {
  wxArrayInt rows = grid->GetSelectedRows();
  if (!rows.empty()) return rows[0];
  return grid->GetGridCursorRow();
}

}  // namespace

bool guarded(wxWindow* parent, const std::function<void()>& action) {
  try {
    action();
    return true;
  } catch (const storage::StaleEdit& e) {
    ShowStaleEdit(parent, e);
    return false;
  } catch (const std::exception& e) {
    wxMessageBox(wxString::FromUTF8(e.what()), _("Equivalue"), wxOK | wxICON_WARNING, parent);
    return false;
  }
}

void edit_change(ProjectDocument& doc, int index, const std::function<void(ServiceChange&)>& fn,
                 const std::string& what, const std::string& merge_key, bool structure) {
  doc.edit([&](Project& p) { fn(p.changes.at(static_cast<std::size_t>(index))); }, what, index,
           merge_key, structure);
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

ChangePage::ChangePage(wxWindow* parent, ProjectDocument& doc)
    : wxPanel(parent, wxID_ANY), doc_(doc) {
  listener_ = doc_.listen([this](const DocumentEvent& e) {
    if (!valid() || !(e.structure || e.change < 0 || e.change == index_)) return;
    if (!IsShownOnScreen()) {
      stale_ = true;
      return;
    }
    show(e.structure);
  });
}

void ChangePage::refresh_if_stale() {
  if (!stale_) return;
  stale_ = false;
  if (valid()) show(true);
}

ChangePage::~ChangePage() { doc_.unlisten(listener_); }

void ChangePage::set_change(int index) {
  index_ = index;
  stale_ = false;
  if (valid()) show(true);
}

ProblemLine::ProblemLine(wxWindow* parent) : wxStaticText(parent, wxID_ANY, "") {
  SetForegroundColour(problem_colour());
}

void ProblemLine::set(const std::vector<std::string>& lines) {
  std::string text;
  for (std::size_t i = 0; i < lines.size() && i < 6; ++i) text += (i ? "\n" : "") + lines[i];
  if (lines.size() > 6) text += "\n... and " + std::to_string(lines.size() - 6) + " more";
  const wxString label = wxString::FromUTF8(text);
  if (GetLabel() != label) {
    SetLabel(label);
    GetParent()->Layout();
  }
}

// ------------------------------------------------------------------------ ScopePage

ScopePage::ScopePage(wxWindow* parent, ProjectDocument& doc, bool with_scope,
                     bool with_stakeholders, bool with_inputs)
    : ChangePage(parent, doc) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  if (with_scope) {
    sizer->Add(heading(this, _("The service change")), 0, wxALL, 6);
    wxWindow* form = create_form(this, "change_scope");
    scope_ = std::make_unique<FormBinding<ServiceChange>>(form, change_fields());
    scope_->on_edit = [this](const FieldDef<ServiceChange>& f, const std::string& text) {
      guarded(this, [&] {
        edit_change(
            doc_, index_, [&](ServiceChange& c) { f.set(c, text); }, "Edit " + f.label,
            path() + "." + f.name);
      });
    };
    sizer->Add(form, 0, wxEXPAND | wxALL, 2);
  }
  if (with_stakeholders) add_stakeholders(sizer);
  if (with_inputs) add_inputs(sizer);
  problems_ = new ProblemLine(this);
  sizer->Add(problems_, 0, wxALL, 6);
  SetSizer(sizer);
}

// "Add ..." and "Remove ..." under a grid: `add` appends a row, the selected row is removed
// through `remove`.
void ScopePage::add_buttons(wxSizer* sizer, const wxString& add_label, const wxString& remove_label,
                            const std::function<void()>& add, const std::function<void()>& remove) {
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* add_button = new wxButton(this, wxID_ANY, add_label);
  auto* remove_button = new wxButton(this, wxID_ANY, remove_label);
  add_button->Bind(wxEVT_BUTTON, [this, add](wxCommandEvent&) { guarded(this, add); });
  remove_button->Bind(wxEVT_BUTTON, [this, remove](wxCommandEvent&) { guarded(this, remove); });
  buttons->Add(add_button, 0, wxRIGHT, 6);
  buttons->Add(remove_button);
  sizer->Add(buttons, 0, wxALL, 6);
}

void ScopePage::add_stakeholders(wxSizer* sizer) {
  sizer->Add(heading(this, _("Stakeholders: the groups of people the change affects")), 0, wxALL,
             6);
  auto* grid = new wxGrid(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 140));
  stakeholders_ = std::make_unique<GridBinding<Stakeholder>>(
      grid, stakeholder_fields(), std::vector<std::string>{"id", "name", "segment"});
  grid->SetColSize(1, 320);
  stakeholders_->on_edit = [this](int row, const FieldDef<Stakeholder>& f,
                                  const std::string& text) {
    guarded(this, [&] {
      edit_change(
          doc_, index_,
          [&](ServiceChange& c) {
            f.set(c.sroi.stakeholders.at(static_cast<std::size_t>(row)), text);
          },
          "Edit stakeholder " + f.label);
    });
  };
  sizer->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT, 6);
  add_buttons(
      sizer, _("Add stakeholder"), _("Remove stakeholder"),
      [this] {
        edit_change(
            doc_, index_,
            [](ServiceChange& c) {
              Stakeholder s;
              s.id =
                  next_free_id("S", c.sroi.stakeholders, [](const Stakeholder& x) { return x.id; });
              s.name = "New stakeholder group";
              c.sroi.stakeholders.push_back(s);
            },
            "Add stakeholder", {}, true);
      },
      [this] {
        const int row = selected_row(stakeholders_->grid());
        if (row < 0 || row >= static_cast<int>(change().sroi.stakeholders.size())) return;
        edit_change(
            doc_, index_,
            [row](ServiceChange& c) {
              c.sroi.stakeholders.erase(c.sroi.stakeholders.begin() + row);
            },
            "Remove stakeholder", {}, true);
      });
}

void ScopePage::add_inputs(wxSizer* sizer) {
  sizer->Add(heading(this, _("Inputs: what the change costs, and who pays")), 0, wxALL, 6);
  auto* grid = new wxGrid(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 140));
  inputs_ = std::make_unique<GridBinding<Input>>(
      grid, input_fields(),
      std::vector<std::string>{"stakeholder", "description", "amount", "year"});
  grid->SetColSize(1, 320);
  grid->SetColSize(2, 120);
  grid->SetColSize(3, 140);
  inputs_->on_edit = [this](int row, const FieldDef<Input>& f, const std::string& text) {
    guarded(this, [&] {
      edit_change(
          doc_, index_,
          [&](ServiceChange& c) { f.set(c.sroi.inputs.at(static_cast<std::size_t>(row)), text); },
          "Edit input " + f.label);
    });
  };
  sizer->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT, 6);
  add_buttons(
      sizer, _("Add input"), _("Remove input"),
      [this] {
        edit_change(
            doc_, index_,
            [](ServiceChange& c) {
              Input in;
              if (!c.sroi.stakeholders.empty()) in.stakeholder = c.sroi.stakeholders.front().id;
              in.description = "New input";
              c.sroi.inputs.push_back(in);
            },
            "Add input", {}, true);
      },
      [this] {
        const int row = selected_row(inputs_->grid());
        if (row < 0 || row >= static_cast<int>(change().sroi.inputs.size())) return;
        edit_change(
            doc_, index_,
            [row](ServiceChange& c) { c.sroi.inputs.erase(c.sroi.inputs.begin() + row); },
            "Remove input", {}, true);
      });
}

void ScopePage::show(bool force) {
  const ServiceChange& c = change();
  const Problems& problems = doc_.change_problems(index_);
  std::vector<std::string> lines;
  const bool editable = !doc_.read_only();
  if (scope_) {
    scope_->show(c, force);
    for (const auto& p : scope_->show_problems(problems, path())) lines.push_back(p.message);
    scope_->enable(editable);
  }
  if (stakeholders_) {
    stakeholders_->set_choices("segment", segment_choices(doc_.project().segments));
    stakeholders_->show(c.sroi.stakeholders);
    for (auto& l : stakeholders_->show_problems(problems, path() + ".sroi.stakeholders"))
      lines.push_back("Stakeholders, " + l);
    stakeholders_->grid()->EnableEditing(editable);
  }
  if (inputs_) {
    inputs_->set_choices("stakeholder", stakeholder_choices(c));
    inputs_->show(c.sroi.inputs);
    for (auto& l : inputs_->show_problems(problems, path() + ".sroi.inputs"))
      lines.push_back("Inputs, " + l);
    inputs_->grid()->EnableEditing(editable);
  }
  problems_->set(lines);
}

// ------------------------------------------------------------------------ OutcomesPage

OutcomesPage::OutcomesPage(wxWindow* parent, ProjectDocument& doc,
                           const std::vector<std::string>& forms)
    : ChangePage(parent, doc) {
  // One outcome at a time, chosen at the top, so its forms have the page's full width.
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(heading(this, _("Outcome:")), 0, wxALIGN_CENTER_VERTICAL | wxALL, 6);
  list_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(420, -1));
  list_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) { select(e.GetSelection()); });
  bar->Add(list_, 1, wxALIGN_CENTER_VERTICAL | wxALL, 4);
  auto* add = new wxButton(this, wxID_ANY, _("Add outcome"));
  auto* remove = new wxButton(this, wxID_ANY, _("Remove outcome"));
  add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_outcome(); });
  remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (outcome_ < 0) return;
    const int o = outcome_;
    guarded(this, [&] {
      edit_change(
          doc_, index_,
          [o](ServiceChange& c) { c.sroi.outcomes.erase(c.sroi.outcomes.begin() + o); },
          "Remove outcome", {}, true);
    });
  });
  bar->Add(add, 0, wxALIGN_CENTER_VERTICAL | wxALL, 4);
  bar->Add(remove, 0, wxALIGN_CENTER_VERTICAL | wxALL, 4);
  sizer->Add(bar, 0, wxEXPAND);

  auto* right = new wxBoxSizer(wxVERTICAL);
  headline_ = new wxStaticText(this, wxID_ANY, "");
  right->Add(headline_, 0, wxALL, 6);
  wxWindow* holder = this;
  wxNotebook* book = nullptr;
  if (forms.size() > 1) {
    book = new wxNotebook(this, wxID_ANY);
    holder = book;
    right->Add(book, 1, wxEXPAND | wxALL, 4);
  }
  for (const auto& resource : forms) {
    auto* page = new wxPanel(holder);
    auto* page_sizer = new wxBoxSizer(wxVERTICAL);
    wxWindow* form = create_form(page, resource);
    page_sizer->Add(form, 0, wxEXPAND | wxALL, 4);
    if (resource == "outcome_valuation") {
      auto* pick = new wxButton(page, wxID_ANY, _("Choose from the proxy library..."));
      pick->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { pick_proxy(); });
      page_sizer->Add(pick, 0, wxALL, 8);
    }
    page->SetSizer(page_sizer);
    auto binding = std::make_unique<FormBinding<Outcome>>(form, outcome_fields());
    binding->on_edit = [this](const FieldDef<Outcome>& f, const std::string& text) {
      if (outcome_ < 0) return;
      const int o = outcome_;
      guarded(this, [&] {
        edit_change(
            doc_, index_,
            [&](ServiceChange& c) { f.set(c.sroi.outcomes.at(static_cast<std::size_t>(o)), text); },
            "Edit " + f.label, path() + ".sroi.outcomes[" + std::to_string(o) + "]." + f.name);
      });
    };
    if (book) {
      const char* title = resource == "outcome_describe"    ? "Outcome and indicator"
                          : resource == "outcome_valuation" ? "Valuation"
                                                            : "Impact";
      book->AddPage(page, wxString::FromUTF8(title));
    } else {
      right->Add(page, 1, wxEXPAND | wxALL, 4);
    }
    forms_.emplace_back(resource, std::move(binding));
  }
  problems_ = new ProblemLine(this);
  right->Add(problems_, 0, wxALL, 6);
  sizer->Add(right, 1, wxEXPAND);
  SetSizer(sizer);
}

FormBinding<Outcome>* OutcomesPage::form(const std::string& resource) {
  for (auto& [name, binding] : forms_)
    if (name == resource) return binding.get();
  return nullptr;
}

void OutcomesPage::add_outcome() {
  guarded(this, [&] {
    edit_change(
        doc_, index_,
        [](ServiceChange& c) {
          Outcome o;
          o.id = next_free_id("O", c.sroi.outcomes, [](const Outcome& x) { return x.id; });
          if (!c.sroi.stakeholders.empty()) o.stakeholder = c.sroi.stakeholders.front().id;
          o.description = "New outcome";
          c.sroi.outcomes.push_back(o);
        },
        "Add outcome", {}, true);
  });
  select(static_cast<int>(change().sroi.outcomes.size()) - 1);
}

void OutcomesPage::select(int outcome) {
  outcome_ = outcome;
  doc_.break_merge();
  show(true);
}

namespace {

// The proxy as priced and in base-year prices, naming the deflator series: "Proxy:
// £1,000.00 in 2019 prices = £1,302.15 in 2026 prices (HM Treasury GDP deflators ...)."
std::string proxy_prices_text(const Proxy& proxy, const ProjectSettings& settings) {
  std::string text = "Proxy: £" + to_grouped(proxy.value, kMoneyPlaces);
  if (proxy.price_year == 0) return text + " (no price year given, so used as priced).\n";
  text += " in " + std::to_string(proxy.price_year) + " prices";
  if (proxy.price_year == settings.base_year) return text + ", the base year.\n";
  const std::string series = deflator_series_in_use(settings);
  if (series.empty()) return text + ", used as priced (rebasing is turned off).\n";
  return text + " = £" + to_grouped(real_proxy_value(proxy, settings), kMoneyPlaces) + " in " +
         std::to_string(settings.base_year) + " prices (" + series + ").\n";
}

}  // namespace

void OutcomesPage::show(bool force) {
  const auto& outcomes = change().sroi.outcomes;
  if (outcome_ >= static_cast<int>(outcomes.size()))
    outcome_ = static_cast<int>(outcomes.size()) - 1;
  if (outcome_ < 0 && !outcomes.empty()) outcome_ = 0;
  wxArrayString items;
  for (const auto& o : outcomes) items.Add(wxString::FromUTF8(o.id + "  " + o.description));
  if (list_->GetStrings() != items) list_->Set(items);
  list_->Enable(!items.empty());
  if (outcome_ >= 0) list_->SetSelection(outcome_);

  const bool has = outcome_ >= 0;
  std::vector<std::string> lines;
  for (auto& [name, binding] : forms_) {
    binding->enable(has && !doc_.read_only());
    if (!has) continue;
    binding->set_choices("stakeholder", stakeholder_choices(change()));
    binding->show(outcomes[static_cast<std::size_t>(outcome_)], force);
    const std::string base = path() + ".sroi.outcomes[" + std::to_string(outcome_) + "]";
    for (const auto& p : binding->show_problems(doc_.change_problems(index_), base))
      if (&binding == &forms_.front().second) lines.push_back(p.message);
  }
  problems_->set(lines);
  const wxString before = headline_->GetLabel();
  if (has) {
    const Outcome& o = outcomes[static_cast<std::size_t>(outcome_)];
    const ProjectSettings settings = doc_.settings();
    const Decimal v = first_year_value(o, change().sroi, settings);
    const auto& r = doc_.core_result(index_);
    headline_->SetLabel(wxString::FromUTF8(
        proxy_prices_text(o.proxy, settings) + "This outcome is worth £" +
        to_grouped(v, kMoneyPlaces) +
        " in its first year, after deductions.\nThe whole change: ratio " +
        (r.ratio ? to_fixed(*r.ratio, 2) + " : 1" : std::string("not yet known")) +
        ", net present value £" + to_grouped(r.npv, kMoneyPlaces)));
  } else {
    headline_->SetLabel(_("No outcomes yet: choose Add outcome."));
  }
  // The headline is three lines: the page makes room for them whenever it changes.
  if (headline_->GetLabel() != before) Layout();
}

void OutcomesPage::pick_proxy() {
  if (outcome_ < 0) return;
  Proxy chosen;
  if (!ChooseProxy(this, doc_, chosen)) return;
  const int o = outcome_;
  guarded(this, [&] {
    edit_change(
        doc_, index_,
        [&](ServiceChange& c) { c.sroi.outcomes.at(static_cast<std::size_t>(o)).proxy = chosen; },
        "Choose proxy from the library", {}, true);
  });
}

// ------------------------------------------------------------------------ ImpactMapPage

ImpactMapPage::ImpactMapPage(wxWindow* parent, ProjectDocument& doc) : ChangePage(parent, doc) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(heading(this, _("Impact map: every outcome at once (type over any cell)")), 0, wxALL,
             6);
  auto* grid = new wxGrid(this, wxID_ANY);
  // The figures the calculation uses first, then the words and the evidence.
  const std::vector<std::string> columns{"id",
                                         "stakeholder",
                                         "description",
                                         "quantity",
                                         "proxy.value",
                                         "deadweight",
                                         "displacement",
                                         "attribution",
                                         "drop_off",
                                         "start_year",
                                         "duration",
                                         "type",
                                         "indicator",
                                         "proxy.source",
                                         "proxy.price_year",
                                         "proxy.evidence_grade",
                                         "proxy.description",
                                         "proxy.unit",
                                         "agency",
                                         "cashable"};
  grid_ = std::make_unique<GridBinding<Outcome>>(grid, outcome_fields(), columns);
  grid_->on_edit = [this](int row, const FieldDef<Outcome>& f, const std::string& text) {
    guarded(this, [&] {
      edit_change(
          doc_, index_,
          [&](ServiceChange& c) { f.set(c.sroi.outcomes.at(static_cast<std::size_t>(row)), text); },
          "Edit " + f.label);
    });
  };
  grid_->on_parse_error = [this](const std::string& message) { problems_->set({message}); };
  sizer->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT, 6);
  problems_ = new ProblemLine(this);
  sizer->Add(problems_, 0, wxALL, 6);
  SetSizer(sizer);
}

void ImpactMapPage::show(bool) {
  grid_->set_choices("stakeholder", stakeholder_choices(change()));
  grid_->show(change().sroi.outcomes);
  grid_->grid()->EnableEditing(!doc_.read_only());
  problems_->set(grid_->show_problems(doc_.change_problems(index_), path() + ".sroi.outcomes"));
}

// ------------------------------------------------------------------------ AffectedPage

AffectedPage::AffectedPage(wxWindow* parent, ProjectDocument& doc) : ChangePage(parent, doc) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* left = sizer;
  left->Add(heading(this, _("Share of each segment the change affects (0 to 1): type a share and "
                            "the table below follows")),
            0, wxALL, 6);
  segments_ = new wxGrid(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 200));
  segments_->CreateGrid(0, 4);
  segments_->SetRowLabelSize(0);
  segments_->SetColLabelValue(0, _("Code"));
  segments_->SetColLabelValue(1, _("Segment"));
  segments_->SetColLabelValue(2, _("Residents"));
  segments_->SetColLabelValue(3, _("Share affected"));
  segments_->SetColSize(0, 50);
  segments_->SetColSize(1, 360);
  segments_->SetColSize(2, 90);
  segments_->SetColSize(3, 130);
  // The table beside updates with every key typed into a share.
  segments_->Bind(wxEVT_GRID_EDITOR_CREATED, [this](wxGridEditorCreatedEvent& e) {
    const int row = e.GetRow();
    if (auto* text = dynamic_cast<wxTextCtrl*>(e.GetControl()))
      text->Bind(wxEVT_TEXT, [this, row, text](wxCommandEvent& te) {
        set_share(row, text->GetValue().utf8_string());
        te.Skip();
      });
    e.Skip();
  });
  segments_->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& e) {
    if (!loading_ && e.GetCol() == 3)
      set_share(e.GetRow(), segments_->GetCellValue(e.GetRow(), 3).utf8_string());
  });
  left->Add(segments_, 2, wxEXPAND | wxLEFT | wxRIGHT, 6);
  auto* right = sizer;
  right->Add(heading(this, _("People affected, by characteristic")), 0, wxALL, 6);
  summary_ = new wxStaticText(this, wxID_ANY, "");
  right->Add(summary_, 0, wxLEFT | wxBOTTOM, 6);
  table_ =
      new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_HRULES);
  const char* columns[] = {
      "Characteristic", "Group", "People affected", "Share of affected", "Share of residents",
      "Ratio",          "Flag"};
  int widths[] = {120, 100, 110, 125, 135, 60, 130};
  for (int i = 0; i < 7; ++i)
    table_->AppendColumn(wxString::FromUTF8(columns[i]),
                         i >= 2 && i <= 5 ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, widths[i]);
  right->Add(table_, 3, wxEXPAND | wxALL, 6);
  SetSizer(sizer);
}

void AffectedPage::set_share(int row, const std::string& text) {
  const auto& items = doc_.project().segments.items;
  if (!valid() || row < 0 || row >= static_cast<int>(items.size())) return;
  if (check_field_text(FieldKind::decimal, text)) return;  // not a number yet: wait for more typing
  const std::string code = items[static_cast<std::size_t>(row)].code;
  const Decimal share = *parse_decimal(text);
  guarded(this, [&] {
    edit_change(
        doc_, index_,
        [&](ServiceChange& c) {
          auto& list = c.affected_segments;
          auto it = std::find_if(list.begin(), list.end(),
                                 [&](const AffectedSegment& a) { return a.segment == code; });
          if (share == 0) {
            if (it != list.end()) list.erase(it);
          } else if (it == list.end()) {
            list.push_back({code, share});
          } else {
            it->share = share;
          }
        },
        "Edit share affected of segment " + code, path() + ".affected." + code);
  });
}

void AffectedPage::show(bool force) {
  const auto& scheme = doc_.project().segments;
  const int rows = static_cast<int>(scheme.items.size());
  if (force || segments_->GetNumberRows() != rows) {
    loading_ = true;
    if (segments_->GetNumberRows() > 0) segments_->DeleteRows(0, segments_->GetNumberRows());
    segments_->AppendRows(rows);
    for (int r = 0; r < rows; ++r) {
      const auto& seg = scheme.items[static_cast<std::size_t>(r)];
      segments_->SetCellValue(r, 0, wxString::FromUTF8(seg.code));
      segments_->SetCellValue(r, 1, wxString::FromUTF8(seg.name));
      segments_->SetCellValue(r, 2,
                              wxString::FromUTF8(to_grouped(decimal_from_int(seg.population), 0)));
      std::string share = "0";
      for (const auto& a : change().affected_segments)
        if (a.segment == seg.code) share = to_exact_string(a.share);
      segments_->SetCellValue(r, 3, wxString::FromUTF8(share));
      for (int c = 0; c < 3; ++c) segments_->SetReadOnly(r, c);
      segments_->SetCellAlignment(r, 2, wxALIGN_RIGHT, wxALIGN_CENTRE);
      segments_->SetCellAlignment(r, 3, wxALIGN_RIGHT, wxALIGN_CENTRE);
    }
    segments_->EnableEditing(!doc_.read_only());
    loading_ = false;
  }
  show_table();
}

void AffectedPage::show_table() {
  table_->DeleteAllItems();
  const auto result = doc_.affected(index_);
  if (!result) {
    summary_->SetLabel(
        _("This project has no segment profile, so affected people cannot be counted. Set one up "
          "with Project > Segment profiles...: build it from the 2021 Census or import a CSV."));
    return;
  }
  summary_->SetLabel(wxString::FromUTF8(
      "People affected: " + to_grouped(result->total, 0) + " of " + to_grouped(result->base, 0) +
      " residents. Flag at " + to_exact_string(doc_.project().project.flag_ratio) +
      " times a group's share of residents."));
  long row = 0;
  const EqiaTemplate* tmpl = eqia_template(doc_.project().project.jurisdiction);
  for (const auto& ch : result->characteristics)
    for (const auto& cat : ch.categories) {
      // A joint group (older and disabled), from a Census multivariate table.
      const bool joint = doc_.project().segments.intersections.count(ch.characteristic) > 0;
      const long item = table_->InsertItem(
          row++, wxString::FromUTF8(characteristic_display_name(tmpl, ch.characteristic) +
                                    (joint ? " (joint)" : "")));
      table_->SetItem(item, 1, wxString::FromUTF8(cat.category));
      table_->SetItem(item, 2, wxString::FromUTF8(to_grouped(cat.affected, 0)));
      table_->SetItem(item, 3,
                      cat.share ? wxString::FromUTF8(to_fixed(*cat.share * 100, 1) + "%") : "-");
      table_->SetItem(
          item, 4,
          cat.base_share ? wxString::FromUTF8(to_fixed(*cat.base_share * 100, 1) + "%") : "-");
      table_->SetItem(item, 5, cat.ratio ? wxString::FromUTF8(to_fixed(*cat.ratio, 2)) : "-");
      if (cat.flag) {
        table_->SetItem(item, 6, _("Over-represented"));
        table_->SetItemTextColour(item, problem_colour());
      }
    }
}

}  // namespace eqv::gui
