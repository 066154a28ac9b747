// Segment tables imported from CSV: against no declared scheme, against the worked
// example's characteristics, and against the 2021 classification's supergroup codes
// (the first byte chooses).
#include <cstddef>
#include <cstdint>

#include "equivalue/core/segments.hpp"
#include "equivalue/interchange/templates.hpp"
#include "fuzz_profiling.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eqv;
  if (size == 0) return 0;
  static const SegmentScheme declared = fuzz::three_segments();
  static const SegmentClassification oac = load_classification("oac2021");
  const int mode = data[0] % 3;
  const auto text = fuzz::as_text(data + 1, size - 1);
  SegmentImport imported;
  if (mode == 0) imported = import_segments_csv(text, SegmentScheme{});
  if (mode == 1) imported = import_segments_csv(text, declared);
  if (mode == 2) imported = import_segments_csv(text, SegmentScheme{}, oac.level("supergroup"));
  if (imported.problems.empty()) {
    for (const Segment& segment : imported.scheme.items)
      fuzz::require(!segment.code.empty(), "every segment has a code");
  }
  return 0;
}
