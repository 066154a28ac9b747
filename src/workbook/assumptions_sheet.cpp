#include "change_writer.hpp"

namespace eqv::workbook::detail {

// The settings behind every figure, as named input cells.
int ChangeWriter::assumption_settings(Sheet& s, int r) {
  // Settings.
  s.text(r, 0, "Settings", f_.section);
  for (int c = 1; c <= 3; ++c) s.blank(r, c, f_.section);
  ++r;
  const auto label = [&](const std::string& text, const std::string& note) {
    s.text(r, 0, text, f_.label);
    s.merge(r, 2, r, 6, note, f_.note_block);
  };
  label("Base year for prices (BaseYear)",
        "Proxies priced in other years are rebased with the deflator series.");
  s.number(r, 1, project_.project.base_year, f_.year_input);
  validate_inputs(s, r, 1, r, InputRule::year);
  base_year_ = s.ref(r++, 1);
  const bool green = change_.sroi.discount.kind == DiscountKind::green_book;
  label("Discounting", green ? "HM Treasury Green Book declining schedule (below)."
                             : "A constant rate each year.");
  s.text(r++, 1, green ? "Green Book schedule" : "Constant rate", f_.text);
  label("Discount rate (DiscountRate)",
        green ? "Not used: the Green Book schedule applies." : "The Green Book rate is 3.5%.");
  s.decimal(r, 1, change_.sroi.discount.rate, f_.pct_input);
  validate_inputs(s, r, 1, r, InputRule::fraction);
  discount_rate_ = s.ref(r++, 1);
  label("First year discounted (FirstYearDiscounted)",
        "TRUE: year 1 is discounted by DF(1), as the SROI Guide does. FALSE: by DF(0) = 1.");
  s.boolean(r, 1, change_.sroi.first_year_discounted, f_.bool_input);
  first_year_ = s.ref(r++, 1);
  label("Optimism bias (OptimismBias)",
        "Fraction taken off every benefit (Green Book supplementary guidance).");
  s.decimal(r, 1, change_.sroi.optimism_bias, f_.pct_input);
  validate_inputs(s, r, 1, r, InputRule::fraction);
  optimism_ = s.ref(r++, 1);
  label("Disclosure threshold", "Counts of people below this are not published.");
  s.number(r++, 1, project_.project.disclosure_threshold, f_.whole);
  label("Flag ratio", "A group's over-representation at or above this raises an EqIA flag.");
  s.decimal(r++, 1, project_.project.flag_ratio, f_.number);
  ++r;
  return r;
}

// The Green Book schedule and the deflator series.
int ChangeWriter::assumption_schedules(Sheet& s, int r) {
  // Schedules.
  s.text(r, 0, "Green Book discount rate schedule (GreenBookSchedule)", f_.section);
  for (int c = 1; c <= 3; ++c) s.blank(r, c, f_.section);
  ++r;
  s.text(r, 0, "From year", f_.header);
  s.text(r, 1, "Rate", f_.header);
  ++r;
  const int gb_first = r;
  for (int from : {1, 31, 76, 126, 201, 301}) {
    s.number(r, 0, from, f_.year);
    s.decimal(r, 1, green_book_rate(from), f_.pct);
    ++r;
  }
  green_schedule_ = s.range(gb_first, 0, r - 1, 1);
  ++r;

  s.text(r, 0, "GDP deflator series (Deflators)", f_.section);
  for (int c = 1; c <= 3; ++c) s.blank(r, c, f_.section);
  ++r;
  const auto* deflators = deflators_in_use(project_.project);
  if (deflators) {
    s.merge(r, 0, r, 6,
            "Series: " + deflator_series_in_use(project_.project) +
                ". Each proxy is rebased from its price year to the base year: value x "
                "index(base year) / index(price year).",
            f_.wrap);
    ++r;
  }
  s.text(r, 0, "Year", f_.header);
  s.text(r, 1, "Index", f_.header);
  ++r;
  const int df_first = r;
  if (deflators) {
    for (const auto& [year, index] : *deflators) {
      s.number(r, 0, year, f_.year);
      s.decimal(r, 1, index, f_.number_input);
      ++r;
    }
  } else {
    s.text(r, 0, "None: rebasing is turned off, so proxies are used as priced.", f_.muted);
    ++r;
  }
  deflators_ = s.range(df_first, 0, r - 1, 1);
  ++r;
  return r;
}

// Each outcome's proxy with its source, and the ranges for sensitivity.
int ChangeWriter::assumption_proxies(Sheet& s, int r) {
  // Proxies.
  s.text(r, 0, "Financial proxies and sources", f_.section);
  for (int c = 1; c <= 6; ++c) s.blank(r, c, f_.section);
  ++r;
  const char* ph[] = {"Outcome and proxy",
                      "Value as priced (\xC2\xA3)",
                      "Unit",
                      "Price year",
                      "Evidence grade",
                      "Source"};
  for (int c = 0; c < 6; ++c) s.text(r, c, ph[c], f_.header);
  s.merge(r, 5, r, 6, "Source", f_.header);
  s.text(r, 7, "In base-year prices (\xC2\xA3)", f_.header);
  ++r;
  const auto& outcomes = change_.sroi.outcomes;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const Outcome& o = outcomes[i];
    const int im_row = lay_.im_first + static_cast<int>(i);
    s.text(r, 0, o.id + ": " + o.proxy.description, f_.wrap);
    s.formula(r, 1, "=" + lay_.im(im_row, kImProxyValue), o.proxy.value, f_.money);
    s.text(r, 2, o.proxy.unit, f_.wrap);
    if (o.proxy.price_year)
      s.number(r, 3, o.proxy.price_year, f_.year);
    else
      s.text(r, 3, "not stated", f_.muted);
    s.text(r, 4, o.proxy.evidence_grade, f_.text);
    s.merge(r, 5, r, 6, o.proxy.source, f_.wrap);
    s.formula(r, 7, "=" + lay_.im(im_row, kImProxyValue) + "*" + lay_.im(im_row, kImRebase),
              real_proxy_value(o.proxy, project_.project), f_.money);
    ++r;
  }
  ++r;

