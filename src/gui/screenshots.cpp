// Pictures of each main screen, for the documentation (equivalue --screenshot DIR).
#include "dialogs.hpp"
#include "cumulative_view.hpp"
#include "main_frame.hpp"
#include "officer_desk.hpp"
#include "review_dialog.hpp"
#include "proxy_chooser.hpp"
#include "profile_wizard.hpp"
#include "segments_dialog.hpp"
#include "wizard.hpp"

#include "equivalue/storage/store.hpp"
#include "equivalue/core/reviews.hpp"

#include <wx/app.h>
#include <wx/image.h>
#include <wx/utils.h>

#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace eqv::gui {
namespace {

// Lets the window system draw everything that is pending.
void settle() {
  for (int i = 0; i < 8; ++i) {
    wxTheApp->Yield(true);
    wxMilliSleep(40);
  }
}

// The bits of a colour channel under `mask` as 0-255.
unsigned char channel(unsigned long pixel, unsigned long mask) {
  if (!mask) return 0;
  int shift = 0;
  while (!((mask >> shift) & 1)) ++shift;
  const unsigned long max = mask >> shift;
  return static_cast<unsigned char>(((pixel & mask) >> shift) * 255 / max);
}

// The window as it is on screen, read back from the X display (wxScreenDC keeps returning
// its first picture under GTK 3, so each shot reads the screen afresh through Xlib).
bool save_window(wxWindow* window, const std::string& file) {
  window->Raise();
  window->Refresh();
  window->Update();
  settle();
  const wxRect rect = window->GetScreenRect();
  Display* display = XOpenDisplay(nullptr);
  if (!display) return false;
  XImage* shot = XGetImage(display, DefaultRootWindow(display), rect.x, rect.y,
                           static_cast<unsigned>(rect.width), static_cast<unsigned>(rect.height),
                           AllPlanes, ZPixmap);
  bool ok = false;
  if (shot) {
    wxImage image(rect.width, rect.height);
    for (int y = 0; y < rect.height; ++y)
      for (int x = 0; x < rect.width; ++x) {
        const unsigned long pixel = XGetPixel(shot, x, y);
        image.SetRGB(x, y, channel(pixel, shot->red_mask), channel(pixel, shot->green_mask),
                     channel(pixel, shot->blue_mask));
      }
    XDestroyImage(shot);
    ok = image.SaveFile(wxString::FromUTF8(file), wxBITMAP_TYPE_PNG);
  }
  XCloseDisplay(display);
  return ok;
}

// The code of the project's segment at `index` (the last one when there are fewer).
std::string items_code(const Project& project, std::size_t index) {
  const auto& items = project.segments.items;
  return items.at(std::min(index, items.size() - 1)).code;
}

// A few made-up contacts in `dir`, one output area per segment: contacts.csv and areas.csv.
void write_sample_contacts(const std::filesystem::path& dir, const std::vector<Segment>& items) {
  std::filesystem::create_directories(dir);
  std::ofstream transactions(dir / "contacts.csv"), lookup(dir / "areas.csv");
  transactions << "oa21cd,channel\n";
  lookup << "oa21cd,supergroup\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    char area[32];
    std::snprintf(area, sizeof area, "E%08zu", i + 1);
    lookup << area << "," << items[i].code << "\n";
    const std::size_t counts[] = {(i * 37) % 90 + 4, (i * 53) % 70 + 3, (i * 29) % 120 + 8};
    const char* channels[] = {"face-to-face", "telephone", "web"};
    for (std::size_t c = 0; c < 3; ++c)
      for (std::size_t n = 0; n < counts[c]; ++n)
        transactions << area << "," << channels[c] << "\n";
  }
}

// An edit of the first change refused because another officer changed it first: its title
// and its first outcome's deadweight differ.
storage::StaleEdit sample_stale_edit(const Project& project) {
  Project mine = project, theirs = project;
  ServiceChange& m = mine.changes[0];
  ServiceChange& t = theirs.changes[0];
  t.title = m.title + " (evening sessions)";
  m.title += " (weekend sessions)";
  t.sroi.outcomes[0].deadweight = Decimal("0.25");
  m.sroi.outcomes[0].deadweight = Decimal("0.3");
  return storage::StaleEdit(
      "Service change " + m.id + " (" + t.title +
          ") was changed by officer2 at 2026-11-30 14:02:11 UTC (Edit Title) " +
          "after you last read it, so your change was not saved. Their version is now shown; " +
          "make your change again if it is still needed.",
      0, mine, theirs);
}

// The proxy library, filtered to A&E attendances, each as priced and in base-year prices.
template <typename Shot>
void shot_proxy_chooser(wxWindow* parent, ProjectDocument& doc, Shot& shot) {
  auto* chooser = new ProxyChooser(parent, doc);
  chooser->Show();
  chooser->set_filter("A&E");
  shot(chooser, "proxy-library");
  chooser->Destroy();
}

}  // namespace

