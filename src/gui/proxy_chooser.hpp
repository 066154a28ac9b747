// The proxy chooser: the shipped library and the project's own, each proxy as priced and in
// base-year prices, with Import for a library the council holds a licence for.
#pragma once

#include "document.hpp"

#include "equivalue/core/model.hpp"
#include "equivalue/core/validation.hpp"

#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

#include <string>
#include <vector>

namespace eqv::gui {

// Picks a proxy for an outcome. True when one was chosen; its source names the table.
bool ChooseProxy(wxWindow* parent, ProjectDocument& doc, Proxy& proxy);

// Puts proxy library CSV text into the project's own library as one undoable edit; or,
// when any row is malformed, changes nothing and gives every problem by line and column.
Problems import_proxy_library(ProjectDocument& doc, const std::string& text);

// The same from a file, showing the problems (with the file's name) in a message.
// True when imported.
bool ImportProxyLibrary(wxWindow* parent, ProjectDocument& doc, const std::string& file);

// The dialog ChooseProxy shows, with what tests and screenshots need to drive it.
class ProxyChooser : public wxDialog {
 public:
  // A row offered, and whether it comes from the project's own library.
  struct Offered {
    LibraryProxy row;
    bool own = false;
  };
  ProxyChooser(wxWindow* parent, ProjectDocument& doc);
  void set_filter(const std::string& text);  // as if typed into the search box
  int shown() const { return static_cast<int>(shown_.size()); }
  // Columns: proxy, value as priced, unit, price year, in base-year prices, evidence,
  // licence, source.
  std::string cell(int row, int column) const;
  std::string note() const { return note_; }  // the line naming the deflator series
  void reload();                              // after the project's own library changed
  bool chosen(Proxy& proxy) const;            // the selected row

 private:
  void fill();
  void add_columns();
  ProjectDocument& doc_;
  std::vector<Offered> library_;
  ProjectSettings settings_;
  std::vector<std::size_t> shown_;
  std::string note_;
  wxTextCtrl* search_ = nullptr;
  wxListCtrl* list_ = nullptr;
};

}  // namespace eqv::gui
