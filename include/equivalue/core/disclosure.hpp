// Disclosure control (method.md section 5): the one rule every output meant for
// publication applies before it shows counts of people.
//
//   - a count from 1 to threshold - 1 is shown as "<threshold" (default "<10");
//   - a percentage, share or index worked out from a hidden count is withheld too;
//   - where a hidden count could be worked out from a published total (it is the only
//     hidden cell of its row or column), the next smallest count of that row or column
//     is also withheld ("secondary suppression"), repeated until no total gives any
//     hidden cell away.
//
// Zero is shown: it identifies nobody. Totals are counts too and follow the same rule.
// The functions are pure: give them whole counts, take back the text to print.
//
//   DisclosureTable t{{{12, 3, 40}, {25, 30, 18}}, /*row_totals=*/true, /*column_totals=*/true};
//   const DisclosedTable d = apply_disclosure(t, project.project.disclosure_threshold);
//   d.cell(0, 1).text == "<10"; d.cell(0, 0).text == "[c]"; d.statement == "Counts from 1 to 9 ..."
#pragma once

#include "equivalue/core/decimal.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eqv {

// Shown in place of a count, share or index withheld for any reason other than being small.
inline constexpr const char* kWithheldText = "[c]";

enum class SuppressionReason {
  none,       // shown as it is
  small,      // a count from 1 to threshold - 1: shown as "<10"
  secondary,  // withheld so that a small count cannot be worked out from a total
  derived,    // a share, percentage or index based on a hidden count
};
const char* suppression_reason_name(
    SuppressionReason r);  // "none", "small", "secondary", "derived"

struct DisclosedCell {
  std::string text;  // what to print: "1,234", "<10", "[c]"
  bool suppressed = false;
  SuppressionReason reason = SuppressionReason::none;
};

// Counts of people, rows x columns (every row the same length). With row_totals the
// published table also shows each row's total; with column_totals each column's total;
// with both, the grand total as well. The totals are worked out here, from the counts.
struct DisclosureTable {
  std::vector<std::vector<std::int64_t>> counts;
  bool row_totals = false;
  bool column_totals = false;
};

struct DisclosedTable {
  std::vector<std::vector<DisclosedCell>> cells;  // same shape as the counts
  std::vector<DisclosedCell> row_totals;          // one per row when asked for, else empty
  std::vector<DisclosedCell> column_totals;       // one per column when asked for, else empty
  std::optional<DisclosedCell> grand_total;       // when both kinds of total are asked for
  std::string statement;                          // the rule applied, one sentence, for the output

  const DisclosedCell& cell(std::size_t row, std::size_t column) const {
    return cells.at(row).at(column);
  }
};

// Applies the rule to a whole table. threshold >= 1 (1 = nothing is hidden). Throws
// std::invalid_argument for a negative count, ragged rows or a threshold below 1: those
// are mistakes in the calling code, not in anyone's data.
DisclosedTable apply_disclosure(const DisclosureTable& table, int threshold);

// One count on its own (no totals to protect): "1,234", "0" or "<10".
DisclosedCell disclose_count(std::int64_t count, int threshold);

// A share, percentage or index worked out from a count: `shown` (already formatted by the
// caller, e.g. "34.0%") when its basis is shown, withheld when its basis is suppressed.
DisclosedCell disclose_derived(const DisclosedCell& basis, const std::string& shown);

// People counts in Equivalue are exact decimals (A_c = sum s_k N_k c_k); published counts
// are whole people, rounded half away from zero.
std::int64_t whole_people(const Decimal& people);

// The sentence a published output states: "Counts from 1 to 9 are shown as <10. ..."
std::string disclosure_statement(int threshold);

}  // namespace eqv
