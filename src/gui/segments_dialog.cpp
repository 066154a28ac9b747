#include "segments_dialog.hpp"

#include "dialogs.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/interchange/templates.hpp"
#include "equivalue/profiling/census.hpp"
#include "equivalue/storage/project_file.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/filepicker.h>
#include <wx/grid.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <sstream>
#include <thread>

namespace eqv::gui {
namespace {

struct Cancelled {};

const char* const kSchemes[] = {"oac2021-supergroup", "oac2021-group", "oac2021-subgroup", "own"};
constexpr int kFixedColumns = 3;  // Code, Name, Population
const wxColour kProblemColour(255, 214, 214);

wxString utf8(const std::string& text) { return wxString::FromUTF8(text); }

// "segments.items[3].composition.age.65+" -> row 3 and what follows the index.
bool split_item_path(const std::string& path, int& row, std::string& rest) {
  const std::string prefix = "segments.items[";
  if (path.rfind(prefix, 0) != 0) return false;
  const auto close = path.find(']', prefix.size());
  if (close == std::string::npos) return false;
  row = std::stoi(path.substr(prefix.size(), close - prefix.size()));
  rest = close + 1 < path.size() ? path.substr(close + 2) : std::string();
  return true;
}

std::vector<std::string> split_codes(const std::string& text) {
  std::vector<std::string> codes;
  std::string code;
  std::istringstream in(text);
  while (in >> code) {
    while (!code.empty() && code.back() == ',') code.pop_back();
    if (!code.empty()) codes.push_back(code);
  }
  return codes;
}

// A small form for what a build from the Census needs.
class CensusFilesDialog : public wxDialog {
 public:
  explicit CensusFilesDialog(wxWindow* parent)
      : wxDialog(parent, wxID_ANY, _("Build from the 2021 Census")) {
    auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
    grid->AddGrowableCol(1);
    auto row = [&](const wxString& label, wxWindow* control, const wxString& help) {
      grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
      auto* box = new wxBoxSizer(wxVERTICAL);
      box->Add(control, 0, wxEXPAND);
      box->Add(new wxStaticText(this, wxID_ANY, help), 0, wxTOP, 2);
      grid->Add(box, 1, wxEXPAND);
    };
    oac_ = new wxFilePickerCtrl(this, wxID_ANY, "", _("The Output Area Classification lookup"),
                                "CSV (*.csv)|*.csv");
    census_ = new wxDirPickerCtrl(this, wxID_ANY, "", _("The folder of Census tables"));
    areas_ = new wxTextCtrl(this, wxID_ANY);
    lookup_ = new wxFilePickerCtrl(this, wxID_ANY, "", _("Output area to local authority lookup"),
                                   "CSV (*.csv)|*.csv");
    row(_("OAC lookup"), oac_, _("oac21ew.csv from CDRC: oa21cd, supergroup, group, subgroup"));
    row(_("Census tables"), census_,
        _("The folder holding census2021-ts007a-oa.csv and the other NOMIS bulk tables"));
    row(_("Local authorities"), areas_,
        _("Codes such as E06000001, or output areas; empty = every area"));
    row(_("Authority lookup"), lookup_,
        _("Output area to local authority (OA21CD ... LAD22CD), for authority codes"));
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(grid, 1, wxEXPAND | wxALL, 10);
    top->Add(CreateButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(top);
    SetSize(wxSize(720, -1));
  }
  CensusBuildRequest request() const {
    return {oac_->GetPath().utf8_string(), census_->GetPath().utf8_string(),
            split_codes(areas_->GetValue().utf8_string()), lookup_->GetPath().utf8_string()};
  }

 private:
  wxFilePickerCtrl* oac_;
  wxDirPickerCtrl* census_;
  wxTextCtrl* areas_;
  wxFilePickerCtrl* lookup_;
};

}  // namespace

SegmentProfilesDialog::SegmentProfilesDialog(wxWindow* parent, ProjectDocument& doc)
    : wxDialog(parent, wxID_ANY, _("Segment profiles"), wxDefaultPosition, wxSize(1100, 640),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      doc_(doc) {
  auto* top = new wxBoxSizer(wxVERTICAL);
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(new wxStaticText(this, wxID_ANY, _("Segment scheme")), 0,
           wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
  scheme_ = new wxChoice(this, wxID_ANY);
  scheme_->Append(_("2021 Output Area Classification: supergroups (8)"));
  scheme_->Append(_("2021 Output Area Classification: groups (21)"));
  scheme_->Append(_("2021 Output Area Classification: subgroups (52)"));
  scheme_->Append(_("The council's own, Mosaic or Acorn (import a CSV)"));
  bar->Add(scheme_, 0, wxRIGHT, 12);
  auto* build = new wxButton(this, wxID_ANY, _("&Build from the Census..."));
  auto* import_button = new wxButton(this, wxID_ANY, _("&Import CSV..."));
  bar->Add(build, 0, wxRIGHT, 6);
  bar->Add(import_button, 0);
  top->Add(bar, 0, wxALL, 8);
  top->Add(
      new wxStaticText(
          this, wxID_ANY,
          _("Each segment's population and the share of its people in each group. Type to correct "
            "a figure; a problem is shown in red beside its cell and in the last column.")),
      0, wxLEFT | wxRIGHT, 8);
  grid_ = new wxGrid(this, wxID_ANY);
  grid_->CreateGrid(0, 0);
  grid_->SetRowLabelSize(0);
  top->Add(grid_, 1, wxEXPAND | wxALL, 8);
  summary_ = new wxStaticText(this, wxID_ANY, "");
  top->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
  attribution_ = new wxStaticText(this, wxID_ANY, "");
  attribution_->SetForegroundColour(wxColour(90, 90, 90));
  top->Add(attribution_, 0, wxEXPAND | wxALL, 8);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->AddStretchSpacer();
  buttons->Add(new wxButton(this, wxID_CANCEL, _("&Close")), 0);
  top->Add(buttons, 0, wxEXPAND | wxALL, 8);
  SetSizer(top);
  SetEscapeId(wxID_CANCEL);

  const std::string& current = doc_.project().segments.scheme;
  int selection = 0;
  for (int i = 0; i < 4; ++i)
    if (current == kSchemes[i]) selection = i;
  if (!current.empty() && current.rfind("oac2021-", 0) != 0) {
    selection = 3;
    own_scheme_ = current;
  }
  scheme_->SetSelection(selection);
  scheme_->Bind(wxEVT_CHOICE,
                [this](wxCommandEvent&) { choose_scheme(kSchemes[scheme_->GetSelection()]); });
  build->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ask_census(); });
  import_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ask_import(); });
  grid_->Bind(wxEVT_GRID_CELL_CHANGED, &SegmentProfilesDialog::on_cell_changed, this);
  // A redraw queued before Destroy() is dropped: the document may be gone by then.
  listener_ = doc_.listen([this](const DocumentEvent&) {
    CallAfter([this] {
      if (!IsBeingDeleted()) show();
    });
  });
  show();
}

