// Undo and redo: typing in one field is one step; undo restores the model and the form.
#include "gui_support.hpp"
#include "pages.hpp"

#include <gtest/gtest.h>
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

}  // namespace
}  // namespace eqv::gui
