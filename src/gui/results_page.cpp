#include "pages.hpp"

#include "equivalue/core/sroi.hpp"

#include <wx/button.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/utils.h>

#include <atomic>
#include <chrono>
#include <future>

namespace eqv::gui {

ResultsPage::ResultsPage(wxWindow* parent, ProjectDocument& doc) : ChangePage(parent, doc) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* top = new wxBoxSizer(wxHORIZONTAL);
  auto* words = new wxBoxSizer(wxVERTICAL);
  ratio_ = new wxStaticText(this, wxID_ANY, "");
  ratio_->SetFont(ratio_->GetFont().Bold().Larger());
  words->Add(ratio_, 0, wxBOTTOM, 4);
  figures_ = new wxStaticText(this, wxID_ANY, "");
  words->Add(figures_, 0);
  top->Add(words, 1, wxALL, 8);
  auto* run = new wxButton(this, wxID_ANY, _("Run &Monte Carlo..."));
  run->SetToolTip(
      _("Draws every assumption that has a range 10,000 times to show how certain the ratio is."));
  run->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { run_monte_carlo(); });
  top->Add(run, 0, wxALL | wxALIGN_TOP, 8);
  sizer->Add(top, 0, wxEXPAND);

  auto* middle = new wxBoxSizer(wxHORIZONTAL);
  years_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(470, 150),
                          wxLC_REPORT | wxLC_HRULES);
  years_->AppendColumn(_("Year"), wxLIST_FORMAT_RIGHT, 50);
  years_->AppendColumn(wxString::FromUTF8("Value (£)"), wxLIST_FORMAT_RIGHT, 110);
  years_->AppendColumn(_("Discount factor"), wxLIST_FORMAT_RIGHT, 110);
  years_->AppendColumn(wxString::FromUTF8("Present value (£)"), wxLIST_FORMAT_RIGHT, 130);
  years_->AppendColumn(wxString::FromUTF8("Running total (£)"), wxLIST_FORMAT_RIGHT, 130);
  middle->Add(years_, 1, wxEXPAND | wxALL, 6);
  sizer->Add(middle, 1, wxEXPAND);

  auto* charts = new wxBoxSizer(wxHORIZONTAL);
  tornado_ = new TornadoChart(this);
  histogram_ = new HistogramChart(this);
  charts->Add(tornado_, 1, wxEXPAND | wxALL, 6);
  charts->Add(histogram_, 1, wxEXPAND | wxALL, 6);
  sizer->Add(charts, 2, wxEXPAND);
  SetSizer(sizer);
}

wxString ResultsPage::figures_text() const {
  return ratio_->GetLabel() + "\n" + figures_->GetLabel();
}

void ResultsPage::show(bool) {
  // Everything but the Monte Carlo: quick for one change, so it follows every edit.
  CalcOptions options;
  options.monte_carlo = false;
  const SroiResult r = calculate_sroi(change().sroi, doc_.settings(), options);
  ratio_->SetLabel(wxString::FromUTF8(
      "Social return: " + (r.ratio ? "£" + to_fixed(*r.ratio, 2) + " for every £1 put in"
                                   : std::string("not known (no inputs yet)"))));
  std::string text;
  text += "Benefits (present value) £" + to_grouped(r.present_value, kMoneyPlaces) +
          "    Inputs £" + to_grouped(r.total_inputs, kMoneyPlaces) + "    Net present value £" +
          to_grouped(r.npv, kMoneyPlaces);
  text += "\nPays back in " +
          (r.payback_months ? to_fixed(*r.payback_months, 1) + " months"
                            : std::string("- (no value in year 1)")) +
          ";  breaks even " +
          (r.breakeven_year ? "in year " + std::to_string(*r.breakeven_year)
                            : std::string("never within the horizon"));
  const std::size_t problems = doc_.change_problems(index_).size();
  if (problems)
    text += "\n" + std::to_string(problems) +
            " problem(s) to put right before these figures can be relied on.";
  const wxString label = wxString::FromUTF8(text);
  if (figures_->GetLabel() != label) {
    figures_->SetLabel(label);
    Layout();
  }
  years_->DeleteAllItems();
  for (const auto& y : r.years) {
    const long item = years_->InsertItem(years_->GetItemCount(), wxString::Format("%d", y.year));
    years_->SetItem(item, 1, wxString::FromUTF8(to_grouped(y.value, kMoneyPlaces)));
    years_->SetItem(item, 2, wxString::FromUTF8(to_fixed(y.discount_factor, kFactorPlaces)));
    years_->SetItem(item, 3, wxString::FromUTF8(to_grouped(y.present_value, kMoneyPlaces)));
    years_->SetItem(item, 4,
                    wxString::FromUTF8(to_grouped(y.cumulative_present_value, kMoneyPlaces)));
  }
  tornado_->set(r.tornado, r.ratio ? std::optional<double>(to_double(*r.ratio)) : std::nullopt);
  if (mc_change_ != index_) histogram_->set(std::nullopt);
}

bool ResultsPage::run_monte_carlo(bool with_dialog) {
  if (!valid()) return false;
  // The draws run on a worker thread; this thread keeps the window alive, shows progress
  // and passes the user's Cancel to the engine through the progress callback.
  std::atomic<double> done{0};
  std::atomic<bool> cancel{false};
  CalcOptions options;
  options.progress = [&](double share) {
    done = share;
    return !cancel.load();
  };
  const Sroi sroi = change().sroi;
  const ProjectSettings settings = doc_.settings();
  auto work =
      std::async(std::launch::async, [&] { return eqv::run_monte_carlo(sroi, settings, options); });
  if (with_dialog) {
    wxProgressDialog dialog(_("Monte Carlo"), _("Drawing 10,000 versions of the assumptions..."),
                            100, this,
                            wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME | wxPD_AUTO_HIDE);
    while (work.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready)
      if (!dialog.Update(static_cast<int>(done.load() * 99))) cancel = true;
  }
  const auto result = work.get();
  if (!result) {
    histogram_->set(std::nullopt);
    return false;
  }
  mc_change_ = index_;
  histogram_->set(result);
  return true;
}

}  // namespace eqv::gui
