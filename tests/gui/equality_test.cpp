// The equality officer's screens: the officer's desk, the cumulative impact with its heat
// map, the post-implementation review, and impacts on named groups. The bundled
// example (examples/northshire-2026.json) and the same council a year on
// (tests/fixtures/officer_year.json: C1 approved with its review due 2027-12-31, C2 approved
// a day after its decision with its review due 2027-10-31, C3 returned).
#include "cumulative_view.hpp"
#include "eqia_page.hpp"
#include "equality_actions.hpp"
#include "gui_support.hpp"
#include "officer_desk.hpp"
#include "review_dialog.hpp"

#include "equivalue/storage/project_file.hpp"

#include <gtest/gtest.h>

namespace eqv::gui {
namespace {

Project example() {
  return storage::load_project_file(std::string(EQUIVALUE_EXAMPLES_DIR) + "/northshire-2026.json");
}
Project officer_year() {
  return storage::load_project_file(std::string(EQUIVALUE_TEST_FIXTURES) + "/officer_year.json");
}

// The project in memory, used by one person (every role) on a day of the test's choosing:
// the review checks the date through the store's clock, as a register's server does.
class DatedSink : public ProjectSink {
 public:
  DatedSink(Project project, std::string login, std::string when)
      : project_(std::move(project)), login_(std::move(login)), when_(std::move(when)) {}
  const Project& project() const override { return project_; }
  void update(const std::function<void(Project&)>& edit, const std::string&) override {
    edit(project_);
  }
  Actor actor() const override { return single_user_actor(login_, when_); }

