#include "equivalue/interchange/proxy_library.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>

#include "equivalue/core/csv.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/interchange/templates.hpp"

namespace eqv {
namespace {

namespace fs = std::filesystem;

// Library files by name; the first directory holding a name wins.
std::map<std::string, fs::path> library_files() {
  std::map<std::string, fs::path> files;
  std::error_code ec;
  for (const auto& dir : template_directories())
    for (fs::directory_iterator it(dir / "proxies", ec), end; !ec && it != end; it.increment(ec))
      if (it->path().extension() == ".csv")
        files.emplace(it->path().filename().string(), it->path());
  return files;
}

std::string file_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(file.string() + ": cannot be opened; check that it can be read");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::vector<LibraryProxy> read_proxy_library_csv(std::string_view text, const std::string& file) {
  const CsvRead csv = read_csv(text);
  if (csv.fault)
    throw InputError(file + " line " + std::to_string(csv.fault->line) + ": " + csv.fault->message);
  if (csv.records.empty()) return {};
  const auto& header = csv.records.front().fields;
  const int value_col = csv_column(header, "value");
  if (value_col < 0)
    throw InputError(
        file +
        " line 1: the proxy library needs a column named \"value\" (the columns are id, "
        "description, unit, value, price_year, source, evidence_grade, type, agency)");
  std::vector<LibraryProxy> out;
  for (std::size_t k = 1; k < csv.records.size(); ++k) {
    const CsvRecord& row = csv.records[k];
    auto column = [&](std::string_view name) -> std::string {
      const int i = csv_column(header, name);
      return i >= 0 && static_cast<std::size_t>(i) < row.fields.size()
                 ? row.fields[static_cast<std::size_t>(i)]
                 : "";
    };
    const std::string where = file + " line " + std::to_string(row.line) + ": ";
    LibraryProxy p;
    const auto value = parse_decimal(column("value"));
    if (!value)
      throw InputError(where + "the value \"" + column("value") +
                       "\" is not a number; write it as 1850.00");
    p.proxy.value = *value;
    const std::string year = column("price_year");
    // Four digits, not starting with 0 ("0242" is a slip, not the year 242).
    const bool is_year = year.size() == 4 && year[0] != '0' &&
                         year.find_first_not_of("0123456789") == std::string::npos;
    if (!year.empty() && !is_year)
      throw InputError(where + "the price year \"" + year +
                       "\" is not a year; write it as 2024, or leave it empty");
    p.proxy.price_year = is_year ? std::stoi(year) : 0;
    p.id = column("id");
    p.proxy.description = column("description");
    p.proxy.unit = column("unit");
    // The source's title and, where given, the table the value is quoted from.
    const std::string table = column("source_table");
    p.proxy.source = column("source") + (table.empty() ? "" : " (" + table + ")");
    p.proxy.evidence_grade = column("evidence_grade");
    p.type = column("type");
    p.agency = column("agency");
    out.push_back(std::move(p));
  }
  return out;
}

const std::vector<LibraryProxy>& proxy_library() {
  static std::mutex mutex;
  static std::optional<std::vector<LibraryProxy>> cache;
  const std::lock_guard<std::mutex> lock(mutex);
  if (!cache) {
    std::vector<LibraryProxy> all;
    for (const auto& [name, path] : library_files())
      for (auto& p : read_proxy_library_csv(file_text(path), path.string()))
        all.push_back(std::move(p));
    cache = std::move(all);
  }
  return *cache;
}

}  // namespace eqv