SegmentProfilesDialog::~SegmentProfilesDialog() { stop_listening(); }

// Destroy() deletes the dialog later, when the document it shows may already be gone, so
// it stops listening now.
bool SegmentProfilesDialog::Destroy() {
  stop_listening();
  return wxDialog::Destroy();
}

void SegmentProfilesDialog::stop_listening() {
  if (listener_) doc_.unlisten(listener_);
  listener_ = 0;
}

void SegmentProfilesDialog::warn(const wxString& text) {
  last_message_ = text.utf8_string();
  if (!quiet_) wxMessageBox(text, _("Segment profiles"), wxOK | wxICON_WARNING, this);
}

std::string SegmentProfilesDialog::chosen_level() const {
  const int i = scheme_->GetSelection();
  return i >= 0 && i < 3 ? std::string(kSchemes[i]).substr(8) : std::string();
}

bool SegmentProfilesDialog::choose_scheme(const std::string& scheme) {
  for (int i = 0; i < 4; ++i)
    if (scheme == kSchemes[i]) {
      scheme_->SetSelection(i);
      const std::string& current = doc_.project().segments.scheme;
      if (!doc_.project().segments.items.empty() && current != scheme &&
          !(i == 3 && current.rfind("oac2021-", 0) != 0))
        summary_->SetLabel(
            _("The table still holds the segments of the scheme before. Build from the Census or "
              "import a CSV to replace them."));
      return true;
    }
  warn(utf8("\"" + scheme + "\" is not a scheme Equivalue knows."));
  return false;
}

