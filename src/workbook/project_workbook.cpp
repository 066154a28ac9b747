// The project workbook: the register of every service change and the cumulative impact
// matrix (method.md section 3): per characteristic and group, how many changes rate it
// negative, how many people those changes touch and the savings they bring, with the heat
// map of each change's rating of each group.
#include "common.hpp"

#include "equivalue/core/cumulative.hpp"
#include "equivalue/core/joined.hpp"
#include "equivalue/core/disclosure.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/core/results.hpp"
#include "equivalue/interchange/templates.hpp"

#include <algorithm>
#include <unordered_map>

namespace eqv::workbook {
namespace {

// The project template's name for a characteristic; the id as written when no template is
// installed or it cannot be read.
std::string characteristic_label(const Project& project, const std::string& id) {
  try {
    return characteristic_display_name(cached_eqia_template(project.project.jurisdiction), id);
  } catch (const InputError&) {
    return id;
  }
}

enum RegCol {
  kRegId,
  kRegTitle,
  kRegBenefits,
  kRegInputs,
  kRegNpv,
  kRegRatio,
  kRegPayback,
  kRegStatus,
  kRegDecision,
  kRegNegatives,
  kRegFlags,
  kRegColumns
};

const char* decision_short(const ServiceChange& c) {
  if (!c.eqia) return "";
  switch (c.eqia->decision.outcome) {
    case DecisionOutcome::none:
      return "not decided";
    case DecisionOutcome::no_change:
      return "no major change";
    case DecisionOutcome::adjust:
      return "adjust";
    case DecisionOutcome::continue_despite:
      return "continue";
    case DecisionOutcome::stop:
      return "stop";
  }
  return "";
}

// One change's row of the register.
void register_row(Sheet& s, int r, const Project& project, const ChangeResults& res,
                  const ServiceChange* c, const Formats& f) {
  const SroiResult& x = res.sroi;
  const auto at = [&](int col) { return cell_ref(r, col, false); };
  s.text(r, kRegId, res.id, f.label);
  s.text(r, kRegTitle, res.title, f.wrap);
  s.number(r, kRegBenefits, approx_double(x.present_value), f.money);
  s.number(r, kRegInputs, approx_double(x.total_inputs), f.money);
  s.formula(r, kRegNpv, "=ROUND(" + at(kRegBenefits) + "-" + at(kRegInputs) + ",2)", pence(x.npv),
            f.money);
  const std::string ratio = "=IF(" + at(kRegInputs) + "=0,\"n/a\",ROUND(" + at(kRegBenefits) + "/" +
                            at(kRegInputs) + ",4))";
  if (x.ratio)
    s.formula(r, kRegRatio, ratio, rounded(*x.ratio, kRatioPlaces), f.ratio);
  else
    s.formula_text(r, kRegRatio, ratio, "n/a", f.ratio);
  if (x.payback_months)
    s.number(r, kRegPayback, rounded(*x.payback_months, 2), f.number);
  else
    s.text(r, kRegPayback, "n/a", f.muted);
  int negatives = 0;
  if (c && c->eqia) {
    s.text(r, kRegStatus, status_name(c->eqia->status), f.text);
    s.text(r, kRegDecision, decision_short(*c), f.text);
    for (const auto& i : c->eqia->impacts) negatives += i.rating == Rating::negative ? 1 : 0;
    s.number(r, kRegNegatives, negatives, f.whole);
  } else {
    s.text(r, kRegStatus, "no EqIA", f.flag);
  }
  std::string flags;
  if (res.affected)
    for (const auto& ch : res.affected->characteristics)
      for (const auto& cat : ch.categories)
        if (cat.flag)
          flags += (flags.empty() ? "" : "; ") + characteristic_label(project, ch.characteristic) +
                   ": " + cat.category;
  s.text(r, kRegFlags, flags, flags.empty() ? f.text : f.flag);
}

void register_sheet(Book& book, const Project& project, const std::vector<ChangeResults>& results) {
  const Formats& f = book.f();
  Sheet s = book.add_sheet("Register");
  s.text(0, 0, "Register of service changes", f.title);
  s.row_height(0, 24);
  s.note(1, 0,
         project.project.name + ": social return on investment and equality impact of each change.",
         f.note_block);
  const int header = 3;
  const char* headers[kRegColumns] = {"Ref",
                                      "Service change",
                                      "Present value of benefits (\xC2\xA3)",
                                      "Present value of inputs (\xC2\xA3)",
                                      "Net present value (\xC2\xA3)",
                                      "SROI ratio",
                                      "Payback (months)",
                                      "EqIA status",
                                      "EqIA decision",
                                      "Negative impacts",
                                      "Over-represented groups (flags)"};
  const double widths[kRegColumns] = {8, 40, 17, 17, 17, 11, 11, 12, 15, 10, 44};
  for (int c = 0; c < kRegColumns; ++c) {
    s.text(header, c, headers[c], f.header);
    s.column(c, c, widths[c]);
  }
  s.row_height(header, 30);
  int r = header + 1;
  Decimal benefits = 0, inputs = 0;
  std::unordered_map<std::string, const ServiceChange*> changes;
  for (const auto& c : project.changes) changes.emplace(c.id, &c);
  for (const auto& res : results) {
    const auto found = changes.find(res.id);
    const ServiceChange* c = found == changes.end() ? nullptr : found->second;
    benefits += res.sroi.present_value;
    inputs += res.sroi.total_inputs;
    register_row(s, r, project, res, c, f);
    ++r;
  }
  const int first = header + 1, last = r - 1;
  s.text(r, kRegId, "Total", f.money_total);
  s.blank(r, kRegTitle, f.money_total);
  if (!results.empty()) {
    const auto sum = [&](int c) {
      return "=SUM(" + cell_ref(first, c, false) + ":" + cell_ref(last, c, false) + ")";
    };
    s.formula(r, kRegBenefits, sum(kRegBenefits), benefits, f.money_total);
    s.formula(r, kRegInputs, sum(kRegInputs), inputs, f.money_total);
    s.formula(
        r, kRegNpv,
        "=ROUND(" + cell_ref(r, kRegBenefits, false) + "-" + cell_ref(r, kRegInputs, false) + ",2)",
        pence(benefits - inputs), f.money_total);
    const std::string ratio = "=IF(" + cell_ref(r, kRegInputs, false) + "=0,\"n/a\",ROUND(" +
                              cell_ref(r, kRegBenefits, false) + "/" +
                              cell_ref(r, kRegInputs, false) + ",4))";
    if (inputs != 0)
      s.formula(r, kRegRatio, ratio, rounded(benefits / inputs, kRatioPlaces), f.ratio);
    else
      s.formula_text(r, kRegRatio, ratio, "n/a", f.ratio);
  }
  for (int c = kRegPayback; c < kRegColumns; ++c) s.blank(r, c, f.money_total);
  s.note(r + 2, 0,
         "Present values are Equivalue's unrounded figures, shown to the penny; net present value "
         "and ratio are "
         "formulas that round as Equivalue does. Each change's workbook (equivalue-cli export FILE "
         "--change ID) "
         "traces these figures to every input.",
         f.note_block);
  s.freeze(header + 1, 2);
  s.print_setup(true, r + 2, kRegColumns - 1, header, header);
  worksheet_activate(s.raw());
}

// One row per group: the changes rating it negative, their people and savings, the flag.
int cumulative_table(Sheet& s, const Formats& f, const Project& project,
                     const CumulativeImpact& cumulative, int threshold, int header) {
  const char* h[] = {"Characteristic",
                     "Group",
                     "Changes rated negative",
                     "People those changes touch",
                     "Savings those changes bring (\xC2\xA3)",
                     "Which changes",
                     "Flagged for the decision makers",
                     "Of which with no affected segments (people not counted)"};
  for (int c = 0; c < 8; ++c) s.text(header, c, h[c], f.header);
  s.row_height(header, 30);
  int r = header + 1;
  for (const CumulativeRow& row : cumulative.rows) {
    s.text(r, 0, characteristic_label(project, row.characteristic), f.text);
    s.text(r, 1, row.category.empty() ? "(all)" : row.category,
           row.category.empty() ? f.muted : f.text);
    s.number(r, 2, static_cast<double>(row.count()), row.count() > 0 ? f.flag : f.whole);
    if (!row.has_people) {
      s.text(r, 3, "not in the segment profile", f.muted);
    } else {
      const DisclosedCell cell = disclose_count(whole_people(row.people), threshold);
      if (cell.suppressed)
        s.text(r, 3, cell.text, f.muted);
      else
        s.number(r, 3, static_cast<double>(whole_people(row.people)), f.whole);
    }
    s.decimal(r, 4, round_half_away(row.saving, kMoneyPlaces), f.money);
    s.text(r, 5, joined(row.changes), f.wrap);
    s.text(r, 6, row.flagged ? "yes: " + std::to_string(row.count()) + " negative changes" : "",
           f.flag);
    s.text(r, 7, joined(row.changes_without_figures), f.wrap);
    ++r;
  }
  if (cumulative.rows.empty())
    s.text(r++, 0, "No characteristic is described by the segments or rated negative.", f.muted);
  return r;
}

// The heat map: each group against each change, the rating written in the cell and its colour.
int cumulative_heat_map(Book& book, Sheet& s, const Project& project,
                        const CumulativeImpact& cumulative, int top) {
  const Formats& f = book.f();
  auto fill = [&](lxw_color_t colour) {
    lxw_format* x = workbook_add_format(book.raw());
    format_set_bg_color(x, colour);
    format_set_border(x, LXW_BORDER_THIN);
    format_set_align(x, LXW_ALIGN_CENTER);
    return x;
  };
  lxw_format* by_rating[] = {fill(0x86C88A), fill(0xDADADA), fill(0xE57369), fill(0xFFD56E)};
  lxw_format* none = fill(0xFFFFFF);
  s.text(top, 0, "Heat map: the rating each change gives each group", f.section);
  s.note(top + 1, 0,
         "negative (red), unknown (amber), neutral (grey), positive (green); blank: the change's "
         "assessment does not "
         "bear on the group.",
         f.note_block);
  const int header = top + 2;
  s.text(header, 0, "Characteristic", f.header);
  s.text(header, 1, "Group", f.header);
  const int first = 2;  // one column per change, under the table's columns
  for (std::size_t k = 0; k < cumulative.change_ids.size(); ++k)
    s.text(header, first + static_cast<int>(k), cumulative.change_ids[k], f.header);
  const int last = first + static_cast<int>(cumulative.change_ids.size()) - 1;
  if (last > 7) s.column(8, last, 14);
  int r = header + 1;
  for (const CumulativeRow& row : cumulative.rows) {
    s.text(r, 0, characteristic_label(project, row.characteristic), row.flagged ? f.flag : f.text);
    s.text(r, 1, row.category.empty() ? "(all)" : row.category, row.flagged ? f.flag : f.text);
    for (std::size_t k = 0; k < row.cells.size(); ++k) {
      const auto& rating = row.cells[k].rating;
      const int col = first + static_cast<int>(k);
      if (rating)
        s.text(r, col, rating_name(*rating), by_rating[static_cast<int>(*rating)]);
      else
        s.blank(r, col, none);
    }
    ++r;
  }
  return r;
}

void cumulative_sheet(Book& book, const Project& project, const ExportOptions& options) {
  const Formats& f = book.f();
  Sheet s = book.add_sheet("Cumulative impact");
  const int threshold = project.project.disclosure_threshold;
  const CumulativeImpact cumulative =
      options.cumulative ? *options.cumulative : cumulative_impact(project);
  s.column(0, 1, 22);
  s.column(2, 4, 18);
  s.column(5, 5, 24);
  s.column(6, 7, 30);
  s.text(0, 0, "Cumulative impact across all changes", f.title);
  s.row_height(0, 24);
  s.note(1, 0,
         "For each group: how many changes rate it negative in their EqIA (an impact bears on the "
         "groups it names, or "
         "on every group of its characteristic when it names none), how many people those changes "
         "touch (a person "
         "touched by two changes is counted twice) and the savings they bring. " +
             std::to_string(cumulative.changes_assessed) + " of " +
             std::to_string(cumulative.changes) +
             " changes have an assessment. A group rated negative by " +
             std::to_string(cumulative.threshold) +
             " or more changes is flagged for the decision makers (" +
             std::to_string(cumulative.groups_flagged()) + " flagged).",
         f.note_block);
  s.note(2, 0, "Disclosure control: " + disclosure_statement(threshold), f.flag_block);
  const int header = 4;
  int r = cumulative_table(s, f, project, cumulative, threshold, header);
  r = cumulative_heat_map(book, s, project, cumulative, r + 1);
  s.freeze(header + 1, 2);
  s.print_setup(true, r, std::max(7, 1 + static_cast<int>(cumulative.change_ids.size())), header,
                header);
}

}  // namespace

void export_project_workbook(const Project& project, const std::vector<ChangeResults>& results,
                             const std::string& path, const ExportOptions& options) {
  Book book(path);
  register_sheet(book, project, results);
  cumulative_sheet(book, project, options);
  write_about_sheet(book, project, options,
                    "Register and cumulative impact of " + std::to_string(results.size()) +
                        " service change" + (results.size() == 1 ? "" : "s"),
                    {});
  book.properties(
      project.project.name + ": register of service changes", "Social value and equality impact",
      "Exported by Equivalue " + std::string(equivalue_version()), to_time_t(export_time(options)));
  book.close();
}

void export_project_workbook(const Project& project, const std::string& path,
                             const ExportOptions& options) {
  CalcOptions calc = options.calc;
  calc.monte_carlo = false;  // the register shows no simulation figures
  calc.sensitivity = false;
  export_project_workbook(project, calculate_project(project, calc), path, options);
}

}  // namespace eqv::workbook
