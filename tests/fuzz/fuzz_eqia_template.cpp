// EqIA question-set templates (equivalue-eqia-template/1): read or refused with problems.
#include <cstddef>
#include <cstdint>

#include "equivalue/interchange/templates.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = eqv::fuzz::as_text(data, size);
  (void)eqv::read_eqia_template_json(text, "");
  (void)eqv::read_eqia_template_json(text, "england");
  return 0;
}
