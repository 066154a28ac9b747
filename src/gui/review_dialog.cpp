#include "review_dialog.hpp"

#include "binding.hpp"
#include "eqia_page.hpp"

#include "equivalue/core/reviews.hpp"
#include "equivalue/core/joined.hpp"

#include <wx/scrolwin.h>
#include <wx/sizer.h>

namespace eqv::gui {
namespace {

constexpr Rating kRatings[] = {Rating::positive, Rating::neutral, Rating::negative,
                               Rating::unknown};

std::string impact_name(const Impact& im) {
  const std::string groups = joined(im.groups);
  return im.characteristic + (groups.empty() ? " (all groups)" : " (" + groups + ")");
}

std::string expected_text(const Impact& im) {
  std::string text = std::string("Expected: ") + rating_name(im.rating);
  if (!im.mitigation.empty()) text += "\nMitigation: " + im.mitigation;
  return text;
}

wxStaticText* bold_label(wxWindow* parent, const wxString& text) {
  auto* label = new wxStaticText(parent, wxID_ANY, "");
  label->SetFont(label->GetFont().Bold());
  label->SetLabel(text);
  return label;
}

}  // namespace

ReviewDialog::ReviewDialog(wxWindow* parent, const ServiceChange& change, const std::string& today,
                           const std::string& signed_in, Record recorder)
    : wxDialog(parent, wxID_ANY,
               wxString::FromUTF8("Post-implementation review: " + change.id + " " + change.title),
               wxDefaultPosition, wxSize(1100, 680), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      record_fn_(std::move(recorder)) {
  const Eqia empty;
  const Eqia& e = change.eqia ? *change.eqia : empty;
  const auto refusal = change.eqia ? review_refusal(e, today)
                                   : std::optional<std::string>("This change has no assessment.");
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* intro = new wxStaticText(
      this, wxID_ANY,
      wxString::FromUTF8(refusal ? *refusal
                                 : "Review date " + e.review_date +
                                       ". For each impact, record what actually happened, "
                                       "the rating it turned out to deserve and the evidence, "
                                       "against what was expected."));
  if (refusal) intro->SetForegroundColour(problem_colour());
  intro->Wrap(1060);
  sizer->Add(intro, 0, wxALL, 8);

  wxWindow* panel = impact_rows(e);
  sizer->Add(panel, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);

  sizer->Add(bold_label(this, _("Summary: actual against expected impact")), 0, wxLEFT | wxTOP, 8);
  summary_ = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(e.review_summary), wxDefaultPosition,
                            wxSize(-1, 60), wxTE_MULTILINE);
  sizer->Add(summary_, 0, wxEXPAND | wxALL, 8);
  sizer->Add(new wxStaticText(this, wxID_ANY,
                              wxString::FromUTF8("The review is recorded in the assessment's "
                                                 "history as " +
                                                 signed_in + ".")),
             0, wxLEFT | wxRIGHT, 8);
  problems_ = new wxStaticText(this, wxID_ANY, "");
  problems_->SetForegroundColour(problem_colour());
  sizer->Add(problems_, 0, wxEXPAND | wxALL, 8);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  record_ = new wxButton(this, wxID_ANY, _("&Record the review"));
  buttons->Add(record_, 0, wxRIGHT, 8);
  buttons->Add(new wxButton(this, wxID_CANCEL, _("Cancel")));
  sizer->Add(buttons, 0, wxALIGN_RIGHT | wxALL, 8);
  SetSizer(sizer);

  const bool open = !refusal.has_value();
  panel->Enable(open);
  summary_->Enable(open);
  record_->Enable(open);
  record_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { record(); });
}

// One row per impact: what was expected, then the actual rating, what happened and evidence.
wxWindow* ReviewDialog::impact_rows(const Eqia& e) {
  auto* panel = new wxScrolledWindow(this, wxID_ANY);
  auto* grid = new wxFlexGridSizer(4, 8, 8);
  grid->AddGrowableCol(2, 1);
  grid->AddGrowableCol(3, 1);
  for (const wxString& h :
       {_("Impact and what was expected"), _("Actual rating"), _("What happened"), _("Evidence")})
    grid->Add(bold_label(panel, h));
  wxArrayString ratings;
  ratings.Add(_("Choose..."));
  for (Rating r : kRatings) ratings.Add(rating_name(r));
  for (const auto& im : e.impacts) {
    impact_names_.push_back(impact_name(im));
    auto* what = new wxStaticText(panel, wxID_ANY,
                                  wxString::FromUTF8(impact_name(im) + "\n" + expected_text(im)));
    what->Wrap(260);
    grid->Add(what, 0, wxALIGN_TOP);
    Row row;
    row.rating = new wxChoice(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize, ratings);
    row.rating->SetSelection(0);
    if (im.actual_rating)
      for (int k = 0; k < 4; ++k)
        if (kRatings[k] == *im.actual_rating) row.rating->SetSelection(k + 1);
    row.actual = new wxTextCtrl(panel, wxID_ANY, wxString::FromUTF8(im.actual_impact),
                                wxDefaultPosition, wxSize(300, 64), wxTE_MULTILINE);
    row.evidence = new wxTextCtrl(panel, wxID_ANY, wxString::FromUTF8(im.actual_evidence),
                                  wxDefaultPosition, wxSize(260, 64), wxTE_MULTILINE);
    grid->Add(row.rating, 0, wxALIGN_TOP);
    grid->Add(row.actual, 1, wxEXPAND);
    grid->Add(row.evidence, 1, wxEXPAND);
    rows_.push_back(row);
  }
  panel->SetSizer(grid);
  panel->SetScrollRate(0, 10);
  return panel;
}

std::vector<ImpactReview> ReviewDialog::entered() const {
  std::vector<ImpactReview> out;
  for (const Row& row : rows_) {
    ImpactReview r;
    const int pick = row.rating->GetSelection();
    if (pick >= 1 && pick <= 4) r.rating = kRatings[pick - 1];
    r.actual = row.actual->GetValue().utf8_string();
    r.evidence = row.evidence->GetValue().utf8_string();
    out.push_back(std::move(r));
  }
  return out;
}

bool ReviewDialog::record() {
  if (!record_->IsEnabled()) return false;
  const Problems problems = record_fn_(entered(), summary_->GetValue().utf8_string());
  if (problems.empty()) {
    problems_->SetLabel("");
    if (IsModal()) EndModal(wxID_OK);
    return true;
  }
  // Paths are relative to the assessment: impacts[k].field names the row.
  std::string text = "The review cannot be recorded yet:";
  for (const auto& p : problems) {
    // Paths name the assessment ("changes[1].eqia.impacts[0].actual_rating"): the part after it.
    const auto at = p.path.find("eqia.");
    std::string place = at == std::string::npos ? p.path : p.path.substr(at + 5);
    const std::string path = place;
    if (path.rfind("impacts[", 0) == 0) {
      const std::size_t k = std::stoul(path.substr(8));
      if (k < impact_names_.size()) place = impact_names_[k];
    } else if (path == "review_summary") {
      place = "summary";
    }
    text += "\n  " + place + ": " + p.message;
  }
  problems_->SetLabel(wxString::FromUTF8(text));
  problems_->Wrap(1060);
  Layout();
  return false;
}

}  // namespace eqv::gui
