// The parts every published document shares: the HTML shell (language, title, inline
// style sheet with its print rules), the contents list, tables with captions and header
// cells, and figures whose chart sits beside its data.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace eqv::publishing {

struct PageParts {
  std::string title;         // plain text: the <title> and the <h1>
  std::string subtitle;      // HTML (escaped by the caller), under the heading; may be empty
  bool draft = false;        // adds the "Draft" notice and puts "Draft: " before the title
  std::string draft_reason;  // plain text: why it is a draft
  std::string lead;          // HTML placed before the contents list (the summary)
  std::vector<std::pair<std::string, std::string>> contents;  // (id, plain heading text)
  std::string body;    // HTML of the sections, escaped by the caller
  std::string footer;  // HTML
};

// The whole document.
std::string page(const PageParts& parts);

// <section> with an <h2 id=...>: `heading` is plain text, `body` HTML.
std::string section(const std::string& id, const std::string& heading, const std::string& body);
// <h3> subsection, the same way.
std::string subsection(const std::string& id, const std::string& heading, const std::string& body);
// <p>: plain text, escaped here.
std::string para(const std::string& text);

// A table. Every cell is plain text, escaped here. The first column holds row headers
// (<th scope="row">) when `row_headers`; `numeric` columns are right-aligned.
struct Table {
  std::string caption;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;  // per column; missing = text
  bool row_headers = true;
  std::vector<std::string> footer;      // a totals row, empty for none
  std::vector<std::string> cell_class;  // per column class for data cells ("count"), may be empty
};
std::string table(const Table& t);

// A definition list of (plain term, plain description) pairs.
std::string facts(const std::vector<std::pair<std::string, std::string>>& items);

// The chart (SVG) and its data table side by side, with a caption for the pair.
std::string chart_with_table(const std::string& svg, const std::string& table_html);

}  // namespace eqv::publishing
