// The workbook of one service change: its layout, the order of its sheets and the names
// its formulas share. Each sheet is written in its own file (*_sheet.cpp).
#include "change_writer.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/interchange/templates.hpp"

namespace eqv::workbook {
namespace detail {

ChangeWriter::ChangeWriter(Book& book, const Project& project, const ServiceChange& change,
                           const ChangeResults& results, const ExportOptions& options)
    : book_(book),
      f_(book.f()),
      project_(project),
      change_(change),
      results_(results),
      sroi_(results.sroi),
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

void ChangeWriter::write() {
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

const std::string& ChangeWriter::stakeholder_name(const std::string& id) const {
  const auto it = stakeholder_names_.find(id);
  return it == stakeholder_names_.end() ? id : it->second;
}

// The template's name for a characteristic (the change's own template, else the project's);
// the id as written when no template is installed or it cannot be read. A joint
// characteristic (older and disabled, from a Census multivariate table) is marked so.
std::string ChangeWriter::characteristic_label(const std::string& id) const {
  if (project_.segments.intersections.count(id)) return id + " (joint)";
  const std::string& name =
      change_.eqia ? change_.eqia->template_name : project_.project.jurisdiction;
  try {
    return characteristic_display_name(cached_eqia_template(name), id);
  } catch (const InputError&) {
    return id;  // the EqIA sheet reports a template it cannot read
  }
}

std::string ChangeWriter::decision_text(DecisionOutcome d) {
  switch (d) {
    case DecisionOutcome::none:
      return "not yet decided";
    case DecisionOutcome::no_change:
      return "No major change";
    case DecisionOutcome::adjust:
      return "Adjust the proposal";
    case DecisionOutcome::continue_despite:
      return "Continue despite adverse impact";
    case DecisionOutcome::stop:
      return "Stop and remove the proposal";
  }
  return "";
}

void ChangeWriter::about() {
  write_about_sheet(
      book_, project_, options_, "Service change " + change_.id + ": " + change_.title,
      {{"Monte Carlo", sroi_.monte_carlo
                           ? std::to_string(sroi_.monte_carlo->draws) + " draws, seed " +
                                 std::to_string(sroi_.monte_carlo->seed)
                           : std::string("not run (no ranges given)")}});
}

void ChangeWriter::names() {
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

}  // namespace detail

void export_change_workbook(const Project& project, const ChangeResults& results,
                            const std::string& path, const ExportOptions& options) {
  const ServiceChange* change = project.find_change(results.id);
  if (!change) throw InputError("no service change has the id \"" + results.id + "\"");
  Book book(path);
  detail::ChangeWriter(book, project, *change, results, options).write();
  book.properties("Service change " + change->id + ": " + change->title, project.project.name,
                  "SROI and equality impact assessment exported by Equivalue " +
                      std::string(equivalue_version()),
                  to_time_t(export_time(options)));
  book.close();
}

void export_change_workbook(const Project& project, const std::string& change_id,
                            const std::string& path, const ExportOptions& options) {
  const ServiceChange* change = project.find_change(change_id);
  if (!change) throw InputError("no service change has the id \"" + change_id + "\"");
  export_change_workbook(project, calculate_change(project, *change, options.calc), path, options);
}

}  // namespace eqv::workbook
