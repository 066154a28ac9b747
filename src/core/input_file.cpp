#include "equivalue/core/input_file.hpp"

#include "equivalue/core/errors.hpp"

#include <filesystem>
#include <system_error>

namespace eqv {

bool require_input_file(const std::string& path, const std::string& inside) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status))
    throw InputError(path + ": no such file; check the name and folder");
  if (fs::is_directory(status))
    throw InputError(path + ": this is a folder, not a file; give " + inside + " inside it");
  return fs::is_regular_file(status);
}

}  // namespace eqv
