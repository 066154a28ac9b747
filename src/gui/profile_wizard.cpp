#include "profile_wizard.hpp"

#include "dialogs.hpp"
#include "pages.hpp"

#include "equivalue/core/disclosure.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/interchange/templates.hpp"
#include "equivalue/profiling/lookup.hpp"
#include "equivalue/profiling/profile_output.hpp"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/grid.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <exception>
#include <thread>
#include <utility>

namespace eqv::gui {
namespace {

// The columns of a transactions file the officer can choose, in the order shown.
struct ColumnField {
  const char* name;
  const char* label;
  std::string profiling::TransactionColumns::*member;
};
const ColumnField kColumnFields[] = {
    {"postcode", "Postcode", &profiling::TransactionColumns::postcode},
    {"area", "Output area", &profiling::TransactionColumns::area},
    {"channel", "Channel", &profiling::TransactionColumns::channel},
    {"service", "Service", &profiling::TransactionColumns::service},
    {"date", "Date", &profiling::TransactionColumns::date},
    {"customer", "Customer id", &profiling::TransactionColumns::customer},
};
const wxString kNotUsed = "(not used)";

// Thrown from the progress callback when the officer presses Cancel: the library stops
// reading, joins its threads and hands the exception back.
struct Cancelled {};

wxString utf8(const std::string& text) { return wxString::FromUTF8(text); }

void warn(wxWindow* parent, const wxString& text) {
  wxMessageBox(text, _("Customer profile"), wxOK | wxICON_WARNING, parent);
}

// A profiling message, with where the input it names is in this dialog.
std::string in_dialog_words(const std::exception& error) {
  const auto* field = dynamic_cast<const FieldError*>(&error);
  if (!field) return error.what();
  static const std::pair<const char*, const char*> places[] = {
      {"channel_costs", "Channel costs, under 1. Files"},
      {"lookup", "Lookups, under 1. Files"},
      {"segment_column", "the lookup files under 1. Files"},
      {"channel_column", "Channel, under 2. Columns"},
      {"location_column", "Postcode or Output area, under 2. Columns"},
      {"service_column", "Service, under 2. Columns"},
      {"duration", "Years the saving lasts, under 3. Channel swap"}};
  for (const auto& [name, place] : places)
    if (field->field() == name) return std::string(error.what()) + "\n\n(" + place + ")";
  return error.what();
}

}  // namespace

CustomerProfileDialog::CustomerProfileDialog(wxWindow* parent, ProjectDocument& doc, int change)
    : wxDialog(parent, wxID_ANY, _("Customer profile and channel swap"), wxDefaultPosition,
               wxSize(1180, 770), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      doc_(doc),
      change_(change) {
  wxSizer* files = build_files();
  wxSizer* cols = build_columns();
  wxSizer* profile = build_profile();
  wxSizer* swap = build_swap();
  auto* inputs = new wxBoxSizer(wxHORIZONTAL);
  inputs->Add(files, 1, wxEXPAND | wxALL, 2);
  inputs->Add(cols, 1, wxEXPAND | wxALL, 2);

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  add_ = new wxButton(this, wxID_ANY, "");
  add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_outcome(); });
  buttons->Add(add_, 0, wxALL, 4);
  buttons->AddStretchSpacer();
  buttons->Add(new wxButton(this, wxID_CANCEL, _("&Close")), 0, wxALL, 4);
  SetEscapeId(wxID_CANCEL);

  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(inputs, 0, wxEXPAND | wxALL, 2);
  top->Add(profile, 1, wxEXPAND | wxALL, 4);
  top->Add(swap, 0, wxEXPAND | wxALL, 4);
  top->Add(buttons, 0, wxEXPAND | wxALL, 2);
  SetSizer(top);
  update_add_button();
  Layout();
  CentreOnParent();
}

