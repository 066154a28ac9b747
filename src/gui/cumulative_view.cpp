#include "cumulative_view.hpp"

#include "binding.hpp"
#include "eqia_page.hpp"
#include "equivalue/core/joined.hpp"

#include <wx/dcbuffer.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace eqv::gui {
namespace {

constexpr int kCellWidth = 70;
constexpr int kCellHeight = 24;
constexpr int kHeaderHeight = 28;
constexpr int kCountWidth = 230;

wxColour fill_for(const std::optional<Rating>& rating) {
  if (!rating) return *wxWHITE;
  switch (*rating) {
    case Rating::negative:
      return wxColour(229, 115, 105);
    case Rating::unknown:
      return wxColour(255, 213, 110);
    case Rating::neutral:
      return wxColour(218, 218, 218);
    case Rating::positive:
      return wxColour(134, 200, 138);
  }
  return *wxWHITE;
}

// "Age: 65+", the characteristic by the name the project's equality template gives it.
std::string row_label(const CumulativeRow& row, const std::string& jurisdiction) {
  const std::string name =
      characteristic_display_name(eqia_template(jurisdiction), row.characteristic);
  return name + (row.category.empty() ? " (all groups)" : ": " + row.category);
}

}  // namespace

const char* heat_sign(const std::optional<Rating>& rating) {
  if (!rating) return "";
  switch (*rating) {
    case Rating::negative:
      return "-";
    case Rating::unknown:
      return "?";
    case Rating::neutral:
      return "=";
    case Rating::positive:
      return "+";
  }
  return "";
}

HeatMap::HeatMap(wxWindow* parent, const CumulativeImpact& impact, const Project& project)
    : wxScrolledWindow(parent, wxID_ANY),
      impact_(impact),
      jurisdiction_(project.project.jurisdiction) {
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  for (const auto& c : project.changes) titles_.push_back(c.id + ": " + c.title);
  wxClientDC dc(this);
  dc.SetFont(GetFont().Bold());
  label_width_ = 120;
  for (const auto& row : impact_.rows)
    label_width_ = std::max(
        label_width_, dc.GetTextExtent(wxString::FromUTF8(row_label(row, jurisdiction_))).x + 16);
  const int width =
      label_width_ + kCellWidth * static_cast<int>(impact_.change_ids.size()) + kCountWidth;
  const int height = kHeaderHeight + kCellHeight * static_cast<int>(impact_.rows.size()) + 8;
  SetVirtualSize(width, height);
  SetScrollRate(10, 10);
  std::string tip;
  for (const auto& t : titles_) tip += (tip.empty() ? "" : "\n") + t;
  SetToolTip(wxString::FromUTF8(tip));
  Bind(wxEVT_PAINT, &HeatMap::paint, this);
}

std::string HeatMap::cell_text(std::size_t row, std::size_t change) const {
  return heat_sign(impact_.rows.at(row).cells.at(change).rating);
}

void HeatMap::paint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  DoPrepareDC(dc);
  dc.SetBackground(wxBrush(GetBackgroundColour()));
  dc.Clear();
  const wxFont normal = GetFont();
  const wxFont bold = normal.Bold();
  dc.SetFont(bold);
  for (std::size_t k = 0; k < impact_.change_ids.size(); ++k) {
    const wxString id = wxString::FromUTF8(impact_.change_ids[k]);
    const int x = label_width_ + static_cast<int>(k) * kCellWidth;
    dc.DrawText(id, x + (kCellWidth - dc.GetTextExtent(id).x) / 2, 6);
  }
  dc.DrawText(_("Rated negative by"),
              label_width_ + static_cast<int>(impact_.change_ids.size()) * kCellWidth + 10, 6);
  for (std::size_t r = 0; r < impact_.rows.size(); ++r) {
    const CumulativeRow& row = impact_.rows[r];
    const int y = kHeaderHeight + static_cast<int>(r) * kCellHeight;
    dc.SetFont(row.flagged ? bold : normal);
    dc.SetTextForeground(row.flagged ? problem_colour() : GetForegroundColour());
    dc.DrawText(wxString::FromUTF8(row_label(row, jurisdiction_)), 4, y + 4);
    dc.SetTextForeground(*wxBLACK);
    dc.SetFont(bold);
    for (std::size_t k = 0; k < row.cells.size(); ++k) {
      const int x = label_width_ + static_cast<int>(k) * kCellWidth;
      dc.SetBrush(wxBrush(fill_for(row.cells[k].rating)));
      dc.SetPen(wxPen(wxColour(160, 160, 160)));
      dc.DrawRectangle(x, y, kCellWidth, kCellHeight);
      const wxString sign = heat_sign(row.cells[k].rating);
      dc.DrawText(sign, x + (kCellWidth - dc.GetTextExtent(sign).x) / 2, y + 3);
    }
    dc.SetFont(row.flagged ? bold : normal);
    dc.SetTextForeground(row.flagged ? problem_colour() : GetForegroundColour());
    std::string count =
        row.count() == 0 ? "none" : std::to_string(row.count()) + " (" + joined(row.changes) + ")";
    if (row.flagged) count += "  FLAGGED";
    dc.DrawText(wxString::FromUTF8(count),
                label_width_ + static_cast<int>(row.cells.size()) * kCellWidth + 10, y + 4);
  }
}

