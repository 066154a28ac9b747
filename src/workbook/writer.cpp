#include "writer.hpp"

#include "common.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace eqv::workbook {
namespace {

constexpr lxw_color_t kNavy = 0x1F3864;
constexpr lxw_color_t kInputFill = 0xFFF2CC;
constexpr lxw_color_t kInputBorder = 0xBFBFBF;
constexpr lxw_color_t kGroupFill = 0xD9E1F2;
constexpr lxw_color_t kGrey = 0x595959;

constexpr const char* kMoney =
    "\xC2\xA3#,##0.00;[Red]-\xC2\xA3#,##0.00;\xC2\xA3"
    "0.00";

}  // namespace

std::string column_name(int col) {
  std::string name;
  for (int c = col + 1; c > 0; c = (c - 1) / 26)
    name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
  return name;
}

std::string cell_ref(int row, int col, bool absolute) {
  const char* dollar = absolute ? "$" : "";
  return dollar + column_name(col) + dollar + std::to_string(row + 1);
}

std::string sheet_ref(const std::string& sheet, int row, int col, bool absolute) {
  std::string quoted = "'";
  for (char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  return quoted + "'!" + cell_ref(row, col, absolute);
}

std::string sheet_range(const std::string& sheet, int first_row, int first_col, int last_row,
                        int last_col) {
  return sheet_ref(sheet, first_row, first_col) + ":" + cell_ref(last_row, last_col);
}

std::string formula_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// ------------------------------------------------------------------------------ Sheet

void Sheet::check(lxw_error error, int row, int col, const char* what) const {
  if (error == LXW_NO_ERROR) return;
  std::string where = "sheet '" + name_ + "'";
  if (row >= 0) where += ", cell " + cell_ref(row, col, false);
  throw WorkbookError(std::string("could not write the workbook (") + what + " at " + where +
                      "): " + lxw_strerror(error));
}

void Sheet::text(int row, int col, std::string_view value, lxw_format* format) {
  if (value.empty()) {
    if (format) blank(row, col, format);
    return;
  }
  const std::string safe = cell_text(value);
  remember_wrapped(row, col, col, safe, format);
  check(worksheet_write_string(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                               safe.c_str(), format),
        row, col, "text");
}

void Sheet::number(int row, int col, double value, lxw_format* format) {
  check(worksheet_write_number(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value,
                               format),
        row, col, "number");
}

void Sheet::decimal(int row, int col, const Decimal& value, lxw_format* format) {
  number(row, col, to_double(value), format);
}

void Sheet::boolean(int row, int col, bool value, lxw_format* format) {
  check(worksheet_write_boolean(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                value ? 1 : 0, format),
        row, col, "true/false value");
}

void Sheet::blank(int row, int col, lxw_format* format) {
  check(
      worksheet_write_blank(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), format),
      row, col, "blank cell");
}

void Sheet::formula(int row, int col, const std::string& formula, double cached,
                    lxw_format* format) {
  check(worksheet_write_formula_num(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                    formula.c_str(), format, cached),
        row, col, "formula");
}

void Sheet::formula(int row, int col, const std::string& f, const Decimal& cached,
                    lxw_format* format) {
  formula(row, col, f, approx_double(cached), format);
}

void Sheet::formula_text(int row, int col, const std::string& formula, std::string_view cached,
                         lxw_format* format) {
  const std::string value = cell_text(cached);
  check(worksheet_write_formula_str(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                    formula.c_str(), format, value.c_str()),
        row, col, "formula");
}

void Sheet::date(int row, int col, const std::string& iso, lxw_format* date_format,
                 lxw_format* text_format, lxw_format* datetime_format) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (iso.size() == 10 && std::sscanf(iso.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
      y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
    lxw_datetime dt{y, m, d, 0, 0, 0.0};
    check(worksheet_write_datetime(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                   &dt, date_format),
          row, col, "date");
    return;
  }
  // A time of day too: yyyy-mm-ddThh:mm[:ss][Z], as the status trail records it (UTC).
  int hh = 0, mi = 0, ss = 0;
  if (iso.size() >= 16 && iso[10] == 'T' &&
      std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &m, &d, &hh, &mi, &ss) >= 5 &&
      y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= 31 && hh < 24 && mi < 60 && ss < 61) {
    lxw_datetime dt{y, m, d, hh, mi, static_cast<double>(ss)};
    check(worksheet_write_datetime(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                   &dt, datetime_format ? datetime_format : date_format),
          row, col, "date and time");
    return;
  }
  text(row, col, iso, text_format);
}

