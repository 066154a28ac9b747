#include "common.hpp"

#include "equivalue/interchange/json_format.hpp"

#include <cmath>

namespace eqv::workbook {

const char* equivalue_version() { return EQUIVALUE_VERSION; }

std::string project_hash(const Project& project) { return sha256_hex(write_project_json(project)); }

std::chrono::system_clock::time_point export_time(const ExportOptions& options) {
  return options.exported_at ? *options.exported_at : std::chrono::system_clock::now();
}

std::time_t to_time_t(std::chrono::system_clock::time_point t) {
  return std::chrono::system_clock::to_time_t(t);
}

std::string pounds(const Decimal& value) {
  const std::string text = to_grouped(value, kMoneyPlaces);
  return text[0] == '-' ? "-\xC2\xA3" + text.substr(1) : "\xC2\xA3" + text;
}

double approx_double(const Decimal& value) {
  if (value == 0) return 0.0;
  double mantissa = 0;
  long long exponent = 0;
  {
    Decimal::backend_type::exponent_type e = 0;
    value.backend().extract_parts(mantissa, e);
    exponent = static_cast<long long>(e);
  }
  if (exponent < -300 || exponent > 300) return to_double(value);
  // Dividing by an exact power of ten keeps 0.035 and 0.2 the doubles a parser would give.
  return exponent >= 0 ? mantissa * std::pow(10.0, static_cast<double>(exponent))
                       : mantissa / std::pow(10.0, static_cast<double>(-exponent));
}

double pence(const Decimal& value) { return approx_double(round_half_away(value, kMoneyPlaces)); }
double rounded(const Decimal& value, int places) {
  return approx_double(round_half_away(value, places));
}

void validate_inputs(Sheet& sheet, int first_row, int col, int last_row, InputRule rule) {
  lxw_data_validation v{};
  v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  v.error_title = const_cast<char*>("Value out of range");
  switch (rule) {
    case InputRule::fraction:
      v.validate = LXW_VALIDATION_TYPE_DECIMAL;
      v.minimum_number = 0;
      v.maximum_number = 1;
      v.error_message =
          const_cast<char*>("Enter a fraction from 0 to 1 (0.2 or 20% for twenty per cent).");
      break;
    case InputRule::non_negative:
      v.validate = LXW_VALIDATION_TYPE_DECIMAL;
      v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
      v.value_number = 0;
      v.error_message = const_cast<char*>("Enter a number of 0 or more.");
      break;
    case InputRule::whole_from_1:
      v.validate = LXW_VALIDATION_TYPE_INTEGER;
      v.minimum_number = 1;
      v.maximum_number = 500;
      v.error_message = const_cast<char*>("Enter a whole number of years from 1 to 500.");
      break;
    case InputRule::whole_from_0:
      v.validate = LXW_VALIDATION_TYPE_INTEGER;
      v.minimum_number = 0;
      v.maximum_number = 500;
      v.error_message =
          const_cast<char*>("Enter a whole number of years from 0 (up front) to 500.");
      break;
    case InputRule::year:
      v.validate = LXW_VALIDATION_TYPE_INTEGER;
      v.minimum_number = 0;
      v.maximum_number = 9999;
      v.error_message =
          const_cast<char*>("Enter a calendar year such as 2024 (0 when not stated).");
      break;
  }
  sheet.validate(first_row, col, last_row, &v);
}

void validate_list(Sheet& sheet, int first_row, int col, int last_row,
                   std::vector<const char*> items, const char* message) {
  items.push_back(nullptr);
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_LIST;
  v.value_list = const_cast<char**>(items.data());
  v.error_title = const_cast<char*>("Not one of the choices");
  v.error_message = const_cast<char*>(message);
  sheet.validate(first_row, col, last_row, &v);
}

void write_about_sheet(Book& book, const Project& project, const ExportOptions& options,
                       const std::string& scope,
                       const std::vector<std::pair<std::string, std::string>>& extra) {
  const Formats& f = book.f();
  Sheet s = book.add_sheet("About");
  s.column(0, 0, 30);
  s.column(1, 1, 90);
  s.text(0, 0, "About this workbook", f.title);
  s.row_height(0, 24);
  s.note(1, 0, "Where these figures come from, and how to check that nothing has changed since.",
         f.note_block);
  int r = 3;
  const auto line = [&](const std::string& label, const std::string& value,
                        lxw_format* format = nullptr) {
    s.text(r, 0, label, f.label);
    s.text(r, 1, value, format ? format : f.wrap);
    ++r;
  };
  line("Produced by", std::string("Equivalue ") + equivalue_version());
  const auto when = export_time(options);
  const std::time_t t = to_time_t(when);
  std::tm utc{};
  gmtime_r(&t, &utc);
  lxw_datetime dt{utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                  utc.tm_hour,        utc.tm_min,     static_cast<double>(utc.tm_sec)};
  s.note(r, 0, "Exported", f.label);
  if (worksheet_write_datetime(s.raw(), static_cast<lxw_row_t>(r), 1, &dt, f.datetime) !=
      LXW_NO_ERROR)
    throw WorkbookError("could not write the time of export on the About sheet");
  ++r;
  line("Project", project.project.name);
  if (!options.source_name.empty()) line("Project file", options.source_name);
  line("Contents", scope);
  line("SHA-256 of the inputs",
       options.inputs_hash.empty() ? project_hash(project) : options.inputs_hash, f.code);
  line("",
       "The hash is of the project in Equivalue's canonical JSON form (equivalue-cli dump, or File "
       "> Export "
       "JSON). The same project always gives the same hash; any change to any input gives a "
       "different one.",
       f.note_block);
  for (const auto& [label, value] : extra) line(label, value);
  ++r;
  s.text(r++, 0, "Rounding and formulas", f.section);
  s.blank(r - 1, 1, f.section);
  line("Rounding",
       "Money is held exactly and rounded half away from zero to the penny only where a figure is "
       "shown. "
       "Headline figures use ROUND(x, 2) over unrounded sums, the same rule Equivalue applies, so "
       "this "
       "workbook and Equivalue agree to the penny.");
  line("Live formulas",
       "Yellow cells are inputs. Every derived SROI figure is a formula over those inputs and the "
       "named cells DiscountRate, FirstYearDiscounted, OptimismBias, BaseYear, GreenBookSchedule, "
       "Deflators, DiscountFactors, InputsPV and BenefitsPV (Formulas > Name Manager).");
  line("Cached values",
       "Each formula was saved with Equivalue's own result. Recalculating (Ctrl+Alt+F9 in Excel) "
       "gives the same figures.");
  line("Statistical estimates",
       "Switching values, one-at-a-time tests and Monte Carlo percentiles are calculated by "
       "Equivalue at export and saved as values: they do not change when inputs are edited.");
  s.print_setup(false, r, 1);
}

}  // namespace eqv::workbook
