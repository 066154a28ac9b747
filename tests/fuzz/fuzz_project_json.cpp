// The equivalue/1 JSON project reader: any text is read or refused with problems; a
// readable project survives a write and a second read unchanged; a valid one calculates
// (sensitivity and a small Monte Carlo) without fault.
#include <cstddef>
#include <cstdint>

#include "equivalue/core/results.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/interchange/json_format.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eqv;
  const JsonReadResult read = read_project_json(fuzz::as_text(data, size));
  if (!read.problems.empty()) return 0;

  const std::string written = write_project_json(read.project);
  const JsonReadResult again = read_project_json(written);
  fuzz::require(again.problems.empty(), "a project Equivalue wrote reads back without problems");
  fuzz::require(write_project_json(again.project) == written,
                "write, read and write again gives the same text");

  if (!validate(read.project).empty()) return 0;
  CalcOptions options;
  options.sensitivity = true;
  options.monte_carlo = true;
  options.draws = 20;
  options.threads = 1;
  (void)calculate_project(read.project, options);
  return 0;
}