void Sheet::merge(int first_row, int first_col, int last_row, int last_col, std::string_view value,
                  lxw_format* format) {
  const std::string safe = cell_text(value);
  remember_wrapped(first_row, first_col, last_col, safe, format);
  check(worksheet_merge_range(ws_, static_cast<lxw_row_t>(first_row),
                              static_cast<lxw_col_t>(first_col), static_cast<lxw_row_t>(last_row),
                              static_cast<lxw_col_t>(last_col), safe.c_str(), format),
        first_row, first_col, "merged cells");
}

void Sheet::write_note(int row, int first_col, const std::string& value, lxw_format* format) {
  int last_col = first_col;
  double width = 0;
  for (const auto& [col, w] : widths_)
    if (col >= first_col) last_col = std::max(last_col, col);
  for (int c = first_col; c <= last_col; ++c) {
    const auto it = widths_.find(c);
    width += it == widths_.end() ? 8.43 : it->second;
  }
  const std::string safe = cell_text(value);
  // Italic text runs about 1.1 characters per unit of column width.
  const double lines =
      std::max(1.0, std::ceil(static_cast<double>(excel_length(safe)) / (width * 1.1)));
  if (last_col > first_col)
    merge(row, first_col, row, last_col, safe, format);
  else
    text(row, first_col, safe, format);
  row_height(row, std::min(409.0, lines * 13.5));
}

void Sheet::column(int first, int last, double width, lxw_format* format, bool hidden) {
  for (int c = first; c <= last; ++c) widths_[c] = width;
  lxw_row_col_options options{};
  options.hidden = hidden ? 1 : 0;
  check(worksheet_set_column_opt(ws_, static_cast<lxw_col_t>(first), static_cast<lxw_col_t>(last),
                                 width, format, &options),
        -1, 0, "column width");
}

void Sheet::remember_wrapped(int row, int first_col, int last_col, const std::string& text,
                             lxw_format* format) {
  if (format && format->text_wrap)
    wrapped_.push_back({row, first_col, last_col, excel_length(text)});
}

void Sheet::row_height(int row, double height) {
  fixed_rows_.insert(row);
  check(worksheet_set_row(ws_, static_cast<lxw_row_t>(row), height, nullptr), row, 0, "row height");
}

void Sheet::validate(int first_row, int col, int last_row, lxw_data_validation* validation) {
  check(worksheet_data_validation_range(
            ws_, static_cast<lxw_row_t>(first_row), static_cast<lxw_col_t>(col),
            static_cast<lxw_row_t>(last_row), static_cast<lxw_col_t>(col), validation),
        first_row, col, "data validation");
}

void Sheet::print_setup(bool landscape, int last_row, int last_col, int header_rows_first,
                        int header_rows_last, int paper) {
  for (const Note& n : notes_) write_note(n.row, n.col, n.text, n.format);
  notes_.clear();
  // Rows holding wrapped text are made tall enough for it (spreadsheets do not all fit
  // row heights on opening a file).
  std::map<int, double> lines;
  for (const Wrapped& w : wrapped_) {
    double width = 0;
    for (int c = w.first_col; c <= w.last_col; ++c) {
      const auto it = widths_.find(c);
      width += it == widths_.end() ? 8.43 : it->second;
    }
    const double needed = std::ceil(static_cast<double>(w.length) / std::max(1.0, width * 1.05));
    lines[w.row] = std::max(lines[w.row], needed);
  }
  for (const auto& [row, n] : lines)
    if (n > 1 && !fixed_rows_.count(row))
      check(worksheet_set_row(ws_, static_cast<lxw_row_t>(row), std::min(409.0, n * 13.0), nullptr),
            row, 0, "row height");
  if (landscape)
    worksheet_set_landscape(ws_);
  else
    worksheet_set_portrait(ws_);
  worksheet_set_paper(ws_, static_cast<uint8_t>(paper));
  worksheet_set_margins(ws_, 0.5, 0.5, 0.7, 0.7);
  worksheet_fit_to_pages(ws_, 1, 0);  // one page wide, as many tall as needed
  check(worksheet_print_area(ws_, 0, 0, static_cast<lxw_row_t>(last_row),
                             static_cast<lxw_col_t>(last_col)),
        -1, 0, "print area");
  if (header_rows_first >= 0)
    check(worksheet_repeat_rows(ws_, static_cast<lxw_row_t>(header_rows_first),
                                static_cast<lxw_row_t>(header_rows_last)),
          -1, 0, "print titles");
  check(worksheet_set_header(ws_, "&L&\"Calibri,Bold\"Equivalue&R&A"), -1, 0, "page header");
  check(worksheet_set_footer(ws_, "&L&F&RPage &P of &N"), -1, 0, "page footer");
}

