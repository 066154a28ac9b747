// Pictures of each main screen, for the documentation (equivalue --screenshot DIR).
#include "main_frame.hpp"
#include "wizard.hpp"

#include <wx/app.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>
#include <wx/utils.h>

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

// The window as it is on screen, read back from the display.
bool save_window(wxWindow* window, const std::string& file) {
  window->Raise();
  window->Update();
  settle();
  const wxRect rect = window->GetScreenRect();
  wxBitmap bitmap(rect.width, rect.height);
  {
    wxScreenDC screen;
    wxMemoryDC memory(bitmap);
    memory.Blit(0, 0, rect.width, rect.height, &screen, rect.x, rect.y);
  }
  return bitmap.ConvertToImage().SaveFile(wxString::FromUTF8(file), wxBITMAP_TYPE_PNG);
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
  // The screening grid and the impact detail of the assessment.
  view_->book()->SetSelection(5);
  view_->eqia()->book()->SetSelection(1);
  shot(this, "eqia-screening");
  view_->eqia()->book()->SetSelection(2);
  shot(this, "eqia-impacts");
  view_->eqia()->book()->SetSelection(0);

  // The wizard at its valuation and impact stages.
  if (view_->selected() >= 0) {
    auto* wizard = new SroiWizard(this, *doc_, view_->selected());
    wizard->Show();
    wizard->ShowPage(wizard->pages()[5]);
    shot(wizard, "wizard-impact");
    wizard->ShowPage(wizard->pages()[4]);
    shot(wizard, "wizard-valuation");
    wizard->Destroy();
  }
  return written;
}

}  // namespace eqv::gui
