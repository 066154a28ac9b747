// The financial proxy library (templates/proxies/*.csv): read, or refused with InputError.
#include <cstddef>
#include <cstdint>

#include "equivalue/core/errors.hpp"
#include "equivalue/interchange/proxy_library.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    for (const auto& row :
         eqv::read_proxy_library_csv(eqv::fuzz::as_text(data, size), "library.csv"))
      eqv::fuzz::require(row.proxy.price_year == 0 || row.proxy.price_year >= 1000,
                         "a price year read is a four-digit year");
  } catch (const eqv::InputError&) {
  }
  return 0;
}
