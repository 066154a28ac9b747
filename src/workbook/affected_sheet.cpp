#include "change_writer.hpp"

namespace eqv::workbook::detail {

// ---------------------------------------------------------------- Affected groups
void ChangeWriter::affected() {
  Sheet s = book_.add_sheet(kAffected);
  const int threshold = project_.project.disclosure_threshold;
  s.column(0, 1, 22);
  s.column(2, 6, 15);
  s.text(0, 0, "Affected groups: who the change touches", f_.title);
  s.row_height(0, 24);
  s.note(1, 0,
         "People affected, from the share of each segment the change reaches (" +
             project_.segments.scheme + ").",
         f_.note_block);
  s.note(2, 0, "Disclosure control: " + disclosure_statement(threshold), f_.flag_block);
  if (!results_.affected) {
    s.text(
        4, 0,
        "No affected segments are recorded for this change, or the project has no segment profile.",
        f_.muted);
    s.print_setup(false, 4, 6);
    return;
  }
  const AffectedResult& a = *results_.affected;
  int r = 4;
  s.text(r, 0, "People affected", f_.label);
  const DisclosedCell total = disclose_count(whole_people(a.total), threshold);
  s.text(r, 2, total.text, f_.text);
  ++r;
  s.text(r, 0, "Population of the area", f_.label);
  s.text(r, 2, disclose_count(whole_people(a.base), threshold).text, f_.text);
  ++r;
  s.text(r, 0, "Flag ratio", f_.label);
  s.decimal(r, 2, project_.project.flag_ratio, f_.number);
  ++r;
  ++r;
  const char* h[] = {"Characteristic",
                     "Category",
                     "People affected",
                     "Share of those affected",
                     "Share of the area",
                     "Ratio (over-representation)",
                     "Flag"};
  for (int c = 0; c < 7; ++c) s.text(r, c, h[c], f_.header);
  s.row_height(r, 28);
  const int header = r++;
  for (const auto& ch : a.characteristics) r = affected_characteristic(s, r, ch);
  ++r;
  s.note(r++, 0,
         "Ratio = (share of those affected) / (share of the area); a ratio at or above the flag "
         "ratio flags "
         "the group for the EqIA. " +
             disclosure_statement(threshold),
         f_.note_block);
  s.freeze(header + 1, 0);
  s.print_setup(false, r, 6, header, header);
}

// One characteristic's categories: people affected (disclosure-controlled as one row whose
// total is the people affected), their share against the area's, and the flag.
int ChangeWriter::affected_characteristic(Sheet& s, int r, const CharacteristicImpact& ch) {
  const int threshold = project_.project.disclosure_threshold;
  DisclosureTable table;
  table.counts.emplace_back();
  for (const auto& c : ch.categories) table.counts[0].push_back(whole_people(c.affected));
  table.row_totals = true;  // the categories add up to the people affected
  const DisclosedTable d = apply_disclosure(table, threshold);
  for (std::size_t k = 0; k < ch.categories.size(); ++k) {
    const CategoryImpact& c = ch.categories[k];
    const DisclosedCell& cell = d.cell(0, k);
    s.text(r, 0, characteristic_label(ch.characteristic), f_.text);
    s.text(r, 1, c.category, f_.text);
    if (cell.suppressed)
      s.text(r, 2, cell.text, f_.muted);
    else
      s.number(r, 2, static_cast<double>(table.counts[0][k]), f_.whole);
    const auto derived = [&](int col, const std::optional<Decimal>& v, lxw_format* format) {
      if (!v) {
        s.text(r, col, "n/a", f_.muted);
      } else if (cell.suppressed) {
        s.text(r, col, kWithheldText, f_.muted);
      } else {
        s.decimal(r, col, *v, format);
      }
    };
    derived(3, c.share, f_.pct);
    s.decimal(r, 4, c.base_share ? *c.base_share : Decimal(0), f_.pct);
    if (!c.base_share) s.text(r, 4, "n/a", f_.muted);
    derived(5, c.ratio, f_.number);
    s.text(r, 6, c.flag ? "Over-represented" : "", c.flag ? f_.flag : f_.text);
    ++r;
  }
  return r;
}

}  // namespace eqv::workbook::detail