wxSizer* CustomerProfileDialog::build_files() {
  // 1. Files.
  auto* files = new wxStaticBoxSizer(wxVERTICAL, this, _("1. Files"));
  auto* file_grid = new wxFlexGridSizer(2, wxSize(6, 4));
  file_grid->AddGrowableCol(1);
  auto picker = [&](const wxString& label, const wxString& wildcard) {
    file_grid->Add(new wxStaticText(files->GetStaticBox(), wxID_ANY, label), 0,
                   wxALIGN_CENTER_VERTICAL);
    auto* p = new wxFilePickerCtrl(files->GetStaticBox(), wxID_ANY, "", label, wildcard,
                                   wxDefaultPosition, wxDefaultSize,
                                   wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
    file_grid->Add(p, 1, wxEXPAND);
    return p;
  };
  const wxString csv = _("CSV files (*.csv)|*.csv|All files|*");
  transactions_picker_ = picker(_("Transactions (one row per contact)"), csv);
  lookup_pickers_[0] = picker(_("Postcode or area lookup"), csv);
  lookup_pickers_[1] = picker(_("Second lookup (optional)"), csv);
  costs_picker_ = picker(_("Channel costs (optional)"), csv);
  files->Add(file_grid, 0, wxEXPAND | wxALL, 4);
  auto* files_note = new wxStaticText(
      files->GetStaticBox(), wxID_ANY,
      _("ONS layouts: postcode to output area (pcds, oa21cd); output area to segment "
        "(oa21cd, supergroup). No cost file: Socitm 2012 costs."));
  files_note->Wrap(540);
  files->Add(files_note, 0, wxALL, 4);

  transactions_picker_->Bind(wxEVT_FILEPICKER_CHANGED, [this](wxFileDirPickerEvent& e) {
    set_transactions(e.GetPath().utf8_string());
  });
  auto lookups_changed = [this](wxFileDirPickerEvent&) {
    std::vector<std::string> chosen;
    for (auto* p : lookup_pickers_)
      if (!p->GetPath().empty()) chosen.push_back(p->GetPath().utf8_string());
    lookups_ = chosen;
  };
  for (auto* p : lookup_pickers_) p->Bind(wxEVT_FILEPICKER_CHANGED, lookups_changed);
  costs_picker_->Bind(wxEVT_FILEPICKER_CHANGED,
                      [this](wxFileDirPickerEvent& e) { costs_file_ = e.GetPath().utf8_string(); });

  return files;
}

wxSizer* CustomerProfileDialog::build_columns() {
  // 2. Columns.
  auto* cols =
      new wxStaticBoxSizer(wxVERTICAL, this, _("2. Columns found in the transactions file"));
  auto* col_grid = new wxFlexGridSizer(4, wxSize(6, 4));
  col_grid->AddGrowableCol(1);
  col_grid->AddGrowableCol(3);
  for (const auto& f : kColumnFields) {
    col_grid->Add(new wxStaticText(cols->GetStaticBox(), wxID_ANY, wxGetTranslation(f.label)), 0,
                  wxALIGN_CENTER_VERTICAL);
    auto* choice = new wxChoice(cols->GetStaticBox(), wxID_ANY);
    choice->Append(kNotUsed);
    choice->SetSelection(0);
    col_grid->Add(choice, 1, wxEXPAND);
    columns_[f.name] = choice;
  }
  cols->Add(col_grid, 0, wxEXPAND | wxALL, 4);
  run_ = new wxButton(cols->GetStaticBox(), wxID_ANY, _("&Profile the transactions"));
  run_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { run_profile(); });
  cols->Add(run_, 0, wxALL, 4);

  return cols;
}

