// Project file benchmark: generates a project of 1,000 service changes with 20 outcomes
// each, imports it into an .eqv file, then opens it and computes every result.
// Usage: storage_bench [OUT_DIR] [CHANGES] [OUTCOMES]   (see docs/BENCHMARKS.md)
#include "equivalue/core/results.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/interchange/json_format.hpp"
#include "equivalue/storage/project_file.hpp"
#include "equivalue/storage/project_store.hpp"

#include "bench_project.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  const fs::path out = argc > 1 ? fs::path(argv[1]) : fs::path("bench/out");
  const int changes = argc > 2 ? std::stoi(argv[2]) : 1000;
  const int outcomes = argc > 3 ? std::stoi(argv[3]) : 20;
  fs::create_directories(out);
  const std::string json_path = (out / "storage-bench.json").string();
  const std::string eqv_path = (out / "storage-bench.eqv").string();
  fs::remove(eqv_path);

  const eqv::Project generated = eqv::bench::generate(changes, outcomes);
  std::ofstream(json_path) << eqv::write_project_json(generated);
  std::cout << "Project: " << changes << " service changes x " << outcomes << " outcomes, JSON "
            << fs::file_size(json_path) / 1024 << " KiB\n";

  auto start = Clock::now();
  const eqv::Project read = eqv::storage::load_project_file(json_path);
  const double read_json = seconds_since(start);
  if (!eqv::validate(read).empty()) {
    std::cerr << "generated project is not valid\n";
    return 1;
  }
  start = Clock::now();
  eqv::storage::ProjectStore::create(eqv_path, read).reset();
  const double import = seconds_since(start);
  std::cout << "Read JSON:          " << read_json << " s\n";
  std::cout << "Import to .eqv:     " << import << " s (" << fs::file_size(eqv_path) / 1024 << " KiB)\n";

  eqv::CalcOptions options;
  options.sensitivity = true;   // switching values and tornado for every change
  options.monte_carlo = false;  // statistical estimate, benchmarked separately
  double best_total = 1e9;
  for (int run = 1; run <= 3; ++run) {
    start = Clock::now();
    auto store = eqv::storage::ProjectStore::open(eqv_path);
    const double open = seconds_since(start);
    start = Clock::now();
    const auto results = eqv::calculate_project(store->project(), options);
    const double compute = seconds_since(start);
    start = Clock::now();
    store->update([](eqv::Project& p) { p.changes[500 % p.changes.size()].sroi.outcomes[0].deadweight = eqv::Decimal("0.3"); },
                  "Benchmark edit");
    const double edit = seconds_since(start);
    std::cout << "Run " << run << ": open " << open << " s, compute " << compute << " s (" << results.size()
              << " changes), open+compute " << open + compute << " s; one edit saved in " << edit << " s\n";
    best_total = std::min(best_total, open + compute);
  }
  {
    // The same without switching values and tornado, to show where the time goes.
    auto store = eqv::storage::ProjectStore::open(eqv_path);
    eqv::CalcOptions core_only = options;
    core_only.sensitivity = false;
    start = Clock::now();
    const auto results = eqv::calculate_project(store->project(), core_only);
    std::cout << "Compute without sensitivity: " << seconds_since(start) << " s (" << results.size() << " changes)\n";
    start = Clock::now();
    const eqv::Project read_only = eqv::storage::read_project_store(eqv_path);
    std::cout << "Read .eqv without the editor lock: " << seconds_since(start) << " s\n";
  }
  std::cout << "Best open+compute: " << best_total << " s (target < 1 s): " << (best_total < 1.0 ? "met" : "NOT met")
            << "\n";
  return 0;
}
