// A full pass through the SROI wizard, typing the method's worked example into each stage
// as a user would, ends with the figures worked by hand in method.md.
#include "gui_support.hpp"
#include "wizard.hpp"

#include "equivalue/core/validation.hpp"

#include <gtest/gtest.h>

namespace eqv::gui {
namespace {

TEST(Wizard, FullPassGivesTheWorkedExample) {
  test::TestFrame holder;
  Project start;
  start.project.name = "Wizard test";
  ServiceChange change;
  change.id = "C1";
  start.changes.push_back(change);
  ProjectDocument doc(memory_sink(start));

  auto* wizard = new SroiWizard(holder.frame, doc, 0);
  wizard->Show();
  ASSERT_EQ(wizard->stages(), 7u);

  // Stage 1: scope.
  wizard->show_stage(0);
  auto* scope = dynamic_cast<ScopePage*>(wizard->content(0));
  ASSERT_NE(scope, nullptr);
  test::type_into(scope->scope()->control("title"), "Library digital skills programme");

  // Stage 2: a stakeholder group.
  wizard->show_stage(1);
  auto* stakeholders = dynamic_cast<ScopePage*>(wizard->content(1));
  ASSERT_TRUE(test::click(stakeholders, "Add stakeholder"));
  test::edit_cell(stakeholders->stakeholders()->grid(), 0, 1, "Older residents");

  // Stage 3: the input.
  wizard->show_stage(2);
  auto* inputs = dynamic_cast<ScopePage*>(wizard->content(2));
  ASSERT_TRUE(test::click(inputs, "Add input"));
  test::edit_cell(inputs->inputs()->grid(), 0, 1, "Council grant");
  test::edit_cell(inputs->inputs()->grid(), 0, 2, "50000.00");

  // Stage 4: the outcome and its indicator.
  wizard->show_stage(3);
  auto* describe = dynamic_cast<OutcomesPage*>(wizard->content(3));
  ASSERT_TRUE(test::click(describe, "Add outcome"));
  auto* form = describe->form("outcome_describe");
  test::type_into(form->control("description"), "Less isolation");
  test::type_into(form->control("indicator"), "UCLA loneliness score");
  test::type_into(form->control("quantity"), "50");
  test::type_into(form->control("duration"), "3");

  // Stage 5: valuation.
  wizard->show_stage(4);
  auto* valuation = dynamic_cast<OutcomesPage*>(wizard->content(4))->form("outcome_valuation");
  test::type_into(valuation->control("proxy.value"), "1000.00");
  test::type_into(valuation->control("proxy.source"), "Worked example");
  test::type_into(valuation->control("proxy.price_year"), "2024");

  // Stage 6: impact.
  wizard->show_stage(5);
  auto* impact = dynamic_cast<OutcomesPage*>(wizard->content(5))->form("outcome_impact");
  test::type_into(impact->control("deadweight"), "0.20");
  test::type_into(impact->control("displacement"), "0.10");
  test::type_into(impact->control("attribution"), "0.25");
  test::type_into(impact->control("drop_off"), "0.10");

  // Stage 7: results, as worked by hand in method.md (values 27,000 / 24,300 / 21,870, PV
  // 68,496.75) but with the proxy rebased by default from its 2024 prices to the 2026 base
  // year with the shipped GDP deflators (105.3095 / 100): PV 68,496.75 x 1.053095 =
  // 72,133.59, NPV 22,133.59, ratio 1.4427.
  wizard->show_stage(6);
  const ServiceChange& c = doc.change(0);
  EXPECT_EQ(c.title, "Library digital skills programme");
  ASSERT_EQ(c.sroi.outcomes.size(), 1u);
  EXPECT_EQ(c.sroi.outcomes[0].stakeholder, "S1");
  EXPECT_EQ(c.sroi.outcomes[0].quantity, Decimal(50));
  EXPECT_EQ(c.sroi.outcomes[0].drop_off, Decimal("0.1"));
  EXPECT_TRUE(validate(doc.project()).empty());
  const SroiResult& r = doc.core_result(0);
  EXPECT_EQ(to_fixed(r.present_value, 2), "72133.59");
  EXPECT_EQ(to_fixed(r.npv, 2), "22133.59");
  ASSERT_TRUE(r.ratio.has_value());
  EXPECT_EQ(to_fixed(*r.ratio, 4), "1.4427");
  auto* results = dynamic_cast<ResultsPage*>(wizard->content(6));
  EXPECT_NE(results->figures_text().Find("£1.44 for every £1"), wxNOT_FOUND)
      << results->figures_text();
  delete wizard;  // now, while the document it edits still exists
}

}  // namespace
}  // namespace eqv::gui
