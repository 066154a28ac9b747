// The workbook of one service change, one sheet per file (*_sheet.cpp). Layout first
// (every sheet's rows and columns are known before anything is written, so formulas can
// point across sheets), then one function per sheet. Private to the workbook library.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "common.hpp"
#include "equivalue/core/disclosure.hpp"
#include "equivalue/core/eqia.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/core/results.hpp"
#include "equivalue/interchange/templates.hpp"

namespace eqv::workbook::detail {

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
  kImId,
  kImStakeholderId,
  kImStakeholder,
  kImInputs,
  kImChange,
  kImOutputs,
  kImDescription,
  kImIndicator,
  kImType,
  kImAgency,
  kImCashable,
  kImQuantity,
  kImDuration,
  kImStart,
  kImProxy,
  kImProxyValue,
  kImPriceYear,
  kImSource,
  kImRebase,
  kImDeadweight,
  kImDisplacement,
  kImAttribution,
  kImDropOff,
  kImImpact,
  kImPv,
  kImColumns
};

// Inputs sheet columns.
enum InCol {
  kInRef,
  kInStakeholderId,
  kInStakeholder,
  kInDescription,
  kInYear,
  kInAmount,
  kInFactor,
  kInPv,
  kInColumns
};

struct Layout {
  // Impact Map
  int im_first = 6, im_rows = 1, im_total = 7;
  // Inputs
  int in_first = 4, in_rows = 1, in_total = 5;
  // Projection: row of year 0, then years 1..horizon, totals, per-outcome PV
  int pj_header = 3, pj_year0 = 4, pj_total = 0, pj_outcome_pv = 0, horizon = 1;
  int pj_rate = 1, pj_df = 2, pj_applied = 3, pj_first_outcome = 4, pj_value = 4, pj_pv = 5,
      pj_cum = 6, pj_breakeven = 7;
  int pj_year_row(int t) const { return pj_year0 + t; }

  std::string im(int row, int col) const { return sheet_ref(kImpactMap, row, col); }
  std::string im_column(int col) const {
    return sheet_range(kImpactMap, im_first, col, im_first + im_rows - 1, col);
  }
  std::string in_column(int col) const {
    return sheet_range(kInputs, in_first, col, in_first + in_rows - 1, col);
  }
  std::string pj(int row, int col) const { return sheet_ref(kProjection, row, col); }
};

class ChangeWriter {
 public:
  ChangeWriter(Book& book, const Project& project, const ServiceChange& change,
               const ChangeResults& results, const ExportOptions& options);

  void write();

 private:
  const std::string& stakeholder_name(const std::string& id) const;
  std::string characteristic_label(const std::string& id) const;
  std::string impact_label(const Impact& im) const;
  static std::string decision_text(DecisionOutcome d);

  // One function per sheet, each in its own file with its parts. The parts that write a
  // block of rows take the first row and return the row after the block.
  void summary();  // summary_sheet.cpp
  int summary_headline(Sheet& s, int r);
  int summary_by_type(Sheet& s, int r);
  int summary_equality(Sheet& s, int r);
  void impact_map();  // impact_map_sheet.cpp
  void impact_map_row(Sheet& s, std::size_t i);
  void impact_map_headings(Sheet& s, int group, int header);
  void inputs();      // inputs_sheet.cpp
  void projection();  // projection_sheet.cpp
  void projection_headings(Sheet& s);
  void projection_year(Sheet& s, int t, const std::vector<std::string>& im_rows);
  void projection_totals(Sheet& s);
  void sensitivity();  // sensitivity_sheet.cpp
  int switching_values(Sheet& s, int r);
  int tornado(Sheet& s, int r);
  void tornado_chart(Sheet& s, int tornado_first, int tornado_last, int at_row);
  int monte_carlo(Sheet& s, int r);
  void eqia();  // eqia_sheet.cpp
  int eqia_identity(Sheet& s, int r, const Eqia& e);
  int eqia_screening(Sheet& s, int r, const Eqia& e);
  int eqia_impacts(Sheet& s, int r, const Eqia& e);
  int eqia_actions(Sheet& s, int r, const Eqia& e);
  int eqia_trail(Sheet& s, int r, const Eqia& e);
  void affected();  // affected_sheet.cpp
  int affected_characteristic(Sheet& s, int r, const CharacteristicImpact& ch);
  void assumptions();  // assumptions_sheet.cpp
  int assumption_settings(Sheet& s, int r);
  int assumption_schedules(Sheet& s, int r);
  int assumption_proxies(Sheet& s, int r);
  void about();
  void names();

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
  // Cells the Assumptions sheet holds, named once it is written.
  std::string base_year_, discount_rate_, first_year_, optimism_, green_schedule_, deflators_;
};

}  // namespace eqv::workbook::detail
