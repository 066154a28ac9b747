// Pieces both workbooks share: the About sheet, data validation on input cells, money and
// people figures as shown, and the time of export.
#pragma once

#include "writer.hpp"

#include "equivalue/core/model.hpp"

#include <chrono>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

namespace eqv::workbook {

std::chrono::system_clock::time_point export_time(const ExportOptions& options);
std::time_t to_time_t(std::chrono::system_clock::time_point t);

// Money as a finance reader sees it: "£68,496.75", "-£1.50".
std::string pounds(const Decimal& value);

// A decimal as the nearest double but for a unit or two in the last place, without the
// text round trip of to_double(): for cached results of formulas, which the spreadsheet
// recomputes anyway. Input cells use the exact to_double().
double approx_double(const Decimal& value);

// Equivalue's rounding of a money figure, as a double for a cell's cached value.
double pence(const Decimal& value);
double rounded(const Decimal& value, int places);

// Data validation on a column of input cells (first_row..last_row).
enum class InputRule { fraction, non_negative, whole_from_1, whole_from_0, year };
void validate_inputs(Sheet& sheet, int first_row, int col, int last_row, InputRule rule);
void validate_list(Sheet& sheet, int first_row, int col, int last_row,
                   std::vector<const char*> items, const char* message);

// The About sheet: version, time of export, the hash of the inputs, and `extra` lines.
void write_about_sheet(Book& book, const Project& project, const ExportOptions& options,
                       const std::string& scope,
                       const std::vector<std::pair<std::string, std::string>>& extra);

}  // namespace eqv::workbook
