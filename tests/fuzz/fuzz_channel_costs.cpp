// The channel cost file reader (channel,unit_cost[,aliases][,source]).
#include <cstddef>
#include <cstdint>

#include "equivalue/core/errors.hpp"
#include "equivalue/profiling/channels.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eqv::profiling;
  const std::string path = eqv::fuzz::write_input("channels.csv", eqv::fuzz::as_text(data, size));
  try {
    const ChannelCosts costs = read_channel_costs(path);
    for (const Channel& channel : costs.channels) {
      eqv::fuzz::require(costs.match(channel.name) != nullptr,
                         "every channel read is found by its own name");
      for (const auto& alias : channel.aliases) (void)costs.match(alias);
    }
  } catch (const eqv::InputError&) {
  }
  return 0;
}
