#include "change_writer.hpp"
#include "equivalue/core/joined.hpp"

#include <functional>

namespace eqv::workbook::detail {

namespace {

void section(Sheet& s, int& r, const Formats& f, const std::string& title, int last_col) {
  s.text(r, 0, title, f.section);
  for (int c = 1; c <= last_col; ++c) s.blank(r, c, f.section);
  ++r;
}

void field(Sheet& s, int& r, const Formats& f, const std::string& label, const std::string& value) {
  s.text(r, 0, label, f.label);
  s.text(r, 1, value.empty() ? "not recorded" : value, value.empty() ? f.muted : f.text);
  ++r;
}

// The post-implementation review: each impact's expected rating against what happened, then
// the summary. Returns the row after it.
int review_table(Sheet& s, int r, const Formats& f, const Eqia& e,
                 const std::function<std::string(const Impact&)>& label) {
  section(s, r, f, "Post-implementation review: expected against actual", 4);
  const char* h[] = {"Impact", "Expected", "Actual", "What happened", "Evidence"};
  for (int c = 0; c < 5; ++c) s.text(r, c, h[c], f.header);
  ++r;
  for (const auto& im : e.impacts) {
    s.text(r, 0, label(im), f.wrap);
    s.text(r, 1, rating_name(im.rating), im.rating == Rating::negative ? f.flag : f.text);
    if (im.actual_rating)
      s.text(r, 2, rating_name(*im.actual_rating),
             *im.actual_rating == Rating::negative ? f.flag : f.text);
    else
      s.text(r, 2, "not recorded", f.muted);
    s.text(r, 3, im.actual_impact, f.wrap);
    s.text(r, 4, im.actual_evidence, f.wrap);
    ++r;
  }
  s.text(r, 0, "Summary", f.label);
  s.merge(r, 1, r, 4, e.review_summary, f.wrap);
  return r + 2;
}

}  // namespace

// "Age: 65+" for an impact on named groups, "Age" for one on the whole characteristic.
std::string ChangeWriter::impact_label(const Impact& im) const {
  const std::string groups = joined(im.groups);
  const std::string name = characteristic_label(im.characteristic);
  return groups.empty() ? name : name + ": " + groups;
}

// The assessment's identity: who, what and when.
int ChangeWriter::eqia_identity(Sheet& s, int r, const Eqia& e) {
  section(s, r, f_, "Assessment", 3);
  field(s, r, f_, "Status",
        std::string(status_name(e.status)) + " (version " + std::to_string(e.version) + ")");
  field(s, r, f_, "Template", e.template_name);
  field(s, r, f_, "Reference", e.reference);
  field(s, r, f_, "Directorate", e.directorate);
  field(s, r, f_, "Lead officer", e.lead_officer);
  field(s, r, f_, "Proposal type", e.proposal_type);
  s.text(r, 0, "Budget", f_.label);
  if (e.budget)
    s.decimal(r, 1, *e.budget, f_.money);
  else
    s.text(r, 1, "not recorded", f_.muted);
  ++r;
  s.text(r, 0, "Saving", f_.label);
  if (e.saving)
    s.decimal(r, 1, *e.saving, f_.money);
  else
    s.text(r, 1, "not recorded", f_.muted);
  ++r;
  s.text(r, 0, "Decision date", f_.label);
  if (e.decision_date.empty())
    s.text(r, 1, "not recorded", f_.muted);
  else
    s.date(r, 1, e.decision_date, f_.date, f_.text);
  ++r;
  field(s, r, f_, "Decision maker", e.decision_maker);
  s.text(r, 0, "Review date", f_.label);
  if (e.review_date.empty())
    s.text(r, 1, "not recorded", f_.muted);
  else
    s.date(r, 1, e.review_date, f_.date, f_.text);
  ++r;
  ++r;
  return r;
}

// Which characteristics the change bears on, and why.
int ChangeWriter::eqia_screening(Sheet& s, int r, const Eqia& e) {
  section(s, r, f_, "Screening", 3);
  const char* sh[] = {"Characteristic", "Relevant?", "Reason"};
  for (int c = 0; c < 3; ++c) s.text(r, c, sh[c], f_.header);
  s.merge(r, 2, r, 3, "Reason", f_.header);
  ++r;
  for (const auto& sc : e.screening) {
    s.text(r, 0, characteristic_label(sc.characteristic), f_.text);
    s.text(r, 1, relevance_name(sc.relevant), f_.text);
    s.merge(r, 2, r, 3, sc.reason, f_.wrap);
    ++r;
  }
  if (e.screening.empty()) s.text(r++, 0, "No characteristic screened yet.", f_.muted);
  ++r;
  return r;
}

// Each impact with its scores before and after mitigation.
int ChangeWriter::eqia_impacts(Sheet& s, int r, const Eqia& e) {
  section(s, r, f_, "Impacts", 11);
  s.note(r++, 0,
         "Scores: likelihood 1-4 x severity 1-4 = 1-16 (1-4 low, 5-8 medium, 9-16 high), before "
         "and after "
         "mitigation.",
         f_.note_block);
  const char* ih[] = {"Characteristic", "Rating",      "Evidence",   "What people told us",
                      "Likelihood",     "Severity",    "Score",      "Likelihood after",
                      "Severity after", "Score after", "Mitigation", "Data gaps"};
  for (int c = 0; c < 12; ++c) s.text(r, c, ih[c], f_.header);
  s.row_height(r, 28);
  ++r;
  for (const auto& im : e.impacts) {
    const ImpactScore sc = score_impact(im);
    s.text(r, 0, impact_label(im), f_.wrap);
    s.text(r, 1, rating_name(im.rating), im.rating == Rating::negative ? f_.flag : f_.text);
    s.text(r, 2, im.evidence, f_.wrap);
    s.text(r, 3, im.engagement, f_.wrap);
    const auto score = [&](int col, const Score& x) {
      if (x.scored()) {
        s.number(r, col, x.likelihood, f_.year);
        s.number(r, col + 1, x.severity, f_.year);
        s.formula(r, col + 2, "=" + cell_ref(r, col, false) + "*" + cell_ref(r, col + 1, false),
                  x.value(), f_.year);
      } else {
        s.text(r, col, "not scored", f_.muted);
      }
    };
    score(4, im.before);
    if (im.residual)
      score(7, *im.residual);
    else
      s.text(r, 7, "none", f_.muted);
    (void)sc;
    s.text(r, 10, im.mitigation, f_.wrap);
    std::string gaps;
    for (const auto& g : im.data_gaps) gaps += (gaps.empty() ? "" : "; ") + g;
    s.text(r, 11, gaps, f_.wrap);
    ++r;
  }
  if (e.impacts.empty()) s.text(r++, 0, "No impacts recorded yet.", f_.muted);
  ++r;
  return r;
}

// The action plan and the decision.
int ChangeWriter::eqia_actions(Sheet& s, int r, const Eqia& e) {
  section(s, r, f_, "Action plan", 3);
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

  section(s, r, f_, "Decision", 3);
  field(s, r, f_, "Outcome", decision_text(e.decision.outcome));
  s.text(r, 0, "Justification", f_.label);
  s.merge(r, 1, r, 3, e.decision.justification.empty() ? "not recorded" : e.decision.justification,
          f_.wrap);
  r += 2;
  if (!e.review_summary.empty())
    r = review_table(s, r, f_, e, [this](const Impact& im) { return impact_label(im); });
  return r;
}

// The workflow steps taken and what submission still needs.
int ChangeWriter::eqia_trail(Sheet& s, int r, const Eqia& e) {
  section(s, r, f_, "Status trail", 4);
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
  if (e.history.empty())
    s.text(r++, 0,
           "No workflow steps yet: the assessment is a " + std::string(status_name(e.status)) + ".",
           f_.muted);
  ++r;

  section(s, r, f_, "Completeness check (the rules for submission)", 11);
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
  return r;
}

// ---------------------------------------------------------------- EqIA
void ChangeWriter::eqia() {
  Sheet s = book_.add_sheet(kEqia);
  s.column(0, 0, 22);
  s.column(1, 1, 14);
  s.column(2, 3, 30);
  s.column(4, 9, 11);
  s.column(10, 11, 30);
  s.text(0, 0, "Equality impact assessment: " + change_.id + " " + change_.title, f_.title);
  s.row_height(0, 24);
  s.note(1, 0,
         "Public Sector Equality Duty (Equality Act 2010 s149): due regard to eliminating "
         "discrimination, advancing "
         "equality of opportunity and fostering good relations.",
         f_.note_block);
  if (!change_.eqia) {
    s.text(3, 0, "No equality impact assessment has been recorded for this change.", f_.flag);
    s.print_setup(true, 3, 11);
    return;
  }
  const Eqia& e = *change_.eqia;
  int r = 3;
  r = eqia_identity(s, r, e);
  r = eqia_screening(s, r, e);
  r = eqia_impacts(s, r, e);
  r = eqia_actions(s, r, e);
  r = eqia_trail(s, r, e);
  s.print_setup(true, r, 11);
}

}  // namespace eqv::workbook::detail
