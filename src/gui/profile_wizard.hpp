// Customer profile and channel swap (Change > Customer profile and channel swap...): pick
// a transactions file and the postcode / output-area lookups, check the columns found,
// profile the file in the background (with Cancel), see who uses the service by segment
// with disclosure control applied (a screen can be copied like any published table), try
// a channel swap and add its yearly saving as an outcome of the selected service change.
// Only aggregates are held, and only that outcome reaches the project: no transaction
// row, postcode or customer id is ever stored.
#pragma once

#include "document.hpp"

#include "equivalue/profiling/channel_swap.hpp"
#include "equivalue/profiling/channels.hpp"
#include "equivalue/profiling/profile.hpp"

#include <wx/dialog.h>

#include <exception>
#include <map>
#include <optional>
#include <string>
#include <vector>

class wxButton;
class wxCheckListBox;
class wxChoice;
class wxFilePickerCtrl;
class wxGrid;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace eqv::gui {

class CustomerProfileDialog : public wxDialog {
 public:
  // `change` is the service change an outcome is added to (-1: none selected).
  CustomerProfileDialog(wxWindow* parent, ProjectDocument& doc, int change);

  // Each step as its control runs it (tests call them directly). Each returns false after
  // telling the user, in a message box, what is wrong and how to put it right.
  bool set_transactions(const std::string& path);  // reads the header, shows the columns found
  void set_lookups(const std::vector<std::string>& files);  // one or two files
  void set_channel_costs(const std::string& path);          // empty: the shipped list
  // field: postcode, area, channel, service, date, customer; header "" = not used.
  bool set_column(const std::string& field, const std::string& header);
  std::string column(const std::string& field) const;
  bool run_profile(bool show_progress = true);
  // Ticks the segments and channels, types the share and the days, and works out the swap.
  bool set_swap(const std::vector<std::string>& segments, const std::string& share,
                const std::vector<std::string>& from, const std::string& period_days = "365");
  bool work_out_swap();
  bool add_outcome();

  const std::optional<profiling::ProfileResult>& profile() const { return profile_; }
  const std::optional<profiling::ChannelSwapResult>& swap() const { return swap_; }
  wxGrid* grid() { return grid_; }
  wxString saving_text() const;
  wxString prompt_text() const;
  wxString statement_text() const;
  bool outcome_added() const { return added_; }

 private:
  wxSizer* build_files();
  wxSizer* build_columns();
  wxSizer* build_profile();
  wxSizer* build_swap();
  bool ready_to_profile();
  void report_failure(std::exception_ptr failure);
  void show_profile();
  void fill_from_channels();
  profiling::TransactionColumns chosen_columns() const;
  void update_add_button();

  ProjectDocument& doc_;
  int change_;
  std::string transactions_;
  std::vector<std::string> lookups_;
  std::string costs_file_;
  std::optional<profiling::ProfileResult> profile_;
  std::optional<profiling::ChannelCosts> costs_;
  std::optional<profiling::ChannelSwapResult> swap_;
  bool added_ = false;

  wxFilePickerCtrl* transactions_picker_ = nullptr;
  wxFilePickerCtrl* lookup_pickers_[2] = {nullptr, nullptr};
  wxFilePickerCtrl* costs_picker_ = nullptr;
  std::map<std::string, wxChoice*> columns_;
  wxButton* run_ = nullptr;
  wxStaticText* summary_ = nullptr;
  wxGrid* grid_ = nullptr;
  wxStaticText* statement_ = nullptr;
  wxCheckListBox* segments_ = nullptr;
  wxTextCtrl* share_ = nullptr;
  wxCheckListBox* from_ = nullptr;
  wxTextCtrl* period_ = nullptr;
  wxSpinCtrl* years_ = nullptr;
  wxButton* work_out_ = nullptr;
  wxStaticText* saving_ = nullptr;
  wxStaticText* prompt_ = nullptr;
  wxButton* add_ = nullptr;
};

// Shows the dialog; true when an outcome was added to the change.
bool ShowCustomerProfile(wxWindow* parent, ProjectDocument& doc, int change);

}  // namespace eqv::gui
