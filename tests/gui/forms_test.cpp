// Every form loads, and every control in it is named after a field its model has.
#include "fields.hpp"
#include "forms.hpp"
#include "gui_support.hpp"

#include <gtest/gtest.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "equivalue/core/fields.hpp"

#include <algorithm>
#include <set>

namespace eqv::gui {
namespace {

void collect(wxWindow* w, std::vector<wxWindow*>& out) {
  for (wxWindow* child : w->GetChildren()) {
    out.push_back(child);
    collect(child, out);
  }
}

bool edits_a_field(wxWindow* w) {
  return dynamic_cast<wxTextCtrl*>(w) || dynamic_cast<wxChoice*>(w) ||
         dynamic_cast<wxCheckBox*>(w) || dynamic_cast<wxSpinCtrl*>(w) ||
         dynamic_cast<wxComboBox*>(w);
}

TEST(Forms, EveryControlIsNamedAfterAModelField) {
  test::TestFrame holder;
  ASSERT_FALSE(known_forms().empty());
  for (const FormInfo& info : known_forms()) {
    SCOPED_TRACE(info.resource);
    wxWindow* form = create_form(holder.frame, info.resource);
    ASSERT_NE(form, nullptr);
    const std::set<std::string> fields(info.fields.begin(), info.fields.end());
    std::vector<wxWindow*> children;
    collect(form, children);
    std::set<std::string> seen;
    for (wxWindow* w : children) {
      const std::string name = w->GetName().utf8_string();
      if (edits_a_field(w)) {
        EXPECT_TRUE(fields.count(name))
            << "control \"" << name << "\" is not a field of " << info.resource;
        EXPECT_TRUE(seen.insert(name).second) << "two controls are named \"" << name << "\"";
      } else if (name.rfind("note:", 0) == 0) {
        EXPECT_TRUE(fields.count(name.substr(5))) << "note \"" << name << "\" names no field";
      }
    }
    for (const auto& f : fields)
      EXPECT_TRUE(seen.count(f)) << "field \"" << f << "\" has no control";
    form->Destroy();
  }
}

TEST(Forms, EveryFieldNameIsInItsModelTable) {
  // The names the forms may use come from the field tables: check a few by hand so a
  // renamed model field is caught.
  EXPECT_NE(find_field(outcome_fields(), "proxy.value"), nullptr);
  EXPECT_NE(find_field(outcome_fields(), "drop_off"), nullptr);
  EXPECT_NE(find_field(eqia_fields(), "decision.justification"), nullptr);
  EXPECT_NE(find_field(impact_fields(), "residual.severity"), nullptr);
  EXPECT_NE(find_field(project_settings_fields(), "flag_ratio"), nullptr);
  EXPECT_EQ(find_field(outcome_fields(), "dead_weight"), nullptr);
}

// The forms' field names are the registry's (equivalue/core/fields.hpp): with the test above,
// every control in forms/*.xrc edits a field the registry describes.
TEST(Forms, EveryFormFieldIsARegistryField) {
  std::set<std::string> registry;
  auto add = [&](const auto& fields, const std::string& prefix) {
    for (const auto& f : fields) registry.insert(prefix + f.name);
  };
  add(eqv::project_settings_fields(), "");
  add(eqv::change_fields(), "");
  add(eqv::sroi_fields(), "sroi.");
  add(eqv::outcome_fields(), "");
  add(eqv::eqia_fields(), "");
  add(eqv::impact_fields(), "");
  for (const FormInfo& info : known_forms())
    for (const auto& name : info.fields)
      EXPECT_TRUE(registry.count(name)) << name << " in " << info.resource;
  // Each form field shows the registry's label.
  EXPECT_EQ(find_field(outcome_fields(), "proxy.value")->label,
            eqv::find_field(eqv::outcome_fields(), "proxy.value")->label);
}

}  // namespace
}  // namespace eqv::gui
