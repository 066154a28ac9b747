// Shipped and council templates: EqIA question sets (templates/eqia/<id>.json, format
// equivalue-eqia-template/1) and segment classifications (templates/segments/<id>.json,
// format equivalue-segments/1, e.g. the 2021 Output Area Classification).
//
// A council adds or adapts a template without a new build: put the file in a directory and
// point EQUIVALUE_TEMPLATES at it. Directories are searched in this order, the first file
// found winning, so a council's england.json replaces the shipped one:
//   1. $EQUIVALUE_TEMPLATES (several directories may be given, separated by ':')
//   2. <directory of the running program>/../share/equivalue/templates (an installed copy)
//   3. the source tree's templates/ (EQUIVALUE_TEMPLATES_DIR, set by CMake), for builds run
//      in place
// A malformed template is refused (InputError) with a message naming the file and the
// place in it (line and column, or the field).
#pragma once

#include "equivalue/core/eqia_template.hpp"
#include "equivalue/core/segments.hpp"
#include "equivalue/core/validation.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eqv {

inline constexpr const char* kEqiaTemplateFormat = "equivalue-eqia-template/1";
inline constexpr const char* kSegmentsFormat = "equivalue-segments/1";

// The directories searched, in order, that exist.
std::vector<std::filesystem::path> template_directories();

// ---------------------------------------------------------------- EqIA templates

struct EqiaTemplateRead {
  EqiaTemplate tmpl;
  Problems problems;  // empty when the template can be used
};

// Reads template text; `expected_id` (the file name without .json, or empty) must match
// the template's id. Never throws.
EqiaTemplateRead read_eqia_template_json(std::string_view text, const std::string& expected_id);

// Reads one file; throws InputError naming the file and each fault.
EqiaTemplate load_eqia_template_file(const std::filesystem::path& file);

// The file for template `id` (eqia/<id>.json in the first directory that has one).
std::optional<std::filesystem::path> find_eqia_template(const std::string& id);

// Finds and reads template `id`; throws InputError when it is missing or malformed.
EqiaTemplate load_eqia_template(const std::string& id);

// Ids of every template found, sorted: the shipped ones and a council's own.
std::vector<std::string> list_eqia_templates();

// Every template found as a choice for a person: id and the template's display name
// ("England (Equality Act 2010 s149)"). A template that cannot be read is offered under
// its id, so that choosing it shows the fault.
struct TemplateChoice {
  std::string id;
  std::string name;
};
std::vector<TemplateChoice> eqia_template_choices();

// The one cache of EqIA templates for the whole program (thread-safe): template `id`,
// read from disk once. nullptr when no template of that id is installed (the submission
// rules then say so); a malformed one throws InputError naming the file and each fault,
// the first time and every time it is asked for.
const EqiaTemplate* cached_eqia_template(const std::string& id);

// ---------------------------------------------------------------- segment classifications

// Reads a classification's text (format equivalue-segments/1). Never throws.
struct ClassificationRead {
  SegmentClassification classification;
  Problems problems;
};
ClassificationRead read_classification_json(std::string_view text, const std::string& expected_id);

// The file for classification `id` (segments/<id>.json in the first directory that has one).
std::optional<std::filesystem::path> find_classification(const std::string& id);

// Finds and reads segments/<id>.json ("oac2021"); throws InputError when missing or malformed.
SegmentClassification load_classification(const std::string& id);

}  // namespace eqv
