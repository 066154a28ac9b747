// The workbook of one service change. Layout first (every sheet's rows and columns are
// known before anything is written, so formulas can point across sheets), then one
// function per sheet.
#include "common.hpp"

#include "equivalue/core/disclosure.hpp"
#include "equivalue/core/eqia.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/core/results.hpp"
#include "equivalue/interchange/templates.hpp"

#include <algorithm>
#include <map>

namespace eqv::workbook {
namespace {

// Sheet names of a change workbook.
constexpr const char* kSummary = "Summary";
constexpr const char* kImpactMap = "Impact Map";
constexpr const char* kInputs = "Inputs";
constexpr const char* kProjection = "Projection";
constexpr const char* kSensitivity = "Sensitivity";
constexpr const char* kEqia = "EqIA";
constexpr const char* kAffected = "Affected groups";
constexpr const char* kAssumptions = "Assumptions";

// Impact Map columns (Social Value UK impact map order).
enum ImCol {
  kImId, kImStakeholderId, kImStakeholder, kImInputs, kImChange, kImOutputs, kImDescription, kImIndicator,
  kImType, kImAgency, kImCashable, kImQuantity, kImDuration, kImStart, kImProxy, kImProxyValue, kImPriceYear,
  kImSource, kImRebase, kImDeadweight, kImDisplacement, kImAttribution, kImDropOff, kImImpact, kImPv, kImColumns
};

// Inputs sheet columns.
enum InCol { kInRef, kInStakeholderId, kInStakeholder, kInDescription, kInYear, kInAmount, kInFactor, kInPv, kInColumns };

struct Layout {
  // Impact Map
  int im_first = 6, im_rows = 1, im_total = 7;
  // Inputs
  int in_first = 4, in_rows = 1, in_total = 5;
  // Projection: row of year 0, then years 1..horizon, totals, per-outcome PV
  int pj_header = 3, pj_year0 = 4, pj_total = 0, pj_outcome_pv = 0, horizon = 1;
  int pj_rate = 1, pj_df = 2, pj_applied = 3, pj_first_outcome = 4, pj_value = 4, pj_pv = 5, pj_cum = 6,
      pj_breakeven = 7;
  int pj_year_row(int t) const { return pj_year0 + t; }

  std::string im(int row, int col) const { return sheet_ref(kImpactMap, row, col); }
  std::string im_column(int col) const { return sheet_range(kImpactMap, im_first, col, im_first + im_rows - 1, col); }
  std::string in_column(int col) const { return sheet_range(kInputs, in_first, col, in_first + in_rows - 1, col); }
  std::string pj(int row, int col) const { return sheet_ref(kProjection, row, col); }
};

class ChangeWriter {
 public:
  ChangeWriter(Book& book, const Project& project, const ServiceChange& change, const ChangeResults& results,
               const ExportOptions& options)
      : book_(book), f_(book.f()), project_(project), change_(change), results_(results), sroi_(results.sroi),
        options_(options) {
    const auto& outcomes = change.sroi.outcomes;
    lay_.im_rows = std::max<int>(1, static_cast<int>(outcomes.size()));
    lay_.im_total = lay_.im_first + lay_.im_rows;
    lay_.in_rows = std::max<int>(1, static_cast<int>(change.sroi.inputs.size()));
    lay_.in_total = lay_.in_first + lay_.in_rows;
    lay_.horizon = sroi_.horizon;
    const int n = static_cast<int>(outcomes.size());
    lay_.pj_value = lay_.pj_first_outcome + n;
    lay_.pj_pv = lay_.pj_value + 1;
    lay_.pj_cum = lay_.pj_value + 2;
    lay_.pj_breakeven = lay_.pj_value + 3;
    lay_.pj_total = lay_.pj_year_row(lay_.horizon) + 1;
    lay_.pj_outcome_pv = lay_.pj_total + 1;
    df_ = discount_factors(change.sroi.discount, lay_.horizon);
    for (const auto& s : change.sroi.stakeholders) stakeholder_names_[s.id] = s.name;
  }

  void write() {
    summary();
    impact_map();
    inputs();
    projection();
    sensitivity();
    eqia();
    affected();
    assumptions();
    about();
    names();
  }

 private:
  const std::string& stakeholder_name(const std::string& id) const {
    const auto it = stakeholder_names_.find(id);
    return it == stakeholder_names_.end() ? id : it->second;
  }

