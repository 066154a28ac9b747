#include "equivalue/core/disclosure.hpp"

#include <stdexcept>

namespace eqv {
namespace {

std::string count_text(std::int64_t count) { return to_grouped(decimal_from_int(count), 0); }

std::string small_text(int threshold) { return "<" + std::to_string(threshold); }

// The table with its totals as one grid: data cells, then the totals column (row_totals)
// and the totals row (column_totals). A "line" is a row or column together with the total
// it adds up to; a line whose total is shown must never hold exactly one hidden cell.
struct Grid {
  std::size_t rows = 0, columns = 0;  // data cells only
  bool row_totals = false, column_totals = false;
  std::vector<std::vector<std::int64_t>> value;
  std::vector<std::vector<SuppressionReason>> reason;

  std::size_t all_rows() const { return rows + (column_totals ? 1 : 0); }
  std::size_t all_columns() const { return columns + (row_totals ? 1 : 0); }
  bool hidden(std::size_t r, std::size_t c) const {
    return reason[r][c] != SuppressionReason::none;
  }
};

struct Line {
  std::vector<std::pair<std::size_t, std::size_t>> members;
  std::pair<std::size_t, std::size_t> total;
};

std::vector<Line> lines_of(const Grid& g) {
  std::vector<Line> lines;
  if (g.row_totals)
    for (std::size_t r = 0; r < g.all_rows(); ++r) {
      Line line;
      for (std::size_t c = 0; c < g.columns; ++c) line.members.emplace_back(r, c);
      line.total = {r, g.columns};
      lines.push_back(std::move(line));
    }
  if (g.column_totals)
    for (std::size_t c = 0; c < g.all_columns(); ++c) {
      Line line;
      for (std::size_t r = 0; r < g.rows; ++r) line.members.emplace_back(r, c);
      line.total = {g.rows, c};
      lines.push_back(std::move(line));
    }
  return lines;
}

// Hides one more cell of a line that holds exactly one hidden cell: the smallest non-zero
// shown cell, else a shown zero (a reader cannot tell it is zero once hidden), else the
// total itself. Returns true when something was hidden.
bool protect(Grid& g, const Line& line) {
  const auto [tr, tc] = line.total;
  if (g.hidden(tr, tc)) return false;
  std::size_t hidden = 0;
  for (const auto& [r, c] : line.members) hidden += g.hidden(r, c) ? 1 : 0;
  if (hidden != 1) return false;
  const std::pair<std::size_t, std::size_t>* best = nullptr;
  for (const auto& m : line.members) {
    if (g.hidden(m.first, m.second)) continue;
    const std::int64_t v = g.value[m.first][m.second];
    if (!best) {
      best = &m;
      continue;
    }
    const std::int64_t b = g.value[best->first][best->second];
    // Non-zero before zero, then the smaller; ties keep the first in reading order.
    if ((b == 0 && v > 0) || (v > 0 && v < b)) best = &m;
  }
  if (best)
    g.reason[best->first][best->second] = SuppressionReason::secondary;
  else
    g.reason[tr][tc] = SuppressionReason::secondary;
  return true;
}

DisclosedCell shown_cell(std::int64_t value, SuppressionReason reason, int threshold) {
  switch (reason) {
    case SuppressionReason::none:
      return {count_text(value), false, reason};
    case SuppressionReason::small:
      return {small_text(threshold), true, reason};
    default:
      return {kWithheldText, true, reason};
  }
}

}  // namespace

const char* suppression_reason_name(SuppressionReason r) {
  switch (r) {
    case SuppressionReason::none:
      return "none";
    case SuppressionReason::small:
      return "small";
    case SuppressionReason::secondary:
      return "secondary";
    case SuppressionReason::derived:
      return "derived";
  }
  return "none";
}

DisclosedTable apply_disclosure(const DisclosureTable& table, int threshold) {
  if (threshold < 1) throw std::invalid_argument("disclosure threshold must be 1 or more");
  Grid g;
  g.rows = table.counts.size();
  g.columns = g.rows ? table.counts.front().size() : 0;
  g.row_totals = table.row_totals;
  g.column_totals = table.column_totals;
  g.value.assign(g.all_rows(), std::vector<std::int64_t>(g.all_columns(), 0));
  g.reason.assign(g.all_rows(),
                  std::vector<SuppressionReason>(g.all_columns(), SuppressionReason::none));
  for (std::size_t r = 0; r < g.rows; ++r) {
    if (table.counts[r].size() != g.columns)
      throw std::invalid_argument("disclosure table rows differ in length");
    for (std::size_t c = 0; c < g.columns; ++c) {
      const std::int64_t v = table.counts[r][c];
      if (v < 0) throw std::invalid_argument("a count of people cannot be negative");
      g.value[r][c] = v;
      if (g.row_totals) g.value[r][g.columns] += v;
      if (g.column_totals) g.value[g.rows][c] += v;
      if (g.row_totals && g.column_totals) g.value[g.rows][g.columns] += v;
    }
  }
  // Primary suppression: every small count, totals included.
  for (std::size_t r = 0; r < g.all_rows(); ++r)
    for (std::size_t c = 0; c < g.all_columns(); ++c)
      if (g.value[r][c] >= 1 && g.value[r][c] < threshold)
        g.reason[r][c] = SuppressionReason::small;
  // Secondary suppression until no shown total gives a single hidden cell away. Each pass
  // hides at least one more cell or stops, so this ends.
  const auto lines = lines_of(g);
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& line : lines) changed = protect(g, line) || changed;
  }

  DisclosedTable out;
  out.cells.resize(g.rows);
  for (std::size_t r = 0; r < g.rows; ++r)
    for (std::size_t c = 0; c < g.columns; ++c)
      out.cells[r].push_back(shown_cell(g.value[r][c], g.reason[r][c], threshold));
  if (g.row_totals)
    for (std::size_t r = 0; r < g.rows; ++r)
      out.row_totals.push_back(
          shown_cell(g.value[r][g.columns], g.reason[r][g.columns], threshold));
  if (g.column_totals)
    for (std::size_t c = 0; c < g.columns; ++c)
      out.column_totals.push_back(shown_cell(g.value[g.rows][c], g.reason[g.rows][c], threshold));
  if (g.row_totals && g.column_totals)
    out.grand_total =
        shown_cell(g.value[g.rows][g.columns], g.reason[g.rows][g.columns], threshold);
  out.statement = disclosure_statement(threshold);
  return out;
}

