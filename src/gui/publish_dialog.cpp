#include "publish_dialog.hpp"

#include "pages.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/publish/pdf.hpp"
#include "equivalue/publish/publish.hpp"

#include <wx/choicdlg.h>
#include <wx/filedlg.h>
#include <wx/frame.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>

#include <filesystem>

namespace eqv::gui {
namespace {

std::string default_name(const ProjectDocument& doc, int index) {
  return index < 0 ? "round-report.html" : "equality-assessment-" + doc.change(index).id + ".html";
}

}  // namespace

std::string PublishDocument(const ProjectDocument& doc, int index, const std::string& html,
                            const std::string& pdf) {
  if (std::filesystem::path(html).extension() != ".html")
    throw InputError(html + ": the document's name must end in .html");
  if (!pdf.empty() && !publishing::find_chromium())
    throw InputError(pdf +
                     ": cannot make a PDF because Chromium is not installed (Debian: sudo "
                     "apt-get install chromium); the HTML document can be published on its own");
  const Project project = doc.project_with_settings();  // rebased as on screen
  const std::string text = index < 0 ? publishing::round_document(project)
                                     : publishing::change_document(project, doc.change(index).id);
  publishing::write_document(text, html);
  std::string written = index < 0
                            ? "Published the round's document to " + html
                            : "Published the document of " + doc.change(index).id + " to " + html;
  if (index >= 0 && !publishing::is_final(doc.change(index)))
    written += " (marked draft: its assessment is not approved yet)";
  if (!pdf.empty()) {
    publishing::write_pdf(html, pdf);
    written += ", and its PDF to " + pdf;
  }
  return written;
}

void PublishAndReport(wxWindow* parent, const ProjectDocument& doc, int index,
                      const std::string& html, const std::string& pdf) {
  guarded(parent, [&] {
    const std::string written = PublishDocument(doc, index, html, pdf);
    if (auto* frame = dynamic_cast<wxFrame*>(wxGetTopLevelParent(parent));
        frame && frame->GetStatusBar())
      frame->SetStatusText(wxString::FromUTF8(written), 0);
  });
}

bool AskPublishPaths(wxWindow* parent, const ProjectDocument& doc, int index, std::string& html,
                     std::string& pdf) {
  wxFileDialog save(parent,
                    index < 0 ? _("Publish the round's document")
                              : wxString::Format(_("Publish the document of %s"),
                                                 wxString::FromUTF8(doc.change(index).id)),
                    "", wxString::FromUTF8(default_name(doc, index)),
                    _("Web pages (*.html)|*.html"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (save.ShowModal() != wxID_OK) return false;
  html = save.GetPath().utf8_string();
  if (std::filesystem::path(html).extension() != ".html") html += ".html";
  pdf.clear();
  if (publishing::find_chromium() &&
      wxMessageBox(_("Also make a PDF of the same document, beside it?"), _("Publish"),
                   wxYES_NO | wxICON_QUESTION, parent) == wxYES)
    pdf = std::filesystem::path(html).replace_extension(".pdf").string();
  return true;
}

void PublishFromMenu(wxWindow* parent, const ProjectDocument& doc, int selected) {
  int index = -1;
  if (selected >= 0) {
    const ServiceChange& c = doc.change(selected);
    wxArrayString choices;
    choices.Add(wxString::FromUTF8("The document of " + c.id + " " + c.title +
                                   (publishing::is_final(c) ? "" : " (a draft until approved)")));
    choices.Add(_("The round's document: every service change"));
    wxSingleChoiceDialog which(parent, _("Which document do you want to publish?"), _("Publish"),
                               choices);
    if (which.ShowModal() != wxID_OK) return;
    index = which.GetSelection() == 0 ? selected : -1;
  }
  std::string html, pdf;
  if (!AskPublishPaths(parent, doc, index, html, pdf)) return;
  wxProgressDialog progress(_("Publish"), _("Working out every figure and writing the document..."),
                            100, parent, wxPD_APP_MODAL | wxPD_AUTO_HIDE);
  progress.Pulse();
  PublishAndReport(parent, doc, index, html, pdf);
}

}  // namespace eqv::gui