  // ---------------------------------------------------------------- Summary
  void summary() {
    Sheet s = book_.add_sheet(kSummary);
    s.column(0, 0, 42);
    s.column(1, 1, 20);
    s.column(2, 2, 70);
    s.text(0, 0, "Service change " + change_.id + ": " + change_.title, f_.title);
    s.row_height(0, 24);
    s.note(1, 0, project_.project.name, f_.note_block);
    s.note(2, 0,
           "Social return on investment (SROI) and equality impact assessment (EqIA). Figures in pounds at "
           "base-year (" + std::to_string(project_.project.base_year) + ") prices.", f_.note_block);

    int r = 4;
    s.text(r, 0, "Headline figures", f_.section);
    s.blank(r, 1, f_.section);
    s.text(r, 2, "How it is worked out", f_.section);
    ++r;
    const std::string pv = "BenefitsPV", in = "InputsPV";
    const auto money_row = [&](const std::string& label, const std::string& formula, const Decimal& cached,
                               const std::string& how) {
      s.text(r, 0, label, f_.label);
      s.formula(r, 1, formula, pence(cached), f_.money_key);
      s.row_height(r, 17);
      s.text(r, 2, how, f_.note);
      ++r;
    };
    money_row("Present value of benefits", "=ROUND(" + pv + ",2)", sroi_.present_value,
              "Sum of the Projection sheet's present values (named BenefitsPV), rounded to the penny.");
    money_row("Present value of inputs", "=ROUND(" + in + ",2)", sroi_.total_inputs,
              "Sum of the Inputs sheet's present values (named InputsPV).");
    money_row("Net present value", "=ROUND(" + pv + "-" + in + ",2)", sroi_.npv,
              "Benefits less inputs, both unrounded, then rounded.");
    const auto ratio_row = [&](const std::string& label, const std::string& expr, const std::optional<Decimal>& v,
                               lxw_format* format, const std::string& how) {
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
      const std::string formula = "=IF(" + year1 + "=0,\"n/a\",ROUND(" + in + "/(" + year1 + "/12),2))";
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
      s.formula(r, 1, "=ROUND(SUMPRODUCT(--EXACT(" + type_col + ",\"" + type + "\")," + pv_col + "),2)", pence(value),
                f_.money);
      ++r;
    }
    s.text(r, 0, "Of which fiscal and cashable", f_.text);
    s.formula(r, 1,
              "=ROUND(SUMPRODUCT(--EXACT(" + type_col + ",\"fiscal\"),--EXACT(" + lay_.im_column(kImCashable) +
                  ",\"Yes\")," + pv_col + "),2)",
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
                  "=ROUND(SUMPRODUCT(--EXACT(" + type_col + ",\"fiscal\"),--EXACT(" + lay_.im_column(kImAgency) + "," +
                      match + ")," + pv_col + "),2)",
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
                "=ROUND(SUMPRODUCT(--EXACT(" + lay_.im_column(kImStakeholderId) + "," + cell_ref(r, 2) + ")," + pv_col +
                    "),2)",
                pence(value), f_.money);
      ++r;
    }
    ++r;

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
      s.text(r++, 1, std::string(status_name(e.status)) + " (version " + std::to_string(e.version) + ")", f_.text);
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
          if (c.flag) flags += (flags.empty() ? "" : "; ") + ch.characteristic + ": " + c.category;
    s.text(r, 1, flags.empty() ? "None at the flag ratio of " + to_exact_string(project_.project.flag_ratio) : flags,
           flags.empty() ? f_.ok : f_.flag);
    ++r;
    s.note(r++, 0, "See the EqIA and Affected groups sheets for the assessment and the numbers of people.", f_.note_block);
    s.print_setup(false, r, 2);
    s.protect_formulas();
    worksheet_activate(s.raw());
  }

  static std::string decision_text(DecisionOutcome d) {
    switch (d) {
      case DecisionOutcome::none: return "not yet decided";
      case DecisionOutcome::no_change: return "No major change";
      case DecisionOutcome::adjust: return "Adjust the proposal";
      case DecisionOutcome::continue_despite: return "Continue despite adverse impact";
      case DecisionOutcome::stop: return "Stop and remove the proposal";
    }
    return "";
  }