void Sheet::protect_formulas() {
  lxw_protection options{};
  options.format_cells = 1;
  options.format_columns = 1;
  options.format_rows = 1;
  options.sort = 1;
  options.autofilter = 1;
  worksheet_protect(ws_, nullptr, &options);
}

// ------------------------------------------------------------------------------- Book

Book::Book(const std::string& path) : path_(path), part_path_(path + ".part") {
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.use_zip64 = LXW_FALSE;
  wb_ = workbook_new_opt(part_path_.c_str(), &options);
  if (!wb_) throw WorkbookError("could not start the workbook " + path + " (out of memory)");
  make_formats();
}

Book::~Book() {
  if (wb_) {
    lxw_workbook_free(wb_);  // discards: nothing was written
    std::error_code ignored;
    std::filesystem::remove(part_path_, ignored);
  }
}

Sheet Book::add_sheet(std::string_view wanted_name) {
  const std::string name = names_.unique(wanted_name);
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
  if (!ws) throw WorkbookError("could not add the sheet '" + name + "' to the workbook");
  return Sheet(ws, name);
}

void Book::define_name(const std::string& name, const std::string& target) {
  const std::string formula = "=" + target;
  if (workbook_define_name(wb_, name.c_str(), formula.c_str()) != LXW_NO_ERROR)
    throw WorkbookError("could not define the name " + name + " for " + target);
}

void Book::properties(const std::string& title, const std::string& subject,
                      const std::string& comments, std::time_t created) {
  const std::string safe_title = cell_text(title, 255), safe_subject = cell_text(subject, 255),
                    safe_comments = cell_text(comments, 1000);
  lxw_doc_properties props{};
  props.title = const_cast<char*>(safe_title.c_str());
  props.subject = const_cast<char*>(safe_subject.c_str());
  props.author = const_cast<char*>("Equivalue");
  props.company = const_cast<char*>("");
  props.category = const_cast<char*>("Social return on investment and equality impact assessment");
  props.keywords = const_cast<char*>("SROI, EqIA, social value, Green Book");
  props.comments = const_cast<char*>(safe_comments.c_str());
  props.status = const_cast<char*>("Exported");
  props.created = created;
  if (workbook_set_properties(wb_, &props) != LXW_NO_ERROR)
    throw WorkbookError("could not set the workbook's document properties");
}

void Book::close() {
  lxw_workbook* wb = wb_;
  wb_ = nullptr;  // workbook_close frees it whatever happens
  const lxw_error error = workbook_close(wb);
  std::error_code ec;
  if (error != LXW_NO_ERROR) {
    std::filesystem::remove(part_path_, ec);
    throw WorkbookError(
        "could not write the workbook " + path_ + ": " + lxw_strerror(error) +
        " (check that the folder exists, that you may write to it and that the disk is not full)");
  }
  std::filesystem::rename(part_path_, path_, ec);
  if (ec) {
    std::filesystem::remove(part_path_, ec);
    throw WorkbookError("could not save the workbook as " + path_ + ": " + ec.message());
  }
}