wxSizer* CustomerProfileDialog::build_profile() {
  // 3. The profile, as it may be shown to anyone.
  auto* profile = new wxStaticBoxSizer(wxVERTICAL, this, _("3. Who uses the service, by segment"));
  wxWindow* pbox = profile->GetStaticBox();
  summary_ =
      new wxStaticText(pbox, wxID_ANY, _("Choose the files and press Profile the transactions."));
  profile->Add(summary_, 0, wxALL, 2);
  grid_ = new wxGrid(pbox, wxID_ANY);
  grid_->CreateGrid(0, 0);
  grid_->EnableEditing(false);
  grid_->SetRowLabelSize(0);
  profile->Add(grid_, 1, wxEXPAND | wxALL, 2);
  statement_ = new wxStaticText(pbox, wxID_ANY, "");
  profile->Add(statement_, 0, wxALL | wxEXPAND, 2);

  return profile;
}

wxSizer* CustomerProfileDialog::build_swap() {
  // 4. Channel swap, in one band beneath the profile it is worked from.
  auto* swap = new wxStaticBoxSizer(wxHORIZONTAL, this, _("4. Channel swap"));
  wxWindow* box = swap->GetStaticBox();
  auto* pick = new wxBoxSizer(wxVERTICAL);
  pick->Add(new wxStaticText(box, wxID_ANY, _("Segments whose contacts move")), 0, wxBOTTOM, 2);
  segments_ = new wxCheckListBox(box, wxID_ANY, wxDefaultPosition, wxSize(250, 110));
  for (const auto& s : doc_.project().segments.items)
    segments_->Append(utf8(s.code + "  " + s.name));
  pick->Add(segments_, 1, wxEXPAND);
  swap->Add(pick, 0, wxEXPAND | wxALL, 4);
  auto* channels = new wxBoxSizer(wxVERTICAL);
  channels->Add(new wxStaticText(box, wxID_ANY, _("Contacts moved from")), 0, wxBOTTOM, 2);
  from_ = new wxCheckListBox(box, wxID_ANY, wxDefaultPosition, wxSize(130, 110));
  channels->Add(from_, 1, wxEXPAND);
  swap->Add(channels, 0, wxEXPAND | wxALL, 4);
  auto* swap_grid = new wxFlexGridSizer(2, wxSize(6, 4));
  swap_grid->Add(new wxStaticText(box, wxID_ANY, _("Share moved to the web (0 to 1)")), 0,
                 wxALIGN_CENTER_VERTICAL);
  share_ = new wxTextCtrl(box, wxID_ANY, "0.2", wxDefaultPosition, wxSize(80, -1));
  swap_grid->Add(share_, 0);
  swap_grid->Add(new wxStaticText(box, wxID_ANY, _("Days the transactions file covers")), 0,
                 wxALIGN_CENTER_VERTICAL);
  period_ = new wxTextCtrl(box, wxID_ANY, "365", wxDefaultPosition, wxSize(80, -1));
  swap_grid->Add(period_, 0);
  swap_grid->Add(new wxStaticText(box, wxID_ANY, _("Years the saving lasts")), 0,
                 wxALIGN_CENTER_VERTICAL);
  years_ = new wxSpinCtrl(box, wxID_ANY, "1", wxDefaultPosition, wxSize(80, -1), wxSP_ARROW_KEYS, 1,
                          30, 1);
  swap_grid->Add(years_, 0);
  auto* settings = new wxBoxSizer(wxVERTICAL);
  settings->Add(swap_grid, 0, wxBOTTOM, 4);
  work_out_ = new wxButton(box, wxID_ANY, _("&Work out the saving"));
  work_out_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { work_out_swap(); });
  settings->Add(work_out_, 0);
  swap->Add(settings, 0, wxALL, 4);
  auto* outcome = new wxBoxSizer(wxVERTICAL);
  saving_ = new wxStaticText(box, wxID_ANY, "");
  saving_->SetFont(saving_->GetFont().Bold());
  outcome->Add(saving_, 0, wxBOTTOM, 6);
  prompt_ = new wxStaticText(box, wxID_ANY, "");
  outcome->Add(prompt_, 0, wxEXPAND);
  swap->Add(outcome, 1, wxEXPAND | wxALL, 4);
  fill_from_channels();

  return swap;
}

