// The Census band template (templates/census/bands.csv, which a council may edit): read
// from text, it is either read or refused line by line, never thrown.
#include <cstddef>
#include <cstdint>

#include "equivalue/profiling/census.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eqv::profiling;
  const CensusBandsRead read = read_census_bands(eqv::fuzz::as_text(data, size));
  if (!read.problems.empty()) return 0;
  for (const auto& characteristic : read.bands.characteristics) {
    eqv::fuzz::require(!characteristic.name.empty() && !characteristic.table.empty(),
                       "a characteristic read has a name and a table");
    for (const auto& category : characteristic.categories)
      eqv::fuzz::require(!category.columns.empty(), "a category read sums at least one column");
  }
  (void)census_column_key(eqv::fuzz::as_text(data, size));
  return 0;
}