  // ---------------------------------------------------------------- Impact Map
  void impact_map() {
    Sheet s = book_.add_sheet(kImpactMap);
    const auto& outcomes = change_.sroi.outcomes;
    s.text(0, 0, "Impact map: " + change_.id + " " + change_.title, f_.title);
    s.row_height(0, 24);
    s.note(1, 0,
           "Social Value UK impact map. Yellow cells are inputs: change one and every figure in this workbook "
           "recalculates. Other figures are formulas.", f_.note_block);
    const int group = 4, header = 5;
    s.merge(group, kImId, group, kImStakeholder, "Stage 1: stakeholders", f_.header_group);
    s.merge(group, kImInputs, group, kImOutputs, "Stage 2: inputs, outputs", f_.header_group);
    s.merge(group, kImDescription, group, kImStart, "Stage 2-3: outcomes", f_.header_group);
    s.merge(group, kImProxy, group, kImRebase, "Stage 3: valuation", f_.header_group);
    s.merge(group, kImDeadweight, group, kImDropOff, "Stage 4: establishing impact", f_.header_group);
    s.merge(group, kImImpact, group, kImPv, "Stage 5: impact", f_.header_group);
    const char* headers[kImColumns] = {"Outcome", "Stakeholder id", "Stakeholder", "Inputs (\xC2\xA3)",
                                       "Intended / unintended change", "Outputs", "Outcome description", "Indicator",
                                       "Type of value", "Benefiting agency", "Cashable", "Quantity",
                                       "Duration (years)", "Start year", "Financial proxy",
                                       "Proxy value (\xC2\xA3 per unit per year)", "Price year", "Source",
                                       "Rebase to base year", "Deadweight", "Displacement", "Attribution", "Drop-off",
                                       "Impact, first year (\xC2\xA3)", "Present value (\xC2\xA3)"};
    for (int c = 0; c < kImColumns; ++c) s.text(header, c, headers[c], f_.header);
    s.row_height(header, 42);
    const double widths[kImColumns] = {9, 11, 18, 12, 14, 11, 26, 20, 10, 12, 9, 10, 9, 8, 22,
                                       13, 8, 20, 10, 10, 11, 10, 9, 14, 14};
    for (int c = 0; c < kImColumns; ++c) s.column(c, c, widths[c]);

    const std::string in_stakeholders = lay_.in_column(kInStakeholderId), in_amounts = lay_.in_column(kInAmount);
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      const Outcome& o = outcomes[i];
      const int r = lay_.im_first + static_cast<int>(i);
      const auto at = [&](int col) { return cell_ref(r, col, false); };
      s.text(r, kImId, o.id, f_.label);
      s.text(r, kImStakeholderId, o.stakeholder, f_.muted);
      s.text(r, kImStakeholder, stakeholder_name(o.stakeholder), f_.wrap);
      Decimal stakeholder_inputs = 0;
      for (const auto& in : change_.sroi.inputs)
        if (in.stakeholder == o.stakeholder) stakeholder_inputs += in.amount;
      s.formula(r, kImInputs, "=SUMPRODUCT(--EXACT(" + in_stakeholders + "," + at(kImStakeholderId) + ")," + in_amounts + ")",
                stakeholder_inputs, f_.money);
      s.formula_text(r, kImChange, "=IF(" + at(kImProxyValue) + "<0,\"Unintended (negative)\",\"Intended\")",
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
      const Decimal rebase = o.proxy.value == 0 ? Decimal(1) : real_proxy_value(o.proxy, project_.project) / o.proxy.value;
      s.formula(r, kImRebase,
                "=IF(OR(" + at(kImPriceYear) + "=0," + at(kImPriceYear) + "=BaseYear),1,IFERROR(VLOOKUP(BaseYear,"
                "Deflators,2,FALSE)/VLOOKUP(" + at(kImPriceYear) + ",Deflators,2,FALSE),1))",
                rebase, f_.factor);
      s.decimal(r, kImDeadweight, o.deadweight, f_.pct_input);
      s.decimal(r, kImDisplacement, o.displacement, f_.pct_input);
      s.decimal(r, kImAttribution, o.attribution, f_.pct_input);
      s.decimal(r, kImDropOff, o.drop_off, f_.pct_input);
      s.formula(r, kImImpact,
                "=" + at(kImQuantity) + "*" + at(kImProxyValue) + "*" + at(kImRebase) + "*(1-" + at(kImDeadweight) +
                    ")*(1-" + at(kImDisplacement) + ")*(1-" + at(kImAttribution) + ")*(1-OptimismBias)",
                first_year_value(o, change_.sroi, project_.project), f_.money);
      s.formula(r, kImPv, "=" + lay_.pj(lay_.pj_outcome_pv, lay_.pj_first_outcome + static_cast<int>(i)),
                sroi_.outcomes[i].present_value, f_.money);
    }
    if (outcomes.empty()) s.text(lay_.im_first, kImId, "No outcomes recorded for this change.", f_.muted);
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
    for (const auto& o : outcomes) first_year_total += first_year_value(o, change_.sroi, project_.project);
    s.formula(t, kImImpact, "=SUM(" + cell_ref(lay_.im_first, kImImpact, false) + ":" + cell_ref(last, kImImpact, false) + ")",
              first_year_total, f_.money_total);
    s.formula(t, kImPv, "=SUM(" + cell_ref(lay_.im_first, kImPv, false) + ":" + cell_ref(last, kImPv, false) + ")",
              sroi_.present_value, f_.money_total);
    s.note(t + 2, kImId,
           "Impact, first year = quantity x proxy x rebase x (1 - deadweight) x (1 - displacement) x (1 - attribution) "
           "x (1 - OptimismBias). Drop-off applies from the second year of an outcome (Projection sheet). Durations "
           "beyond the projection's horizon of " + std::to_string(lay_.horizon) + " years need a new export.",
           f_.note_block);
    s.freeze(header + 1, kImStakeholderId);
    s.print_setup(true, t + 2, kImColumns - 1, group, header, 8);
    s.protect_formulas();
  }

  // ---------------------------------------------------------------- Inputs
  void inputs() {
    Sheet s = book_.add_sheet(kInputs);
    const auto& inputs = change_.sroi.inputs;
    s.text(0, 0, "Inputs: what the change costs", f_.title);
    s.row_height(0, 24);
    s.note(1, 0,
           "Year 0 is up front and not discounted. Present value = amount x the discount factor of its year "
           "(DiscountFactors, from the Projection sheet).", f_.note_block);
    const char* headers[kInColumns] = {"Ref", "Stakeholder id", "Stakeholder", "Description", "Year",
                                       "Amount (\xC2\xA3)", "Discount factor", "Present value (\xC2\xA3)"};
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
    if (inputs.empty()) s.text(lay_.in_first, kInRef, "No inputs recorded: the ratio cannot be worked out.", f_.muted);
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
    const auto sum = [&](int col) { return "=SUM(" + cell_ref(lay_.in_first, col, false) + ":" + cell_ref(last, col, false) + ")"; };
    s.formula(t, kInAmount, sum(kInAmount), amount, f_.money_total);
    s.formula(t, kInPv, sum(kInPv), sroi_.total_inputs, f_.money_total);
    s.freeze(header + 1, 0);
    s.print_setup(false, t, kInColumns - 1, header, header);
    s.protect_formulas();
  }