DisclosedCell disclose_count(std::int64_t count, int threshold) {
  if (threshold < 1) throw std::invalid_argument("disclosure threshold must be 1 or more");
  if (count < 0) throw std::invalid_argument("a count of people cannot be negative");
  const bool small = count >= 1 && count < threshold;
  return shown_cell(count, small ? SuppressionReason::small : SuppressionReason::none, threshold);
}

DisclosedCell disclose_derived(const DisclosedCell& basis, const std::string& shown) {
  if (basis.suppressed) return {kWithheldText, true, SuppressionReason::derived};
  return {shown, false, SuppressionReason::none};
}

std::int64_t whole_people(const Decimal& people) {
  return round_half_away(people, 0).convert_to<std::int64_t>();
}

std::string disclosure_statement(int threshold) {
  if (threshold <= 1) return "No counts are hidden: the disclosure threshold is set to 1.";
  const std::string small = threshold == 2
                                ? "Counts of 1 are"
                                : "Counts from 1 to " + std::to_string(threshold - 1) + " are";
  return small + " shown as " + small_text(threshold) +
         " to protect the people they describe, and percentages and indices based on them are "
         "withheld (" +
         kWithheldText +
         "). Where a hidden count could be worked out from a total, the next smallest count in " +
         "the same row or column is also withheld (" + kWithheldText + ").";
}

}  // namespace eqv
