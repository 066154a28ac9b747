// The census band template (census.hpp): which table columns make each category.
#include "csv_stream.hpp"
#include "equivalue/core/csv.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/interchange/templates.hpp"
#include "equivalue/profiling/census.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace eqv::profiling {
namespace {

constexpr std::string_view kMeasuresSuffix = "; measures: value";

std::string line_path(std::uint64_t line) { return "line " + std::to_string(line); }

std::vector<std::string> split_crosses(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(';', start), text.size());
    const std::string part(detail::trim(text.substr(start, end - start)));
    if (!part.empty()) out.push_back(part);
    start = end + 1;
  }
  return out;
}

bool plausible_table(const std::string& table) {
  if (table.empty()) return false;
  return std::all_of(table.begin(), table.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

struct TemplateColumns {
  int characteristic = -1, category = -1, table = -1, column = -1, crosses = -1;
};

TemplateColumns find_template_columns(const std::vector<std::string>& header, Problems& problems) {
  TemplateColumns cols;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string name = detail::fold_name(header[i]);
    const int index = static_cast<int>(i);
    if (name == "characteristic")
      cols.characteristic = index;
    else if (name == "category")
      cols.category = index;
    else if (name == "table")
      cols.table = index;
    else if (name == "column")
      cols.column = index;
    else if (name == "crosses")
      cols.crosses = index;
  }
  if (cols.characteristic < 0 || cols.category < 0 || cols.table < 0 || cols.column < 0)
    problems.push_back(
        {"line 1",
         "the header must name the columns characteristic, category, table and column "
         "(and, for joint characteristics, crosses)"});
  return cols;
}

// Adds one template row to the bands; problems name the line.
void add_row(CensusBands& bands, const std::vector<std::string>& f, const TemplateColumns& cols,
             std::uint64_t line, Problems& problems) {
  auto cell = [&](int c) {
    return c >= 0 && static_cast<std::size_t>(c) < f.size()
               ? std::string(detail::trim(f[static_cast<std::size_t>(c)]))
               : std::string();
  };
  const std::string name = cell(cols.characteristic), category = cell(cols.category);
  const std::string table = detail::fold_name(cell(cols.table)), column = cell(cols.column);
  const std::size_t before = problems.size();
  if (name.empty())
    problems.push_back({line_path(line), "name the characteristic (age, sex, disability, ...)"});
  if (!plausible_table(table))
    problems.push_back(
        {line_path(line),
         "the table must be a census table id such as ts007a, got \"" + cell(cols.table) + "\""});
  if (column.empty())
    problems.push_back(
        {line_path(line), "name the column of the table, as headed in the NOMIS file"});
  if (name == "population" && !category.empty())
    problems.push_back({line_path(line), "the population row takes no category: leave it empty"});
  if (name != "population" && !name.empty() && category.empty())
    problems.push_back(
        {line_path(line), "name the category this column counts towards (such as 65+)"});
  if (problems.size() != before) return;
  if (name == "population") {
    if (!bands.population_table.empty() && bands.population_table != table)
      problems.push_back({line_path(line), "the population comes from one table, " +
                                               bands.population_table + ", not also " + table});
    bands.population_table = table;
    bands.population_columns.push_back(column);
    return;
  }
  auto it = std::find_if(bands.characteristics.begin(), bands.characteristics.end(),
                         [&](const CensusCharacteristic& c) { return c.name == name; });
  const std::vector<std::string> crosses = split_crosses(cell(cols.crosses));
  if (it == bands.characteristics.end()) {
    bands.characteristics.push_back({name, table, {}, crosses});
    it = std::prev(bands.characteristics.end());
  } else if (it->table != table) {
    problems.push_back(
        {line_path(line), name + " is read from " + it->table +
                              " on an earlier line; one characteristic comes from one table"});
    return;
  } else if (!crosses.empty() && crosses != it->crosses) {
    problems.push_back({line_path(line), "crosses differs from the earlier rows of " + name});
    return;
  }
  auto cat = std::find_if(it->categories.begin(), it->categories.end(),
                          [&](const CensusCategory& c) { return c.name == category; });
  if (cat == it->categories.end())
    it->categories.push_back({category, {column}});
  else
    cat->columns.push_back(column);
}

void check_bands(const CensusBands& bands, Problems& problems) {
  if (bands.population_table.empty())
    problems.push_back(
        {"population", "add a row for the population, e.g. population,,ts007a,Age: Total"});
  if (bands.characteristics.empty())
    problems.push_back({"characteristic", "the template names no characteristic"});
  for (const auto& ch : bands.characteristics) {
    std::set<std::string> columns;
    for (const auto& cat : ch.categories)
      for (const auto& col : cat.columns)
        if (!columns.insert(census_column_key(col)).second)
          problems.push_back(
              {ch.name, "the column \"" + col + "\" is counted twice in " + ch.name});
    if (ch.crosses.size() == 1)
      problems.push_back(
          {ch.name, "a joint characteristic crosses two or more characteristics, got only " +
                        ch.crosses[0]});
    for (const auto& x : ch.crosses)
      if (std::none_of(
              bands.characteristics.begin(), bands.characteristics.end(),
              [&](const CensusCharacteristic& c) { return c.name == x && c.crosses.empty(); }))
        problems.push_back(
            {ch.name, "crosses \"" + x + "\", which is not a characteristic of the template"});
  }
}

}  // namespace

