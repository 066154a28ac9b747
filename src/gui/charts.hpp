// The two charts of the results page, drawn with wxGraphicsContext: the tornado (ratio at
// each end of each assumption's range, widest swing first) and the Monte Carlo histogram.
#pragma once

#include "equivalue/core/sroi.hpp"

#include <wx/panel.h>

#include <optional>
#include <vector>

namespace eqv::gui {

class TornadoChart : public wxPanel {
 public:
  explicit TornadoChart(wxWindow* parent);
  void set(const std::vector<TornadoBar>& bars, std::optional<double> base_ratio);

 private:
  void paint();
  std::vector<TornadoBar> bars_;
  std::optional<double> base_;
};

class HistogramChart : public wxPanel {
 public:
  explicit HistogramChart(wxWindow* parent);
  void set(const std::optional<MonteCarloResult>& result);

 private:
  void paint();
  std::optional<MonteCarloResult> result_;
};

}  // namespace eqv::gui
