// A form shows the model, stores what is typed, refuses text that is not a number, and
// shows validation problems beside the right control.
#include "binding.hpp"
#include "forms.hpp"
#include "gui_support.hpp"

#include "equivalue/core/validation.hpp"

#include <gtest/gtest.h>
#include <wx/textctrl.h>

namespace eqv::gui {
namespace {

std::string text_of(wxWindow* w) { return static_cast<wxTextCtrl*>(w)->GetValue().utf8_string(); }

TEST(Binding, ShowsAndStoresOutcomeFieldsByName) {
  test::TestFrame holder;
  wxWindow* form = create_form(holder.frame, "outcome_impact");
  FormBinding<Outcome> binding(form, outcome_fields());
  Outcome outcome;
  outcome.deadweight = Decimal("0.2");
  outcome.drop_off = Decimal("0.1");
  binding.show(outcome, true);
  EXPECT_EQ(text_of(binding.control("deadweight")), "0.2");
  EXPECT_EQ(text_of(binding.control("drop_off")), "0.1");

  int edits = 0;
  binding.on_edit = [&](const FieldDef<Outcome>& f, const std::string& text) {
    ++edits;
    f.set(outcome, text);
  };
  test::type_into(binding.control("attribution"), "0.25");
  EXPECT_EQ(edits, 1);
  EXPECT_EQ(outcome.attribution, Decimal("0.25"));

  // Not a number: nothing stored, and the note beside the field says how to write it.
  test::type_into(binding.control("displacement"), "ten percent");
  EXPECT_EQ(edits, 1);
  EXPECT_EQ(outcome.displacement, Decimal(0));
  EXPECT_NE(binding.note_of("displacement").find("enter a number"), std::string::npos);
}

TEST(Binding, ValidationProblemIsShownBesideItsControl) {
  test::TestFrame holder;
  Project project = test::worked_example();
  project.changes[0].sroi.outcomes[0].deadweight = Decimal(20);  // 20 for 20 %
  const Problems problems = validate(project);

  wxWindow* form = create_form(holder.frame, "outcome_impact");
  FormBinding<Outcome> binding(form, outcome_fields());
  binding.show(project.changes[0].sroi.outcomes[0], true);
  binding.show_problems(problems, "changes[0].sroi.outcomes[0]");
  EXPECT_EQ(binding.note_of("deadweight"), "must be between 0 and 1, got 20 (did you mean 0.20?)");
  EXPECT_EQ(binding.note_of("attribution"), "");

  // Put right: the note goes back to the field's explanation.
  binding.show_problems({}, "changes[0].sroi.outcomes[0]");
  EXPECT_EQ(binding.note_of("deadweight"), "");
}

}  // namespace
}  // namespace eqv::gui