std::string census_column_key(std::string_view header) {
  std::string key = detail::fold_name(header);
  if (key.size() >= kMeasuresSuffix.size() &&
      key.compare(key.size() - kMeasuresSuffix.size(), kMeasuresSuffix.size(), kMeasuresSuffix) ==
          0)
    key.resize(key.size() - kMeasuresSuffix.size());
  return std::string(detail::trim(key));
}

CensusBandsRead read_census_bands(std::string_view text) {
  CensusBandsRead out;
  const CsvRead csv = read_csv(text);
  if (csv.fault) {
    out.problems.push_back({line_path(csv.fault->line), csv.fault->message});
    return out;
  }
  if (csv.records.empty()) {
    out.problems.push_back({"line 1", "the file is empty"});
    return out;
  }
  const TemplateColumns cols = find_template_columns(csv.records[0].fields, out.problems);
  if (!out.problems.empty()) return out;
  for (std::size_t i = 1; i < csv.records.size(); ++i)
    add_row(out.bands, csv.records[i].fields, cols, csv.records[i].line, out.problems);
  check_bands(out.bands, out.problems);
  return out;
}

CensusBands load_census_bands(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": the band template cannot be read; check the name and folder");
  std::ostringstream text;
  text << in.rdbuf();
  CensusBandsRead read = read_census_bands(text.str());
  if (!read.problems.empty()) {
    for (auto& p : read.problems) p.path = path + ": " + p.path;
    throw InputError(path + ": " + std::to_string(read.problems.size()) +
                         " problem(s) in the band template; put them right and build again",
                     std::move(read.problems));
  }
  return std::move(read.bands);
}

std::string find_census_bands() {
  for (const auto& dir : template_directories()) {
    const auto file = dir / "census" / "bands.csv";
    std::error_code ec;
    if (std::filesystem::is_regular_file(file, ec)) return file.string();
  }
  throw InputError(
      "no census band template found (census/bands.csv in the template folders); reinstall "
      "Equivalue, or give one with --bands");
}

std::string find_census_table(const std::string& dir, const std::string& table) {
  namespace fs = std::filesystem;
  const std::string wanted = "census2021-" + detail::fold_name(table) + "-oa.csv";
  std::error_code ec;
  auto matches = [&](const fs::path& p) {
    return detail::fold_name(p.filename().string()) == wanted;
  };
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec) && matches(it->path())) return it->path().string();
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec)) continue;
    std::error_code inner;
    for (fs::directory_iterator jt(it->path(), inner), jend; !inner && jt != jend;
         jt.increment(inner))
      if (jt->is_regular_file(inner) && matches(jt->path())) return jt->path().string();
  }
  return {};
}

}  // namespace eqv::profiling