void SegmentProfilesDialog::show() {
  loading_ = true;
  const SegmentScheme& s = doc_.project().segments;
  share_columns_.clear();
  for (const auto& ch : s.characteristics)
    for (const auto& cat : ch.categories) share_columns_.emplace_back(ch.name, cat);
  const int cols = kFixedColumns + static_cast<int>(share_columns_.size()) + 1;
  const int rows = static_cast<int>(s.items.size());
  if (grid_->GetNumberRows() > 0) grid_->DeleteRows(0, grid_->GetNumberRows());
  if (grid_->GetNumberCols() > 0) grid_->DeleteCols(0, grid_->GetNumberCols());
  grid_->AppendCols(cols);
  grid_->AppendRows(rows);
  grid_->SetColLabelValue(0, _("Code"));
  grid_->SetColLabelValue(1, _("Name"));
  grid_->SetColLabelValue(2, _("Population"));
  for (std::size_t c = 0; c < share_columns_.size(); ++c) {
    const auto& [ch, cat] = share_columns_[c];
    const bool joint = s.intersections.count(ch) > 0;
    grid_->SetColLabelValue(kFixedColumns + static_cast<int>(c),
                            utf8(ch + (joint ? " (joint)" : "") + "\n" + cat));
  }
  grid_->SetColLabelValue(cols - 1, _("Problems"));
  grid_->SetColLabelSize(40);
  for (int r = 0; r < rows; ++r) {
    const Segment& seg = s.items[static_cast<std::size_t>(r)];
    grid_->SetCellValue(r, 0, utf8(seg.code));
    grid_->SetReadOnly(r, 0);
    grid_->SetCellValue(r, 1, utf8(seg.name));
    grid_->SetCellValue(r, 2, wxString::Format("%lld", static_cast<long long>(seg.population)));
    grid_->SetCellAlignment(r, 2, wxALIGN_RIGHT, wxALIGN_CENTRE);
    for (std::size_t c = 0; c < share_columns_.size(); ++c) {
      const int col = kFixedColumns + static_cast<int>(c);
      const auto comp = seg.composition.find(share_columns_[c].first);
      std::string text;
      if (comp != seg.composition.end()) {
        const auto share = comp->second.find(share_columns_[c].second);
        if (share != comp->second.end()) text = to_exact_string(share->second);
      }
      grid_->SetCellValue(r, col, utf8(text));
      grid_->SetCellAlignment(r, col, wxALIGN_RIGHT, wxALIGN_CENTRE);
    }
    grid_->SetReadOnly(r, cols - 1);
  }
  const bool editable = !doc_.read_only();
  grid_->EnableEditing(editable);
  show_problems();
  grid_->AutoSizeColumns(false);
  if (cols > 1) grid_->SetColSize(1, std::min(grid_->GetColSize(1), 260));
  if (cols > 0) grid_->SetColSize(cols - 1, std::max(grid_->GetColSize(cols - 1), 320));
  loading_ = false;
  Layout();
}

