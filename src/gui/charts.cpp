#include "charts.hpp"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/settings.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace eqv::gui {
namespace {

constexpr std::size_t kMaxTornadoBars = 10;
constexpr int kHistogramBins = 30;

wxString ratio_text(double r) { return wxString::Format("%.2f", r); }

// Clears the chart and gives a graphics context drawing in the default font, black
// (nullptr when none can be made).
std::unique_ptr<wxGraphicsContext> begin_paint(wxWindow* w, wxAutoBufferedPaintDC& dc,
                                               const wxFont& font) {
  dc.SetBackground(wxBrush(w->GetBackgroundColour()));
  dc.Clear();
  std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
  if (gc) gc->SetFont(font, *wxBLACK);
  return gc;
}

}  // namespace

TornadoChart::TornadoChart(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(360, 220)) {
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  SetBackgroundColour(*wxWHITE);
  Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    Refresh();
    e.Skip();
  });
}

void TornadoChart::set(const std::vector<TornadoBar>& bars, std::optional<double> base_ratio) {
  bars_.assign(bars.begin(),
               bars.begin() + static_cast<std::ptrdiff_t>(std::min(bars.size(), kMaxTornadoBars)));
  base_ = base_ratio;
  Refresh();
}

void TornadoChart::paint() {
  wxAutoBufferedPaintDC dc(this);
  const wxFont font = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
  const std::unique_ptr<wxGraphicsContext> gc = begin_paint(this, dc, font);
  if (!gc) return;
  const wxSize size = GetClientSize();
  gc->DrawText(_("Ratio at the low (red) and high (blue) end"), 8, 4);
  if (bars_.empty() || !base_) {
    gc->SetFont(font, wxColour(100, 100, 100));
    gc->DrawText(_("No sensitivity figures yet: add inputs and outcomes."), 8, 30);
    return;
  }
  double lo = *base_, hi = *base_;
  for (const auto& b : bars_) {
    for (const auto& r : {b.ratio_at_low, b.ratio_at_high})
      if (r) {
        lo = std::min(lo, to_double(*r));
        hi = std::max(hi, to_double(*r));
      }
  }
  if (hi - lo < 1e-9) hi = lo + 1;
  const double label_w = 150, top = 28, bottom = 22, right = 44;
  const double plot_w = std::max(40.0, size.x - label_w - right);
  const double row_h = std::max(10.0, (size.y - top - bottom) / static_cast<double>(bars_.size()));
  auto x_of = [&](double r) { return label_w + (r - lo) / (hi - lo) * plot_w; };
  for (std::size_t i = 0; i < bars_.size(); ++i) {
    const auto& b = bars_[i];
    const double y = top + row_h * static_cast<double>(i);
    gc->SetFont(font, *wxBLACK);
    gc->DrawText(wxString::FromUTF8(b.label), 8, y + row_h / 2 - 8);
    if (!b.ratio_at_low || !b.ratio_at_high) continue;
    const double a = x_of(to_double(*b.ratio_at_low)), c = x_of(to_double(*b.ratio_at_high));
    gc->SetPen(*wxTRANSPARENT_PEN);
    gc->SetBrush(wxBrush(wxColour(196, 78, 82)));  // low end of the range
    gc->DrawRectangle(std::min(a, x_of(*base_)), y + 3, std::abs(a - x_of(*base_)), row_h - 6);
    gc->SetBrush(wxBrush(wxColour(55, 126, 184)));  // high end of the range
    gc->DrawRectangle(std::min(c, x_of(*base_)), y + 3, std::abs(c - x_of(*base_)), row_h - 6);
  }
  gc->SetPen(wxPen(*wxBLACK, 1));
  gc->StrokeLine(x_of(*base_), top - 4, x_of(*base_), size.y - bottom + 2);
  gc->SetFont(font, wxColour(60, 60, 60));
  gc->DrawText(ratio_text(lo), label_w - 10, size.y - bottom + 4);
  gc->DrawText(ratio_text(*base_), x_of(*base_) - 12, size.y - bottom + 4);
  gc->DrawText(ratio_text(hi), label_w + plot_w - 10, size.y - bottom + 4);
}

HistogramChart::HistogramChart(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(360, 220)) {
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  SetBackgroundColour(*wxWHITE);
  Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    Refresh();
    e.Skip();
  });
}

void HistogramChart::set(const std::optional<MonteCarloResult>& result) {
  result_ = result;
  Refresh();
}

void HistogramChart::paint() {
  wxAutoBufferedPaintDC dc(this);
  const wxFont font = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
  const std::unique_ptr<wxGraphicsContext> gc = begin_paint(this, dc, font);
  if (!gc) return;
  const wxSize size = GetClientSize();
  if (!result_ || !result_->has_ratio || result_->ratios.empty()) {
    gc->DrawText(_("How certain is the ratio?"), 8, 4);
    gc->SetFont(font, wxColour(100, 100, 100));
    gc->DrawText(_("Give a range to some assumptions, then choose Run Monte Carlo."), 8, 30);
    return;
  }
  const auto& r = *result_;
  gc->DrawText(wxString::Format(_("%d draws: 90%% of ratios between %.2f and %.2f"), r.draws,
                                r.ratio_p5, r.ratio_p95),
               8, 4);
  gc->DrawText(
      wxString::Format(_("Chance the ratio is below 1 : 1: %.1f%%"), r.prob_ratio_below_1 * 100), 8,
      22);
  const auto [mn, mx] = std::minmax_element(r.ratios.begin(), r.ratios.end());
  const double lo = *mn, hi = (*mx - *mn < 1e-9) ? *mn + 1 : *mx;
  std::vector<int> bins(kHistogramBins, 0);
  for (double v : r.ratios) {
    int b = static_cast<int>((v - lo) / (hi - lo) * kHistogramBins);
    bins[static_cast<std::size_t>(std::clamp(b, 0, kHistogramBins - 1))]++;
  }
  const int most = *std::max_element(bins.begin(), bins.end());
  const double left = 12, top = 46, bottom = 22, right = 12;
  const double w = std::max(40.0, size.x - left - right), h = std::max(20.0, size.y - top - bottom);
  const double bar_w = w / kHistogramBins;
  gc->SetPen(*wxTRANSPARENT_PEN);
  for (int i = 0; i < kHistogramBins; ++i) {
    const double centre = lo + (hi - lo) * (i + 0.5) / kHistogramBins;
    gc->SetBrush(wxBrush(centre < 1 ? wxColour(196, 78, 82) : wxColour(55, 126, 184)));
    const double bh = most ? h * bins[static_cast<std::size_t>(i)] / most : 0;
    gc->DrawRectangle(left + bar_w * i + 1, top + h - bh, bar_w - 2, bh);
  }
  auto x_of = [&](double v) { return left + (v - lo) / (hi - lo) * w; };
  gc->SetPen(wxPen(*wxBLACK, 1, wxPENSTYLE_SHORT_DASH));
  for (double p : {r.ratio_p5, r.ratio_p50, r.ratio_p95})
    gc->StrokeLine(x_of(p), top, x_of(p), top + h);
  gc->SetFont(font, wxColour(60, 60, 60));
  gc->DrawText(ratio_text(lo), left, size.y - bottom + 4);
  gc->DrawText(_("median ") + ratio_text(r.ratio_p50), x_of(r.ratio_p50) - 30, size.y - bottom + 4);
  gc->DrawText(ratio_text(hi), left + w - 30, size.y - bottom + 4);
}

}  // namespace eqv::gui
