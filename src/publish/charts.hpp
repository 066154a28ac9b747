// Charts as inline SVG, each an image with a text alternative (<title> and <desc>, named by
// aria-labelledby). The data is always also given as a table beside the chart, so nothing
// is told by the picture alone; colours are at least 3:1 against white and every coloured
// cell is also labelled in words or numbers.
#pragma once

#include <string>
#include <vector>

namespace eqv::publishing {

struct Bar {
  std::string label;  // plain text
  double value = 0;   // length of the bar; below zero drawn as zero
  std::string shown;  // plain text printed at the end of the bar ("£12,345.00")
};

// Horizontal bars, each with its label above it. `id` must be unique in the document.
std::string bar_chart_svg(const std::string& id, const std::string& title,
                          const std::string& description, const std::vector<Bar>& bars);

// A grid: one row per group, one column per change; a cell marked true is shaded and says
// "negative". A last column gives each row's count, shaded darker the higher it is.
struct HeatMap {
  std::vector<std::string> rows;          // plain text: "Age: 65+"
  std::vector<std::string> columns;       // plain text: change ids
  std::vector<std::vector<bool>> marked;  // rows x columns
};
std::string heat_map_svg(const std::string& id, const std::string& title,
                         const std::string& description, const HeatMap& map);

}  // namespace eqv::publishing
