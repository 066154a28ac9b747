// equivalue: the desktop application. `equivalue [FILE]` opens FILE (.eqv, or .json to
// import into a new .eqv beside it); `--screenshot DIR` writes a PNG of each main screen
// and exits.
#include "main_frame.hpp"

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/msgdlg.h>

#include <exception>
#include <iostream>

namespace {

class EquivalueApp : public wxApp {
 public:
  bool OnInit() override {
    SetAppName("equivalue");
    SetAppDisplayName("Equivalue");
    if (!wxApp::OnInit()) return false;
    auto* frame = new eqv::gui::MainFrame;
    frame->Show();
    if (!file_.empty() && !frame->open_path(file_.utf8_string(), screenshots_.empty())) {
      if (!screenshots_.empty()) {
        exit_code_ = 2;
        frame->Destroy();
        return true;
      }
    }
    if (!screenshots_.empty()) {
      CallAfter([this, frame] {
        const auto files = frame->save_screenshots(screenshots_.utf8_string());
        for (const auto& f : files) std::cout << f << "\n";
        exit_code_ = files.empty() ? 1 : 0;
        frame->Destroy();
      });
    }
    return true;
  }

  void OnInitCmdLine(wxCmdLineParser& parser) override {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption("", "screenshot", "write a PNG of each main screen into DIR, then quit",
                     wxCMD_LINE_VAL_STRING);
    parser.AddParam("project file (.eqv or .json)", wxCMD_LINE_VAL_STRING,
                    wxCMD_LINE_PARAM_OPTIONAL);
  }

  bool OnCmdLineParsed(wxCmdLineParser& parser) override {
    if (!wxApp::OnCmdLineParsed(parser)) return false;
    parser.Found("screenshot", &screenshots_);
    if (parser.GetParamCount() > 0) file_ = parser.GetParam(0);
    return true;
  }

  int OnExit() override {
    wxApp::OnExit();
    return exit_code_;
  }

  // An unexpected failure in an event handler: tell the user, keep the work (every edit is
  // already saved) and carry on rather than end the program.
  bool OnExceptionInMainLoop() override {
    try {
      throw;
    } catch (const std::exception& e) {
      wxMessageBox(wxString::FromUTF8(e.what()), "Equivalue", wxOK | wxICON_ERROR);
    }
    return true;
  }

 private:
  wxString file_;
  wxString screenshots_;
  int exit_code_ = 0;
};

}  // namespace

wxIMPLEMENT_APP(EquivalueApp);