void SegmentProfilesDialog::show_problems() {
  const SegmentScheme& s = doc_.project().segments;
  const int rows = grid_->GetNumberRows(), cols = grid_->GetNumberCols();
  problems_.assign(static_cast<std::size_t>(rows),
                   std::vector<std::string>(static_cast<std::size_t>(cols)));
  std::vector<std::string> row_text(static_cast<std::size_t>(rows)), general;
  for (const Problem& p : validate(doc_.project())) {
    if (p.path.rfind("segments", 0) != 0) continue;
    int row = -1;
    std::string rest;
    if (!split_item_path(p.path, row, rest) || row < 0 || row >= rows) {
      general.push_back(p.text());
      continue;
    }
    int col = cols - 1;
    if (rest == "code")
      col = 0;
    else if (rest == "name")
      col = 1;
    else if (rest == "population")
      col = 2;
    else if (rest.rfind("composition.", 0) == 0) {
      const std::string tail = rest.substr(12);
      for (std::size_t c = 0; c < share_columns_.size(); ++c) {
        const auto& [ch, cat] = share_columns_[c];
        if (tail == ch + "." + cat || (tail == ch && col == cols - 1))
          col = kFixedColumns + static_cast<int>(c);
      }
    }
    auto& cell = problems_[static_cast<std::size_t>(row)][static_cast<std::size_t>(col)];
    cell += (cell.empty() ? "" : "; ") + p.message;
    auto& text = row_text[static_cast<std::size_t>(row)];
    const std::string where =
        col == cols - 1 ? "" : grid_->GetColLabelValue(col).utf8_string() + ": ";
    text += (text.empty() ? "" : "; ") + where + p.message;
  }
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c)
      grid_->SetCellBackgroundColour(
          r, c,
          problems_[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)].empty()
              ? grid_->GetDefaultCellBackgroundColour()
              : kProblemColour);
    for (auto& ch : row_text[static_cast<std::size_t>(r)])
      if (ch == '\n') ch = ' ';
    grid_->SetCellValue(r, cols - 1, utf8(row_text[static_cast<std::size_t>(r)]));
  }
  std::int64_t people = 0;
  for (const auto& seg : s.items) people += seg.population;
  std::string summary;
  if (s.items.empty())
    summary = "No segment profile yet: build one from the 2021 Census or import a CSV.";
  else
    summary = std::to_string(s.items.size()) + " segments of " +
              (s.scheme.empty() ? "the council's scheme" : s.scheme) + ", " +
              to_grouped(decimal_from_int(people), 0) + " residents.";
  std::size_t count = general.size();
  for (const auto& r : problems_)
    for (const auto& c : r) count += c.empty() ? 0 : 1;
  if (count) summary += " " + std::to_string(count) + " problem(s) to put right (in red).";
  for (const auto& g : general) summary += "\n" + g;
  summary_->SetLabel(utf8(summary));
  const auto classification =
      s.scheme.rfind("oac2021-", 0) == 0 ? find_classification("oac2021") : std::nullopt;
  attribution_->SetLabel(classification
                             ? utf8(load_classification("oac2021").attribution +
                                    " Census 2021: Office for National Statistics, Open Government "
                                    "Licence v3.0.")
                             : wxString());
}

bool SegmentProfilesDialog::set_cell(int row, int col, const std::string& text) {
  const SegmentScheme& s = doc_.project().segments;
  if (doc_.read_only() || row < 0 || row >= static_cast<int>(s.items.size()) || col < 1 ||
      col >= kFixedColumns + static_cast<int>(share_columns_.size())) {
    show();
    return false;
  }
  const std::string code = s.items[static_cast<std::size_t>(row)].code;
  const std::size_t r = static_cast<std::size_t>(row);
  if (col == 1) {
    doc_.edit([&](Project& p) { p.segments.items[r].name = text; }, "Rename segment " + code);
    show();
    return true;
  }
  const auto value = parse_decimal(text);
  if (col == 2) {
    if (!value || *value < 0 || *value != round_half_away(*value, 0) || *value > Decimal("1e12")) {
      warn(utf8("The population of segment " + code +
                " must be a whole number of people, such as 12500; got \"" + text + "\"."));
      show();
      return false;
    }
    const auto people = static_cast<std::int64_t>(to_double(*value));
    doc_.edit([&](Project& p) { p.segments.items[r].population = people; },
              "Population of segment " + code);
    show();
    return true;
  }
  const auto& [ch, cat] = share_columns_[static_cast<std::size_t>(col - kFixedColumns)];
  if (!value) {
    warn(utf8("The share of \"" + cat + "\" in segment " + code +
              " must be a number between 0 and 1, such as "
              "0.25; got \"" +
              text + "\"."));
    show();
    return false;
  }
  const std::string characteristic = ch, category = cat;
  // Out-of-range shares are kept and shown as problems, like any other figure to put right.
  doc_.edit([&](Project& p) { p.segments.items[r].composition[characteristic][category] = *value; },
            "Share of " + characteristic + " " + category + " in segment " + code);
  show();
  return true;
}

