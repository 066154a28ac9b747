// Binding a wxGrid to a list of model objects: one row per object, one column per field
// (named as in fields.hpp). Edits go to `on_edit` as (row, field, text), like FormBinding;
// problems whose path is `list[row].name` colour that cell and are listed in plain words.
#pragma once

#include "binding.hpp"
#include "fields.hpp"

#include <wx/grid.h>

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace eqv::gui {

template <typename Model>
class GridBinding {
 public:
  using EditHandler = std::function<void(int row, const FieldDef<Model>&, const std::string& text)>;

  GridBinding(wxGrid* grid, const FormDef<Model>& fields, const std::vector<std::string>& columns)
      : grid_(grid) {
    for (const auto& name : columns)
      if (const auto* def = find_field(fields, name)) columns_.push_back(def);
    grid_->CreateGrid(0, static_cast<int>(columns_.size()));
    grid_->SetRowLabelSize(40);
    grid_->SetDefaultCellOverflow(false);
    for (std::size_t c = 0; c < columns_.size(); ++c)
      grid_->SetColLabelValue(static_cast<int>(c), wxString::FromUTF8(columns_[c]->label));
    grid_->Bind(wxEVT_GRID_CELL_CHANGED,
                [this](wxGridEvent& e) { changed(e.GetRow(), e.GetCol()); });
  }

  EditHandler on_edit;

  // The records a reference column may name, offered by name (value = the record's id).
  // Call before show().
  void set_choices(const std::string& name, std::vector<Choice> choices) {
    references_[name] = std::move(choices);
  }

  void show(const std::vector<Model>& items) {
    loading_ = true;
    const int rows = static_cast<int>(items.size());
    if (grid_->GetNumberRows() > rows) grid_->DeleteRows(rows, grid_->GetNumberRows() - rows);
    if (grid_->GetNumberRows() < rows) grid_->AppendRows(rows - grid_->GetNumberRows());
    for (int r = 0; r < rows; ++r)
      for (std::size_t c = 0; c < columns_.size(); ++c) {
        const auto* def = columns_[c];
        const int col = static_cast<int>(c);
        const std::string value = def->get(items[static_cast<std::size_t>(r)]);
        if (const std::vector<Choice>* choices = choices_of(*def)) {
          wxArrayString labels;
          for (const auto& ch : *choices) labels.Add(wxString::FromUTF8(ch.label));
          grid_->SetCellEditor(r, col, new wxGridCellChoiceEditor(labels));
          grid_->SetCellValue(r, col, wxString::FromUTF8(label_of(*choices, value)));
        } else if (def->kind == FieldKind::flag) {
          grid_->SetCellEditor(r, col, new wxGridCellBoolEditor);
          grid_->SetCellRenderer(r, col, new wxGridCellBoolRenderer);
          grid_->SetCellValue(r, col, value == "1" ? "1" : "");
        } else {
          grid_->SetCellValue(r, col, wxString::FromUTF8(value));
        }
        if (def->kind == FieldKind::decimal || def->kind == FieldKind::whole)
          grid_->SetCellAlignment(r, col, wxALIGN_RIGHT, wxALIGN_CENTRE);
      }
    // Wide enough for the heading and the text, but no column wider than a readable line.
    for (int c = 0; c < grid_->GetNumberCols(); ++c) {
      grid_->AutoSizeColumn(c, false);
      grid_->SetColSize(c, std::clamp(grid_->GetColSize(c) + 12, 70, 320));
    }
    loading_ = false;
  }

  // Colours each cell with a problem; returns the problems in words ("Row 2, Amount: ...").
  std::vector<std::string> show_problems(const Problems& problems, const std::string& list_path) {
    std::vector<std::string> lines;
    for (int r = 0; r < grid_->GetNumberRows(); ++r)
      for (int c = 0; c < grid_->GetNumberCols(); ++c)
        grid_->SetCellBackgroundColour(r, c, grid_->GetDefaultCellBackgroundColour());
    for (const auto& p : problems) {
      if (p.path.compare(0, list_path.size() + 1, list_path + "[") != 0) continue;
      const auto close = p.path.find(']', list_path.size());
      if (close == std::string::npos) continue;
      const int row = std::stoi(p.path.substr(list_path.size() + 1, close - list_path.size() - 1));
      const std::string field =
          close + 2 <= p.path.size() ? p.path.substr(close + 2) : std::string();
      std::string where = "Row " + std::to_string(row + 1);
      for (std::size_t c = 0; c < columns_.size(); ++c)
        if (columns_[c]->name == field && row < grid_->GetNumberRows()) {
          grid_->SetCellBackgroundColour(row, static_cast<int>(c), wxColour(255, 220, 220));
          where += ", " + columns_[c]->label;
        }
      lines.push_back(where + ": " + p.message);
    }
    grid_->ForceRefresh();
    return lines;
  }

  std::string parse_error() const { return parse_error_; }
  wxGrid* grid() const { return grid_; }
  const FieldDef<Model>& column(int c) const { return *columns_.at(static_cast<std::size_t>(c)); }

 private:
  // The choices a column offers: a reference's records, or a choice field's values.
  const std::vector<Choice>* choices_of(const FieldDef<Model>& def) const {
    if (const auto it = references_.find(def.name); it != references_.end()) return &it->second;
    return def.kind == FieldKind::choice ? &def.choices : nullptr;
  }
  static std::string label_of(const std::vector<Choice>& choices, const std::string& value) {
    for (const auto& ch : choices)
      if (ch.value == value) return ch.label;
    return value;
  }
  static std::string value_of(const std::vector<Choice>& choices, const std::string& label) {
    for (const auto& ch : choices)
      if (ch.label == label) return ch.value;
    return label;
  }

  void changed(int row, int col) {
    if (loading_ || col < 0 || col >= static_cast<int>(columns_.size())) return;
    const auto& def = *columns_[static_cast<std::size_t>(col)];
    std::string text = grid_->GetCellValue(row, col).utf8_string();
    if (const std::vector<Choice>* choices = choices_of(def)) text = value_of(*choices, text);
    if (def.kind == FieldKind::flag) text = text == "1" ? "1" : "0";
    if (auto error = check_field_text(def.kind, text)) {
      parse_error_ = "Row " + std::to_string(row + 1) + ", " + def.label + ": " + *error;
      grid_->SetCellBackgroundColour(row, col, wxColour(255, 220, 220));
      if (on_parse_error) on_parse_error(parse_error_);
      return;
    }
    parse_error_.clear();
    if (on_edit) on_edit(row, def, text);
  }

 public:
  std::function<void(const std::string&)> on_parse_error;

 private:
  wxGrid* grid_;
  std::vector<const FieldDef<Model>*> columns_;
  std::map<std::string, std::vector<Choice>> references_;
  bool loading_ = false;
  std::string parse_error_;
};

}  // namespace eqv::gui
