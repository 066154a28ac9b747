// References are chosen, not typed: a field naming another record offers the records that
// exist, by name, and stores the chosen record's id.
#include "binding.hpp"
#include "forms.hpp"
#include "grid_binding.hpp"
#include "gui_support.hpp"

#include <gtest/gtest.h>
#include <wx/choice.h>

namespace eqv::gui {
namespace {

TEST(References, OutcomeStakeholderIsChosenByName) {
  test::TestFrame holder;
  wxWindow* form = create_form(holder.frame, "outcome_describe");
  FormBinding<Outcome> binding(form, outcome_fields());
  binding.set_choices("stakeholder", {{"S1", "Older residents (S1)"}, {"S2", "Carers (S2)"}});
  Outcome outcome;
  outcome.stakeholder = "S2";
  binding.show(outcome, true);
  auto* choice = dynamic_cast<wxChoice*>(binding.control("stakeholder"));
  ASSERT_NE(choice, nullptr);
  ASSERT_EQ(choice->GetCount(), 2u);
  EXPECT_EQ(choice->GetString(0), "Older residents (S1)");
  EXPECT_EQ(choice->GetStringSelection(), "Carers (S2)");

  binding.on_edit = [&](const FieldDef<Outcome>& f, const std::string& text) {
    f.set(outcome, text);
  };
  test::type_into(choice, "Older residents (S1)");
  EXPECT_EQ(outcome.stakeholder, "S1");
}

TEST(References, InputStakeholderColumnOffersTheStakeholders) {
  test::TestFrame holder;
  auto* grid = new wxGrid(holder.frame, wxID_ANY);
  GridBinding<Input> binding(grid, input_fields(), {"stakeholder", "description"});
  binding.set_choices("stakeholder", {{"S1", "Older residents (S1)"}});
  Input input;
  input.stakeholder = "S1";
  input.description = "Council grant";
  binding.show({input});
  EXPECT_EQ(grid->GetCellValue(0, 0), "Older residents (S1)");  // the name, not the id

  std::string stored;
  binding.on_edit = [&](int, const FieldDef<Input>& f, const std::string& text) {
    if (f.name == "stakeholder") stored = text;
  };
  test::edit_cell(grid, 0, 0, "Older residents (S1)");
  EXPECT_EQ(stored, "S1");
}

}  // namespace
}  // namespace eqv::gui
