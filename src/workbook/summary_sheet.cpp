#include "change_writer.hpp"

namespace eqv::workbook::detail {

// The headline figures, each with how it is worked out.
int ChangeWriter::summary_headline(Sheet& s, int r) {
  // Headline figures.
  s.text(r, 0, "Headline figures", f_.section);
  s.blank(r, 1, f_.section);
  s.text(r, 2, "How it is worked out", f_.section);
  ++r;
  const std::string pv = "BenefitsPV", in = "InputsPV";
  const auto money_row = [&](const std::string& label, const std::string& formula,
                             const Decimal& cached, const std::string& how) {
    s.text(r, 0, label, f_.label);
    s.formula(r, 1, formula, pence(cached), f_.money_key);
    s.row_height(r, 17);
    s.text(r, 2, how, f_.note);
    ++r;
  };
  money_row(
      "Present value of benefits", "=ROUND(" + pv + ",2)", sroi_.present_value,
      "Sum of the Projection sheet's present values (named BenefitsPV), rounded to the penny.");
  money_row("Present value of inputs", "=ROUND(" + in + ",2)", sroi_.total_inputs,
            "Sum of the Inputs sheet's present values (named InputsPV).");
  money_row("Net present value", "=ROUND(" + pv + "-" + in + ",2)", sroi_.npv,
            "Benefits less inputs, both unrounded, then rounded.");
  const auto ratio_row = [&](const std::string& label, const std::string& expr,
                             const std::optional<Decimal>& v, lxw_format* format,
                             const std::string& how) {
    s.text(r, 0, label, f_.label);
    const std::string formula = "=IF(" + in + "=0,\"n/a\",ROUND(" + expr + ",4))";
    if (v)
      s.formula(r, 1, formula, rounded(*v, kRatioPlaces), format);
    else
      s.formula_text(r, 1, formula, "n/a", format);
    s.text(r, 2, how, f_.note);
    s.row_height(r, 17);
    ++r;
  };
  ratio_row("SROI ratio", pv + "/" + in, sroi_.ratio, f_.ratio_key,
            "Value for each pound invested: benefits / inputs (four places in the cell).");
  ratio_row("Net SROI ratio", "(" + pv + "-" + in + ")/" + in, sroi_.net_ratio, f_.ratio,
            "Net present value / inputs.");
  {
    const std::string year1 = lay_.pj(lay_.pj_year_row(1), lay_.pj_value);
    const std::string formula =
        "=IF(" + year1 + "=0,\"n/a\",ROUND(" + in + "/(" + year1 + "/12),2))";
    s.text(r, 0, "Payback period (months)", f_.label);
    if (sroi_.payback_months)
      s.formula(r, 1, formula, rounded(*sroi_.payback_months, 2), f_.number);
    else
      s.formula_text(r, 1, formula, "n/a", f_.number);
    s.text(r, 2, "Inputs / (undiscounted value of year 1 / 12).", f_.note);
    ++r;
  }
  {
    const std::string range = sheet_range(kProjection, lay_.pj_year_row(1), lay_.pj_breakeven,
                                          lay_.pj_year_row(lay_.horizon), lay_.pj_breakeven);
    const std::string formula = "=IF(COUNT(" + range + ")=0,\"not reached\",MIN(" + range + "))";
    s.text(r, 0, "Breakeven year", f_.label);
    if (sroi_.breakeven_year)
      s.formula(r, 1, formula, *sroi_.breakeven_year, f_.year);
    else
      s.formula_text(r, 1, formula, "not reached", f_.year);
    s.text(r, 2, "First year in which cumulative present value reaches the inputs.", f_.note);
    ++r;
  }
  s.text(r, 0, "Horizon (years)", f_.label);
  s.number(r, 1, lay_.horizon, f_.year);
  s.text(r, 2, "Last year in which any outcome has value.", f_.note);
  r += 2;
  return r;
}

// Present value by type of value, by benefiting agency and by stakeholder.
int ChangeWriter::summary_by_type(Sheet& s, int r) {
  // Value by type.
  s.text(r, 0, "Present value by type of value", f_.section);
  s.blank(r, 1, f_.section);
  s.blank(r, 2, f_.section);
  ++r;
  const std::string pv_col = lay_.im_column(kImPv), type_col = lay_.im_column(kImType);
  for (const char* type : {"social", "economic", "fiscal"}) {
    const auto it = sroi_.split.by_type.find(type);
    const Decimal value = it == sroi_.split.by_type.end() ? Decimal(0) : it->second;
    std::string label = type;
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
    s.text(r, 0, label, f_.text);
    s.formula(r, 1,
              "=ROUND(SUMPRODUCT(--EXACT(" + type_col + ",\"" + type + "\")," + pv_col + "),2)",
              pence(value), f_.money);
    ++r;
  }
  s.text(r, 0, "Of which fiscal and cashable", f_.text);
  s.formula(r, 1,
            "=ROUND(SUMPRODUCT(--EXACT(" + type_col + ",\"fiscal\"),--EXACT(" +
                lay_.im_column(kImCashable) + ",\"Yes\")," + pv_col + "),2)",
            pence(sroi_.split.cashable), f_.money);
  s.text(r, 2, "Fiscal outcomes marked cashable on the Impact Map.", f_.note);
  r += 2;

  if (!sroi_.split.by_agency.empty()) {
    s.text(r, 0, "Fiscal value by benefiting agency", f_.section);
    s.blank(r, 1, f_.section);
    s.blank(r, 2, f_.section);
    ++r;
    for (const auto& [agency, value] : sroi_.split.by_agency) {
      const bool unspecified = agency == "unspecified";
      s.text(r, 0, unspecified ? "Not stated" : agency, f_.text);
      const std::string match = unspecified ? std::string("\"\"") : cell_ref(r, 0);
      s.formula(r, 1,
                "=ROUND(SUMPRODUCT(--EXACT(" + type_col + ",\"fiscal\"),--EXACT(" +
                    lay_.im_column(kImAgency) + "," + match + ")," + pv_col + "),2)",
                pence(value), f_.money);
      ++r;
    }
    ++r;
  }

  // Value by stakeholder: matched on the stakeholder id (exact, case-sensitive).
  s.text(r, 0, "Present value by stakeholder", f_.section);
  s.blank(r, 1, f_.section);
  s.text(r, 2, "Stakeholder id", f_.section);
  ++r;
  for (const auto& st : change_.sroi.stakeholders) {
    const auto it = sroi_.split.by_stakeholder.find(st.id);
    const Decimal value = it == sroi_.split.by_stakeholder.end() ? Decimal(0) : it->second;
    s.text(r, 0, st.name.empty() ? st.id : st.name, f_.text);
    s.text(r, 2, st.id, f_.muted);
    s.formula(r, 1,
              "=ROUND(SUMPRODUCT(--EXACT(" + lay_.im_column(kImStakeholderId) + "," +
                  cell_ref(r, 2) + ")," + pv_col + "),2)",
              pence(value), f_.money);
    ++r;
  }
  ++r;
  return r;
}

// The equality impact assessment in brief.
int ChangeWriter::summary_equality(Sheet& s, int r) {
  // Equality.
  s.text(r, 0, "Equality impact assessment", f_.section);
  s.blank(r, 1, f_.section);
  s.blank(r, 2, f_.section);
  ++r;
  if (!change_.eqia) {
    s.text(r++, 0, "No equality impact assessment has been recorded for this change.", f_.flag);
  } else {
    const Eqia& e = *change_.eqia;
    s.text(r, 0, "Status", f_.label);
    s.text(r++, 1,
           std::string(status_name(e.status)) + " (version " + std::to_string(e.version) + ")",
           f_.text);
    s.text(r, 0, "Decision", f_.label);
    s.text(r++, 1, decision_text(e.decision.outcome), f_.text);
    int negatives = 0;
    for (const auto& i : e.impacts) negatives += i.rating == Rating::negative ? 1 : 0;
    s.text(r, 0, "Negative impacts recorded", f_.label);
    s.number(r++, 1, negatives, f_.whole);
  }
  s.text(r, 0, "Groups over-represented among those affected", f_.label);
  std::string flags;
  if (results_.affected)
    for (const auto& ch : results_.affected->characteristics)
      for (const auto& c : ch.categories)
        if (c.flag)
          flags += (flags.empty() ? "" : "; ") + characteristic_label(ch.characteristic) + ": " +
                   c.category;
  s.text(r, 1,
         flags.empty() ? "None at the flag ratio of " + to_exact_string(project_.project.flag_ratio)
                       : flags,
         flags.empty() ? f_.ok : f_.flag);
  ++r;
  s.note(r++, 0,
         "See the EqIA and Affected groups sheets for the assessment and the numbers of people.",
         f_.note_block);
  return r;
}

// ---------------------------------------------------------------- Summary
void ChangeWriter::summary() {
  Sheet s = book_.add_sheet(kSummary);
  s.column(0, 0, 42);
  s.column(1, 1, 20);
  s.column(2, 2, 70);
  s.text(0, 0, "Service change " + change_.id + ": " + change_.title, f_.title);
  s.row_height(0, 24);
  s.note(1, 0, project_.project.name, f_.note_block);
  s.note(2, 0,
         "Social return on investment (SROI) and equality impact assessment (EqIA). Figures in "
         "pounds at "
         "base-year (" +
             std::to_string(project_.project.base_year) + ") prices.",
         f_.note_block);

  int r = 4;
  r = summary_headline(s, r);
  r = summary_by_type(s, r);
  r = summary_equality(s, r);
  s.print_setup(false, r, 2);
  s.protect_formulas();
  worksheet_activate(s.raw());
}

}  // namespace eqv::workbook::detail