bool CustomerProfileDialog::set_transactions(const std::string& path) {
  profiling::TransactionsPreview preview;
  try {
    preview = profiling::preview_transactions(path);
  } catch (const std::exception& e) {
    warn(this, _("The transactions file cannot be used.\n\n") + utf8(in_dialog_words(e)));
    return false;
  }
  transactions_ = path;
  if (transactions_picker_->GetPath().utf8_string() != path)
    transactions_picker_->SetPath(utf8(path));
  for (const auto& f : kColumnFields) {
    wxChoice* choice = columns_.at(f.name);
    choice->Clear();
    choice->Append(kNotUsed);
    for (const auto& h : preview.header) choice->Append(utf8(h));
    const std::string& found = preview.detected.*f.member;
    const int at = found.empty() ? 0 : choice->FindString(utf8(found), true);
    choice->SetSelection(at == wxNOT_FOUND ? 0 : at);
  }
  return true;
}

void CustomerProfileDialog::set_lookups(const std::vector<std::string>& files) {
  lookups_ = files;
  for (std::size_t i = 0; i < 2; ++i)
    lookup_pickers_[i]->SetPath(i < files.size() ? utf8(files[i]) : wxString());
}

void CustomerProfileDialog::set_channel_costs(const std::string& path) {
  costs_file_ = path;
  costs_picker_->SetPath(utf8(path));
}

bool CustomerProfileDialog::set_column(const std::string& field, const std::string& header) {
  auto it = columns_.find(field);
  if (it == columns_.end()) return false;
  const int at = header.empty() ? 0 : it->second->FindString(utf8(header), true);
  if (at == wxNOT_FOUND) return false;
  it->second->SetSelection(at);
  return true;
}

std::string CustomerProfileDialog::column(const std::string& field) const {
  auto it = columns_.find(field);
  if (it == columns_.end() || it->second->GetSelection() <= 0) return {};
  return it->second->GetStringSelection().utf8_string();
}

profiling::TransactionColumns CustomerProfileDialog::chosen_columns() const {
  profiling::TransactionColumns chosen;
  for (const auto& f : kColumnFields) chosen.*f.member = column(f.name);
  return chosen;
}

bool CustomerProfileDialog::run_profile(bool show_progress) {
  if (!ready_to_profile()) return false;
  const Project& project = doc_.project();

  // Everything the worker needs, copied: it must not touch the windows or the document.
  const SegmentScheme scheme = project.segments;
  const auto overrides = project.project.channel_costs;
  const std::string costs_file = costs_file_;
  const std::string transactions = transactions_;
  const std::vector<std::string> lookups = lookups_;
  profiling::ProfileOptions options;
  options.columns = chosen_columns();
  options.match_by_area = options.columns.postcode.empty();

  std::atomic<bool> cancel{false}, finished{false};
  std::atomic<int> stage{0};
  std::atomic<std::uint64_t> done{0}, total{0};
  std::exception_ptr failure;
  std::optional<profiling::ProfileResult> result;
  std::optional<profiling::ChannelCosts> costs;
  auto progress = [&](std::uint64_t d, std::uint64_t t) {
    if (cancel) throw Cancelled{};
    done = d;
    total = t;
  };
  std::thread worker([&] {
    try {
      profiling::LookupOptions lookup_options;
      lookup_options.progress = progress;
      const profiling::AreaLookup lookup = profiling::load_lookups(lookups, scheme, lookup_options);
      costs = costs_file.empty() ? profiling::installed_channel_costs()
                                 : profiling::read_channel_costs(costs_file);
      profiling::apply_cost_overrides(*costs, overrides);
      done = 0;
      stage = 1;
      options.progress = progress;
      result = profiling::profile_transactions(transactions, lookup, scheme, *costs, options);
    } catch (...) {
      failure = std::current_exception();
    }
    finished = true;
  });
  {
    // Lookups are the first 30% of the bar, the transactions the rest.
    std::optional<wxProgressDialog> dialog;
    if (show_progress)
      dialog.emplace(_("Customer profile"), _("Reading the lookups..."), 1000, this,
                     wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME);
    while (!finished) {
      if (dialog) {
        const std::uint64_t t = total, d = done;
        const double part = t ? static_cast<double>(std::min(d, t)) / static_cast<double>(t) : 0.0;
        const int value =
            stage == 0 ? static_cast<int>(300 * part) : 300 + static_cast<int>(699 * part);
        if (!dialog->Update(
                value, stage == 0 ? _("Reading the lookups...") : _("Reading the transactions...")))
          cancel = true;
      }
      wxMilliSleep(30);
    }
  }
  worker.join();
  if (failure) {
    report_failure(failure);
    return false;
  }
  profile_ = std::move(result);
  costs_ = std::move(costs);
  swap_.reset();
  saving_->SetLabel("");
  prompt_->SetLabel("");
  show_profile();
  fill_from_channels();
  update_add_button();
  return true;
}

