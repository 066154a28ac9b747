#include "equivalue/storage/project_file.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/core/input_file.hpp"
#include "equivalue/core/text.hpp"
#include "equivalue/interchange/json_format.hpp"
#include "equivalue/storage/project_store.hpp"
#include "equivalue/storage/register.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace eqv::storage {

std::string read_text_file(const std::string& path) {
  namespace fs = std::filesystem;
  require_input_file(path, "the file");
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  constexpr std::uintmax_t kLimit = 512u * 1024u * 1024u;
  if (!ec && size > kLimit)
    throw InputError(path + ": the file is larger than 512 MB, too large to be a project");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot be read (check that you have permission to open it)");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

namespace {

bool named_eqv(const std::string& path) {
  return lower_case(std::filesystem::path(path).extension().string()) == ".eqv";
}

}  // namespace

Project load_project_file(const std::string& path) {
  Problems ignored;
  return load_project_file(path, ignored);
}

Project load_project_file(const std::string& path, Problems& ignored) {
  if (is_register_address(path)) return read_register_project(path);
  // An .eqv project by its content (a project renamed .json still opens); a file named
  // .eqv is never read as JSON, so a damaged project gets the project file's messages.
  std::error_code ec;
  if (named_eqv(path) || (std::filesystem::is_regular_file(path, ec) && has_sqlite_header(path)))
    return read_project_store(path);
  const std::string text = read_text_file(path);
  JsonReadResult read = read_project_json(text);
  if (!read.problems.empty()) {
    Problems located;
    for (const auto& p : read.problems)
      located.push_back({p.path.empty() ? path : path + ": " + p.path, p.message});
    throw InputError(path + ": cannot be read as an Equivalue project", std::move(located));
  }
  for (const auto& p : read.ignored) ignored.push_back({path + ": " + p.path, p.message});
  return std::move(read.project);
}

}  // namespace eqv::storage
