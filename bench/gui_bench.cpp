// GUI speed goals: start-up to a usable main window with a 1,000-change project (< 1 s),
// and recalculation after an edit (< 50 ms). Run under a display (xvfb-run).
//
//   gui_bench [changes]    prints one line per measurement
#include "main_frame.hpp"

#include "equivalue/core/affected.hpp"
#include "equivalue/core/sroi.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/storage/project_file.hpp"
#include "equivalue/storage/project_store.hpp"

#include <wx/app.h>
#include <wx/init.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// The worked example's change repeated: each copy with its own id, title and quantity.
eqv::Project big_project(const std::string& fixture, int changes) {
  eqv::Project base = eqv::storage::load_project_file(fixture);
  eqv::Project p = base;
  p.changes.clear();
  for (int i = 0; i < changes; ++i) {
    eqv::ServiceChange c = base.changes.front();
    c.id = "C" + std::to_string(i + 1);
    c.title = "Service change " + std::to_string(i + 1);
    c.sroi.outcomes.front().quantity = eqv::decimal_from_int(40 + i % 30);
    p.changes.push_back(c);
  }
  return p;
}

void settle() {
  for (int i = 0; i < 5; ++i) wxTheApp->Yield(true);
}

class BenchApp : public wxApp {
 public:
  bool OnInit() override { return true; }
};

}  // namespace

int main(int argc, char** argv) {
  const int changes = argc > 1 ? std::stoi(argv[1]) : 1000;
  wxApp::SetInstance(new BenchApp);
  if (!wxEntryStart(argc, argv)) return 1;
  wxTheApp->CallOnInit();

  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "equivalue-gui-bench";
  fs::create_directories(dir);
  const fs::path file = dir / "big.eqv";
  fs::remove(file);
  eqv::storage::ProjectStore::create(file.string(), big_project(EQUIVALUE_FIXTURE, changes)).reset();

  // Start-up: open the file, build the main window, show it, and let it draw.
  const auto start = Clock::now();
  auto* frame = new eqv::gui::MainFrame;
  frame->Show();
  if (!frame->open_path(file.string(), false)) return 1;
  settle();
  std::printf("start-up, %d changes: %.1f ms (open, build, show, first draw)\n", changes, ms_since(start));

  // Recalculation after an edit: change a deadweight, as typing does; the edit is saved to
  // the file, the change revalidated and recalculated, and every page shown again.
  auto* doc = frame->document();
  const int target = changes / 2;
  frame->view()->select_change(target);
  frame->view()->book()->SetSelection(1);
  settle();
  std::vector<double> times;
  for (int i = 0; i < 20; ++i) {
    const auto t = Clock::now();
    const std::string value = "0." + std::to_string(10 + i);
    eqv::gui::edit_change(*doc, target,
                          [&](eqv::ServiceChange& c) { c.sroi.outcomes.front().deadweight = eqv::Decimal(value); },
                          "Edit Deadweight", "bench-" + std::to_string(i));
    settle();
    times.push_back(ms_since(t));
  }
  std::sort(times.begin(), times.end());
  std::printf("edit + save + recalculate + redraw: median %.1f ms, worst %.1f ms (20 edits)\n", times[times.size() / 2],
              times.back());

  // The recalculation alone, as the document does it for the edited change: validate that
  // change, its fast-path figures (calculate_core) and the affected-groups flags.
  std::vector<double> recalc;
  const eqv::Project& project = doc->project();
  for (int i = 0; i < 20; ++i) {
    const auto t = Clock::now();
    eqv::Project one;
    one.project = project.project;
    one.segments = project.segments;
    one.changes.push_back(project.changes[static_cast<std::size_t>(target)]);
    const auto problems = eqv::validate(one);
    const auto result = eqv::calculate_core(one.changes.front().sroi, project.project);
    const auto affected = eqv::compute_affected(project.segments, one.changes.front().affected_segments,
                                                project.project.flag_ratio);
    recalc.push_back(ms_since(t));
    if (problems.size() > 1000 || result.horizon < 0 || affected.total < 0) return 1;
  }
  std::sort(recalc.begin(), recalc.end());
  std::printf("recalculation of one change (validate, calculate_core, affected groups): median %.2f ms\n",
              recalc[recalc.size() / 2]);

  frame->Destroy();
  wxTheApp->OnExit();
  wxEntryCleanup();
  fs::remove_all(dir);
  return 0;
}