// The files and columns a profile needs, each missing one said once.
bool CustomerProfileDialog::ready_to_profile() {
  if (transactions_.empty()) {
    warn(this, _("Choose the transactions file first (1. Files)."));
    return false;
  }
  if (lookups_.empty()) {
    warn(this, _("Choose a postcode or output-area lookup first (1. Files)."));
    return false;
  }
  if (doc_.project().segments.items.empty()) {
    warn(this, _("This project has no segments yet. Add the segment profile of the area to the "
                 "project, then "
                 "profile the transactions against it."));
    return false;
  }
  if (column("channel").empty()) {
    warn(this, _("Choose the column that holds the contact channel (2. Columns)."));
    return false;
  }
  if (column("postcode").empty() && column("area").empty()) {
    warn(this, _("Choose the column that holds the postcode or the output area (2. Columns)."));
    return false;
  }
  return true;
}

void CustomerProfileDialog::report_failure(std::exception_ptr failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const Cancelled&) {
    summary_->SetLabel(_("Cancelled: nothing was profiled."));
  } catch (const InputError& e) {
    warn(this, _("The customer profile could not be made.\n\n") + utf8(in_dialog_words(e)));
  } catch (const std::exception& e) {
    warn(this, _("The customer profile could not be made because of a fault in Equivalue. Please "
                 "report it "
                 "with this message:\n\n") +
                   utf8(e.what()));
  }
}

