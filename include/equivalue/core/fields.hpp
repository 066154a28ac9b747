// The model field registry: every record's fields, described once.
//
// Each record type (the project settings, a stakeholder, an outcome, an impact...) has one
// table here. Each entry gives the field's name in the interchange format (a dotted name,
// "proxy.value", is a field of a nested object), the label a council officer reads, its
// kind, the values it allows or the record it refers to, the project-file column that
// stores it, and how to get and set it as text. The JSON reader and writer, the project
// file's rows, the audit trail and the desktop application's forms are all driven by these
// tables, so none of them lists a record's fields by hand.
//
// Values travel as text in one form per kind:
//   text, choice  the text itself ("not-sure")
//   decimal/money the exact decimal ("0.25", "1250.5")
//   whole         the digits ("3")
//   flag          "true" or "false"
//   lines         one item per line (in the desktop application; readers and writers use
//                 the list itself, through `items`)
// An optional field gives "" when it is absent (an EqIA's budget, an impact's residual
// score), and setting it to "" makes it absent.
//
// Adding a field to a record, for example Outcome:
//   1. the member in equivalue/core/model.hpp and ONE line in outcome_fields() in
//      src/core/fields.cpp (name, label, kind, column, member);
//   2. a control named after the field in forms/*.xrc, and the name in that form's list in
//      src/gui/fields.cpp;
//   3. a migration in src/storage/schema.cpp adding the column, with the default an older
//      project file should read.
// The JSON file, the project file, the audit trail and the outcomes grid then carry it:
// tests/core/fields_test.cpp adds a field this way to prove it.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "equivalue/core/choices.hpp"
#include "equivalue/core/model.hpp"

namespace eqv {

enum class FieldKind {
  text,     // free text
  decimal,  // an exact number: a share, a rate, a quantity (a JSON number)
  money,    // pounds, written with pence (a JSON string "1250.50")
  whole,    // a whole number
  flag,     // yes or no
  choice,   // one of `choices`
  lines,    // a list of texts
};

// When the JSON writer writes a field (the reader accepts it either way).
enum class Written {
  always,
  unless_empty,  // left out while its text is ""
  unless_zero,   // left out while it is 0
  custom,        // the record's writer decides (write_if)
  by_hand,       // read and written by hand in src/interchange/json_format.cpp
};

struct FieldInfo {
  std::string name;   // interchange name within its record: "proxy.value"
  std::string label;  // "Proxy (£)"
  FieldKind kind = FieldKind::text;
  std::string column;  // project-file column; "" = kept in a table of its own
  ChoiceList choices;  // allowed values, in the order offered (core/choices.hpp)
  // A value the project file spells differently: {"constant", "rate"}.
  std::vector<std::pair<std::string, std::string>> stored_as;
  std::string refers_to;  // the record whose id it holds: "stakeholder", "segment", "eqia_template"
  bool required = false;  // an interchange file must give it
  bool optional = false;  // may be absent ("" when absent)
  Written written = Written::always;
  bool bare = false;  // its nested object may be given as this one value ("proxy": 1200)

  // "proxy" for "proxy.value", "" for a field of the record itself.
  std::string group() const;
  // "value" for "proxy.value".
  std::string key() const;
  // The value's text as the project file stores it (a choice's `stored` spelling).
  std::string stored_text(const std::string& text) const;
  // The text a stored value stands for.
  std::string text_of_stored(const std::string& stored) const;
  // The allowed values, for a message: "social, economic, fiscal".
  std::string allowed() const;
};

template <typename Record>
struct Field : FieldInfo {
  std::function<std::string(const Record&)> get;
  // Stores `text` (in the form above); false, leaving the record alone, when the text is
  // not a value this field can hold (a choice it does not offer, a number out of range).
  std::function<bool(Record&, const std::string&)> set;
  // kind == lines: the list itself.
  std::function<std::vector<std::string>&(Record&)> items;
  // written == custom: whether the JSON writer writes it.
  std::function<bool(const Record&)> write_if;

  bool written_for(const Record& r) const;
};

template <typename Record>
using Fields = std::vector<Field<Record>>;

template <typename Record>
const Field<Record>* find_field(const Fields<Record>& fields, const std::string& name) {
  for (const auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

// One table per record type, in the order the interchange format writes the fields.
const Fields<ProjectSettings>& project_settings_fields();
const Fields<ServiceChange>& change_fields();
const Fields<Sroi>& sroi_fields();
const Fields<Stakeholder>& stakeholder_fields();
const Fields<Input>& input_fields();
const Fields<Outcome>& outcome_fields();
const Fields<Range>& range_fields();
const Fields<AffectedSegment>& affected_segment_fields();
const Fields<Segment>& segment_fields();
const Fields<LibraryProxy>& library_proxy_fields();  // Project::proxy_library
const Fields<Eqia>& eqia_fields();
const Fields<Screening>& screening_fields();
const Fields<Impact>& impact_fields();
const Fields<Action>& action_fields();
const Fields<WorkflowEvent>& workflow_event_fields();

template <typename Record>
bool Field<Record>::written_for(const Record& r) const {
  switch (written) {
    case Written::always:
      return true;
    case Written::unless_empty:
      return kind == FieldKind::lines ? !items(const_cast<Record&>(r)).empty() : !get(r).empty();
    case Written::unless_zero: {
      const auto d = parse_decimal(get(r));
      return d && *d != 0;
    }
    case Written::custom:
      return write_if(r);
    case Written::by_hand:
      return false;
  }
  return true;
}

}  // namespace eqv
