// The financial proxy library: templates/proxies/*.csv (columns id, description, unit,
// value, price_year, type, agency, evidence_grade, source, source_table, ...; see
// templates/proxies/README.md; a proxy's source is the title and, when given, the table),
// found in the template directories as templates.hpp describes (EQUIVALUE_TEMPLATES first,
// so a council's own file replaces a shipped one of the same name).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "equivalue/core/model.hpp"

namespace eqv {

struct LibraryProxy {
  std::string id;
  Proxy proxy;
  std::string type;    // social, economic or fiscal
  std::string agency;  // who benefits from a fiscal value
};

// Reads one library file's text; `file` names it in messages. Throws InputError naming
// the file, the line and the fix for a malformed CSV, a missing column or a value or price
// year that is not a number.
std::vector<LibraryProxy> read_proxy_library_csv(std::string_view text, const std::string& file);

// Every proxy of every library file, in file-name order, read once for the program (the
// one cache). Empty when no library is installed; throws InputError as above.
const std::vector<LibraryProxy>& proxy_library();

}  // namespace eqv
