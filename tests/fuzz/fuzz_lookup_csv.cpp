// The postcode and output-area lookup reader: the input as either file of the pair
// (the first byte chooses), the other file a small valid one.
#include <cstddef>
#include <cstdint>

#include "equivalue/core/errors.hpp"
#include "equivalue/profiling/lookup.hpp"
#include "fuzz_profiling.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eqv::profiling;
  if (size == 0) return 0;
  static const eqv::SegmentScheme scheme = eqv::fuzz::three_segments();
  const int mode = data[0] % 3;
  const std::string input =
      eqv::fuzz::write_input("lookup.csv", eqv::fuzz::as_text(data + 1, size - 1));
  std::vector<std::string> files{input};
  if (mode == 1) files.push_back(eqv::fuzz::write_input("oac.csv", eqv::fuzz::kAreaLookup));
  if (mode == 2)
    files.insert(files.begin(), eqv::fuzz::write_input("nspl.csv", eqv::fuzz::kPostcodeLookup));
  LookupOptions options;
  options.threads = 2;
  try {
    const AreaLookup lookup = load_lookups(files, scheme, options);
    (void)lookup.by_postcode("AB1 2CD");
    (void)lookup.by_area("E00000001");
  } catch (const eqv::InputError&) {
  }
  return 0;
}