void CustomerProfileDialog::show_profile() {
  const profiling::ProfileResult& p = *profile_;
  const int threshold = doc_.project().project.disclosure_threshold;
  const profiling::PublishedProfile pub = profiling::publish_profile(p, std::max(1, threshold));

  std::vector<wxString> headings{_("Segment"), _("Name"), _("Contacts")};
  if (pub.by_customer) headings.push_back(_("Customers"));
  headings.insert(headings.end(),
                  {pub.by_customer ? _("Share of customers") : _("Share of contacts"),
                   _("Share of residents"), _("Index")});
  for (const auto& c : pub.channels) headings.push_back(utf8(c));
  headings.push_back(wxString::FromUTF8("Cost (£)"));

  grid_->BeginBatch();
  if (grid_->GetNumberRows()) grid_->DeleteRows(0, grid_->GetNumberRows());
  if (grid_->GetNumberCols()) grid_->DeleteCols(0, grid_->GetNumberCols());
  grid_->AppendCols(static_cast<int>(headings.size()));
  for (std::size_t c = 0; c < headings.size(); ++c)
    grid_->SetColLabelValue(static_cast<int>(c), headings[c]);
  auto row_cells = [&](const profiling::PublishedSegment& s) {
    std::vector<std::string> cells{s.segment, s.name, s.transactions.text};
    if (pub.by_customer) cells.push_back(s.customers.text);
    cells.insert(cells.end(), {s.share.text, s.base_share.text, s.index.text});
    for (const auto& ch : s.channels) cells.push_back(ch.text);
    cells.push_back(s.cost.text);
    return cells;
  };
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : pub.segments) rows.push_back(row_cells(s));
  auto total = row_cells(pub.total);
  total[0] = "Total";
  rows.push_back(total);
  grid_->AppendRows(static_cast<int>(rows.size()));
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[r].size() && c < headings.size(); ++c) {
      grid_->SetCellValue(static_cast<int>(r), static_cast<int>(c), utf8(rows[r][c]));
      if (c != 1)
        grid_->SetCellAlignment(static_cast<int>(r), static_cast<int>(c), wxALIGN_RIGHT,
                                wxALIGN_CENTRE);
    }
  grid_->AutoSizeColumns(false);
  grid_->EndBatch();

  std::string summary = "Contacts read: " + pub.rows.text +
                        ", given a segment: " + pub.matched.text + " (matched by " + p.matched_by +
                        ")";
  if (!p.unpriced_channels.empty())
    summary += "; some channels have no price and are left out of the cost";
  summary_->SetLabel(utf8(summary));
  statement_->SetLabel(
      utf8("Disclosure control is applied on this screen as in any published table, because a "
           "screen can be copied. " +
           pub.statement));
  statement_->Wrap(std::max(300, grid_->GetSize().x));
  Layout();
}

void CustomerProfileDialog::fill_from_channels() {
  // The channels contacts can move from: every priced channel seen other than the web
  // (before a profile: face-to-face and telephone, the usual pair).
  std::vector<std::string> names;
  if (profile_ && costs_) {
    for (const auto& c : profile_->channel_order)
      if (c != profiling::kWeb && costs_->unit_cost(c)) names.push_back(c);
  } else {
    names = {profiling::kFaceToFace, profiling::kTelephone};
  }
  from_->Clear();
  for (const auto& n : names) {
    const int at = from_->Append(utf8(n));
    from_->Check(static_cast<unsigned>(at),
                 n == profiling::kFaceToFace || n == profiling::kTelephone);
  }
}

bool CustomerProfileDialog::set_swap(const std::vector<std::string>& segments,
                                     const std::string& share, const std::vector<std::string>& from,
                                     const std::string& period_days) {
  const auto& items = doc_.project().segments.items;
  for (unsigned i = 0; i < segments_->GetCount(); ++i)
    segments_->Check(
        i, std::find(segments.begin(), segments.end(), items.at(i).code) != segments.end());
  for (unsigned i = 0; i < from_->GetCount(); ++i)
    from_->Check(
        i, std::find(from.begin(), from.end(), from_->GetString(i).utf8_string()) != from.end());
  share_->ChangeValue(utf8(share));
  period_->ChangeValue(utf8(period_days));
  return work_out_swap();
}

