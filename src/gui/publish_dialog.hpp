// Publishing from the desktop application: the document residents read, for one service
// change or for the round (equivalue_publish, the same documents `equivalue-cli publish`
// writes). A change's document is marked draft until its assessment is approved.
#pragma once

#include "document.hpp"

#include <wx/window.h>

#include <string>

namespace eqv::gui {

// Writes the document of change `index` (index < 0: the round's) to `html`, and when `pdf`
// is given a PDF of it (needs Chromium). Throws InputError or PublishError, naming the file,
// with nothing left half-written. Returns what was written, for the status bar.
std::string PublishDocument(const ProjectDocument& doc, int index, const std::string& html,
                            const std::string& pdf = {});

// PublishDocument, with any failure shown as a message and what was written in the
// window's status bar (when it has one).
void PublishAndReport(wxWindow* parent, const ProjectDocument& doc, int index,
                      const std::string& html, const std::string& pdf = {});

// Asks where to save the document of change `index` (index < 0: the round's) and whether a
// PDF is wanted too. False when the person cancelled.
bool AskPublishPaths(wxWindow* parent, const ProjectDocument& doc, int index, std::string& html,
                     std::string& pdf);

// File > Publish...: which document (the selected change's or the round's), where, and
// writes it. `selected` is the change selected in the list (-1: none).
void PublishFromMenu(wxWindow* parent, const ProjectDocument& doc, int selected);

}  // namespace eqv::gui