  // ---------------------------------------------------------------- Projection
  void projection() {
    Sheet s = book_.add_sheet(kProjection);
    const auto& outcomes = change_.sroi.outcomes;
    const bool green = change_.sroi.discount.kind == DiscountKind::green_book;
    s.text(0, 0, "Projection: value by year and outcome, discounted", f_.title);
    s.row_height(0, 24);
    s.note(1, 0,
           std::string(green ? "Discount rate: HM Treasury Green Book declining schedule (GreenBookSchedule on the "
                               "Assumptions sheet). "
                             : "Discount rate: constant (DiscountRate on the Assumptions sheet). ") +
               (change_.sroi.first_year_discounted ? "The first year is discounted (FirstYearDiscounted = TRUE)."
                                                   : "The first year is not discounted (FirstYearDiscounted = FALSE).") +
               " DF(t) = DF(t-1) / (1 + rate); each outcome's value falls by its drop-off after its first year.", f_.note_block);
    const int h = lay_.pj_header;
    s.text(h, 0, "Year", f_.header);
    s.text(h, lay_.pj_rate, "Rate in force", f_.header);
    s.text(h, lay_.pj_df, "Discount factor DF(t)", f_.header);
    s.text(h, lay_.pj_applied, "Factor applied to the year's values", f_.header);
    for (std::size_t k = 0; k < outcomes.size(); ++k)
      s.text(h, lay_.pj_first_outcome + static_cast<int>(k), outcomes[k].id + ": " + outcomes[k].description + " (\xC2\xA3)",
             f_.header);
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

    const int r0 = lay_.pj_year0;
    s.number(r0, 0, 0, f_.year);
    s.text(r0, lay_.pj_rate, "", f_.text);
    s.number(r0, lay_.pj_df, 1, f_.factor);
    s.text(r0, lay_.pj_applied, "(inputs only)", f_.muted);

    std::vector<std::string> im_rows;
    for (std::size_t k = 0; k < outcomes.size(); ++k) im_rows.push_back(std::to_string(lay_.im_first + static_cast<int>(k) + 1));
    const std::string im = "'Impact Map'!$";
    for (int t = 1; t <= lay_.horizon; ++t) {
      const int r = lay_.pj_year_row(t);
      const auto& y = sroi_.years[static_cast<std::size_t>(t - 1)];
      const std::string year = cell_ref(r, 0, false);
      s.number(r, 0, t, f_.year);
      if (green)
        s.formula(r, lay_.pj_rate, "=VLOOKUP(" + year + ",GreenBookSchedule,2,TRUE)", green_book_rate(t), f_.pct);
      else
        s.formula(r, lay_.pj_rate, "=DiscountRate", change_.sroi.discount.rate, f_.pct);
      s.formula(r, lay_.pj_df,
                "=" + cell_ref(r - 1, lay_.pj_df, false) + "/(1+" + cell_ref(r, lay_.pj_rate, false) + ")",
                df_[static_cast<std::size_t>(t)], f_.factor);
      s.formula(r, lay_.pj_applied,
                "=IF(FirstYearDiscounted," + cell_ref(r, lay_.pj_df, false) + "," + cell_ref(r - 1, lay_.pj_df, false) +
                    ")",
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
                  "=IF(" + year + "=" + start + "," + impact + ",IF(AND(" + year + ">" + start + "," + year + "<=" +
                      start + "+" + duration + "-1)," + prev + "*(1-" + drop + "),0))",
                  sroi_.outcomes[k].values[static_cast<std::size_t>(t - 1)], f_.money);
      }
      if (outcomes.empty())
        s.number(r, lay_.pj_value, 0, f_.money);
      else
        s.formula(r, lay_.pj_value,
                  "=SUM(" + cell_ref(r, lay_.pj_first_outcome, false) + ":" + cell_ref(r, lay_.pj_value - 1, false) + ")",
                  y.value, f_.money);
      s.formula(r, lay_.pj_pv, "=" + cell_ref(r, lay_.pj_value, false) + "*" + cell_ref(r, lay_.pj_applied, false),
                y.present_value, f_.money);
      s.formula(r, lay_.pj_cum,
                t == 1 ? "=" + cell_ref(r, lay_.pj_pv, false)
                       : "=" + cell_ref(r - 1, lay_.pj_cum, false) + "+" + cell_ref(r, lay_.pj_pv, false),
                y.cumulative_present_value, f_.money);
      const std::string be = "=IF(" + cell_ref(r, lay_.pj_cum, false) + ">=InputsPV," + year + ",\"\")";
      if (y.cumulative_present_value >= sroi_.total_inputs)
        s.formula(r, lay_.pj_breakeven, be, t, f_.year);
      else
        s.formula_text(r, lay_.pj_breakeven, be, "", f_.year);
    }
    const int first = lay_.pj_year_row(1), last = lay_.pj_year_row(lay_.horizon);
    const int tr = lay_.pj_total;
    s.text(tr, 0, "Total", f_.money_total);
    for (int c = 1; c < lay_.pj_first_outcome; ++c) s.blank(tr, c, f_.money_total);
    const auto sum = [&](int c) { return "=SUM(" + cell_ref(first, c, false) + ":" + cell_ref(last, c, false) + ")"; };
    Decimal undiscounted = 0;
    for (const auto& y : sroi_.years) undiscounted += y.value;
    for (std::size_t k = 0; k < outcomes.size(); ++k) {
      Decimal total = 0;
      for (const auto& v : sroi_.outcomes[k].values) total += v;
      s.formula(tr, lay_.pj_first_outcome + static_cast<int>(k), sum(lay_.pj_first_outcome + static_cast<int>(k)), total,
                f_.money_total);
    }
    s.formula(tr, lay_.pj_value, sum(lay_.pj_value), undiscounted, f_.money_total);
    s.formula(tr, lay_.pj_pv, sum(lay_.pj_pv), sroi_.present_value, f_.money_total);
    s.blank(tr, lay_.pj_cum, f_.money_total);
    s.blank(tr, lay_.pj_breakeven, f_.money_total);

