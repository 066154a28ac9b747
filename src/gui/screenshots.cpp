// Pictures of each main screen, for the documentation (equivalue --screenshot DIR).
#include "main_frame.hpp"
#include "wizard.hpp"

#include <wx/app.h>
#include <wx/image.h>
#include <wx/utils.h>

#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <filesystem>

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
  XImage* shot = XGetImage(display, DefaultRootWindow(display), rect.x, rect.y, static_cast<unsigned>(rect.width),
                           static_cast<unsigned>(rect.height), AllPlanes, ZPixmap);
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
  const char* names[] = {"scope", "outcomes", "impact-map", "results", "affected-groups", "equality-assessment"};
  for (std::size_t page = 0; page < std::size(names); ++page) {
    view_->book()->SetSelection(page);
    if (page == 3) view_->results()->run_monte_carlo(false);
    if (page == 1) view_->outcomes()->select(0);
    shot(this, std::string("main-") + names[page]);
  }
  // The assessment of a draft, whose unmet rules are listed at the top.
  for (int i = 0; i < doc_->change_count(); ++i)
    if (doc_->change(i).eqia && doc_->change(i).eqia->status == EqiaStatus::draft) {
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
  return written;
}

}  // namespace eqv::gui
