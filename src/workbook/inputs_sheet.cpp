#include "change_writer.hpp"

namespace eqv::workbook::detail {

// ---------------------------------------------------------------- Inputs
void ChangeWriter::inputs() {
  Sheet s = book_.add_sheet(kInputs);
  const auto& inputs = change_.sroi.inputs;
  s.text(0, 0, "Inputs: what the change costs", f_.title);
  s.row_height(0, 24);
  s.note(1, 0,
         "Year 0 is up front and not discounted. Present value = amount x the discount factor of "
         "its year "
         "(DiscountFactors, from the Projection sheet).",
         f_.note_block);
  const char* headers[kInColumns] = {
      "Ref",  "Stakeholder id",    "Stakeholder",     "Description",
      "Year", "Amount (\xC2\xA3)", "Discount factor", "Present value (\xC2\xA3)"};
  const double widths[kInColumns] = {7, 13, 24, 40, 8, 15, 12, 16};
  const int header = 3;
  for (int c = 0; c < kInColumns; ++c) {
    s.text(header, c, headers[c], f_.header);
    s.column(c, c, widths[c]);
  }
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const Input& in = inputs[i];
    const int r = lay_.in_first + static_cast<int>(i);
    s.text(r, kInRef, "I" + std::to_string(i + 1), f_.label);
    s.text(r, kInStakeholderId, in.stakeholder, f_.muted);
    s.text(r, kInStakeholder, stakeholder_name(in.stakeholder), f_.wrap);
    s.text(r, kInDescription, in.description, f_.wrap);
    s.number(r, kInYear, in.year, f_.year_input);
    s.decimal(r, kInAmount, in.amount, f_.money_input);
    s.formula(r, kInFactor, "=INDEX(DiscountFactors," + cell_ref(r, kInYear, false) + "+1)",
              df_[static_cast<std::size_t>(in.year)], f_.factor);
    s.formula(r, kInPv, "=" + cell_ref(r, kInAmount, false) + "*" + cell_ref(r, kInFactor, false),
              in.amount * df_[static_cast<std::size_t>(in.year)], f_.money);
  }
  if (inputs.empty())
    s.text(lay_.in_first, kInRef, "No inputs recorded: the ratio cannot be worked out.", f_.muted);
  const int last = lay_.in_first + lay_.in_rows - 1;
  if (!inputs.empty()) {
    validate_inputs(s, lay_.in_first, kInAmount, last, InputRule::non_negative);
    lxw_data_validation v{};
    v.validate = LXW_VALIDATION_TYPE_INTEGER;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_number = 0;
    v.maximum_number = lay_.horizon;
    const std::string message = "Enter a whole year from 0 to " + std::to_string(lay_.horizon) +
                                " (the projection's horizon).";
    v.error_message = const_cast<char*>(message.c_str());
    s.validate(lay_.in_first, kInYear, last, &v);
  }
  const int t = lay_.in_total;
  s.text(t, kInRef, "Total", f_.money_total);
  for (int c = kInStakeholderId; c < kInColumns; ++c)
    if (c != kInAmount && c != kInPv) s.blank(t, c, f_.money_total);
  Decimal amount = 0;
  for (const auto& in : inputs) amount += in.amount;
  const auto sum = [&](int col) {
    return "=SUM(" + cell_ref(lay_.in_first, col, false) + ":" + cell_ref(last, col, false) + ")";
  };
  s.formula(t, kInAmount, sum(kInAmount), amount, f_.money_total);
  s.formula(t, kInPv, sum(kInPv), sroi_.total_inputs, f_.money_total);
  s.freeze(header + 1, 0);
  s.print_setup(false, t, kInColumns - 1, header, header);
  s.protect_formulas();
}

}  // namespace eqv::workbook::detail
