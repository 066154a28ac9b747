// Undo and redo: typing in one field is one step; undo restores the model and the form.
#include "eqia_page.hpp"
#include "gui_support.hpp"
#include "main_frame.hpp"
#include "pages.hpp"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/menu.h>
#include <wx/textctrl.h>

namespace eqv::gui {
namespace {

TEST(Undo, TypingIsOneStepAndUndoRestoresTheForm) {
  test::TestFrame holder;
  auto doc = test::worked_example_document();
  auto* page = new OutcomesPage(holder.frame, *doc, {"outcome_impact"});
  page->set_change(0);
  auto* form = page->form("outcome_impact");
  auto* deadweight = dynamic_cast<wxTextCtrl*>(form->control("deadweight"));
  ASSERT_NE(deadweight, nullptr);
  EXPECT_EQ(deadweight->GetValue(), "0.2");

  // Typing "0.35" a key at a time: four edits of one field, one undo step.
  for (const char* text : {"0", "0.", "0.3", "0.35"}) test::type_into(deadweight, text);
  EXPECT_EQ(doc->change(0).sroi.outcomes[0].deadweight, Decimal("0.35"));
  ASSERT_TRUE(doc->can_undo());
  EXPECT_EQ(doc->undo_label(), "Edit Deadweight");

  // Ratio with deadweight 0.35: value(1) = 50 x 1000 x 0.65 x 0.9 x 0.75 = 21,937.50.
  EXPECT_EQ(to_fixed(doc->core_result(0).years[0].value, 2), "21937.50");

  doc->undo();
  EXPECT_FALSE(doc->can_undo());
  EXPECT_EQ(doc->change(0).sroi.outcomes[0].deadweight, Decimal("0.2"));
  EXPECT_EQ(deadweight->GetValue(), "0.2");
  EXPECT_EQ(to_fixed(doc->core_result(0).years[0].value, 2), "27000.00");

  doc->redo();
  EXPECT_EQ(doc->change(0).sroi.outcomes[0].deadweight, Decimal("0.35"));
  EXPECT_EQ(deadweight->GetValue(), "0.35");
  page->Destroy();
}

TEST(Undo, AddingAndRemovingAnOutcomeUndoes) {
  test::TestFrame holder;
  auto doc = test::worked_example_document();
  auto* page = new OutcomesPage(holder.frame, *doc, {"outcome_describe"});
  page->set_change(0);
  page->add_outcome();
  EXPECT_EQ(doc->change(0).sroi.outcomes.size(), 2u);
  EXPECT_EQ(doc->change(0).sroi.outcomes[1].id, "O2");
  doc->undo();
  EXPECT_EQ(doc->change(0).sroi.outcomes.size(), 1u);
  page->Destroy();
}

// A workflow step is a barrier in the undo history: once the assessment is approved, Undo
// is disabled and cannot take it back to "submitted" (which would lift the approval lock);
// ordinary edits before the step undo until it, and edits after it undo as usual.
TEST(Undo, ApprovalCannotBeUndoneButEditsAroundItCan) {
  Project project = test::worked_example();
  project.changes[0].eqia->status = EqiaStatus::submitted;
  project.changes[0].eqia->history.push_back({EqiaStatus::draft, EqiaStatus::submitted, "lead", "2026-11-20T09:00:00Z", ""});
  auto* frame = new MainFrame;
  frame->Show();
  frame->show_document(std::make_unique<ProjectDocument>(memory_sink(project)), "workflow");
  ProjectDocument& doc = *frame->document();
  wxMenuBar* menus = frame->GetMenuBar();

  // An ordinary edit before the step undoes normally.
  edit_change(doc, 0, [](ServiceChange& c) { c.title = "Before approval"; }, "Edit Title");
  EXPECT_TRUE(menus->IsEnabled(wxID_UNDO));
  frame->undo();
  EXPECT_EQ(doc.change(0).title, project.changes[0].title);
  frame->redo();
  EXPECT_EQ(doc.change(0).title, "Before approval");

  // Approve: undo and redo are gone, and Undo changes nothing.
  EqiaPage* eqia = frame->view()->eqia();
  ASSERT_TRUE(eqia->approve("officer").empty());
  EXPECT_EQ(doc.change(0).eqia->status, EqiaStatus::approved);
  EXPECT_FALSE(doc.can_undo());
  EXPECT_FALSE(doc.can_redo());
  EXPECT_FALSE(menus->IsEnabled(wxID_UNDO));
  frame->undo();
  EXPECT_EQ(doc.change(0).eqia->status, EqiaStatus::approved);
  EXPECT_EQ(doc.change(0).title, "Before approval");

  // An edit after the approval undoes, but only back to the approval.
  edit_change(doc, 0, [](ServiceChange& c) { c.title = "After approval"; }, "Edit Title");
  EXPECT_TRUE(menus->IsEnabled(wxID_UNDO));
  frame->undo();
  EXPECT_EQ(doc.change(0).title, "Before approval");
  EXPECT_EQ(doc.change(0).eqia->status, EqiaStatus::approved);
  EXPECT_FALSE(doc.can_undo());
  EXPECT_FALSE(menus->IsEnabled(wxID_UNDO));
  frame->redo();
  EXPECT_EQ(doc.change(0).title, "After approval");

  // A refused step (approving an approved assessment) leaves the history alone.
  EXPECT_FALSE(eqia->approve("officer").empty());
  EXPECT_TRUE(doc.can_undo());
  frame->Destroy();
  wxTheApp->ProcessIdle();
}

}  // namespace
}  // namespace eqv::gui
