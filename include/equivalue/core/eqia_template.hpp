// An Equality Impact Assessment template: the question set of one jurisdiction (method.md
// section 2). Templates are data files (templates/eqia/*.json, read by
// equivalue/interchange/templates.hpp), so a council adds or adapts one without a new
// build; core only holds the values and the rules that use them.
#pragma once

#include <string>
#include <vector>

namespace eqv {

// One aim of the duty, e.g. the Public Sector Equality Duty's "eliminate discrimination,
// harassment and victimisation" (Equality Act 2010 s149(1)(a)).
struct DutyAim {
  std::string id;    // "eliminate-discrimination"
  std::string text;  // what the aim asks, in plain words
};

// A characteristic to screen: a protected characteristic, a section 75 category, a duty
// (socio-economic, Welsh language) or a council's local addition (carers, rurality).
struct TemplateCharacteristic {
  std::string id;           // "age": the same name the segment scheme's compositions use
  std::string name;         // "Age"
  std::string description;  // who is covered, in plain words
  std::vector<std::string> categories;  // "0-15", "16-64", "65+"
  std::vector<std::string> aims;        // ids of the aims that apply (marriage: the first only)
  std::string kind;                     // "protected", "section-75", "duty", "local"
};

struct ScreeningQuestion {
  std::string id;
  std::string text;
};

struct EqiaTemplate {
  std::string id;            // "england": what an assessment's "template" field names
  std::string name;          // "England: Public Sector Equality Duty"
  std::string jurisdiction;  // "england", "wales", "scotland", "northern-ireland"
  std::string legal_basis;   // "Equality Act 2010, section 149"
  std::vector<DutyAim> aims;
  std::vector<TemplateCharacteristic> characteristics;  // always screened
  std::vector<TemplateCharacteristic>
      local_additions;  // screened when the project switches them on
  std::vector<ScreeningQuestion> screening_questions;
  std::string source;  // the file it was read from, for messages

  const TemplateCharacteristic* find(const std::string& characteristic_id) const;  // either list
  const DutyAim* aim(const std::string& aim_id) const;
  // The characteristics an assessment must screen: every characteristic, then each local
  // addition whose id is in `switched_on`, in the template's order.
  std::vector<const TemplateCharacteristic*> to_screen(
      const std::vector<std::string>& switched_on) const;
};

// What a person reads for a characteristic: the template's display name ("Age") when the
// template has it, else the id as written ("rurality"). Every screen, workbook and
// published page names characteristics through this.
std::string characteristic_display_name(const EqiaTemplate* tmpl,
                                        const std::string& characteristic_id);

}  // namespace eqv