CumulativeDialog::CumulativeDialog(wxWindow* parent, const ProjectDocument& doc)
    : wxDialog(parent, wxID_ANY, _("Cumulative impact across every service change"),
               wxDefaultPosition, wxSize(1000, 640), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      impact_(cumulative_impact(doc.project())),
      jurisdiction_(doc.project().project.jurisdiction) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* intro = new wxStaticText(
      this, wxID_ANY,
      wxString::Format(
          _("%zu of %zu changes have an assessment. Each row is a group; each column a change, "
            "coloured by the rating its assessment gives the group: - negative, ? unknown, = "
            "neutral, "
            "+ positive, blank not assessed for this group."),
          impact_.changes_assessed, impact_.changes));
  intro->Wrap(960);
  sizer->Add(intro, 0, wxALL, 8);
  auto* flagged = new wxStaticText(this, wxID_ANY, flagged_text());
  flagged->SetFont(flagged->GetFont().Bold());
  if (impact_.groups_flagged() > 0) flagged->SetForegroundColour(problem_colour());
  flagged->Wrap(960);
  sizer->Add(flagged, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);

  book_ = new wxNotebook(this, wxID_ANY);
  heat_map_ = new HeatMap(book_, impact_, doc.project());
  book_->AddPage(heat_map_, _("Heat map"));
  table_ =
      new wxListCtrl(book_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_HRULES);
  table_->AppendColumn(_("Characteristic"), wxLIST_FORMAT_LEFT, 150);
  table_->AppendColumn(_("Group"), wxLIST_FORMAT_LEFT, 110);
  table_->AppendColumn(_("Changes rated negative"), wxLIST_FORMAT_RIGHT, 170);
  table_->AppendColumn(_("People touched"), wxLIST_FORMAT_RIGHT, 120);
  table_->AppendColumn(_("Savings"), wxLIST_FORMAT_RIGHT, 110);
  table_->AppendColumn(_("Which changes"), wxLIST_FORMAT_LEFT, 160);
  table_->AppendColumn(_("Flag"), wxLIST_FORMAT_LEFT, 110);
  for (const auto& row : impact_.rows) {
    const long item = table_->InsertItem(table_->GetItemCount(),
                                         wxString::FromUTF8(characteristic_display_name(
                                             eqia_template(jurisdiction_), row.characteristic)));
    table_->SetItem(item, 1,
                    row.category.empty() ? _("all groups") : wxString::FromUTF8(row.category));
    table_->SetItem(item, 2, wxString::Format("%zu", row.count()));
    table_->SetItem(item, 3,
                    row.has_people ? wxString::FromUTF8(to_grouped(row.people, 0)) : wxString("-"));
    table_->SetItem(
        item, 4, row.count() ? wxString::FromUTF8("£" + to_grouped(row.saving, 0)) : wxString("-"));
    table_->SetItem(item, 5, wxString::FromUTF8(joined(row.changes)));
    table_->SetItem(item, 6, row.flagged ? _("flagged") : wxString());
    if (row.flagged) table_->SetItemTextColour(item, problem_colour());
  }
  book_->AddPage(table_, _("Table"));
  sizer->Add(book_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
  sizer->Add(CreateStdDialogButtonSizer(wxOK), 0, wxEXPAND | wxALL, 8);
  SetSizer(sizer);
}

wxString CumulativeDialog::flagged_text() const {
  std::string groups;
  for (const auto& row : impact_.rows)
    if (row.flagged)
      groups += (groups.empty() ? "" : "; ") + row_label(row, jurisdiction_) + " (" +
                std::to_string(row.count()) + " changes: " + joined(row.changes) + ")";
  const std::string rule = "rated negative by " + std::to_string(impact_.threshold) +
                           " or more changes (the threshold in the project settings)";
  if (groups.empty()) return wxString::FromUTF8("No group is " + rule + ".");
  return wxString::FromUTF8("For the decision makers, groups " + rule + ": " + groups + ".");
}

}  // namespace eqv::gui
