// The EqIA page follows the core's rules: an incomplete assessment is not submitted, each
// unmet rule is listed and shown beside its field, and the equality officer can return
// (with comments) and approve.
#include "eqia_page.hpp"
#include "gui_support.hpp"

#include <gtest/gtest.h>

namespace eqv::gui {
namespace {

TEST(Eqia, SubmitIsRefusedAndEachUnmetRuleIsShownBesideItsField) {
  test::TestFrame holder;
  auto doc = test::worked_example_document();
  auto* page = new EqiaPage(holder.frame, *doc);
  page->set_change(0);

  // The worked example names no lead officer, directorate or decision maker.
  const Problems problems = page->submit();
  EXPECT_FALSE(problems.empty());
  EXPECT_EQ(doc->change(0).eqia->status, EqiaStatus::draft);
  EXPECT_EQ(page->unmet().size(), problems.size());
  EXPECT_NE(page->identity()->note_of("lead_officer"), "");
  EXPECT_NE(page->identity()->note_of("directorate"), "");

  // Typing the lead officer's name puts that rule right at once.
  const std::size_t before = page->unmet().size();
  test::type_into(page->identity()->control("lead_officer"), "A. Patel");
  EXPECT_EQ(doc->change(0).eqia->lead_officer, "A. Patel");
  EXPECT_EQ(page->identity()->note_of("lead_officer"), "");
  EXPECT_EQ(page->unmet().size(), before - 1);
  page->Destroy();
}

TEST(Eqia, OfficerReturnsWithCommentsAndApproves) {
  test::TestFrame holder;
  Project project = test::worked_example();
  project.changes[0].eqia->status = EqiaStatus::submitted;
  project.changes[0].eqia->history.push_back({EqiaStatus::draft, EqiaStatus::submitted, "lead", "2026-11-20T09:00:00Z", ""});
  ProjectDocument doc(memory_sink(project));
  auto* page = new EqiaPage(holder.frame, doc);
  page->set_change(0);

  // Returning needs comments.
  EXPECT_FALSE(page->return_with_comments("officer", "").empty());
  EXPECT_EQ(doc.change(0).eqia->status, EqiaStatus::submitted);
  EXPECT_TRUE(page->return_with_comments("officer", "Add evidence for disability").empty());
  EXPECT_EQ(doc.change(0).eqia->status, EqiaStatus::returned);
  EXPECT_EQ(doc.change(0).eqia->history.back().comment, "Add evidence for disability");

  // Approve a submitted assessment (reviewer not the submitter).
  doc.edit([](Project& p) { p.changes[0].eqia->status = EqiaStatus::submitted; }, "resubmitted for the test", 0);
  EXPECT_TRUE(page->approve("officer").empty());
  EXPECT_EQ(doc.change(0).eqia->status, EqiaStatus::approved);
  page->Destroy();
}

}  // namespace
}  // namespace eqv::gui
