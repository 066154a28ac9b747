// Opening whatever project file a user names: an .eqv project (SQLite) or an
// equivalue/1 JSON file. Every failure is an InputError whose message names the file
// and says what to do.
#pragma once

#include "equivalue/core/model.hpp"
#include "equivalue/core/validation.hpp"

#include <string>

namespace eqv::storage {

// Reads the whole of a text file, refusing folders, missing and oversized files.
std::string read_text_file(const std::string& path);

// Reads a project from FILE, .eqv or .json (decided by the file's content, then its name),
// or from a register address (postgresql://host/db?project=NAME, see store.hpp).
// Structure problems (bad JSON, wrong types) throw InputError with every problem listed;
// the rules of the data are left to validate().
Project load_project_file(const std::string& path);

// The same, adding to `ignored` each field of a JSON file that Equivalue does not know and
// so left out (each path prefixed by the file). Front ends use this form and list them,
// so that no field is dropped without a word.
Project load_project_file(const std::string& path, Problems& ignored);

}  // namespace eqv::storage
