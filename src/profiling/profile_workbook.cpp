// The published profile as a small workbook, written with libxlsxwriter. Only the
// disclosure-controlled aggregates of PublishedProfile reach the file: a shown count is
// written as a number, a hidden one as its text ("<10", "[c]").
#include "equivalue/core/errors.hpp"
#include "equivalue/profiling/profile_output.hpp"

#include <xlsxwriter.h>

#include <filesystem>

namespace eqv::profiling {
namespace {

struct Sheet {
  lxw_worksheet* ws;
  lxw_format* bold;
  lxw_format* whole;
  lxw_format* percent;
  lxw_format* money;
  lxw_format* wrap;

  void text(lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* f = nullptr) const {
    worksheet_write_string(ws, r, c, s.c_str(), f);
  }
  void count(lxw_row_t r, lxw_col_t c, const DisclosedCell& cell, std::int64_t value) const {
    if (cell.suppressed)
      text(r, c, cell.text);
    else
      worksheet_write_number(ws, r, c, static_cast<double>(value), whole);
  }
  void fraction(lxw_row_t r, lxw_col_t c, const DisclosedCell& cell,
                const std::optional<Decimal>& value) const {
    if (cell.suppressed)
      text(r, c, cell.text);
    else if (value)
      worksheet_write_number(ws, r, c, to_double(round_half_away(*value, 6)), percent);
  }
  void number(lxw_row_t r, lxw_col_t c, const DisclosedCell& cell,
              const std::optional<Decimal>& value, int places, lxw_format* f) const {
    if (cell.suppressed)
      text(r, c, cell.text);
    else if (value)
      worksheet_write_number(ws, r, c, to_double(round_half_away(*value, places)), f);
  }
};

std::int64_t channel_count(const SegmentProfile& s, const std::string& channel) {
  const auto it = s.channels.find(channel);
  return it == s.channels.end() ? 0 : it->second;
}

}  // namespace

namespace {

// The profile table: one row per segment and the total. Returns the last row written.
lxw_row_t write_profile_table(Sheet& s, const PublishedProfile& pub, const ProfileResult& p) {
  lxw_row_t r = 4;
  lxw_col_t col = 0;
  const char* fixed_heads[] = {"Segment", "Name", "Transactions"};
  for (const char* h : fixed_heads) s.text(r, col++, h, s.bold);
  if (pub.by_customer) s.text(r, col++, "Customers", s.bold);
  s.text(r, col++, "Share", s.bold);
  s.text(r, col++, "Population share", s.bold);
  s.text(r, col++, "Index", s.bold);
  for (const auto& ch : pub.channels) s.text(r, col++, ch, s.bold);
  s.text(r, col++, "Cost", s.bold);
  worksheet_set_column(s.ws, 0, 0, 10, nullptr);
  worksheet_set_column(s.ws, 1, 1, 36, nullptr);
  worksheet_set_column(s.ws, 2, static_cast<lxw_col_t>(col), 14, nullptr);

  auto write_row = [&](lxw_row_t row, const PublishedSegment& ps, const SegmentProfile* sp) {
    lxw_col_t c = 0;
    s.text(row, c++, ps.segment, sp ? nullptr : s.bold);
    s.text(row, c++, ps.name);
    s.count(row, c++, ps.transactions, sp ? sp->transactions : p.matched);
    if (pub.by_customer) {
      std::int64_t sum = 0;
      for (const auto& seg : p.segments) sum += seg.customers;
      s.count(row, c++, ps.customers, sp ? sp->customers : sum);
    }
    s.fraction(row, c++, ps.share, sp ? sp->share : std::optional<Decimal>(1));
    s.fraction(row, c++, ps.base_share, sp ? sp->base_share : std::optional<Decimal>(1));
    if (sp) s.number(row, c, ps.index, sp->index, 1, nullptr);
    ++c;
    for (std::size_t i = 0; i < pub.channels.size(); ++i) {
      std::int64_t value = 0;
      if (sp)
        value = channel_count(*sp, pub.channels[i]);
      else
        value = p.channels.at(pub.channels[i]);
      s.count(row, c++, ps.channels[i], value);
    }
    s.number(row, c++, ps.cost, sp ? sp->cost : p.cost, kMoneyPlaces, s.money);
  };
  for (std::size_t i = 0; i < pub.segments.size(); ++i)
    write_row(++r, pub.segments[i], &p.segments[i]);
  write_row(++r, pub.total, nullptr);
  return r;
}

// Rows read, matched and not matched (and why), below the table.
void write_match_summary(Sheet& s, lxw_row_t r, const PublishedProfile& pub,
                         const ProfileResult& p) {
  s.text(r, 0, "Rows read", s.bold);
  s.count(r, 2, pub.rows, p.rows);
  s.text(++r, 0, "Matched to a segment");
  s.count(r, 2, pub.matched, p.matched);
  const char* reasons[] = {"No postcode or area given", "Not a postcode (or area code)",
                           "Postcode not in the lookup", "Area without a segment of the scheme"};
  for (int i = 0; i < kUnmatchedReasons; ++i) {
    s.text(++r, 0, reasons[i]);
    s.count(r, 2, pub.unmatched[static_cast<std::size_t>(i)],
            p.unmatched[static_cast<std::size_t>(i)]);
  }
  if (!p.unpriced_channels.empty()) {
    std::string names;
    for (const auto& n : p.unpriced_channels) names += (names.empty() ? "" : ", ") + n;
    s.text(++r, 0, "Channels without a unit cost (not in the cost): " + names);
  }
}

// A swap line is built from one published count: hidden with it.
bool swap_line_hidden(const PublishedProfile& pub, const SwapLine& line) {
  for (std::size_t i = 0; i < pub.segments.size(); ++i) {
    if (pub.segments[i].segment != line.segment) continue;
    for (std::size_t k = 0; k < pub.channels.size(); ++k)
      if (pub.channels[k] == line.channel && pub.segments[i].channels[k].suppressed) return true;
  }
  return false;
}

void write_swap_sheet(Sheet w, lxw_workbook* wb, const PublishedProfile& pub,
                      const ChannelSwapResult& swap) {
  w.ws = workbook_add_worksheet(wb, "Channel swap");
  std::string segs;
  for (const auto& c : swap.swap.segments) segs += (segs.empty() ? "" : ", ") + c;
  w.text(0, 0, "Channel swap", w.bold);
  w.text(1, 0,
         "Share moved to " + swap.swap.to + ": " + to_fixed(swap.swap.share * 100, 1) +
             "% of segments " + segs + " (transactions taken to cover " +
             to_exact_string(swap.swap.period_days) + " days)");
  const char* heads[] = {"Segment", "From channel", "Contacts moved a year", "Saving a year"};
  for (lxw_col_t c = 0; c < 4; ++c) w.text(3, c, heads[c], w.bold);
  worksheet_set_column(w.ws, 0, 3, 20, nullptr);
  lxw_row_t row = 3;
  bool any_hidden = false;
  for (const auto& line : swap.lines) {
    const bool hidden = swap_line_hidden(pub, line);
    any_hidden = any_hidden || hidden;
    ++row;
    w.text(row, 0, line.segment);
    w.text(row, 1, line.channel);
    const DisclosedCell cell{hidden ? kWithheldText : "", hidden,
                             hidden ? SuppressionReason::derived : SuppressionReason::none};
    w.number(row, 2, cell, line.moved, 0, w.whole);
    w.number(row, 3, cell, line.saving, kMoneyPlaces, w.money);
  }
  ++row;
  w.text(row, 0, "Total", w.bold);
  const DisclosedCell total{any_hidden ? kWithheldText : "", any_hidden,
                            any_hidden ? SuppressionReason::derived : SuppressionReason::none};
  w.number(row, 2, total, swap.moved, 0, w.whole);
  w.number(row, 3, total, swap.yearly_saving, kMoneyPlaces, w.money);
  row += 2;
  w.text(row, 0,
         swap.exclusion_prompt ? swap.prompt
                               : "No digital-exclusion prompt: the moved segments do not "
                                 "hold a high share of older or disabled people.");
}

}  // namespace

void write_profile_workbook(const std::string& path, const PublishedProfile& pub,
                            const ProfileResult& p, const ChannelSwapResult* swap) {
  namespace fs = std::filesystem;
  const fs::path parent = fs::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty() && !fs::is_directory(parent, ec))
    throw InputError(path + ": the folder " + parent.string() +
                     " does not exist; create it or choose another place");

  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb)
    throw InputError(path + ": cannot be written (check the folder and that the file is not open)");
  Sheet s{workbook_add_worksheet(wb, "Profile"),
          workbook_add_format(wb),
          workbook_add_format(wb),
          workbook_add_format(wb),
          workbook_add_format(wb),
          workbook_add_format(wb)};
  format_set_bold(s.bold);
  format_set_num_format(s.whole, "#,##0");
  format_set_num_format(s.percent, "0.0%");
  format_set_num_format(s.money, "\xC2\xA3#,##0.00");
  format_set_text_wrap(s.wrap);

  s.text(0, 0, "Customer profile", s.bold);
  s.text(1, 0,
         "Transactions matched to segments by " + p.matched_by + "; index = share of " +
             (pub.by_customer ? std::string("customers") : std::string("transactions")) +
             " / share of population x 100 (100 = as expected).");
  s.text(2, 0, pub.statement);
  const lxw_row_t last = write_profile_table(s, pub, p);
  write_match_summary(s, last + 2, pub, p);
  if (swap) write_swap_sheet(s, wb, pub, *swap);

  const lxw_error status = workbook_close(wb);
  if (status != LXW_NO_ERROR)
    throw InputError(path + ": cannot be written (" + std::string(lxw_strerror(status)) +
                     "); check the folder and that the file is not open in Excel");
}

}  // namespace eqv::profiling
