// The transactions CSV reader (customer profiling): read with a small postcode lookup
// and segment scheme, in small blocks and two threads so records cross block edges.
#include <cstddef>
#include <cstdint>

#include "equivalue/core/errors.hpp"
#include "equivalue/profiling/profile.hpp"
#include "fuzz_profiling.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eqv::profiling;
  static const eqv::SegmentScheme scheme = eqv::fuzz::three_segments();
  static const AreaLookup lookup = eqv::fuzz::small_lookup(scheme);
  static const ChannelCosts costs = default_channel_costs(EQUIVALUE_TEMPLATES_DIR);
  const std::string path =
      eqv::fuzz::write_input("transactions.csv", eqv::fuzz::as_text(data, size));
  ProfileOptions options;
  options.threads = 2;
  options.block_bytes = 64;
  try {
    const ProfileResult result = profile_transactions(path, lookup, scheme, costs, options);
    std::int64_t unmatched = 0;
    for (auto n : result.unmatched) unmatched += n;
    eqv::fuzz::require(result.matched + unmatched == result.rows,
                       "every row read is matched or unmatched");
  } catch (const eqv::InputError&) {
  }
  return 0;
}
