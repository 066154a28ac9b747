// A thin, checked layer over libxlsxwriter: every call's status is tested and a failure
// becomes a WorkbookError naming the sheet and cell. Text always goes through cell_text()
// and is written as a string, never as a formula, whatever it starts with.
#pragma once

#include "equivalue/core/decimal.hpp"
#include "equivalue/workbook/text.hpp"
#include "equivalue/workbook/workbook.hpp"

#include <xlsxwriter.h>

#include <map>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eqv::workbook {

// "A", "B", ... "XFD" for column 0, 1, ...
std::string column_name(int col);
// "$B$7" (absolute) or "B7".
std::string cell_ref(int row, int col, bool absolute = true);
// "'Impact Map'!$B$7"; the sheet name quoted with any apostrophe doubled.
std::string sheet_ref(const std::string& sheet, int row, int col, bool absolute = true);
std::string sheet_range(const std::string& sheet, int first_row, int first_col, int last_row,
                        int last_col);
// A text literal for a formula: "say ""hi""".
std::string formula_string(std::string_view text);

// Cell styles shared by every sheet.
struct Formats {
  lxw_format *title, *subtitle, *note_block, *section, *header, *header_group, *label, *text, *wrap,
      *note, *muted;
  lxw_format *money, *money_total, *money_key, *money_input;
  lxw_format *number, *number_input, *whole, *whole_input, *year, *year_input;
  lxw_format *pct, *pct_total, *pct_input, *factor, *ratio, *ratio_key;
  lxw_format *text_input, *bool_input, *date, *datetime, *flag, *flag_block, *ok, *code;
};

class Sheet {
 public:
  Sheet(lxw_worksheet* sheet, std::string name) : ws_(sheet), name_(std::move(name)) {}
  const std::string& name() const { return name_; }
  lxw_worksheet* raw() const { return ws_; }

  void text(int row, int col, std::string_view value, lxw_format* format = nullptr);
  void number(int row, int col, double value, lxw_format* format = nullptr);
  void decimal(int row, int col, const Decimal& value, lxw_format* format = nullptr);
  void boolean(int row, int col, bool value, lxw_format* format = nullptr);
  void blank(int row, int col, lxw_format* format);
  // A formula with Equivalue's own result as its cached value.
  void formula(int row, int col, const std::string& formula, double cached,
               lxw_format* format = nullptr);
  void formula(int row, int col, const std::string& formula, const Decimal& cached,
               lxw_format* format = nullptr);
  void formula_text(int row, int col, const std::string& formula, std::string_view cached,
                    lxw_format* format = nullptr);
  // An ISO date (yyyy-mm-dd) or date and time (yyyy-mm-ddThh:mm:ssZ) as a real date;
  // anything else as text.
  void date(int row, int col, const std::string& iso, lxw_format* date_format,
            lxw_format* text_format, lxw_format* datetime_format = nullptr);
  // A note across the sheet's columns (first_col to the last column given a width), wrapped,
  // with the row made tall enough to show it. Written by print_setup(), once every
  // column's width is known.
  void note(int row, int first_col, std::string_view value, lxw_format* format) {
    notes_.push_back({row, first_col, std::string(value), format});
  }
  void merge(int first_row, int first_col, int last_row, int last_col, std::string_view value,
             lxw_format* format);

  void column(int first, int last, double width, lxw_format* format = nullptr, bool hidden = false);
  void row_height(int row, double height);
  void validate(int first_row, int col, int last_row, lxw_data_validation* validation);
  // Paper 9 is A4, 8 is A3 (for the widest sheets).
  void print_setup(bool landscape, int last_row, int last_col, int header_rows_first = -1,
                   int header_rows_last = -1, int paper = 9);
  void freeze(int row, int col) {
    worksheet_freeze_panes(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col));
  }
  void protect_formulas();  // locked formulas, editable yellow inputs, no password

  std::string ref(int row, int col, bool absolute = true) const {
    return sheet_ref(name_, row, col, absolute);
  }
  std::string range(int first_row, int first_col, int last_row, int last_col) const {
    return sheet_range(name_, first_row, first_col, last_row, last_col);
  }

 private:
  void check(lxw_error error, int row, int col, const char* what) const;
  lxw_worksheet* ws_;
  std::string name_;
  void write_note(int row, int first_col, const std::string& value, lxw_format* format);
  struct Note {
    int row, col;
    std::string text;
    lxw_format* format;
  };
  struct Wrapped {
    int row, first_col, last_col;
    std::size_t length;
  };
  void remember_wrapped(int row, int first_col, int last_col, const std::string& text,
                        lxw_format* format);
  std::map<int, double> widths_;
  std::vector<Note> notes_;
  std::vector<Wrapped> wrapped_;
  std::set<int> fixed_rows_;
};

// A workbook being written to `path`. Nothing appears at `path` until close() succeeds;
// a workbook destroyed without close() leaves no file.
class Book {
 public:
  explicit Book(const std::string& path);
  ~Book();
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  Sheet add_sheet(std::string_view wanted_name);
  const Formats& f() const { return formats_; }
  lxw_workbook* raw() const { return wb_; }
  // A workbook-wide defined name for `target` (a reference such as "'Assumptions'!$C$5").
  void define_name(const std::string& name, const std::string& target);
  void properties(const std::string& title, const std::string& subject, const std::string& comments,
                  std::time_t created);
  void close();

 private:
  void make_formats();
  std::string path_, part_path_;
  lxw_workbook* wb_ = nullptr;
  SheetNamer names_;
  Formats formats_{};
};

}  // namespace eqv::workbook
