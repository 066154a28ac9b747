// Undo and redo: typing in one field is one step; undo restores the model and the form.
#include "eqia_page.hpp"
#include "gui_support.hpp"
#include "main_frame.hpp"
#include "pages.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/storage/store.hpp"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/menu.h>
#include <wx/textctrl.h>

namespace eqv::gui {
namespace {

// A project shared with another person: others() is their edit, committed elsewhere and
// read in by the next refresh(), as from a register. With `refuse_next`, the next edit is
// refused as a register refuses an edit made on a stale version: their version is read in.
class SharedSink final : public ProjectSink {
 public:
  explicit SharedSink(Project p) : project_(std::move(p)), theirs_(project_) {}
  const Project& project() const override { return project_; }
  void update(const std::function<void(Project&)>& edit, const std::string&) override {
    Project next = project_;
    edit(next);
    if (refuse_next_) {
      refuse_next_ = false;
      project_ = theirs_;
      throw storage::StaleEdit(
          "Service change C1 was changed by officer1 at 2026-11-30 10:00:00 UTC "
          "(Edit Title) after you last read it, so your change was not saved.",
          0, next, theirs_);
    }
    project_ = theirs_ = next;
  }
  bool refresh() override {
    const bool changed = !(project_ == theirs_);
    project_ = theirs_;
    return changed;
  }
  void others(const std::function<void(Project&)>& edit) { edit(theirs_); }
  void refuse_next() { refuse_next_ = true; }

 private:
  Project project_, theirs_;
  bool refuse_next_ = false;
};

// The worked example with a second service change, C2.
Project two_changes() {
  Project p = test::worked_example();
  ServiceChange second = p.changes[0];
  second.id = "C2";
  second.title = "Day centre";
  p.changes.push_back(second);
  return p;
}

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
  project.changes[0].eqia->history.push_back(
      {EqiaStatus::draft, EqiaStatus::submitted, "lead", "2026-11-20T09:00:00Z", ""});
  auto* frame = new MainFrame;
  frame->Show();
  frame->show_document(std::make_unique<ProjectDocument>(memory_sink(project)), "workflow");
  ProjectDocument& doc = *frame->document();
  wxMenuBar* menus = frame->GetMenuBar();

  // An ordinary edit before the step undoes normally.
  edit_change(
      doc, 0, [](ServiceChange& c) { c.title = "Before approval"; }, "Edit Title");
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
  edit_change(
      doc, 0, [](ServiceChange& c) { c.title = "After approval"; }, "Edit Title");
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

// In a shared register, undo takes back this person's edit only: another person's edit to
// another change, read in since, stays.
TEST(Undo, InASharedProjectUndoKeepsAnotherPersonsEdit) {
  auto owned = std::make_unique<SharedSink>(two_changes());
  SharedSink& shared = *owned;
  ProjectDocument doc(std::move(owned));
  const std::string title = doc.change(0).title;
  edit_change(
      doc, 0, [](ServiceChange& c) { c.title = "Mine"; }, "Edit Title");
  shared.others([](Project& p) { p.changes[1].title = "Theirs"; });
  ASSERT_TRUE(doc.refresh());
  EXPECT_EQ(doc.change(1).title, "Theirs");

  ASSERT_TRUE(doc.can_undo());
  doc.undo();
  EXPECT_EQ(doc.change(0).title, title);
  EXPECT_EQ(doc.change(1).title, "Theirs");
  doc.redo();
  EXPECT_EQ(doc.change(0).title, "Mine");
  EXPECT_EQ(doc.change(1).title, "Theirs");
}

// Undo never overwrites another person's later edit of the same change: it is refused,
// naming the change, and the history is emptied.
TEST(Undo, InASharedProjectUndoOfAChangeSomeoneEditedSinceIsRefused) {
  auto owned = std::make_unique<SharedSink>(two_changes());
  SharedSink& shared = *owned;
  ProjectDocument doc(std::move(owned));
  edit_change(
      doc, 1, [](ServiceChange& c) { c.title = "Mine"; }, "Edit Title");
  shared.others([](Project& p) { p.changes[1].title = "Theirs"; });
  ASSERT_TRUE(doc.refresh());
  try {
    doc.undo();
    FAIL() << "undo overwrote another person's edit";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "Service change C2 (Theirs) was changed by someone else after “Edit Title”, so undo "
              "would overwrite their work and was not done. Make the change by hand if it is "
              "still needed.");
  }
  EXPECT_EQ(doc.change(1).title, "Theirs");
  EXPECT_FALSE(doc.can_undo());
  EXPECT_FALSE(doc.can_redo());
}

// An edit refused as stale: every window is told (their version is now shown), and the
// refusal lists the field with both values.
TEST(Undo, AStaleEditShowsTheirVersionAndBothValues) {
  auto owned = std::make_unique<SharedSink>(two_changes());
  SharedSink& shared = *owned;
  ProjectDocument doc(std::move(owned));
  int told = 0;
  doc.listen([&](const DocumentEvent& e) { told += e.structure ? 1 : 0; });
  shared.others([](Project& p) { p.changes[0].title = "Theirs"; });
  shared.refuse_next();
  try {
    edit_change(
        doc, 0, [](ServiceChange& c) { c.title = "Mine"; }, "Edit Title");
    FAIL() << "the stale edit was not refused";
  } catch (const storage::StaleEdit& e) {
    const auto fields = e.differences();
    ASSERT_EQ(fields.size(), 1u);
    EXPECT_EQ(fields[0].record, "");
    EXPECT_EQ(fields[0].field, "title");
    EXPECT_EQ(fields[0].old_value, "Theirs");
    EXPECT_EQ(fields[0].new_value, "Mine");
  }
  EXPECT_EQ(doc.change(0).title, "Theirs");
  EXPECT_EQ(told, 1);
  EXPECT_FALSE(doc.can_undo());
}

}  // namespace
}  // namespace eqv::gui
