// Register benchmark (docs/BENCHMARKS.md), run by bench/register_bench.sh against a
// throwaway server:
//  1. open + compute a project of CHANGES service changes from the register, beside the
//     same from an .eqv file, in one run (goal: under 1 s, within 1.5x of the file);
//  2. EDITORS concurrent editors (one connection each) making EDITS edits each: edits per
//     second, 99th-percentile commit latency (goal: under 50 ms), and a check that no
//     committed edit was lost (each in the audit trail once, each change ending with the
//     last edit committed to it).
// Usage: register_bench ADMIN_ADDRESS LEAD_ADDRESS OUT_DIR [CHANGES] [OUTCOMES] [EDITORS] [EDITS]
//   the addresses name the register without ?project= (it is added here).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "bench_project.hpp"
#include "equivalue/core/results.hpp"
#include "equivalue/storage/project_store.hpp"
#include "equivalue/storage/register.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string with_project(const std::string& address, const std::string& project) {
  return address + (address.find('?') == std::string::npos ? "?" : "&") + "project=" + project;
}

double open_and_compute(const std::string& where, const eqv::CalcOptions& options, double& open) {
  auto start = Clock::now();
  auto store = eqv::storage::open_store(where);
  open = seconds_since(start);
  const auto results = eqv::calculate_project(store->project(), options);
  return seconds_since(start);
}

void compare_open(const std::string& eqv_path, const std::string& address) {
  eqv::CalcOptions options;
  options.sensitivity = true;
  options.monte_carlo = false;
  double best_file = 1e9, best_register = 1e9;
  for (int run = 1; run <= 3; ++run) {
    double open_file = 0, open_register = 0;
    const double file = open_and_compute(eqv_path, options, open_file);
    const double reg = open_and_compute(address, options, open_register);
    std::cout << "Run " << run << ": .eqv open " << open_file << " s, open+compute " << file
              << " s | register open " << open_register << " s, open+compute " << reg << " s\n";
    best_file = std::min(best_file, file);
    best_register = std::min(best_register, reg);
  }
  std::cout << "Best open+compute: .eqv " << best_file << " s, register " << best_register
            << " s, ratio " << best_register / best_file << " (goal: register < 1 s "
            << (best_register < 1.0 ? "met" : "NOT met") << "; within 1.5x "
            << (best_register <= 1.5 * best_file ? "met" : "NOT met") << ")\n";
}

struct EditorTally {
  std::vector<double> latencies;
  int committed = 0;
  int refused = 0;
};

// Editor k edits the titles of its own ten changes in turn (and so never conflicts).
void run_editor(const std::string& address, int k, int edits, EditorTally& tally) {
  auto store = eqv::storage::open_store(address);
  for (int i = 0; i < edits; ++i) {
    const std::size_t index =
        static_cast<std::size_t>(k * 10 + i % 10) % store->project().changes.size();
    const std::string title = "editor " + std::to_string(k) + " edit " + std::to_string(i);
    const auto start = Clock::now();
    try {
      store->update([&](eqv::Project& p) { p.changes[index].title = title; }, "Benchmark edit");
      ++tally.committed;
    } catch (const eqv::storage::StaleEdit&) {
      ++tally.refused;
    }
    tally.latencies.push_back(seconds_since(start));
  }
}

void concurrent_edits(const std::string& address, int editors, int edits) {
  std::vector<EditorTally> tallies(static_cast<std::size_t>(editors));
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  for (int k = 0; k < editors; ++k)
    threads.emplace_back(run_editor, address, k, edits,
                         std::ref(tallies[static_cast<std::size_t>(k)]));
  for (auto& t : threads) t.join();
  const double total = seconds_since(start);
  std::vector<double> all;
  int committed = 0, refused = 0;
  for (const auto& t : tallies) {
    all.insert(all.end(), t.latencies.begin(), t.latencies.end());
    committed += t.committed;
    refused += t.refused;
  }
  std::sort(all.begin(), all.end());
  const double p50 = all[all.size() / 2];
  const double p99 = all[std::min(all.size() - 1, all.size() * 99 / 100)];
  std::cout << editors << " editors x " << edits << " edits: " << committed << " committed, "
            << refused << " refused in " << total << " s (opening included): " << committed / total
            << " edits/s; commit latency "
            << "p50 " << p50 * 1000 << " ms, p99 " << p99 * 1000 << " ms, max " << all.back() * 1000
            << " ms (goal p99 < 50 ms: " << (p99 < 0.05 ? "met" : "NOT met") << ")\n";
  // Lost updates: every change ends with the last title its editor committed.
  auto check = eqv::storage::open_store(address);
  int lost = 0;
  for (int k = 0; k < editors; ++k)
    for (int j = 0; j < 10 && j < edits; ++j) {
      int last = -1;
      for (int i = 0; i < edits; ++i)
        if (i % 10 == j) last = i;
      const std::size_t index =
          static_cast<std::size_t>(k * 10 + j) % check->project().changes.size();
      if (check->project().changes[index].title !=
          "editor " + std::to_string(k) + " edit " + std::to_string(last))
        ++lost;
    }
  std::size_t audited = 0;
  for (const auto& a : check->audit(1000000)) audited += a.what == "Benchmark edit" ? 1 : 0;
  std::cout << "Lost updates: " << lost
            << " changes not holding their last committed edit; audit rows of the "
            << "edits: " << audited << " (committed " << committed << ")\n";
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  if (argc < 4) {
    std::cerr << "usage: register_bench ADMIN_ADDRESS LEAD_ADDRESS OUT_DIR [CHANGES] [OUTCOMES] "
                 "[EDITORS] [EDITS]\n";
    return 2;
  }
  const std::string admin = argv[1], lead = argv[2];
  const fs::path out = argv[3];
  const int changes = argc > 4 ? std::stoi(argv[4]) : 1000;
  const int outcomes = argc > 5 ? std::stoi(argv[5]) : 20;
  const int editors = argc > 6 ? std::stoi(argv[6]) : 20;
  const int edits = argc > 7 ? std::stoi(argv[7]) : 200;
  fs::create_directories(out);
  const std::string eqv_path = (out / "register-bench.eqv").string();
  fs::remove(eqv_path);
  const eqv::Project generated = eqv::bench::generate(changes, outcomes);
  auto start = Clock::now();
  eqv::storage::ProjectStore::create(eqv_path, generated).reset();
  std::cout << "Project: " << changes << " changes x " << outcomes << " outcomes; import to .eqv "
            << seconds_since(start) << " s, ";
  const std::string project = "bench-" + std::to_string(changes);
  start = Clock::now();
  eqv::storage::create_register_project(with_project(admin, project), generated).reset();
  std::cout << "import to the register " << seconds_since(start) << " s\n";
  compare_open(eqv_path, with_project(lead, project));
  concurrent_edits(with_project(lead, project), editors, edits);
  return 0;
}