void SegmentProfilesDialog::on_cell_changed(wxGridEvent& event) {
  if (loading_) return;
  const int row = event.GetRow(), col = event.GetCol();
  const std::string text = grid_->GetCellValue(row, col).utf8_string();
  CallAfter([this, row, col, text] { set_cell(row, col, text); });
}

wxString SegmentProfilesDialog::cell_problem(int row, int col) const {
  if (row < 0 || col < 0 || static_cast<std::size_t>(row) >= problems_.size() ||
      static_cast<std::size_t>(col) >= problems_[static_cast<std::size_t>(row)].size())
    return {};
  return utf8(problems_[static_cast<std::size_t>(row)][static_cast<std::size_t>(col)]);
}

wxString SegmentProfilesDialog::summary_text() const { return summary_->GetLabel(); }

namespace {

// Runs `work` on a thread while the progress dialog (when shown) follows `done` of `total`;
// Cancel makes the next progress call throw Cancelled. Returns what `work` threw, if anything.
std::exception_ptr run_with_progress(wxWindow* parent, bool show_progress,
                                     profiling::CensusBuildOptions& options,
                                     const std::function<void()>& work) {
  std::atomic<bool> cancel{false}, finished{false};
  std::atomic<std::uint64_t> done{0}, total{0};
  options.progress = [&](std::uint64_t d, std::uint64_t t) {
    if (cancel) throw Cancelled{};
    done = d;
    total = t;
  };
  std::exception_ptr failure;
  std::thread worker([&] {
    try {
      work();
    } catch (...) {
      failure = std::current_exception();
    }
    finished = true;
  });
  {
    std::optional<wxProgressDialog> dialog;
    if (show_progress)
      dialog.emplace(_("Segment profiles"), _("Reading the Census tables..."), 1000, parent,
                     wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME);
    while (!finished) {
      if (dialog) {
        const std::uint64_t t = total, d = done;
        const int value = t ? static_cast<int>(999.0 * static_cast<double>(std::min(d, t)) /
                                               static_cast<double>(t))
                            : 0;
        if (!dialog->Update(value)) cancel = true;
      }
      wxMilliSleep(30);
    }
  }
  worker.join();
  options.progress = nullptr;
  return failure;
}

}  // namespace

bool SegmentProfilesDialog::census_options(const CensusBuildRequest& request,
                                           const std::string& level,
                                           profiling::CensusBuildOptions& options,
                                           std::optional<SegmentClassification>& oac) {
  if (level.empty()) {
    warn(
        _("Profiles are built from the Census for the 2021 Output Area Classification: choose "
          "supergroups, groups or subgroups as the scheme first."));
    return false;
  }
  if (request.oac_file.empty() || request.census_dir.empty()) {
    warn(_("Choose the OAC lookup (oac21ew.csv) and the folder of Census tables."));
    return false;
  }
  try {
    oac = load_classification("oac2021");
    options.bands = profiling::load_census_bands(profiling::find_census_bands());
  } catch (const std::exception& e) {
    warn(utf8(e.what()));
    return false;
  }
  options.oac_file = request.oac_file;
  options.census_dir = request.census_dir;
  options.areas = request.areas;
  options.area_lookup = request.area_lookup;
  options.level = *profiling::segment_level_from_name(level);
  options.known_segments = oac->level(level);
  options.scheme_name = "oac2021-" + level;
  return true;
}