void Book::make_formats() {  // data table
  const auto make = [&](auto&& style) {
    lxw_format* f = workbook_add_format(wb_);
    if (!f) throw WorkbookError("could not create a cell format (out of memory)");
    format_set_font_name(f, "Calibri");
    format_set_font_size(f, 10);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    style(f);
    return f;
  };
  const auto input = [](lxw_format* f) {
    format_set_bg_color(f, kInputFill);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_border_color(f, kInputBorder);
    format_set_unlocked(f);
  };
  const auto total = [](lxw_format* f) {
    format_set_bold(f);
    format_set_top(f, LXW_BORDER_THIN);
    format_set_bottom(f, LXW_BORDER_DOUBLE);
  };
  Formats& x = formats_;
  x.title = make([](lxw_format* f) {
    format_set_bold(f), format_set_font_size(f, 16), format_set_font_color(f, kNavy);
  });
  x.subtitle = make([](lxw_format* f) { format_set_italic(f), format_set_font_color(f, kGrey); });
  x.note_block = make([](lxw_format* f) {
    format_set_italic(f), format_set_font_color(f, kGrey), format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_LEFT);
  });
  x.section = make([](lxw_format* f) {
    format_set_bold(f), format_set_font_size(f, 12), format_set_font_color(f, kNavy);
    format_set_bottom(f, LXW_BORDER_MEDIUM), format_set_bottom_color(f, kNavy);
  });
  x.header = make([](lxw_format* f) {
    format_set_bold(f), format_set_font_color(f, LXW_COLOR_WHITE), format_set_bg_color(f, kNavy);
    format_set_text_wrap(f), format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(f, LXW_BORDER_THIN), format_set_border_color(f, LXW_COLOR_WHITE);
  });
  x.header_group = make([](lxw_format* f) {
    format_set_bold(f), format_set_font_color(f, kNavy), format_set_bg_color(f, kGroupFill);
    format_set_align(f, LXW_ALIGN_CENTER), format_set_border(f, LXW_BORDER_THIN);
    format_set_border_color(f, LXW_COLOR_WHITE);
  });
  x.label = make([](lxw_format* f) { format_set_bold(f); });
  x.text = make([](lxw_format*) {});
  x.wrap = make([](lxw_format* f) { format_set_text_wrap(f); });
  x.note = make([](lxw_format* f) {
    format_set_italic(f), format_set_font_color(f, kGrey), format_set_text_wrap(f);
  });
  x.muted = make([](lxw_format* f) { format_set_italic(f), format_set_font_color(f, 0x808080); });
  x.money = make([](lxw_format* f) { format_set_num_format(f, kMoney); });
  x.money_total = make([&](lxw_format* f) { format_set_num_format(f, kMoney), total(f); });
  x.money_key = make([](lxw_format* f) {
    format_set_num_format(f, kMoney), format_set_bold(f), format_set_font_size(f, 12);
  });
  x.money_input = make([&](lxw_format* f) { format_set_num_format(f, kMoney), input(f); });
  x.number = make([](lxw_format* f) { format_set_num_format(f, "#,##0.00"); });
  x.number_input = make([&](lxw_format* f) { format_set_num_format(f, "#,##0.00"), input(f); });
  x.whole = make([](lxw_format* f) { format_set_num_format(f, "#,##0"); });
  x.whole_input = make([&](lxw_format* f) { format_set_num_format(f, "#,##0"), input(f); });
  x.year = make(
      [](lxw_format* f) { format_set_num_format(f, "0"), format_set_align(f, LXW_ALIGN_CENTER); });
  x.year_input = make([&](lxw_format* f) {
    format_set_num_format(f, "0"), format_set_align(f, LXW_ALIGN_CENTER), input(f);
  });
  x.pct = make([](lxw_format* f) { format_set_num_format(f, "0.0%"); });
  x.pct_total = make([&](lxw_format* f) { format_set_num_format(f, "0.0%"), total(f); });
  x.pct_input = make([&](lxw_format* f) { format_set_num_format(f, "0.0%"), input(f); });
  x.factor = make([](lxw_format* f) { format_set_num_format(f, "0.000000"); });
  x.ratio = make([](lxw_format* f) { format_set_num_format(f, "0.0000"); });
  x.ratio_key = make([](lxw_format* f) {
    format_set_num_format(f, "0.00\" : 1\""), format_set_bold(f), format_set_font_size(f, 12);
    format_set_align(f, LXW_ALIGN_RIGHT);
  });
  x.text_input = make([&](lxw_format* f) { format_set_text_wrap(f), input(f); });
  x.bool_input = make([&](lxw_format* f) { format_set_align(f, LXW_ALIGN_CENTER), input(f); });
  x.date = make([](lxw_format* f) {
    format_set_num_format(f, "d mmm yyyy"), format_set_align(f, LXW_ALIGN_LEFT);
  });
  x.datetime = make([](lxw_format* f) {
    format_set_num_format(f, "d mmm yyyy hh:mm \"UTC\""), format_set_align(f, LXW_ALIGN_LEFT);
  });
  x.flag = make([](lxw_format* f) { format_set_bold(f), format_set_font_color(f, 0xC00000); });
  x.flag_block = make([](lxw_format* f) {
    format_set_bold(f), format_set_font_color(f, 0xC00000), format_set_text_wrap(f);
  });
  x.ok = make([](lxw_format* f) { format_set_font_color(f, 0x375623); });
  x.code =
      make([](lxw_format* f) { format_set_font_name(f, "Consolas"), format_set_font_size(f, 9); });
}

}  // namespace eqv::workbook
