// .eqv project files (SQLite) from anywhere: opened read-only and dumped as JSON, or
// refused with InputError; never a crash, and never a change to the file.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>

#include "equivalue/core/errors.hpp"
#include "equivalue/interchange/json_format.hpp"
#include "equivalue/storage/project_store.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = eqv::fuzz::as_text(data, size);
  const std::string path = eqv::fuzz::write_input("input.eqv", bytes);
  try {
    const eqv::Project project = eqv::storage::read_project_store(path);
    (void)eqv::write_project_json(project);
  } catch (const eqv::InputError&) {
  }
  std::ifstream in(path, std::ios::binary);
  const std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  eqv::fuzz::require(after == bytes, "reading a project file leaves it as it was");
  return 0;
}
