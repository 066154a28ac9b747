// The fields each form and grid edits, in one place.
//
// A field's name is the model field it edits and the name of the control that shows it
// (forms/*.xrc), so "deadweight" means the same thing in the model, the interchange file,
// a validation problem's path and the window. Each field knows how to show its value as
// text and how to store text back; checking that the text is a number at all happens here,
// every rule about what a number may be lives in core (eqv::validate).
#pragma once

#include "equivalue/core/model.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace eqv::gui {

enum class FieldKind {
  text,              // free text
  decimal,           // an exact number: money, a share, a rate
  optional_decimal,  // a number that may be left blank
  whole,             // a whole number
  choice,            // one of `choices`
  flag,              // yes or no (a check box), text "1" or "0"
  lines,             // a list of strings, one per line
};

struct Choice {
  std::string value;  // the model's name for it ("not-sure")
  std::string label;  // what an officer reads ("Not sure")
};

template <typename Model>
struct FieldDef {
  std::string name;   // model field and control name: "proxy.value"
  std::string label;  // column heading in grids
  FieldKind kind = FieldKind::text;
  std::vector<Choice> choices;
  std::function<std::string(const Model&)> get;
  std::function<void(Model&, const std::string&)> set;  // text already passed check_field_text()
};

template <typename Model>
using FormDef = std::vector<FieldDef<Model>>;

template <typename Model>
const FieldDef<Model>* find_field(const FormDef<Model>& form, const std::string& name) {
  for (const auto& f : form)
    if (f.name == name) return &f;
  return nullptr;
}

// Whether `text` can be stored in a field of this kind; the message says how to write it.
std::optional<std::string> check_field_text(FieldKind kind, const std::string& text);

// Every field table.
const FormDef<ProjectSettings>& project_settings_fields();
const FormDef<ServiceChange>& change_fields();
const FormDef<Stakeholder>& stakeholder_fields();
const FormDef<Input>& input_fields();
const FormDef<Outcome>& outcome_fields();
const FormDef<Eqia>& eqia_fields();
const FormDef<Screening>& screening_fields();
const FormDef<Impact>& impact_fields();
const FormDef<Action>& action_fields();
const FormDef<AffectedSegment>& affected_fields();

// The forms in forms/*.xrc and, for each, the names its controls may carry.
struct FormInfo {
  std::string resource;  // top-level object name in the .xrc
  std::vector<std::string> fields;
};
const std::vector<FormInfo>& known_forms();

// Short explanations shown beside the impact fields (one line each).
std::string field_hint(const std::string& name);

}  // namespace eqv::gui
