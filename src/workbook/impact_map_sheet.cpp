#include "change_writer.hpp"

namespace eqv::workbook::detail {

// Outcome i's row: its inputs are cells a reader may change, the rest formulas.
void ChangeWriter::impact_map_row(Sheet& s, std::size_t i) {
  const Outcome& o = change_.sroi.outcomes[i];
  const std::string in_stakeholders = lay_.in_column(kInStakeholderId),
                    in_amounts = lay_.in_column(kInAmount);
  const int r = lay_.im_first + static_cast<int>(i);
  const auto at = [&](int col) { return cell_ref(r, col, false); };
  s.text(r, kImId, o.id, f_.label);
  s.text(r, kImStakeholderId, o.stakeholder, f_.muted);
  s.text(r, kImStakeholder, stakeholder_name(o.stakeholder), f_.wrap);
  Decimal stakeholder_inputs = 0;
  for (const auto& in : change_.sroi.inputs)
    if (in.stakeholder == o.stakeholder) stakeholder_inputs += in.amount;
  s.formula(r, kImInputs,
            "=SUMPRODUCT(--EXACT(" + in_stakeholders + "," + at(kImStakeholderId) + ")," +
                in_amounts + ")",
            stakeholder_inputs, f_.money);
  s.formula_text(r, kImChange,
                 "=IF(" + at(kImProxyValue) + "<0,\"Unintended (negative)\",\"Intended\")",
                 o.proxy.value < 0 ? "Unintended (negative)" : "Intended", f_.wrap);
  s.text(r, kImOutputs, "Not recorded", f_.muted);
  s.text(r, kImDescription, o.description, f_.wrap);
  s.text(r, kImIndicator, o.indicator, f_.wrap);
  s.text(r, kImType, value_type_name(o.type), f_.text_input);
  s.text(r, kImAgency, o.agency, f_.text_input);
  s.text(r, kImCashable, o.cashable ? "Yes" : "No", f_.text_input);
  s.decimal(r, kImQuantity, o.quantity, f_.number_input);
  s.number(r, kImDuration, o.duration, f_.year_input);
  s.number(r, kImStart, o.start_year, f_.year_input);
  s.text(r, kImProxy, o.proxy.description, f_.wrap);
  s.decimal(r, kImProxyValue, o.proxy.value, f_.money_input);
  s.number(r, kImPriceYear, o.proxy.price_year, f_.year_input);
  s.text(r, kImSource, o.proxy.source, f_.wrap);
  const Decimal rebase =
      o.proxy.value == 0 ? Decimal(1) : real_proxy_value(o.proxy, project_.project) / o.proxy.value;
  s.formula(r, kImRebase,
            "=IF(OR(" + at(kImPriceYear) + "=0," + at(kImPriceYear) +
                "=BaseYear),1,IFERROR(VLOOKUP(BaseYear,"
                "Deflators,2,FALSE)/VLOOKUP(" +
                at(kImPriceYear) + ",Deflators,2,FALSE),1))",
            rebase, f_.factor);
  s.decimal(r, kImDeadweight, o.deadweight, f_.pct_input);
  s.decimal(r, kImDisplacement, o.displacement, f_.pct_input);
  s.decimal(r, kImAttribution, o.attribution, f_.pct_input);
  s.decimal(r, kImDropOff, o.drop_off, f_.pct_input);
  s.formula(r, kImImpact,
            "=" + at(kImQuantity) + "*" + at(kImProxyValue) + "*" + at(kImRebase) + "*(1-" +
                at(kImDeadweight) + ")*(1-" + at(kImDisplacement) + ")*(1-" + at(kImAttribution) +
                ")*(1-OptimismBias)",
            first_year_value(o, change_.sroi, project_.project), f_.money);
  s.formula(r, kImPv,
            "=" + lay_.pj(lay_.pj_outcome_pv, lay_.pj_first_outcome + static_cast<int>(i)),
            sroi_.outcomes[i].present_value, f_.money);
}

// The stages over the columns (row `group`) and each column's heading and width.
void ChangeWriter::impact_map_headings(Sheet& s, int group, int header) {
  s.merge(group, kImId, group, kImStakeholder, "Stage 1: stakeholders", f_.header_group);
  s.merge(group, kImInputs, group, kImOutputs, "Stage 2: inputs, outputs", f_.header_group);
  s.merge(group, kImDescription, group, kImStart, "Stage 2-3: outcomes", f_.header_group);
  s.merge(group, kImProxy, group, kImRebase, "Stage 3: valuation", f_.header_group);
  s.merge(group, kImDeadweight, group, kImDropOff, "Stage 4: establishing impact", f_.header_group);
  s.merge(group, kImImpact, group, kImPv, "Stage 5: impact", f_.header_group);
  const char* headers[kImColumns] = {"Outcome",
                                     "Stakeholder id",
                                     "Stakeholder",
                                     "Inputs (\xC2\xA3)",
                                     "Intended / unintended change",
                                     "Outputs",
                                     "Outcome description",
                                     "Indicator",
                                     "Type of value",
                                     "Benefiting agency",
                                     "Cashable",
                                     "Quantity",
                                     "Duration (years)",
                                     "Start year",
                                     "Financial proxy",
                                     "Proxy value (\xC2\xA3 per unit per year)",
                                     "Price year",
                                     "Source",
                                     "Rebase to base year",
                                     "Deadweight",
                                     "Displacement",
                                     "Attribution",
                                     "Drop-off",
                                     "Impact, first year (\xC2\xA3)",
                                     "Present value (\xC2\xA3)"};
  for (int c = 0; c < kImColumns; ++c) s.text(header, c, headers[c], f_.header);
  s.row_height(header, 42);
  const double widths[kImColumns] = {9, 11, 18, 12, 14, 11, 26, 20, 10, 12, 9,  10, 9,
                                     8, 22, 13, 8,  20, 10, 10, 11, 10, 9,  14, 14};
  for (int c = 0; c < kImColumns; ++c) s.column(c, c, widths[c]);
}

// ---------------------------------------------------------------- Impact Map
void ChangeWriter::impact_map() {
  Sheet s = book_.add_sheet(kImpactMap);
  const auto& outcomes = change_.sroi.outcomes;
  s.text(0, 0, "Impact map: " + change_.id + " " + change_.title, f_.title);
  s.row_height(0, 24);
  s.note(1, 0,
         "Social Value UK impact map. Yellow cells are inputs: change one and every figure in this "
         "workbook "
         "recalculates. Other figures are formulas.",
         f_.note_block);
  const int group = 4, header = 5;
  impact_map_headings(s, group, header);

  for (std::size_t i = 0; i < outcomes.size(); ++i) impact_map_row(s, i);
  if (outcomes.empty())
    s.text(lay_.im_first, kImId, "No outcomes recorded for this change.", f_.muted);
  const int last = lay_.im_first + lay_.im_rows - 1;
  if (!outcomes.empty()) {
    validate_list(s, lay_.im_first, kImType, last, {"social", "economic", "fiscal"},
                  "Choose social, economic or fiscal.");
    validate_list(s, lay_.im_first, kImCashable, last, {"Yes", "No"}, "Choose Yes or No.");
    validate_inputs(s, lay_.im_first, kImQuantity, last, InputRule::non_negative);
    validate_inputs(s, lay_.im_first, kImDuration, last, InputRule::whole_from_1);
    validate_inputs(s, lay_.im_first, kImStart, last, InputRule::whole_from_1);
    validate_inputs(s, lay_.im_first, kImPriceYear, last, InputRule::year);
    for (int c : {kImDeadweight, kImDisplacement, kImAttribution, kImDropOff})
      validate_inputs(s, lay_.im_first, c, last, InputRule::fraction);
  }
  const int t = lay_.im_total;
  s.text(t, kImId, "Total", f_.money_total);
  for (int c = kImStakeholderId; c < kImImpact; ++c) s.blank(t, c, f_.money_total);
  Decimal first_year_total = 0;
  for (const auto& o : outcomes)
    first_year_total += first_year_value(o, change_.sroi, project_.project);
  s.formula(t, kImImpact,
            "=SUM(" + cell_ref(lay_.im_first, kImImpact, false) + ":" +
                cell_ref(last, kImImpact, false) + ")",
            first_year_total, f_.money_total);
  s.formula(
      t, kImPv,
      "=SUM(" + cell_ref(lay_.im_first, kImPv, false) + ":" + cell_ref(last, kImPv, false) + ")",
      sroi_.present_value, f_.money_total);
  s.note(t + 2, kImId,
         "Impact, first year = quantity x proxy x rebase x (1 - deadweight) x (1 - displacement) x "
         "(1 - attribution) "
         "x (1 - OptimismBias). Drop-off applies from the second year of an outcome (Projection "
         "sheet). Durations "
         "beyond the projection's horizon of " +
             std::to_string(lay_.horizon) + " years need a new export.",
         f_.note_block);
  s.freeze(header + 1, kImStakeholderId);
  s.print_setup(true, t + 2, kImColumns - 1, group, header, 8);
  s.protect_formulas();
}

}  // namespace eqv::workbook::detail