    const int pr = lay_.pj_outcome_pv;
    s.text(pr, 0, "Present value of each outcome", f_.label);
    const std::string applied = cell_ref(first, lay_.pj_applied) + ":" + cell_ref(last, lay_.pj_applied);
    for (std::size_t k = 0; k < outcomes.size(); ++k) {
      const int c = lay_.pj_first_outcome + static_cast<int>(k);
      s.formula(pr, c, "=SUMPRODUCT(" + cell_ref(first, c) + ":" + cell_ref(last, c) + "," + applied + ")",
                sroi_.outcomes[k].present_value, f_.money);
    }
    s.note(pr + 2, 0,
           "Present value = total value x factor applied. BenefitsPV names the total present value; the Summary "
           "rounds it to the penny.", f_.note_block);
    s.freeze(h + 1, 1);
    s.print_setup(lay_.pj_breakeven > 6, pr + 2, lay_.pj_breakeven, h, h);
    s.protect_formulas();
  }

  // ---------------------------------------------------------------- Sensitivity
  void sensitivity() {
    Sheet s = book_.add_sheet(kSensitivity);
    s.column(0, 0, 26);
    s.column(1, 7, 15);
    s.text(0, 0, "Sensitivity: how sure is the ratio?", f_.title);
    s.row_height(0, 24);
    s.note(1, 0,
           "Calculated by Equivalue at export from the inputs as exported; saved as values, these do not change "
           "when an input is edited.", f_.note_block);
    int r = 3;
    s.text(r, 0, "Switching values", f_.section);
    for (int c = 1; c <= 3; ++c) s.blank(r, c, f_.section);
    ++r;
    s.note(r++, 0,
           "The value each assumption would have to take, all else equal, for the ratio to fall to 1 : 1 (present "
           "value of benefits = inputs). \"none\" means no value in the valid range gets there.", f_.note_block);
    const char* headers[] = {"Outcome and assumption", "Value now", "Switching value", "Change needed"};
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
        int col = kImQuantity;
        lxw_format* format = f_.pct;
        switch (a) {
          case Assumption::quantity: col = kImQuantity, format = f_.number; break;
          case Assumption::proxy: col = kImProxyValue, format = f_.money; break;
          case Assumption::deadweight: col = kImDeadweight; break;
          case Assumption::displacement: col = kImDisplacement; break;
          case Assumption::attribution: col = kImAttribution; break;
          case Assumption::drop_off: col = kImDropOff; break;
        }
        std::string label = assumption_name(a);
        std::replace(label.begin(), label.end(), '_', '-');
        s.text(r, 0, id + " " + label, f_.text);
        s.formula(r, 1, "=" + lay_.im(im_row, col), o.get(a), format);
        if (sv) {
          s.decimal(r, 2, *sv, format);
          const bool relative = a == Assumption::quantity || a == Assumption::proxy;
          if (relative) {
            const std::string formula = "=IF(" + cell_ref(r, 1, false) + "=0,\"n/a\"," + cell_ref(r, 2, false) + "/" +
                                        cell_ref(r, 1, false) + "-1)";
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
    s.note(r++, 0, "Change needed: relative for quantity and proxy; in percentage points for the rates.", f_.note_block);
    (void)sv_header;
    ++r;

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
    s.note(r, 2, "Each assumption moved to the low and high end of its range (or 20% either side when no range is "
                 "given), everything else held.",
           f_.note_block);
    r += 2;
    const char* th[] = {"Assumption", "Low value", "High value", "Ratio at low", "Ratio at high", "Change at low",
                        "Change at high", "Swing"};
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
        s.formula(r, 5, "=" + cell_ref(r, 3, false) + "-" + base, to_double(*b.ratio_at_low) - base_ratio, f_.ratio);
        s.formula(r, 6, "=" + cell_ref(r, 4, false) + "-" + base, to_double(*b.ratio_at_high) - base_ratio, f_.ratio);
        s.formula(r, 7, "=ABS(" + cell_ref(r, 4, false) + "-" + cell_ref(r, 3, false) + ")", to_double(b.swing),
                  f_.ratio);
      }
      ++r;
    }
    if (shown == 0) s.text(r++, 0, "No one-at-a-time tests: the change has no outcomes or no inputs.", f_.muted);
    if (sroi_.tornado.size() > shown)
      s.note(r++, 0, "The " + std::to_string(shown) + " widest of " + std::to_string(sroi_.tornado.size()) +
                         " tests are shown.", f_.note_block);
    const int tornado_last = tornado_first + static_cast<int>(shown) - 1;
    if (shown > 0 && sroi_.ratio) {
      lxw_chart* chart = workbook_add_chart(book_.raw(), LXW_CHART_BAR);
      if (!chart) throw WorkbookError("could not add the tornado chart");
      const auto series = [&](int col, const char* name, lxw_color_t color) {
        lxw_chart_series* se = chart_add_series(chart, nullptr, nullptr);
        if (!se) throw WorkbookError("could not add a series to the tornado chart");
        chart_series_set_categories(se, s.name().c_str(), static_cast<lxw_row_t>(tornado_first), 0,
                                    static_cast<lxw_row_t>(tornado_last), 0);
        chart_series_set_values(se, s.name().c_str(), static_cast<lxw_row_t>(tornado_first), static_cast<lxw_col_t>(col),
                                static_cast<lxw_row_t>(tornado_last), static_cast<lxw_col_t>(col));
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
      if (worksheet_insert_chart_opt(s.raw(), static_cast<lxw_row_t>(r + 1), 0, chart, &opt) != LXW_NO_ERROR)
        throw WorkbookError("could not place the tornado chart on the Sensitivity sheet");
      r += 20;
    }
    (void)tornado_header;
    ++r;

    // Monte Carlo.
    s.text(r, 0, "Monte Carlo simulation", f_.section);
    for (int c = 1; c <= 3; ++c) s.blank(r, c, f_.section);
    ++r;
    if (!sroi_.monte_carlo) {
      s.text(r++, 0, "Not run: no assumption of this change has a range (low and high) to draw from.", f_.muted);
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
             "Assumptions with a range are drawn (uniform or triangular, mode = the value now); the others stay fixed. "
             "The same seed gives the same figures.", f_.note_block);
    }
    s.print_setup(false, r, 7);
    s.protect_formulas();
  }