 private:
  Project project_;
  std::string login_, when_;
};

std::unique_ptr<ProjectSink> on_day(Project project, const std::string& day) {
  return std::make_unique<DatedSink>(std::move(project), "jokafor", day + "T10:00:00Z");
}

TEST(OfficerDesk, ListsWhatIsDueAndOpensIt) {
  test::TestFrame holder;
  ProjectDocument doc(memory_sink(officer_year()));
  OfficerDeskDialog desk(holder.frame, doc, "2027-11-20");
  // Five headings; "None" under awaiting review; one line each under the other four.
  EXPECT_EQ(desk.list()->GetItemCount(), 10);
  EXPECT_EQ(desk.list()->GetItemText(0, 1), "Awaiting review (0)");
  EXPECT_EQ(desk.list()->GetItemText(1, 1), "None");
  EXPECT_EQ(desk.list()->GetItemText(3, 0), "C3");
  EXPECT_EQ(desk.list()->GetItemText(4, 1), "Post-implementation review overdue (1)");
  EXPECT_EQ(desk.list()->GetItemText(5, 0), "C2");
  EXPECT_EQ(desk.list()->GetItemText(5, 3), "review was due on 2027-10-31, 20 days overdue");
  EXPECT_EQ(desk.list()->GetItemText(7, 0), "C1");
  EXPECT_EQ(desk.list()->GetItemText(7, 3), "review due on 2027-12-31, in 41 days");
  EXPECT_EQ(desk.list()->GetItemText(9, 3),
            "approved on 2027-02-21, 1 day after the decision (2027-02-20): due regard must come "
            "before the decision");

  // A heading opens nothing; an assessment line opens the assessment, a review line the review.
  desk.select_item(0);  // C3, returned
  EXPECT_TRUE(desk.open_button()->IsEnabled());
  EXPECT_EQ(desk.open_button()->GetLabel(), "&Open the assessment");
  desk.select_item(1);  // C2, review overdue
  EXPECT_EQ(desk.open_button()->GetLabel(), "&Open the review");
  desk.open_selected();
  ASSERT_NE(desk.chosen(), nullptr);
  EXPECT_EQ(desk.chosen()->change_id, "C2");
  EXPECT_EQ(desk.chosen()->list, DeskList::review_overdue);
}

TEST(OfficerDesk, AHeadingLineOpensNothing) {
  test::TestFrame holder;
  ProjectDocument doc(memory_sink(example()));
  OfficerDeskDialog desk(holder.frame, doc, "2026-11-30");
  for (long row = 0; row < desk.list()->GetItemCount(); ++row)
    desk.list()->SetItemState(row, 0, wxLIST_STATE_SELECTED);
  desk.list()->SetItemState(2, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);  // "Returned" heading
  wxListEvent event(wxEVT_LIST_ITEM_SELECTED, desk.list()->GetId());
  desk.list()->GetEventHandler()->ProcessEvent(event);
  EXPECT_FALSE(desk.open_button()->IsEnabled());
  desk.open_selected();
  EXPECT_EQ(desk.chosen(), nullptr);
}

TEST(Cumulative, HeatMapShowsOlderResidentsBearingBothHarmfulChanges) {
  test::TestFrame holder;
  ProjectDocument doc(memory_sink(example()));
  CumulativeDialog dialog(holder.frame, doc);
  const CumulativeImpact& c = dialog.impact();
  std::size_t older = 0, working = 0;
  for (std::size_t r = 0; r < c.rows.size(); ++r) {
    if (c.rows[r].characteristic == "age" && c.rows[r].category == "65+") older = r;
    if (c.rows[r].characteristic == "age" && c.rows[r].category == "16-64") working = r;
  }
  EXPECT_EQ(dialog.heat_map()->cell_text(older, 0), "+");  // C1, positive for 65+
  EXPECT_EQ(dialog.heat_map()->cell_text(older, 1), "-");  // C2
  EXPECT_EQ(dialog.heat_map()->cell_text(older, 2), "-");  // C3
  for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(dialog.heat_map()->cell_text(working, k), "");
  EXPECT_EQ(dialog.flagged_text(),
            "For the decision makers, groups rated negative by 2 or more changes (the threshold in "
            "the project "
            "settings): Age: 65+ (2 changes: C2, C3).");
  // The table: 65+ with both changes, 5,227 people, £237,000 of savings, flagged.
  const long row = static_cast<long>(older);
  EXPECT_EQ(dialog.table()->GetItemText(row, 2), "2");
  EXPECT_EQ(dialog.table()->GetItemText(row, 3), "5,227");
  EXPECT_EQ(dialog.table()->GetItemText(row, 4), wxString::FromUTF8("£237,000"));
  EXPECT_EQ(dialog.table()->GetItemText(row, 6), "flagged");
  EXPECT_EQ(dialog.table()->GetItemText(static_cast<long>(working), 2), "0");
}

TEST(Cumulative, TheThresholdIsAProjectSetting) {
  test::TestFrame holder;
  ProjectDocument doc(memory_sink(example()));
  doc.edit([](Project& p) { p.project.cumulative_threshold = 3; }, "threshold");
  CumulativeDialog dialog(holder.frame, doc);
  EXPECT_EQ(
      dialog.flagged_text(),
      "No group is rated negative by 3 or more changes (the threshold in the project settings).");
}

TEST(Review, OpenOnlyAfterTheReviewDateOfADecidedAssessment) {
  test::TestFrame holder;
  ProjectDocument doc(on_day(officer_year(), "2027-11-20"));
  // C1: approved, review date 2027-12-31 not reached on 2027-11-20.
  ReviewDialog before(holder.frame, doc.change(0), "2027-11-20", "jokafor",
                      review_recorder(holder.frame, doc, 0));
  EXPECT_FALSE(before.record_button()->IsEnabled());
  EXPECT_FALSE(before.summary()->IsEnabled());
  EXPECT_FALSE(before.record());
  // C3: returned, never reviewed whatever the date.
  ReviewDialog returned(holder.frame, doc.change(2), "2028-06-01", "jokafor",
                        review_recorder(holder.frame, doc, 2));
  EXPECT_FALSE(returned.record_button()->IsEnabled());
  // C1 on its review date: open.
  ReviewDialog on_the_day(holder.frame, doc.change(0), "2027-12-31", "jokafor",
                          review_recorder(holder.frame, doc, 0));
  EXPECT_TRUE(on_the_day.record_button()->IsEnabled());
}

TEST(Review, RecordsExpectedAgainstActualWithEvidence) {
  test::TestFrame holder;
  ProjectDocument doc(on_day(officer_year(), "2027-11-20"));
  ReviewDialog dialog(holder.frame, doc.change(1), "2027-11-20", "jokafor",
                      review_recorder(holder.frame, doc, 1));
  ASSERT_EQ(dialog.rows().size(), 4u);  // C2: age, disability, sex, religion or belief
  ASSERT_TRUE(dialog.record_button()->IsEnabled());

  // Nothing filled in: refused, each gap named, nothing recorded.
  EXPECT_FALSE(dialog.record());
  EXPECT_TRUE(
      dialog.problems()->GetLabel().Contains("age (65+): rate the impact as it turned out"));
  EXPECT_TRUE(dialog.problems()->GetLabel().Contains("summary: summarise the review"));
  EXPECT_EQ(doc.change(1).eqia->review_summary, "");

  const char* ratings[] = {"negative", "negative", "neutral", "neutral"};
  for (std::size_t k = 0; k < 4; ++k) {
    dialog.rows()[k].rating->SetStringSelection(ratings[k]);
    dialog.rows()[k].actual->SetValue("Journeys longer for " + std::to_string(k + 1) +
                                      " in 10 users");
    dialog.rows()[k].evidence->SetValue("Hub attendance register, 2027");
  }
  dialog.summary()->SetValue(
      "Transport kept most journeys under 30 minutes; personal care rooms used daily");
  ASSERT_TRUE(dialog.record());
  const Eqia& e = *doc.change(1).eqia;
  EXPECT_EQ(e.impacts[0].actual_rating, Rating::negative);
  EXPECT_EQ(e.impacts[2].actual_rating, Rating::neutral);
  EXPECT_EQ(e.impacts[1].actual_impact, "Journeys longer for 2 in 10 users");
  EXPECT_EQ(e.impacts[3].actual_evidence, "Hub attendance register, 2027");
  EXPECT_EQ(e.history.back().who, "jokafor");
  EXPECT_EQ(e.history.back().comment, "post-implementation review recorded");
  EXPECT_EQ(e.status, EqiaStatus::approved);
  EXPECT_FALSE(doc.can_undo());  // a workflow step: not undone
  // Off the desk now.
  EXPECT_TRUE(officer_desk(doc.project(), "2027-11-20").in(DeskList::review_overdue).empty());
}

TEST(Review, RefusedBeforeTheReviewDateEvenIfTheWindowWasOpen) {
  test::TestFrame holder;
  // The window was opened on the review date, but the store's clock says the day before.
  ProjectDocument doc(on_day(officer_year(), "2027-12-30"));
  ReviewDialog dialog(holder.frame, doc.change(0), "2027-12-31", "jokafor",
                      review_recorder(holder.frame, doc, 0));
  ASSERT_TRUE(dialog.record_button()->IsEnabled());
  EXPECT_FALSE(dialog.record());
  EXPECT_TRUE(dialog.problems()->GetLabel().Contains("opens on the review date, 2027-12-31"));
  EXPECT_EQ(doc.change(0).eqia->review_summary, "");
}

TEST(ImpactGroups, EditedOnTheImpactFormAndLockedOnceApproved) {
  test::TestFrame holder;
  // C2's figures flag 65+ (170.28 of its 630 people against 19.7% of the area, ratio 1.38);
  // as a draft its impacts can be edited. Its impact on age names 65+.
  Project draft = example();
  draft.changes[1].eqia->status = EqiaStatus::draft;
  ProjectDocument doc(memory_sink(draft));
  auto* page = new EqiaPage(holder.frame, doc);
  page->set_change(1);
  auto* groups = dynamic_cast<wxTextCtrl*>(page->impact_form()->control("groups"));
  ASSERT_NE(groups, nullptr);
  EXPECT_EQ(groups->GetValue(), "65+");
  EXPECT_TRUE(groups->IsEditable());
  test::type_into(groups, "0-15\n16-64");
  EXPECT_EQ(doc.change(1).eqia->impacts[0].groups, (std::vector<std::string>{"0-15", "16-64"}));
  // No impact bears on the flagged 65+ now.
  bool named = false;
  for (const auto& p : page->unmet())
    named = named || p.message.find("names the group \"65+\"") != std::string::npos;
  EXPECT_TRUE(named);

  page->set_change(0);  // C1, approved: locked
  EXPECT_FALSE(dynamic_cast<wxTextCtrl*>(page->impact_form()->control("groups"))->IsEditable());
  page->Destroy();
}

}  // namespace
}  // namespace eqv::gui
