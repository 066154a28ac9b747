#include "page.hpp"

#include "equivalue/publish/html.hpp"

namespace eqv::publishing {
namespace {

// Colours meet WCAG 2.2 AA on white: text #0b0c0c (19:1), secondary text #505a5f (7:1),
// links #1d4f91 (8:1); chart bars and heat map cells at least 3:1 against white.
constexpr const char* kStyle = R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: #0b0c0c;
  font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 1.0625rem; line-height: 1.5; }
header, main, footer { max-width: 58rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; border-bottom: 0.3rem solid #1d4f91; padding-bottom: 1rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.5rem; }
h2 { font-size: 1.5rem; margin: 2.25rem 0 0.75rem; padding-top: 0.5rem; border-top: 1px solid #b1b4b6; }
h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
p, li, dd { max-width: 44rem; }
.subtitle { color: #505a5f; margin: 0; }
.draft { border: 0.25rem solid #0b0c0c; background: #fff2cc; padding: 0.75rem 1rem; margin: 1rem 0 0;
  font-size: 1.125rem; }
.summary { background: #eef3f9; border-left: 0.4rem solid #1d4f91; padding: 0.5rem 1.25rem 0.75rem; }
.summary h3 { margin-top: 0.75rem; }
a { color: #1d4f91; text-decoration: underline; }
a:focus { outline: 3px solid #0b0c0c; background: #ffdd00; color: #0b0c0c; }
nav ol { columns: 2; column-gap: 2rem; padding-left: 1.5rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.25rem; max-width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #b1b4b6; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
thead th, tfoot th, tfoot td { background: #f3f2f1; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1.25rem; margin: 0.5rem 0 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.chart-and-table { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
.chart-and-table figure { margin: 0.5rem 0; flex: 1 1 24rem; max-width: 34rem; }
.chart-and-table svg { width: 100%; height: auto; }
figcaption { font-weight: bold; margin-bottom: 0.25rem; }
.note { color: #505a5f; font-size: 0.95rem; }
.impact { border-left: 0.3rem solid #b1b4b6; padding-left: 1rem; margin-bottom: 1.5rem; }
.impact.negative { border-left-color: #a4262c; }
.impact.positive { border-left-color: #00703c; }
.headline { font-size: 1.25rem; font-weight: bold; }
footer { margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid #b1b4b6;
  color: #505a5f; font-size: 0.95rem; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { font-size: 10.5pt; }
  header, main, footer { max-width: none; padding: 0; }
  nav { display: none; }
  a { color: #0b0c0c; text-decoration: none; }
  h2 { break-before: auto; break-after: avoid; }
  h3 { break-after: avoid; }
  tr, figure, .impact, dl.facts { break-inside: avoid; }
  .chart-and-table figure { max-width: 16cm; }
  .summary { border: 1px solid #1d4f91; }
}
)css";

std::string cell(const char* tag, const std::string& text, const std::string& cls,
                 const char* scope = nullptr) {
  std::string out = std::string("<") + tag;
  if (scope) out += std::string(" scope=\"") + scope + "\"";
  if (!cls.empty()) out += " class=\"" + cls + "\"";
  return out + ">" + escape(text) + "</" + tag + ">";
}

}  // namespace

std::string page(const PageParts& parts) {
  const std::string title = (parts.draft ? "Draft: " : "") + parts.title;
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"Equivalue\">\n<title>" +
      escape(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<header>\n<h1>" +
      escape(title) + "</h1>\n";
  if (!parts.subtitle.empty()) out += "<p class=\"subtitle\">" + parts.subtitle + "</p>\n";
  if (parts.draft)
    out += "<p class=\"draft\"><strong>Draft.</strong> " + escape(parts.draft_reason) + "</p>\n";
  out += "</header>\n<main>\n" + parts.lead;
  if (!parts.contents.empty()) {
    out += "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n";
    for (const auto& [id, text] : parts.contents)
      out += "<li><a href=\"#" + escape(id) + "\">" + escape(text) + "</a></li>\n";
    out += "</ol>\n</nav>\n";
  }
  out += parts.body + "</main>\n<footer>\n" + parts.footer + "</footer>\n</body>\n</html>\n";
  return out;
}

std::string section(const std::string& id, const std::string& heading, const std::string& body) {
  return "<section aria-labelledby=\"" + escape(id) + "\">\n<h2 id=\"" + escape(id) + "\">" +
         escape(heading) + "</h2>\n" + body + "</section>\n";
}

std::string subsection(const std::string& id, const std::string& heading, const std::string& body) {
  return "<h3 id=\"" + escape(id) + "\">" + escape(heading) + "</h3>\n" + body;
}

std::string para(const std::string& text) { return "<p>" + escape(text) + "</p>\n"; }

std::string table(const Table& t) {
  const auto is_numeric = [&](std::size_t c) { return c < t.numeric.size() && t.numeric[c]; };
  const auto class_of = [&](std::size_t c) {
    std::string cls = is_numeric(c) ? "num" : "";
    if (c < t.cell_class.size() && !t.cell_class[c].empty())
      cls += (cls.empty() ? "" : " ") + t.cell_class[c];
    return cls;
  };
  std::string out = "<table>\n<caption>" + escape(t.caption) + "</caption>\n<thead><tr>";
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    out += cell("th", t.columns[c], is_numeric(c) ? "num" : "", "col");
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t c = 0; c < row.size(); ++c)
      out += (c == 0 && t.row_headers) ? cell("th", row[c], class_of(c), "row")
                                       : cell("td", row[c], class_of(c));
    out += "</tr>\n";
  }
  out += "</tbody>\n";
  if (!t.footer.empty()) {
    out += "<tfoot><tr>";
    for (std::size_t c = 0; c < t.footer.size(); ++c)
      out += c == 0 ? cell("th", t.footer[c], "", "row") : cell("td", t.footer[c], class_of(c));
    out += "</tr></tfoot>\n";
  }
  return out + "</table>\n";
}

std::string facts(const std::vector<std::pair<std::string, std::string>>& items) {
  std::string out = "<dl class=\"facts\">\n";
  for (const auto& [term, text] : items)
    out += "<dt>" + escape(term) + "</dt><dd>" + escape(text) + "</dd>\n";
  return out + "</dl>\n";
}

std::string chart_with_table(const std::string& svg, const std::string& table_html) {
  return "<div class=\"chart-and-table\">\n" + svg + table_html + "</div>\n";
}

}  // namespace eqv::publishing