  // ---------------------------------------------------------------- EqIA
  void eqia() {
    Sheet s = book_.add_sheet(kEqia);
    s.column(0, 0, 22);
    s.column(1, 1, 14);
    s.column(2, 3, 30);
    s.column(4, 9, 11);
    s.column(10, 11, 30);
    s.text(0, 0, "Equality impact assessment: " + change_.id + " " + change_.title, f_.title);
    s.row_height(0, 24);
    s.note(1, 0,
           "Public Sector Equality Duty (Equality Act 2010 s149): due regard to eliminating discrimination, advancing "
           "equality of opportunity and fostering good relations.", f_.note_block);
    if (!change_.eqia) {
      s.text(3, 0, "No equality impact assessment has been recorded for this change.", f_.flag);
      s.print_setup(true, 3, 11);
      return;
    }
    const Eqia& e = *change_.eqia;
    int r = 3;
    const auto section = [&](const std::string& title, int last_col) {
      s.text(r, 0, title, f_.section);
      for (int c = 1; c <= last_col; ++c) s.blank(r, c, f_.section);
      ++r;
    };
    const auto field = [&](const std::string& label, const std::string& value) {
      s.text(r, 0, label, f_.label);
      s.text(r, 1, value.empty() ? "not recorded" : value, value.empty() ? f_.muted : f_.text);
      ++r;
    };
    section("Assessment", 3);
    field("Status", std::string(status_name(e.status)) + " (version " + std::to_string(e.version) + ")");
    field("Template", e.template_name);
    field("Reference", e.reference);
    field("Directorate", e.directorate);
    field("Lead officer", e.lead_officer);
    field("Proposal type", e.proposal_type);
    s.text(r, 0, "Budget", f_.label);
    if (e.budget) s.decimal(r, 1, *e.budget, f_.money); else s.text(r, 1, "not recorded", f_.muted);
    ++r;
    s.text(r, 0, "Saving", f_.label);
    if (e.saving) s.decimal(r, 1, *e.saving, f_.money); else s.text(r, 1, "not recorded", f_.muted);
    ++r;
    s.text(r, 0, "Decision date", f_.label);
    if (e.decision_date.empty()) s.text(r, 1, "not recorded", f_.muted); else s.date(r, 1, e.decision_date, f_.date, f_.text);
    ++r;
    field("Decision maker", e.decision_maker);
    s.text(r, 0, "Review date", f_.label);
    if (e.review_date.empty()) s.text(r, 1, "not recorded", f_.muted); else s.date(r, 1, e.review_date, f_.date, f_.text);
    ++r;
    ++r;

    section("Screening", 3);
    const char* sh[] = {"Characteristic", "Relevant?", "Reason"};
    for (int c = 0; c < 3; ++c) s.text(r, c, sh[c], f_.header);
    s.merge(r, 2, r, 3, "Reason", f_.header);
    ++r;
    for (const auto& sc : e.screening) {
      s.text(r, 0, sc.characteristic, f_.text);
      s.text(r, 1, relevance_name(sc.relevant), f_.text);
      s.merge(r, 2, r, 3, sc.reason, f_.wrap);
      ++r;
    }
    if (e.screening.empty()) s.text(r++, 0, "No characteristic screened yet.", f_.muted);
    ++r;

    section("Impacts", 11);
    s.note(r++, 0, "Scores: likelihood 1-4 x severity 1-4 = 1-16 (1-4 low, 5-8 medium, 9-16 high), before and after "
                   "mitigation.", f_.note_block);
    const char* ih[] = {"Characteristic", "Rating", "Evidence", "What people told us", "Likelihood", "Severity", "Score",
                        "Likelihood after", "Severity after", "Score after", "Mitigation", "Data gaps"};
    for (int c = 0; c < 12; ++c) s.text(r, c, ih[c], f_.header);
    s.row_height(r, 28);
    ++r;
    for (const auto& im : e.impacts) {
      const ImpactScore sc = score_impact(im);
      s.text(r, 0, im.characteristic, f_.text);
      s.text(r, 1, rating_name(im.rating), im.rating == Rating::negative ? f_.flag : f_.text);
      s.text(r, 2, im.evidence, f_.wrap);
      s.text(r, 3, im.engagement, f_.wrap);
      const auto score = [&](int col, const Score& x) {
        if (x.scored()) {
          s.number(r, col, x.likelihood, f_.year);
          s.number(r, col + 1, x.severity, f_.year);
          s.formula(r, col + 2, "=" + cell_ref(r, col, false) + "*" + cell_ref(r, col + 1, false), x.value(), f_.year);
        } else {
          s.text(r, col, "not scored", f_.muted);
        }
      };
      score(4, im.before);
      if (im.residual) score(7, *im.residual); else s.text(r, 7, "none", f_.muted);
      (void)sc;
      s.text(r, 10, im.mitigation, f_.wrap);
      std::string gaps;
      for (const auto& g : im.data_gaps) gaps += (gaps.empty() ? "" : "; ") + g;
      s.text(r, 11, gaps, f_.wrap);
      ++r;
    }
    if (e.impacts.empty()) s.text(r++, 0, "No impacts recorded yet.", f_.muted);
    ++r;

    section("Action plan", 3);
    const char* ah[] = {"Action", "Owner", "Due", "Status"};
    s.text(r, 0, ah[0], f_.header);
    s.merge(r, 0, r, 1, "Action", f_.header);
    s.text(r, 2, ah[1], f_.header);
    s.text(r, 3, ah[2], f_.header);
    s.text(r, 4, ah[3], f_.header);
    ++r;
    for (const auto& a : e.actions) {
      s.merge(r, 0, r, 1, a.description, f_.wrap);
      s.text(r, 2, a.owner, f_.wrap);
      s.date(r, 3, a.due, f_.date, f_.text);
      s.text(r, 4, a.status, f_.text);
      ++r;
    }
    if (e.actions.empty()) s.text(r++, 0, "No actions recorded.", f_.muted);
    ++r;

    section("Decision", 3);
    field("Outcome", decision_text(e.decision.outcome));
    s.text(r, 0, "Justification", f_.label);
    s.merge(r, 1, r, 3, e.decision.justification.empty() ? "not recorded" : e.decision.justification, f_.wrap);
    ++r;
    if (!e.review_summary.empty()) {
      s.text(r, 0, "Post-implementation review", f_.label);
      s.merge(r, 1, r, 3, e.review_summary, f_.wrap);
      ++r;
    }
    ++r;

    section("Status trail", 4);
    const char* hh[] = {"When", "From", "To", "Who", "Comment"};
    for (int c = 0; c < 5; ++c) s.text(r, c, hh[c], f_.header);
    ++r;
    for (const auto& ev : e.history) {
      s.date(r, 0, ev.when, f_.date, f_.text, f_.datetime);
      s.text(r, 1, status_name(ev.from), f_.text);
      s.text(r, 2, status_name(ev.to), f_.text);
      s.text(r, 3, ev.who, f_.wrap);
      s.text(r, 4, ev.comment, f_.wrap);
      ++r;
    }
    if (e.history.empty()) s.text(r++, 0, "No workflow steps yet: the assessment is a " + std::string(status_name(e.status)) + ".", f_.muted);
    ++r;

    section("Completeness check (the rules for submission)", 11);
    std::optional<EqiaTemplate> tmpl;
    try {
      tmpl = load_eqia_template(e.template_name);
    } catch (const std::exception&) {
      tmpl.reset();  // reported as a problem by submission_problems
    }
    std::size_t index = 0;
    while (index < project_.changes.size() && project_.changes[index].id != change_.id) ++index;
    const Problems problems = submission_problems(project_, index, tmpl ? &*tmpl : nullptr);
    if (problems.empty()) s.text(r++, 0, "Complete: nothing is missing for submission.", f_.ok);
    for (const auto& p : problems) {
      s.text(r, 0, p.path, f_.muted);
      s.merge(r, 1, r, 11, p.message, f_.wrap);
      ++r;
    }
    s.print_setup(true, r, 11);
  }

