// What the import commands share: refusing a file with every problem named, and writing
// the result so that a failure never leaves half a file.
#include "cli.hpp"

#include "equivalue/core/errors.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace eqv::cli {

[[noreturn]] void refuse_file(const std::string& file, Problems problems, const std::string& what) {
  for (auto& p : problems) p.path = p.path.empty() ? file : file + ": " + p.path;
  const std::string message =
      file + ": " + std::to_string(problems.size()) + " problem(s) to put right; " + what;
  throw InputError(message, std::move(problems));
}

// Writes beside the target and renames, so a failure never leaves half a file.
void write_output_file(const std::string& path, const std::string& text) {
  const std::string temp = path + ".part";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out)
      throw InputError(path + ": cannot be written; check the folder exists and can be written to");
    out << text;
    out.flush();
    if (!out) {
      std::remove(temp.c_str());
      throw std::runtime_error(path + ": writing failed (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::remove(temp.c_str());
    throw std::runtime_error(path + ": could not be replaced: " + ec.message());
  }
}

}  // namespace eqv::cli
