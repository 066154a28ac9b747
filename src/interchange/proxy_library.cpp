#include "equivalue/interchange/proxy_library.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "equivalue/core/csv.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/core/text.hpp"
#include "equivalue/interchange/templates.hpp"

namespace eqv {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

std::string csv_line(std::uint64_t line) { return "line " + std::to_string(line); }

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw InputError(file.string() + ": cannot be opened; check the name and that it can be read");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

[[noreturn]] void refuse(const fs::path& file, Problems problems, const std::string& what) {
  for (auto& p : problems) p.path = file.string() + ": " + p.path;
  const std::string message = file.string() + ": " + what + " cannot be used until the " +
                              std::to_string(problems.size()) + " problem(s) above are put right";
  throw InputError(message, std::move(problems));
}

// Reads one data row into `out`; adds a problem for each fault, naming the line and column.
bool read_row(const CsvRecord& rec, const std::map<std::string, std::size_t>& column,
              LibraryProxy& out, Problems& problems) {
  const std::string where = csv_line(rec.line);
  const std::size_t before = problems.size();
  const auto get = [&](const std::string& name) -> std::string {
    const std::size_t i = column.at(name);
    return i < rec.fields.size() ? rec.fields[i] : std::string();
  };
  if (rec.fields.size() != column.size())
    problems.push_back({where, "has " + std::to_string(rec.fields.size()) +
                                   " values but the header names " + std::to_string(column.size()) +
                                   " columns; put any comma inside a value in "
                                   "double quotes"});
  for (const char* name : {"id", "description", "unit", "value", "source", "licence"})
    if (get(name).empty())
      problems.push_back(
          {where + ", " + name, "is empty; every row needs its " + std::string(name)});
  out.id = get("id");
  out.proxy.description = get("description");
  out.proxy.unit = get("unit");
  out.proxy.source = get("source");
  out.proxy.evidence_grade = get("evidence_grade");
  out.agency = get("agency");
  out.source_table = get("source_table");
  out.source_url = get("source_url");
  out.licence = get("licence");
  const std::string value = get("value");
  if (const auto v = parse_decimal(value); v && *v >= 0)
    out.proxy.value = *v;
  else if (!value.empty())
    problems.push_back(
        {where + ", value", "\"" + value.substr(0, 40) +
                                "\" is not a value in pounds; write digits "
                                "with a decimal point, such as 1250.50 (no commas or £)"});
  const std::string year = get("price_year");
  if (!year.empty()) {
    const auto y = parse_decimal(year);
    if (!y || *y != floor(*y) || *y < 1900 || *y > 2200)
      problems.push_back({where + ", price_year", "\"" + year.substr(0, 20) +
                                                      "\" is not a year; write it as 2024, "
                                                      "or leave it empty"});
    else
      out.proxy.price_year = y->convert_to<int>();
  }
  const std::string type = get("type");
  if (const auto t = value_type_from_name(type))
    out.type = *t;
  else
    problems.push_back({where + ", type",
                        "must be social, economic or fiscal, got \"" + type.substr(0, 40) + "\""});
  return problems.size() == before;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

const std::vector<std::string>& proxy_library_columns() {
  static const std::vector<std::string> columns = {
      "id",     "description",    "unit",   "value",        "price_year", "type",
      "agency", "evidence_grade", "source", "source_table", "source_url", "licence"};
  return columns;
}

const std::vector<std::string>& open_licences() {
  static const std::vector<std::string> licences = {"OGL-3.0", "CC-BY-4.0"};
  return licences;
}

ProxyLibraryRead read_proxy_library_csv(std::string_view text) {
  ProxyLibraryRead out;
  const CsvRead csv = read_csv(text);
  if (csv.fault) out.problems.push_back({csv_line(csv.fault->line), csv.fault->message});
  const auto& records = csv.records;
  if (records.empty()) {
    if (out.problems.empty())
      out.problems.push_back({csv_line(1),
                              "the file is empty; it needs a header row naming "
                              "the columns, then one row per proxy"});
    return out;
  }
  std::map<std::string, std::size_t> column;
  const CsvRecord& header = records.front();
  for (std::size_t i = 0; i < header.fields.size(); ++i)
    if (!column.emplace(lower_case(trimmed(header.fields[i])), i).second)
      out.problems.push_back(
          {csv_line(header.line), "the column \"" + header.fields[i] + "\" is named twice"});
  for (const auto& name : proxy_library_columns())
    if (!column.count(name))
      out.problems.push_back(
          {csv_line(header.line), "the header has no column \"" + name +
                                      "\"; the columns are "
                                      "id, description, unit, value, price_year, type, agency, "
                                      "evidence_grade, source, source_table, source_url, licence"});
  if (!out.problems.empty()) return out;
  std::set<std::string> ids;
  for (std::size_t k = 1; k < records.size(); ++k) {
    LibraryProxy row;
    if (!read_row(records[k], column, row, out.problems)) continue;
    if (!ids.insert(row.id).second) {
      out.problems.push_back(
          {csv_line(records[k].line) + ", id", "the id \"" + row.id +
                                                   "\" is used by an earlier "
                                                   "row; each proxy needs its own id"});
      continue;
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::string write_proxy_library_csv(const std::vector<LibraryProxy>& rows) {
  std::string out;
  for (const auto& name : proxy_library_columns()) out += (out.empty() ? "" : ",") + name;
  out += "\n";
  for (const auto& r : rows) {
    const std::vector<std::string> fields = {
        r.id,
        r.proxy.description,
        r.proxy.unit,
        to_exact_string(r.proxy.value),
        r.proxy.price_year ? std::to_string(r.proxy.price_year) : std::string(),
        value_type_name(r.type),
        r.agency,
        r.proxy.evidence_grade,
        r.proxy.source,
        r.source_table,
        r.source_url,
        r.licence};
    std::string line;
    for (const auto& f : fields) line += (line.empty() ? "" : ",") + csv_field(f);
    out += line + "\n";
  }
  return out;
}

std::vector<fs::path> proxy_library_files() {
  std::map<std::string, fs::path> by_name;  // the first directory's file of a name wins
  for (const auto& dir : template_directories()) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir / "proxies", ec)) {
      if (entry.path().extension() != ".csv") continue;
      by_name.emplace(entry.path().filename().string(), entry.path());
    }
  }
  std::vector<fs::path> files;
  for (const auto& [name, path] : by_name) files.push_back(path);
  return files;
}

std::vector<LibraryProxy> read_proxy_library_csv(std::string_view text, const std::string& file) {
  ProxyLibraryRead read = read_proxy_library_csv(text);
  if (!read.problems.empty()) refuse(file, std::move(read.problems), "this proxy library");
  return std::move(read.rows);
}

const std::vector<LibraryProxy>& proxy_library() {
  static std::mutex mutex;
  static std::optional<std::vector<LibraryProxy>> cache;
  const std::lock_guard<std::mutex> lock(mutex);
  if (!cache) {
    std::vector<LibraryProxy> all;
    for (const auto& file : proxy_library_files())
      for (auto& row : read_proxy_library_csv(read_file(file), file.string()))
        all.push_back(std::move(row));
    cache = std::move(all);
  }
  return *cache;
}

std::size_t merge_into_library(std::vector<LibraryProxy>& library,
                               const std::vector<LibraryProxy>& rows) {
  std::size_t replaced = 0;
  for (const auto& row : rows) {
    const auto same = std::find_if(library.begin(), library.end(),
                                   [&](const LibraryProxy& p) { return p.id == row.id; });
    if (same == library.end()) {
      library.push_back(row);
    } else {
      *same = row;
      ++replaced;
    }
  }
  return replaced;
}

// ---------------------------------------------------------------- deflator series

DeflatorsRead read_deflators_json(std::string_view text) {
  DeflatorsRead out;
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    out.problems.push_back({"", std::string("not valid JSON: ") + e.what()});
    return out;
  }
  if (!doc.is_object()) {
    out.problems.push_back({"", "must be an object { ... }"});
    return out;
  }
  if (doc.value("format", std::string()) != kDeflatorsFormat)
    out.problems.push_back({"format", std::string("must be \"") + kDeflatorsFormat + "\""});
  if (doc.contains("name") && doc["name"].is_string())
    out.series.name = doc["name"].get<std::string>();
  if (out.series.name.empty())
    out.problems.push_back({"name", "name the series, as its publisher does"});
  const auto index = doc.find("index");
  if (index == doc.end() || !index->is_object() || index->empty()) {
    out.problems.push_back(
        {"index", "must be an object of year: index, such as {\"2024\": \"100.0\"}"});
    return out;
  }
  for (const auto& [key, value] : index->items()) {
    const std::string path = "index." + key;
    const auto year = parse_decimal(key);
    const auto v = value.is_string() ? parse_decimal(value.get<std::string>()) : std::nullopt;
    if (!year || *year != floor(*year) || *year < 1900 || *year > 2200)
      out.problems.push_back({path, "each index is keyed by its year, such as \"2024\""});
    else if (!v || *v <= 0)
      out.problems.push_back(
          {path, "must be an index above 0 written in quotes, such as \"100.0\""});
    else
      out.series.index[year->convert_to<int>()] = *v;
  }
  return out;
}

DeflatorSeries load_shipped_deflators() {
  for (const auto& dir : template_directories()) {
    const fs::path file = dir / "deflators" / (std::string(kShippedDeflatorsId) + ".json");
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) continue;
    DeflatorsRead read = read_deflators_json(read_file(file));
    if (!read.problems.empty()) refuse(file, std::move(read.problems), "this deflator series");
    return read.series;
  }
  return {};
}

void attach_shipped_deflators(Project& project) {
  project.project.shipped_deflators = load_shipped_deflators();
}

}  // namespace eqv
