// Financial proxy libraries and the deflator series that rebases them.
//
// A proxy library is CSV with one header row naming these columns (any order; a council's
// copy of a licensed library uses the same layout, see templates/proxies/README.md):
//   id, description, unit, value, price_year, type, agency, evidence_grade,
//   source, source_table, source_url, licence
// The shipped library is every .csv in proxies/ of the template directories (templates.hpp:
// a council's file of the same name replaces the shipped one). A project also keeps its own
// library (Project::proxy_library), filled by importing a CSV in the same layout.
//
// The deflator series is templates/deflators/gdp.json (format equivalue-deflators/1): HM
// Treasury's GDP deflators as shipped, or the council's replacement. A project without a
// series of its own is rebased with it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "equivalue/core/model.hpp"
#include "equivalue/core/validation.hpp"

namespace eqv {

inline constexpr const char* kDeflatorsFormat = "equivalue-deflators/1";
inline constexpr const char* kShippedDeflatorsId = "gdp";

// The columns of a proxy library, in the order the shipped files use.
const std::vector<std::string>& proxy_library_columns();

// The licences a row of the shipped library may carry: they allow inclusion in software.
const std::vector<std::string>& open_licences();

struct ProxyLibraryRead {
  std::vector<LibraryProxy> rows;
  Problems problems;  // each naming its line ("line 7") and column; empty when all rows are usable
};

// Reads proxy library CSV text. Every malformed row is reported, not only the first; rows
// with problems are left out. Never throws.
ProxyLibraryRead read_proxy_library_csv(std::string_view text);

// Writes rows as proxy library CSV (the header, then one line per row), ready to read back.
std::string write_proxy_library_csv(const std::vector<LibraryProxy>& rows);

// The proxy library files found, in the order they are read.
std::vector<std::filesystem::path> proxy_library_files();

// Reads one library file's text; `file` names it in messages. Throws InputError listing
// every problem, each with the file, line and column.
std::vector<LibraryProxy> read_proxy_library_csv(std::string_view text, const std::string& file);

// Every proxy of every library file, in file-name order, read once for the program (the
// one cache). Empty when no library is installed; throws InputError as above.
const std::vector<LibraryProxy>& proxy_library();

// Puts imported rows into a project's library: a row whose id is already there replaces it,
// others are added at the end. Returns how many were replaced.
std::size_t merge_into_library(std::vector<LibraryProxy>& library,
                               const std::vector<LibraryProxy>& rows);

// ---------------------------------------------------------------- deflator series

struct DeflatorsRead {
  DeflatorSeries series;
  Problems problems;
};

// Reads a deflator series (format equivalue-deflators/1). Never throws.
DeflatorsRead read_deflators_json(std::string_view text);

// The shipped series (deflators/gdp.json in the first template directory that has it);
// throws InputError when the file is malformed, and gives an empty series when there is none.
DeflatorSeries load_shipped_deflators();

// Attaches the shipped series to the project's settings, so that a project without its own
// series is rebased with it (core: deflators_in_use). Throws as load_shipped_deflators does.
void attach_shipped_deflators(Project& project);

}  // namespace eqv
