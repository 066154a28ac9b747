// equivalue_workbook: Excel workbooks a finance team can audit (libxlsxwriter).
//
// Design note. Two kinds of workbook:
//  - the workbook of one service change (export_change_workbook): Summary, Impact Map,
//    Projection, Sensitivity, EqIA, Affected groups, Assumptions and About. Inputs are
//    yellow, unlocked cells; every derived SROI figure is a live formula over them and over
//    defined names (DiscountRate, FirstYearDiscounted, OptimismBias, BaseYear, InputsPV,
//    BenefitsPV, ...), so a change to an input recalculates the whole workbook;
//  - the project workbook (export_project_workbook): the register of every change and the
//    cumulative impact matrix. It does not repeat each change's eight sheets: a project of
//    many changes would become thousands of sheets, and auditors review one change at a
//    time, so each change is exported on its own.
// Every formula carries Equivalue's own figure as its cached result. Money is rounded half
// away from zero to pence only where a figure is shown: the headline cells use ROUND(x, 2)
// over unrounded sums, exactly as the application rounds, so Excel, LibreOffice and
// Equivalue agree to the penny (tests/workbook/recalc_check.py proves it on every build).
// Formulas use plain cell references and defined names only (no table references).
// User text is always written as text, cleaned of invalid UTF-8 and cut at Excel's cell
// limit; sheet names are made valid and unique (text.hpp). Every libxlsxwriter status is
// checked: any failure throws WorkbookError and leaves no partial file behind.
#pragma once

#include "equivalue/core/cumulative.hpp"
#include "equivalue/core/model.hpp"
#include "equivalue/core/results.hpp"

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace eqv::workbook {

// The workbook could not be written (disk full, folder missing, a libxlsxwriter failure).
class WorkbookError : public std::runtime_error {
 public:
  explicit WorkbookError(const std::string& message) : std::runtime_error(message) {}
};

struct ExportOptions {
  std::string source_name;  // the project file's name, shown on the About sheet
  // Time of export shown on the About sheet; empty = now.
  std::optional<std::chrono::system_clock::time_point> exported_at;
  CalcOptions calc;  // seed and draws of the Monte Carlo shown on the Sensitivity sheet
  // project_hash(project) when the caller already has it (the GUI keeps it for the saved
  // state); empty = worked out here.
  std::string inputs_hash;
  // cumulative_impact(project) when the caller already has it; nullptr = worked out here.
  const CumulativeImpact* cumulative = nullptr;
};

// The version written into every workbook ("0.1.0").
const char* equivalue_version();

// One service change, with `results` from calculate_change() for the same project.
// Throws InputError when `change_id` names no change, WorkbookError when writing fails.
void export_change_workbook(const Project& project, const std::string& change_id,
                            const std::string& path, const ExportOptions& options = {});
void export_change_workbook(const Project& project, const ChangeResults& results,
                            const std::string& path, const ExportOptions& options = {});

// The whole project: register of changes and cumulative impact matrix.
void export_project_workbook(const Project& project, const std::string& path,
                             const ExportOptions& options = {});
void export_project_workbook(const Project& project, const std::vector<ChangeResults>& results,
                             const std::string& path, const ExportOptions& options = {});

// SHA-256 of the project's canonical equivalue/1 JSON (write_project_json), as 64 hex digits:
// the "hash of the inputs" on the About sheet.
std::string project_hash(const Project& project);

}  // namespace eqv::workbook