bool CustomerProfileDialog::work_out_swap() {
  if (!profile_ || !costs_) {
    warn(this, _("Profile the transactions first (2. Columns, Profile the transactions)."));
    return false;
  }
  profiling::ChannelSwap swap;
  const auto& items = doc_.project().segments.items;
  for (unsigned i = 0; i < segments_->GetCount(); ++i)
    if (segments_->IsChecked(i)) swap.segments.push_back(items.at(i).code);
  swap.from.clear();
  for (unsigned i = 0; i < from_->GetCount(); ++i)
    if (from_->IsChecked(i)) swap.from.push_back(from_->GetString(i).utf8_string());
  if (swap.segments.empty() || swap.from.empty()) {
    warn(this, _("Tick at least one segment and one channel the contacts move from."));
    return false;
  }
  const auto share = parse_decimal(share_->GetValue().utf8_string());
  if (!share || *share < 0 || *share > 1) {
    warn(
        this,
        _("The share moved is a number from 0 to 1, for example 0.2 for a fifth of the contacts."));
    return false;
  }
  const auto days = parse_decimal(period_->GetValue().utf8_string());
  if (!days || *days <= 0) {
    warn(this, _("The days the transactions file covers is a number more than 0, for example 365 "
                 "for a year."));
    return false;
  }
  swap.share = *share;
  swap.period_days = *days;
  try {
    swap_ = profiling::channel_swap(*profile_, *costs_, doc_.project().segments, swap,
                                    doc_.project().project.flag_ratio);
  } catch (const std::exception& e) {
    swap_.reset();
    warn(this, _("The channel swap cannot be worked out.\n\n") + utf8(in_dialog_words(e)));
    update_add_button();
    return false;
  }
  // Contacts moved are a count of people's contacts: shown under the same rule.
  const DisclosedCell moved = disclose_count(
      whole_people(swap_->moved), std::max(1, doc_.project().project.disclosure_threshold));
  saving_->SetLabel(utf8("Yearly saving: £" + to_grouped(swap_->yearly_saving, 2) +
                         "   (contacts moved a year: " + moved.text + ")"));
  // The prompt is written for the EqIA with its own line breaks: here it is one paragraph.
  std::string prompt = swap_->exclusion_prompt
                           ? swap_->prompt
                           : std::string(
                                 "Digital exclusion: older and disabled people are not "
                                 "over-represented in the segments moved.");
  std::replace(prompt.begin(), prompt.end(), '\n', ' ');
  prompt_->SetLabel(utf8(prompt));
  prompt_->SetForegroundColour(swap_->exclusion_prompt ? problem_colour() : GetForegroundColour());
  prompt_->Wrap(
      std::max(200, prompt_->GetParent()->GetClientSize().x - prompt_->GetPosition().x - 12));
  update_add_button();
  Layout();
  return true;
}

void CustomerProfileDialog::update_add_button() {
  const bool has_change = change_ >= 0 && change_ < doc_.change_count();
  add_->SetLabel(has_change ? utf8("Add as an outcome to " + doc_.change(change_).id + " " +
                                   doc_.change(change_).title)
                            : _("Add as an outcome (select a service change first)"));
  add_->Enable(has_change && swap_.has_value() && !doc_.read_only());
  Layout();
}

bool CustomerProfileDialog::add_outcome() {
  if (!swap_ || change_ < 0 || change_ >= doc_.change_count()) return false;
  profiling::SavingDestination destination;
  destination.duration = years_->GetValue();
  const profiling::ChannelSwapResult result = *swap_;
  profiling::AddedSaving added;
  const bool ok = guarded(this, [&] {
    const EqiaTemplate* tmpl = cached_eqia_template(doc_.project().project.jurisdiction);
    doc_.edit(
        [&](Project& p) {
          added = profiling::add_saving_to_change(p, static_cast<std::size_t>(change_), result,
                                                  destination, tmpl);
        },
        "Add the channel swap saving as an outcome", change_, {}, true);
  });
  if (ok) {
    added_ = true;
    saving_->SetLabel(saving_->GetLabel() + utf8("   - added as outcome " + added.outcome_id));
    if (!added.eqia_note.empty()) {
      prompt_->SetLabel(prompt_->GetLabel() + "\n" + utf8(added.eqia_note));
      Layout();
    }
  }
  return ok;
}

wxString CustomerProfileDialog::saving_text() const { return saving_->GetLabel(); }
wxString CustomerProfileDialog::prompt_text() const { return prompt_->GetLabel(); }
wxString CustomerProfileDialog::statement_text() const { return statement_->GetLabel(); }

bool ShowCustomerProfile(wxWindow* parent, ProjectDocument& doc, int change) {
  CustomerProfileDialog dialog(parent, doc, change);
  dialog.ShowModal();
  return dialog.outcome_added();
}

}  // namespace eqv::gui