  s.text(r, 0, "Ranges for sensitivity", f_.section);
  for (int c = 1; c <= 4; ++c) s.blank(r, c, f_.section);
  ++r;
  const char* rh[] = {"Outcome and assumption", "Low", "High", "Distribution"};
  for (int c = 0; c < 4; ++c) s.text(r, c, rh[c], f_.header);
  ++r;
  bool any = false;
  for (const auto& o : outcomes) {
    for (const auto& [a, range] : o.ranges) {
      lxw_format* format = a == Assumption::proxy      ? f_.money
                           : a == Assumption::quantity ? f_.number
                                                       : f_.pct;
      std::string name = assumption_name(a);
      std::replace(name.begin(), name.end(), '_', '-');
      s.text(r, 0, o.id + " " + name, f_.text);
      s.decimal(r, 1, range.low, format);
      s.decimal(r, 2, range.high, format);
      s.text(r, 3, distribution_name(range.distribution), f_.text);
      ++r;
      any = true;
    }
  }
  if (!any)
    s.text(r++, 0, "No ranges given: the one-at-a-time tests use 20% either side.", f_.muted);
  return r;
}

// ---------------------------------------------------------------- Assumptions
void ChangeWriter::assumptions() {
  Sheet s = book_.add_sheet(kAssumptions);
  s.column(0, 0, 40);
  s.column(1, 1, 16);
  s.column(2, 2, 18);
  s.column(3, 4, 12);
  s.column(5, 6, 24);
  s.text(0, 0, "Assumptions and sources", f_.title);
  s.row_height(0, 24);
  s.note(1, 0,
         "Settings behind every figure. Yellow cells are inputs; the names in brackets are used by "
         "formulas.",
         f_.note_block);
  int r = 3;
  r = assumption_settings(s, r);
  r = assumption_schedules(s, r);
  r = assumption_proxies(s, r);
  s.print_setup(false, r, 7);
  s.protect_formulas();
}

}  // namespace eqv::workbook::detail