  // ---------------------------------------------------------------- Affected groups
  void affected() {
    Sheet s = book_.add_sheet(kAffected);
    const int threshold = project_.project.disclosure_threshold;
    s.column(0, 1, 22);
    s.column(2, 6, 15);
    s.text(0, 0, "Affected groups: who the change touches", f_.title);
    s.row_height(0, 24);
    s.note(1, 0, "People affected, from the share of each segment the change reaches (" + project_.segments.scheme + ").", f_.note_block);
    s.note(2, 0, "Disclosure control: " + disclosure_statement(threshold), f_.flag_block);
    if (!results_.affected) {
      s.text(4, 0, "No affected segments are recorded for this change, or the project has no segment profile.", f_.muted);
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
    const char* h[] = {"Characteristic", "Category", "People affected", "Share of those affected", "Share of the area",
                       "Ratio (over-representation)", "Flag"};
    for (int c = 0; c < 7; ++c) s.text(r, c, h[c], f_.header);
    s.row_height(r, 28);
    const int header = r++;
    for (const auto& ch : a.characteristics) {
      DisclosureTable table;
      table.counts.emplace_back();
      for (const auto& c : ch.categories) table.counts[0].push_back(whole_people(c.affected));
      table.row_totals = true;  // the categories add up to the people affected
      const DisclosedTable d = apply_disclosure(table, threshold);
      for (std::size_t k = 0; k < ch.categories.size(); ++k) {
        const CategoryImpact& c = ch.categories[k];
        const DisclosedCell& cell = d.cell(0, k);
        s.text(r, 0, ch.characteristic, f_.text);
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
    }
    ++r;
    s.note(r++, 0, "Ratio = (share of those affected) / (share of the area); a ratio at or above the flag ratio flags "
                   "the group for the EqIA. " + disclosure_statement(threshold), f_.note_block);
    s.freeze(header + 1, 0);
    s.print_setup(false, r, 6, header, header);
  }

  // ---------------------------------------------------------------- Assumptions
  void assumptions() {
    Sheet s = book_.add_sheet(kAssumptions);
    s.column(0, 0, 40);
    s.column(1, 1, 16);
    s.column(2, 2, 18);
    s.column(3, 4, 12);
    s.column(5, 6, 24);
    s.text(0, 0, "Assumptions and sources", f_.title);
    s.row_height(0, 24);
    s.note(1, 0, "Settings behind every figure. Yellow cells are inputs; the names in brackets are used by formulas.", f_.note_block);
    int r = 3;
    s.text(r, 0, "Settings", f_.section);
    for (int c = 1; c <= 3; ++c) s.blank(r, c, f_.section);
    ++r;
    const auto label = [&](const std::string& text, const std::string& note) {
      s.text(r, 0, text, f_.label);
      s.merge(r, 2, r, 6, note, f_.note_block);
    };
    label("Base year for prices (BaseYear)", "Proxies priced in other years are rebased with the deflator series.");
    s.number(r, 1, project_.project.base_year, f_.year_input);
    validate_inputs(s, r, 1, r, InputRule::year);
    base_year_ = s.ref(r++, 1);
    const bool green = change_.sroi.discount.kind == DiscountKind::green_book;
    label("Discounting", green ? "HM Treasury Green Book declining schedule (below)." : "A constant rate each year.");
    s.text(r++, 1, green ? "Green Book schedule" : "Constant rate", f_.text);
    label("Discount rate (DiscountRate)", green ? "Not used: the Green Book schedule applies." : "The Green Book rate is 3.5%.");
    s.decimal(r, 1, change_.sroi.discount.rate, f_.pct_input);
    validate_inputs(s, r, 1, r, InputRule::fraction);
    discount_rate_ = s.ref(r++, 1);
    label("First year discounted (FirstYearDiscounted)",
          "TRUE: year 1 is discounted by DF(1), as the SROI Guide does. FALSE: by DF(0) = 1.");
    s.boolean(r, 1, change_.sroi.first_year_discounted, f_.bool_input);
    first_year_ = s.ref(r++, 1);
    label("Optimism bias (OptimismBias)", "Fraction taken off every benefit (Green Book supplementary guidance).");
    s.decimal(r, 1, change_.sroi.optimism_bias, f_.pct_input);
    validate_inputs(s, r, 1, r, InputRule::fraction);
    optimism_ = s.ref(r++, 1);
    label("Disclosure threshold", "Counts of people below this are not published.");
    s.number(r++, 1, project_.project.disclosure_threshold, f_.whole);
    label("Flag ratio", "A group's over-representation at or above this raises an EqIA flag.");
    s.decimal(r++, 1, project_.project.flag_ratio, f_.number);
    ++r;

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
    s.text(r, 0, "Year", f_.header);
    s.text(r, 1, "Index", f_.header);
    ++r;
    const int df_first = r;
    for (const auto& [year, index] : project_.project.deflators) {
      s.number(r, 0, year, f_.year);
      s.decimal(r, 1, index, f_.number_input);
      ++r;
    }
    if (project_.project.deflators.empty()) {
      s.text(r, 0, "None given: proxies are used as priced.", f_.muted);
      ++r;
    }
    deflators_ = s.range(df_first, 0, r - 1, 1);
    ++r;

    s.text(r, 0, "Financial proxies and sources", f_.section);
    for (int c = 1; c <= 6; ++c) s.blank(r, c, f_.section);
    ++r;
    const char* ph[] = {"Outcome and proxy", "Value (\xC2\xA3)", "Unit", "Price year", "Evidence grade", "Source"};
    for (int c = 0; c < 6; ++c) s.text(r, c, ph[c], f_.header);
    s.merge(r, 5, r, 6, "Source", f_.header);
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
        lxw_format* format = a == Assumption::proxy ? f_.money : a == Assumption::quantity ? f_.number : f_.pct;
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
    if (!any) s.text(r++, 0, "No ranges given: the one-at-a-time tests use 20% either side.", f_.muted);
    s.print_setup(false, r, 6);
    s.protect_formulas();
  }

  void about() {
    write_about_sheet(book_, project_, options_, "Service change " + change_.id + ": " + change_.title,
                      {{"Monte Carlo", sroi_.monte_carlo ? std::to_string(sroi_.monte_carlo->draws) + " draws, seed " +
                                                               std::to_string(sroi_.monte_carlo->seed)
                                                         : std::string("not run (no ranges given)")}});
  }

  void names() {
    book_.define_name("BaseYear", base_year_);
    book_.define_name("DiscountRate", discount_rate_);
    book_.define_name("FirstYearDiscounted", first_year_);
    book_.define_name("OptimismBias", optimism_);
    book_.define_name("GreenBookSchedule", green_schedule_);
    book_.define_name("Deflators", deflators_);
    book_.define_name("DiscountFactors", sheet_range(kProjection, lay_.pj_year0, lay_.pj_df,
                                                     lay_.pj_year_row(lay_.horizon), lay_.pj_df));
    book_.define_name("BenefitsPV", lay_.pj(lay_.pj_total, lay_.pj_pv));
    book_.define_name("InputsPV", sheet_ref(kInputs, lay_.in_total, kInPv));
  }

  Book& book_;
  const Formats& f_;
  const Project& project_;
  const ServiceChange& change_;
  const ChangeResults& results_;
  const SroiResult& sroi_;
  const ExportOptions& options_;
  Layout lay_;
  std::vector<Decimal> df_;
  std::map<std::string, std::string> stakeholder_names_;
  std::string base_year_, discount_rate_, first_year_, optimism_, green_schedule_, deflators_;
};

}  // namespace

void export_change_workbook(const Project& project, const ChangeResults& results, const std::string& path,
                            const ExportOptions& options) {
  const ServiceChange* change = project.find_change(results.id);
  if (!change) throw InputError("no service change has the id \"" + results.id + "\"");
  Book book(path);
  ChangeWriter(book, project, *change, results, options).write();
  book.properties("Service change " + change->id + ": " + change->title, project.project.name,
                  "SROI and equality impact assessment exported by Equivalue " + std::string(equivalue_version()),
                  to_time_t(export_time(options)));
  book.close();
}

void export_change_workbook(const Project& project, const std::string& change_id, const std::string& path,
                            const ExportOptions& options) {
  const ServiceChange* change = project.find_change(change_id);
  if (!change) throw InputError("no service change has the id \"" + change_id + "\"");
  export_change_workbook(project, calculate_change(project, *change, options.calc), path, options);
}

}  // namespace eqv::workbook
