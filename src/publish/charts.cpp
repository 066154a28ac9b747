#include "charts.hpp"

#include <algorithm>
#include <cstdio>

#include "equivalue/publish/html.hpp"

namespace eqv::publishing {
namespace {

constexpr const char* kBarColour = "#1d4f91";  // 8:1 against white
constexpr const char* kNegative = "#a4262c";   // 7:1 against white; white text on it 7:1
constexpr const char* kGrid = "#6f777b";       // 4.6:1 against white
constexpr const char* kText = "#0b0c0c";

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

// Text longer than fits is cut with an ellipsis: the full text is in the table beside.
std::string fitted(const std::string& text, std::size_t max_chars) {
  if (text.size() <= max_chars) return text;
  std::size_t cut = max_chars - 1;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0u) == 0x80u)
    --cut;  // UTF-8 boundary
  return text.substr(0, cut) + "\xE2\x80\xA6";
}

std::string svg_open(const std::string& id, double width, double height, const std::string& title,
                     const std::string& description) {
  const std::string t = escape(id + "-title"), d = escape(id + "-desc");
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"" + t + " " + d +
         "\" viewBox=\"0 0 " + number(width) + " " + number(height) + "\" width=\"" +
         number(width) + "\" height=\"" + number(height) +
         "\" font-family=\"Arial, 'Liberation Sans', sans-serif\">\n<title id=\"" + t + "\">" +
         escape(title) + "</title>\n<desc id=\"" + d + "\">" + escape(description) + "</desc>\n";
}

std::string text_at(double x, double y, const std::string& text, const std::string& extra = {}) {
  return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" font-size=\"13\" fill=\"" + kText +
         "\"" + extra + ">" + escape(text) + "</text>\n";
}

std::string rect(double x, double y, double w, double h, const std::string& fill,
                 const std::string& stroke = {}) {
  return "<rect x=\"" + number(x) + "\" y=\"" + number(y) + "\" width=\"" + number(w) +
         "\" height=\"" + number(h) + "\" fill=\"" + fill + "\"" +
         (stroke.empty() ? "" : " stroke=\"" + stroke + "\"") + "/>\n";
}

// Shades of the count column: light to dark red, with text that keeps 4.5:1 on each.
std::pair<std::string, std::string> count_shade(std::size_t count, std::size_t most) {
  if (count == 0) return {"#ffffff", kText};
  const double share = most == 0 ? 0 : static_cast<double>(count) / static_cast<double>(most);
  if (share <= 0.34) return {"#f6d5d7", kText};
  if (share <= 0.67) return {"#e39a9f", kText};
  return {kNegative, "#ffffff"};
}

}  // namespace

std::string bar_chart_svg(const std::string& id, const std::string& title,
                          const std::string& description, const std::vector<Bar>& bars) {
  constexpr double kWidth = 520, kRow = 46, kBarHeight = 18, kValueRoom = 120;
  const double height = 10 + kRow * static_cast<double>(bars.size());
  double most = 0;
  for (const Bar& b : bars) most = std::max(most, b.value);
  std::string out = svg_open(id, kWidth, height, title, description);
  double y = 6;
  for (const Bar& b : bars) {
    out += text_at(0, y + 13, fitted(b.label, 70));
    const double length = most > 0 ? std::max(0.0, b.value) / most * (kWidth - kValueRoom) : 0;
    out += rect(0, y + 19, std::max(length, 1.0), kBarHeight, kBarColour);
    out += text_at(length + 6, y + 33, b.shown);
    y += kRow;
  }
  return out + "</svg>\n";
}

std::string heat_map_svg(const std::string& id, const std::string& title,
                         const std::string& description, const HeatMap& map) {
  constexpr double kLabelWidth = 230, kCell = 74, kRowHeight = 28, kHead = 30;
  const double width = kLabelWidth + kCell * static_cast<double>(map.columns.size() + 1) + 2;
  const double height = kHead + kRowHeight * static_cast<double>(map.rows.size()) + 2;
  std::size_t most = 0;
  std::vector<std::size_t> counts;
  for (const auto& row : map.marked) {
    counts.push_back(static_cast<std::size_t>(std::count(row.begin(), row.end(), true)));
    most = std::max(most, counts.back());
  }
  std::string out = svg_open(id, width, height, title, description);
  for (std::size_t c = 0; c <= map.columns.size(); ++c) {
    const std::string head = c < map.columns.size() ? fitted(map.columns[c], 9) : "Changes";
    out += text_at(kLabelWidth + kCell * static_cast<double>(c) + kCell / 2, kHead - 10, head,
                   " text-anchor=\"middle\" font-weight=\"bold\"");
  }
  for (std::size_t r = 0; r < map.rows.size(); ++r) {
    const double y = kHead + kRowHeight * static_cast<double>(r);
    out += text_at(0, y + 19, fitted(map.rows[r], 32));
    for (std::size_t c = 0; c < map.columns.size(); ++c) {
      const double x = kLabelWidth + kCell * static_cast<double>(c);
      const bool marked = r < map.marked.size() && c < map.marked[r].size() && map.marked[r][c];
      out += rect(x, y, kCell, kRowHeight, marked ? kNegative : "#ffffff", kGrid);
      if (marked)
        out += "<text x=\"" + number(x + kCell / 2) + "\" y=\"" + number(y + 19) +
               "\" font-size=\"12\" fill=\"#ffffff\" text-anchor=\"middle\">negative</text>\n";
    }
    const double x = kLabelWidth + kCell * static_cast<double>(map.columns.size());
    const auto [fill, ink] = count_shade(counts[r], most);
    out += rect(x, y, kCell, kRowHeight, fill, kGrid);
    out += "<text x=\"" + number(x + kCell / 2) + "\" y=\"" + number(y + 19) +
           "\" font-size=\"13\" fill=\"" + ink + "\" text-anchor=\"middle\" font-weight=\"bold\">" +
           std::to_string(counts[r]) + "</text>\n";
  }
  return out + "</svg>\n";
}

}  // namespace eqv::publishing
