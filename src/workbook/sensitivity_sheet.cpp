#include "change_writer.hpp"

namespace eqv::workbook::detail {
namespace {

// Where an assumption sits on the Impact Map, and how it is shown.
std::pair<int, lxw_format*> impact_map_cell(Assumption a, const Formats& f) {
  switch (a) {
    case Assumption::quantity:
      return {kImQuantity, f.number};
    case Assumption::proxy:
      return {kImProxyValue, f.money};
    case Assumption::deadweight:
      return {kImDeadweight, f.pct};
    case Assumption::displacement:
      return {kImDisplacement, f.pct};
    case Assumption::attribution:
      return {kImAttribution, f.pct};
    case Assumption::drop_off:
      return {kImDropOff, f.pct};
  }
  return {kImQuantity, f.pct};
}

}  // namespace

// The value each assumption would have to take for the ratio to fall to 1 : 1.
int ChangeWriter::switching_values(Sheet& s, int r) {
  s.text(r, 0, "Switching values", f_.section);
  for (int c = 1; c <= 3; ++c) s.blank(r, c, f_.section);
  ++r;
  s.note(r++, 0,
         "The value each assumption would have to take, all else equal, for the ratio to fall to 1 "
         ": 1 (present "
         "value of benefits = inputs). \"none\" means no value in the valid range gets there.",
         f_.note_block);
  const char* headers[] = {"Outcome and assumption", "Value now", "Switching value",
                           "Change needed"};
  for (int c = 0; c < 4; ++c) s.text(r, c, headers[c], f_.header);
  s.row_height(r, 28);
  const int sv_header = r++;
  const auto& outcomes = change_.sroi.outcomes;
  for (std::size_t i = 0; i < sroi_.switching.outcomes.size() && i < outcomes.size(); ++i) {
    const auto& [id, values] = sroi_.switching.outcomes[i];
    const Outcome& o = outcomes[i];
    const int im_row = lay_.im_first + static_cast<int>(i);
    for (Assumption a : kAllAssumptions) {
      const auto it = values.find(a);
      const std::optional<Decimal> sv = it == values.end() ? std::nullopt : it->second;
      const auto [col, format] = impact_map_cell(a, f_);
      std::string label = assumption_name(a);
      std::replace(label.begin(), label.end(), '_', '-');
      s.text(r, 0, id + " " + label, f_.text);
      s.formula(r, 1, "=" + lay_.im(im_row, col), o.get(a), format);
      if (sv) {
        s.decimal(r, 2, *sv, format);
        const bool relative = a == Assumption::quantity || a == Assumption::proxy;
        if (relative) {
          const std::string formula = "=IF(" + cell_ref(r, 1, false) + "=0,\"n/a\"," +
                                      cell_ref(r, 2, false) + "/" + cell_ref(r, 1, false) + "-1)";
          if (o.get(a) == 0)
            s.formula_text(r, 3, formula, "n/a", f_.pct);
          else
            s.formula(r, 3, formula, to_double(*sv) / to_double(o.get(a)) - 1, f_.pct);
        } else {
          s.formula(r, 3, "=" + cell_ref(r, 2, false) + "-" + cell_ref(r, 1, false),
                    to_double(*sv) - to_double(o.get(a)), f_.pct);
        }
      } else {
        s.text(r, 2, "none", f_.muted);
      }
      ++r;
    }
  }
  s.text(r, 0, "Discount rate", f_.text);
  if (change_.sroi.discount.kind == DiscountKind::constant)
    s.formula(r, 1, "=DiscountRate", change_.sroi.discount.rate, f_.pct);
  else
    s.text(r, 1, "Green Book", f_.muted);
  if (sroi_.switching.discount_rate)
    s.decimal(r, 2, *sroi_.switching.discount_rate, f_.pct);
  else
    s.text(r, 2, "none in 0% to 1,000%", f_.muted);
  ++r;
  s.note(r++, 0,
         "Change needed: relative for quantity and proxy; in percentage points for the rates.",
         f_.note_block);
  (void)sv_header;
  ++r;
  return r;
}

// The tornado chart of rows first..last, placed at row `at_row`.
void ChangeWriter::tornado_chart(Sheet& s, int tornado_first, int tornado_last, int at_row) {
  lxw_chart* chart = workbook_add_chart(book_.raw(), LXW_CHART_BAR);
  if (!chart) throw WorkbookError("could not add the tornado chart");
  const auto series = [&](int col, const char* name, lxw_color_t color) {
    lxw_chart_series* se = chart_add_series(chart, nullptr, nullptr);
    if (!se) throw WorkbookError("could not add a series to the tornado chart");
    chart_series_set_categories(se, s.name().c_str(), static_cast<lxw_row_t>(tornado_first), 0,
                                static_cast<lxw_row_t>(tornado_last), 0);
    chart_series_set_values(se, s.name().c_str(), static_cast<lxw_row_t>(tornado_first),
                            static_cast<lxw_col_t>(col), static_cast<lxw_row_t>(tornado_last),
                            static_cast<lxw_col_t>(col));
    chart_series_set_name(se, name);
    lxw_chart_fill fill{};
    fill.color = color;
    chart_series_set_fill(se, &fill);
  };
  series(5, "Assumption at its low value", 0xC55A11);
  series(6, "Assumption at its high value", 0x2F5597);
  chart_set_series_overlap(chart, 100);
  chart_set_series_gap(chart, 40);
  chart_title_set_name(chart, "Change in SROI ratio, one assumption at a time");
  chart_axis_set_reverse(chart->y_axis);  // widest bar at the top
  chart_axis_set_label_position(chart->y_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
  chart_axis_set_num_format(chart->x_axis, "0.00");
  chart_axis_set_name(chart->x_axis, "Change in ratio from the ratio now");
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  lxw_chart_options opt{};
  opt.x_scale = 1.6;
  opt.y_scale = 1.2;
  if (worksheet_insert_chart_opt(s.raw(), static_cast<lxw_row_t>(at_row), 0, chart, &opt) !=
      LXW_NO_ERROR)
    throw WorkbookError("could not place the tornado chart on the Sensitivity sheet");
}

// Each assumption moved to the ends of its range, one at a time, with its chart.
int ChangeWriter::tornado(Sheet& s, int r) {
  // One at a time (tornado).
  s.text(r, 0, "One at a time (tornado)", f_.section);
  for (int c = 1; c <= 7; ++c) s.blank(r, c, f_.section);
  ++r;
  s.text(r, 0, "Ratio now", f_.label);
  const int base_row = r;
  const double base_ratio = sroi_.ratio ? to_double(*sroi_.ratio) : 0.0;
  if (sroi_.ratio)
    s.decimal(r, 1, *sroi_.ratio, f_.ratio);
  else
    s.text(r, 1, "n/a (no inputs)", f_.muted);
  s.note(r, 2,
         "Each assumption moved to the low and high end of its range (or 20% either side when no "
         "range is "
         "given), everything else held.",
         f_.note_block);
  r += 2;
  const char* th[] = {"Assumption",    "Low value",     "High value",     "Ratio at low",
                      "Ratio at high", "Change at low", "Change at high", "Swing"};
  for (int c = 0; c < 8; ++c) s.text(r, c, th[c], f_.header);
  s.row_height(r, 28);
  const int tornado_header = r++;
  const int tornado_first = r;
  const std::size_t shown = std::min<std::size_t>(sroi_.tornado.size(), 12);
  for (std::size_t i = 0; i < shown; ++i) {
    const TornadoBar& b = sroi_.tornado[i];
    lxw_format* format = f_.pct;
    if (b.assumption == Assumption::quantity) format = f_.number;
    if (b.assumption == Assumption::proxy) format = f_.money;
    std::string label = b.label;
    std::replace(label.begin(), label.end(), '_', '-');
    s.text(r, 0, label, f_.text);
    s.decimal(r, 1, b.low, format);
    s.decimal(r, 2, b.high, format);
    const auto ratio_cell = [&](int col, const std::optional<Decimal>& v) {
      if (v)
        s.decimal(r, col, *v, f_.ratio);
      else
        s.text(r, col, "n/a", f_.muted);
    };
    ratio_cell(3, b.ratio_at_low);
    ratio_cell(4, b.ratio_at_high);
    if (b.ratio_at_low && b.ratio_at_high && sroi_.ratio) {
      const std::string base = cell_ref(base_row, 1);
      s.formula(r, 5, "=" + cell_ref(r, 3, false) + "-" + base,
                to_double(*b.ratio_at_low) - base_ratio, f_.ratio);
      s.formula(r, 6, "=" + cell_ref(r, 4, false) + "-" + base,
                to_double(*b.ratio_at_high) - base_ratio, f_.ratio);
      s.formula(r, 7, "=ABS(" + cell_ref(r, 4, false) + "-" + cell_ref(r, 3, false) + ")",
                to_double(b.swing), f_.ratio);
    }
    ++r;
  }
  if (shown == 0)
    s.text(r++, 0, "No one-at-a-time tests: the change has no outcomes or no inputs.", f_.muted);
  if (sroi_.tornado.size() > shown)
    s.note(r++, 0,
           "The " + std::to_string(shown) + " widest of " + std::to_string(sroi_.tornado.size()) +
               " tests are shown.",
           f_.note_block);
  const int tornado_last = tornado_first + static_cast<int>(shown) - 1;
  if (shown > 0 && sroi_.ratio) {
    tornado_chart(s, tornado_first, tornado_last, r + 1);
    r += 20;
  }
  (void)tornado_header;
  ++r;
  return r;
}

// The Monte Carlo simulation's percentiles, when any assumption has a range.
int ChangeWriter::monte_carlo(Sheet& s, int r) {
  // Monte Carlo.
  s.text(r, 0, "Monte Carlo simulation", f_.section);
  for (int c = 1; c <= 3; ++c) s.blank(r, c, f_.section);
  ++r;
  if (!sroi_.monte_carlo) {
    s.text(r++, 0, "Not run: no assumption of this change has a range (low and high) to draw from.",
           f_.muted);
  } else {
    const MonteCarloResult& mc = *sroi_.monte_carlo;
    s.text(r, 0, "Draws", f_.label);
    s.number(r++, 1, mc.draws, f_.whole);
    s.text(r, 0, "Seed", f_.label);
    s.text(r++, 1, std::to_string(mc.seed), f_.text);
    const char* mh[] = {"", "5th percentile", "Median", "95th percentile"};
    for (int c = 0; c < 4; ++c) s.text(r, c, mh[c], f_.header);
    ++r;
    if (mc.has_ratio) {
      s.text(r, 0, "SROI ratio", f_.label);
      s.number(r, 1, mc.ratio_p5, f_.ratio);
      s.number(r, 2, mc.ratio_p50, f_.ratio);
      s.number(r++, 3, mc.ratio_p95, f_.ratio);
    }
    s.text(r, 0, "Present value of benefits", f_.label);
    s.number(r, 1, mc.pv_p5, f_.money);
    s.number(r, 2, mc.pv_p50, f_.money);
    s.number(r++, 3, mc.pv_p95, f_.money);
    if (mc.has_ratio) {
      s.text(r, 0, "Chance the ratio is below 1 : 1", f_.label);
      s.number(r++, 1, mc.prob_ratio_below_1, f_.pct);
    }
    s.note(r++, 0,
           "Assumptions with a range are drawn (uniform or triangular, mode = the value now); the "
           "others stay fixed. "
           "The same seed gives the same figures.",
           f_.note_block);
  }
  return r;
}

// ---------------------------------------------------------------- Sensitivity
void ChangeWriter::sensitivity() {
  Sheet s = book_.add_sheet(kSensitivity);
  s.column(0, 0, 26);
  s.column(1, 7, 15);
  s.text(0, 0, "Sensitivity: how sure is the ratio?", f_.title);
  s.row_height(0, 24);
  s.note(1, 0,
         "Calculated by Equivalue at export from the inputs as exported; saved as values, these do "
         "not change "
         "when an input is edited.",
         f_.note_block);
  int r = switching_values(s, 3);
  r = tornado(s, r);
  r = monte_carlo(s, r);
  s.print_setup(false, r, 7);
  s.protect_formulas();
}

}  // namespace eqv::workbook::detail
