// Workbook benchmark: the project workbook (register and cumulative impact) for a project of
// N service changes, made by repeating the changes of a real project file.
//
//   workbook_bench PROJECT.json N OUT.xlsx
//
// Prints the time to calculate the results (not part of the comparison) and the time to
// write the workbook, best of 3. bench/run_workbook.sh runs it beside Python XlsxWriter.
#include "equivalue/core/cumulative.hpp"
#include "equivalue/core/results.hpp"
#include "equivalue/storage/project_file.hpp"
#include "equivalue/workbook/workbook.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: workbook_bench PROJECT.json N OUT.xlsx\n");
    return 2;
  }
  const eqv::Project base = eqv::storage::load_project_file(argv[1]);
  const int n = std::atoi(argv[2]);
  if (base.changes.empty() || n < 1) {
    std::fprintf(stderr, "workbook_bench: need a project with changes and N >= 1\n");
    return 2;
  }
  eqv::Project project = base;
  project.changes.clear();
  for (int i = 0; i < n; ++i) {
    eqv::ServiceChange c = base.changes[static_cast<std::size_t>(i) % base.changes.size()];
    char id[16];
    std::snprintf(id, sizeof id, "C%04d", i + 1);
    c.id = id;
    c.title += " (" + std::string(id) + ")";
    project.changes.push_back(std::move(c));
  }
  using clock = std::chrono::steady_clock;
  const auto seconds = [](clock::duration d) { return std::chrono::duration<double>(d).count(); };

  eqv::CalcOptions calc;
  calc.sensitivity = false;
  calc.monte_carlo = false;
  auto t0 = clock::now();
  const auto results = eqv::calculate_project(project, calc);
  const double calc_s = seconds(clock::now() - t0);

  // The whole export, as equivalue-cli export does it: hash of the inputs and cumulative
  // impact worked out, then the cells written.
  double full = 1e9;
  for (int run = 0; run < 3; ++run) {
    t0 = clock::now();
    eqv::workbook::ExportOptions options;
    options.source_name = argv[1];
    eqv::workbook::export_project_workbook(project, results, argv[3], options);
    full = std::min(full, seconds(clock::now() - t0));
  }
  // The computation on its own, then writing the cells with it precomputed: the part that
  // compares like for like with another library writing the same cells.
  t0 = clock::now();
  const std::string hash = eqv::workbook::project_hash(project);
  const double hash_s = seconds(clock::now() - t0);
  t0 = clock::now();
  const auto cumulative = eqv::cumulative_impact(project);
  const double cumulative_s = seconds(clock::now() - t0);
  double cells = 1e9;
  for (int run = 0; run < 3; ++run) {
    t0 = clock::now();
    eqv::workbook::ExportOptions options;
    options.source_name = argv[1];
    options.inputs_hash = hash;
    options.cumulative = &cumulative;
    eqv::workbook::export_project_workbook(project, results, argv[3], options);
    cells = std::min(cells, seconds(clock::now() - t0));
  }
  std::printf("equivalue: %d changes; calculate %.3f s; whole export %.3f s = hash of the inputs %.3f s + "
              "cumulative impact %.3f s + writing the cells %.3f s (best of 3)\n",
              n, calc_s, full, hash_s, cumulative_s, cells);
  return 0;
}
