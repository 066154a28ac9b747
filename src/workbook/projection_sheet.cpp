#include "change_writer.hpp"

namespace eqv::workbook::detail {

// The column headings and widths.
void ChangeWriter::projection_headings(Sheet& s) {
  const auto& outcomes = change_.sroi.outcomes;
  const int h = lay_.pj_header;
  s.text(h, 0, "Year", f_.header);
  s.text(h, lay_.pj_rate, "Rate in force", f_.header);
  s.text(h, lay_.pj_df, "Discount factor DF(t)", f_.header);
  s.text(h, lay_.pj_applied, "Factor applied to the year's values", f_.header);
  for (std::size_t k = 0; k < outcomes.size(); ++k)
    s.text(h, lay_.pj_first_outcome + static_cast<int>(k),
           outcomes[k].id + ": " + outcomes[k].description + " (\xC2\xA3)", f_.header);
  s.text(h, lay_.pj_value, "Total value (\xC2\xA3)", f_.header);
  s.text(h, lay_.pj_pv, "Present value (\xC2\xA3)", f_.header);
  s.text(h, lay_.pj_cum, "Cumulative present value (\xC2\xA3)", f_.header);
  s.text(h, lay_.pj_breakeven, "Breakeven (year inputs are covered)", f_.header);
  s.row_height(h, 54);
  s.column(0, 0, 7);
  s.column(lay_.pj_rate, lay_.pj_applied, 12);
  if (!outcomes.empty()) s.column(lay_.pj_first_outcome, lay_.pj_value - 1, 15);
  s.column(lay_.pj_value, lay_.pj_cum, 16);
  s.column(lay_.pj_breakeven, lay_.pj_breakeven, 13);
}

// One year's row: the rate, the discount factors, each outcome's value and the totals.
void ChangeWriter::projection_year(Sheet& s, int t, const std::vector<std::string>& im_rows) {
  const auto& outcomes = change_.sroi.outcomes;
  const bool green = change_.sroi.discount.kind == DiscountKind::green_book;
  const std::string im = "'Impact Map'!$";
  const int r = lay_.pj_year_row(t);
  const auto& y = sroi_.years[static_cast<std::size_t>(t - 1)];
  const std::string year = cell_ref(r, 0, false);
  s.number(r, 0, t, f_.year);
  if (green)
    s.formula(r, lay_.pj_rate, "=VLOOKUP(" + year + ",GreenBookSchedule,2,TRUE)",
              green_book_rate(t), f_.pct);
  else
    s.formula(r, lay_.pj_rate, "=DiscountRate", change_.sroi.discount.rate, f_.pct);
  s.formula(
      r, lay_.pj_df,
      "=" + cell_ref(r - 1, lay_.pj_df, false) + "/(1+" + cell_ref(r, lay_.pj_rate, false) + ")",
      df_[static_cast<std::size_t>(t)], f_.factor);
  s.formula(r, lay_.pj_applied,
            "=IF(FirstYearDiscounted," + cell_ref(r, lay_.pj_df, false) + "," +
                cell_ref(r - 1, lay_.pj_df, false) + ")",
            y.discount_factor, f_.factor);
  for (std::size_t k = 0; k < outcomes.size(); ++k) {
    const int c = lay_.pj_first_outcome + static_cast<int>(k);
    const std::string& m = im_rows[k];
    const std::string start = im + column_name(kImStart) + "$" + m;
    const std::string duration = im + column_name(kImDuration) + "$" + m;
    const std::string impact = im + column_name(kImImpact) + "$" + m;
    const std::string drop = im + column_name(kImDropOff) + "$" + m;
    const std::string prev = t == 1 ? std::string("0") : cell_ref(r - 1, c, false);
    s.formula(r, c,
              "=IF(" + year + "=" + start + "," + impact + ",IF(AND(" + year + ">" + start + "," +
                  year + "<=" + start + "+" + duration + "-1)," + prev + "*(1-" + drop + "),0))",
              sroi_.outcomes[k].values[static_cast<std::size_t>(t - 1)], f_.money);
  }
  if (outcomes.empty())
    s.number(r, lay_.pj_value, 0, f_.money);
  else
    s.formula(r, lay_.pj_value,
              "=SUM(" + cell_ref(r, lay_.pj_first_outcome, false) + ":" +
                  cell_ref(r, lay_.pj_value - 1, false) + ")",
              y.value, f_.money);
  s.formula(r, lay_.pj_pv,
            "=" + cell_ref(r, lay_.pj_value, false) + "*" + cell_ref(r, lay_.pj_applied, false),
            y.present_value, f_.money);
  s.formula(r, lay_.pj_cum,
            t == 1
                ? "=" + cell_ref(r, lay_.pj_pv, false)
                : "=" + cell_ref(r - 1, lay_.pj_cum, false) + "+" + cell_ref(r, lay_.pj_pv, false),
            y.cumulative_present_value, f_.money);
  const std::string be = "=IF(" + cell_ref(r, lay_.pj_cum, false) + ">=InputsPV," + year + ",\"\")";
  if (y.cumulative_present_value >= sroi_.total_inputs)
    s.formula(r, lay_.pj_breakeven, be, t, f_.year);
  else
    s.formula_text(r, lay_.pj_breakeven, be, "", f_.year);
}

// The totals row and each outcome's present value.
void ChangeWriter::projection_totals(Sheet& s) {
  const auto& outcomes = change_.sroi.outcomes;
  const int first = lay_.pj_year_row(1), last = lay_.pj_year_row(lay_.horizon);
  const int tr = lay_.pj_total;
  s.text(tr, 0, "Total", f_.money_total);
  for (int c = 1; c < lay_.pj_first_outcome; ++c) s.blank(tr, c, f_.money_total);
  const auto sum = [&](int c) {
    return "=SUM(" + cell_ref(first, c, false) + ":" + cell_ref(last, c, false) + ")";
  };
  Decimal undiscounted = 0;
  for (const auto& y : sroi_.years) undiscounted += y.value;
  for (std::size_t k = 0; k < outcomes.size(); ++k) {
    Decimal total = 0;
    for (const auto& v : sroi_.outcomes[k].values) total += v;
    s.formula(tr, lay_.pj_first_outcome + static_cast<int>(k),
              sum(lay_.pj_first_outcome + static_cast<int>(k)), total, f_.money_total);
  }
  s.formula(tr, lay_.pj_value, sum(lay_.pj_value), undiscounted, f_.money_total);
  s.formula(tr, lay_.pj_pv, sum(lay_.pj_pv), sroi_.present_value, f_.money_total);
  s.blank(tr, lay_.pj_cum, f_.money_total);
  s.blank(tr, lay_.pj_breakeven, f_.money_total);

  const int pr = lay_.pj_outcome_pv;
  s.text(pr, 0, "Present value of each outcome", f_.label);
  const std::string applied =
      cell_ref(first, lay_.pj_applied) + ":" + cell_ref(last, lay_.pj_applied);
  for (std::size_t k = 0; k < outcomes.size(); ++k) {
    const int c = lay_.pj_first_outcome + static_cast<int>(k);
    s.formula(pr, c,
              "=SUMPRODUCT(" + cell_ref(first, c) + ":" + cell_ref(last, c) + "," + applied + ")",
              sroi_.outcomes[k].present_value, f_.money);
  }
  s.note(pr + 2, 0,
         "Present value = total value x factor applied. BenefitsPV names the total present value; "
         "the Summary "
         "rounds it to the penny.",
         f_.note_block);
}

// ---------------------------------------------------------------- Projection
void ChangeWriter::projection() {
  Sheet s = book_.add_sheet(kProjection);
  const auto& outcomes = change_.sroi.outcomes;
  const bool green = change_.sroi.discount.kind == DiscountKind::green_book;
  s.text(0, 0, "Projection: value by year and outcome, discounted", f_.title);
  s.row_height(0, 24);
  s.note(1, 0,
         std::string(green ? "Discount rate: HM Treasury Green Book declining schedule "
                             "(GreenBookSchedule on the "
                             "Assumptions sheet). "
                           : "Discount rate: constant (DiscountRate on the Assumptions sheet). ") +
             (change_.sroi.first_year_discounted
                  ? "The first year is discounted (FirstYearDiscounted = TRUE)."
                  : "The first year is not discounted (FirstYearDiscounted = FALSE).") +
             " DF(t) = DF(t-1) / (1 + rate); each outcome's value falls by its drop-off after its "
             "first year.",
         f_.note_block);
  projection_headings(s);
  const int h = lay_.pj_header;
  const int r0 = lay_.pj_year0;
  s.number(r0, 0, 0, f_.year);
  s.text(r0, lay_.pj_rate, "", f_.text);
  s.number(r0, lay_.pj_df, 1, f_.factor);
  s.text(r0, lay_.pj_applied, "(inputs only)", f_.muted);

  std::vector<std::string> im_rows;
  for (std::size_t k = 0; k < outcomes.size(); ++k)
    im_rows.push_back(std::to_string(lay_.im_first + static_cast<int>(k) + 1));
  for (int t = 1; t <= lay_.horizon; ++t) projection_year(s, t, im_rows);
  projection_totals(s);
  const int pr = lay_.pj_outcome_pv;
  s.freeze(h + 1, 1);
  s.print_setup(lay_.pj_breakeven > 6, pr + 2, lay_.pj_breakeven, h, h);
  s.protect_formulas();
}

}  // namespace eqv::workbook::detail
