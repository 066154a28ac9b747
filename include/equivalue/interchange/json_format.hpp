// The interchange format equivalue/1 (docs/FORMAT.md): a whole project as JSON.
//
// Reading is two steps. A streaming parser turns the text into a tree while keeping every
// number's exact text (JSON numbers are not squeezed through binary doubles), refusing
// nesting deeper than any project needs and reporting the line and column of any fault.
// The tree is then read into the model, collecting every problem with its path rather
// than stopping at the first. validate() (core) then checks the rules of the data.
#pragma once

#include "equivalue/core/model.hpp"
#include "equivalue/core/validation.hpp"

#include <string>
#include <string_view>

namespace eqv {

inline constexpr const char* kFormatName = "equivalue/1";

struct JsonReadResult {
  Project project;
  Problems problems;  // structure problems (syntax, types, misspelt names); empty when readable
  // Fields Equivalue does not know (neither its own nor a misspelling of one), such as
  // "colour" in an outcome: left out of the project. Whoever reads the file lists them,
  // so that none is lost without a word.
  Problems ignored;
};

// Reads the text of an equivalue/1 file. Never throws for bad input.
JsonReadResult read_project_json(std::string_view text);

// Writes a project as equivalue/1, pretty-printed. Reading it back gives the same project.
std::string write_project_json(const Project& project);

}  // namespace eqv