void SegmentProfilesDialog::report_build_failure(const std::exception_ptr& failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const Cancelled&) {
    last_message_ = "Cancelled: the segment profiles were not changed.";
    summary_->SetLabel(_("Cancelled: the segment profiles were not changed."));
  } catch (const InputError& e) {
    std::string text = e.what();
    for (const auto& p : e.problems()) text += "\n" + p.text();
    warn(_("The segment profiles could not be built.\n\n") + utf8(text));
  } catch (const std::exception& e) {
    warn(_("The segment profiles could not be built because of a fault in Equivalue. Please "
           "report it with this message:\n\n") +
         utf8(e.what()));
  }
}

bool SegmentProfilesDialog::build_from_census(const CensusBuildRequest& request,
                                              bool show_progress) {
  profiling::CensusBuildOptions options;
  std::optional<SegmentClassification> oac;
  if (!census_options(request, chosen_level(), options, oac)) return false;
  std::optional<profiling::CensusBuild> built;
  const std::exception_ptr failure = run_with_progress(
      this, show_progress, options, [&] { built = profiling::build_census_segments(options); });
  if (failure) {
    report_build_failure(failure);
    return false;
  }
  SegmentScheme scheme = std::move(built->scheme);
  doc_.edit([&](Project& p) { p.segments = scheme; }, "Build segment profiles from the Census", -1,
            {}, true);
  show();
  std::string notes = "Built from " + std::to_string(built->areas) + " output areas.";
  for (const auto& n : built->notes) notes += "\n" + n;
  summary_->SetLabel(summary_->GetLabel() + "\n" + utf8(notes));
  return true;
}

bool SegmentProfilesDialog::import_csv(const std::string& path) {
  const std::string level = chosen_level();
  SegmentScheme declared;
  std::optional<SegmentClassification> oac;
  const std::vector<ClassifiedSegment>* known = nullptr;
  std::string text;
  try {
    text = storage::read_text_file(path);
    if (!level.empty()) {
      oac = load_classification("oac2021");
      known = oac->level(level);
      declared.scheme = "oac2021-" + level;
    } else {
      const std::string& current = doc_.project().segments.scheme;
      declared.scheme = current.empty() || current.rfind("oac2021-", 0) == 0 ? "own" : current;
    }
  } catch (const std::exception& e) {
    warn(utf8(e.what()));
    return false;
  }
  SegmentImport imported = import_segments_csv(text, declared, known);
  if (!imported.problems.empty()) {
    std::string list;
    for (const auto& p : imported.problems) list += "\n" + p.text();
    warn(utf8(path + ": " + std::to_string(imported.problems.size()) +
              " problem(s) to put right; the segment profiles were not changed." + list));
    return false;
  }
  SegmentScheme scheme = std::move(imported.scheme);
  doc_.edit([&](Project& p) { p.segments = scheme; }, "Import segment profiles", -1, {}, true);
  show();
  return true;
}

void SegmentProfilesDialog::ask_census() {
  CensusFilesDialog form(this);
  if (form.ShowModal() != wxID_OK) return;
  build_from_census(form.request());
}

void SegmentProfilesDialog::ask_import() {
  wxFileDialog pick(this, _("Import segment profiles"), "", "", "CSV (*.csv)|*.csv|All files|*",
                    wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (pick.ShowModal() == wxID_OK) import_csv(pick.GetPath().utf8_string());
}

void ShowSegmentProfiles(wxWindow* parent, ProjectDocument& doc) {
  SegmentProfilesDialog dialog(parent, doc);
  dialog.ShowModal();
}

}  // namespace eqv::gui