std::vector<std::string> MainFrame::save_screenshots(const std::string& folder) {
  std::filesystem::create_directories(folder);
  wxInitAllImageHandlers();
  std::vector<std::string> written;
  auto shot = [&](wxWindow* w, const std::string& name) {
    const std::string file = (std::filesystem::path(folder) / (name + ".png")).string();
    if (save_window(w, file)) written.push_back(file);
  };
  if (!view_) {
    shot(this, "welcome");
    return written;
  }
  const char* names[] = {"scope",   "outcomes",        "impact-map",
                         "results", "affected-groups", "equality-assessment"};
  for (std::size_t page = 0; page < std::size(names); ++page) {
    view_->book()->SetSelection(page);
    if (page == 3) view_->results()->run_monte_carlo(false);
    if (page == 1) view_->outcomes()->select(0);
    shot(this, std::string("main-") + names[page]);
  }
  shot_proxy_chooser(this, *doc_, shot);
  // The assessment of a draft, whose unmet rules are listed at the top.
  for (int i = 0; i < doc_->change_count(); ++i)
    if (doc_->change(i).eqia && is_editable(*doc_->change(i).eqia)) {
      view_->select_change(i);
      break;
    }
  view_->book()->SetSelection(5);
  view_->eqia()->book()->SetSelection(0);
  shot(this, "eqia-draft");
  view_->book()->SetSelection(5);
  view_->eqia()->book()->SetSelection(1);
  shot(this, "eqia-screening");
  view_->eqia()->book()->SetSelection(2);
  shot(this, "eqia-impacts");
  view_->eqia()->book()->SetSelection(0);

  // The wizard at its valuation and impact stages.
  if (view_->selected() >= 0) {
    // Pictures are taken from inside the wizard's own (modal) run, once it is laid out.
    auto* wizard = new SroiWizard(this, *doc_, view_->selected());
    wizard->Show();
    wizard->show_stage(4);
    shot(wizard, "wizard-valuation");
    wizard->show_stage(5);
    shot(wizard, "wizard-impact");
    wizard->Destroy();
  }

  // The customer profile dialog on a few made-up contacts, matched by output area (one
  // area per segment); nothing is added to the project.
  if (!doc_->project().segments.items.empty()) {
    const auto dir = std::filesystem::temp_directory_path() / "equivalue-screenshot-profile";
    write_sample_contacts(dir, doc_->project().segments.items);
    auto* dialog = new CustomerProfileDialog(this, *doc_, view_->selected());
    dialog->Show();
    if (dialog->set_transactions((dir / "contacts.csv").string())) {
      dialog->set_lookups({(dir / "areas.csv").string()});
      if (dialog->run_profile(false))
        dialog->set_swap({items_code(doc_->project(), 0), items_code(doc_->project(), 7)}, "0.2",
                         {"face-to-face", "telephone"});
    }
    shot(dialog, "profile-channel-swap");
    dialog->Destroy();
    std::filesystem::remove_all(dir);
  }
  if (doc_->change_count() > 0 && !doc_->change(0).sroi.outcomes.empty()) {
    auto* dialog = StaleEditDialog(this, sample_stale_edit(doc_->project()));
    dialog->Show();
    shot(dialog, "register-stale-edit");
    dialog->Destroy();
  }
  save_equality_screenshots(shot);
  // Project > Segment profiles... on the project's own segments.
  auto* segments = new SegmentProfilesDialog(this, *doc_);
  segments->Show();
  shot(segments, "segment-profiles");
  segments->Destroy();
  return written;
}

void MainFrame::save_equality_screenshots(
    const std::function<void(wxWindow*, const std::string&)>& shot) {
  // A year into the example's round, so that the desk and the review have something to show.
  const std::string today = "2028-01-20";
  auto* desk = new OfficerDeskDialog(this, *doc_, today);
  desk->Show();
  shot(desk, "equality-officers-desk");
  desk->Destroy();
  auto* cumulative = new CumulativeDialog(this, *doc_);
  cumulative->Show();
  shot(cumulative, "equality-cumulative");
  cumulative->Destroy();
  for (int i = 0; i < doc_->change_count(); ++i) {
    const auto& eqia = doc_->change(i).eqia;
    if (!eqia || review_refusal(*eqia, today)) continue;
    // Typed in for the picture only: nothing is recorded.
    auto* review = new ReviewDialog(this, doc_->change(i), today, doc_->actor().who,
                                    [](auto&&...) { return Problems{}; });
    if (!review->rows().empty()) {
      review->rows()[0].rating->SetStringSelection("positive");
      review->rows()[0].actual->SetValue(
          "312 residents over 65 completed the course; 70% now bank online");
      review->rows()[0].evidence->SetValue("Course register and follow-up survey, November 2027");
    }
    review->Show();
    shot(review, "equality-review");
    review->Destroy();
    break;
  }
}

}  // namespace eqv::gui
