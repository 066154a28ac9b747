// Equality > Post-implementation review: after the review date of an approved or published
// assessment, the officer records for each impact what actually happened, the rating it
// turned out to deserve and the evidence, against the rating expected, and a summary. Core
// decides whether the review is open (review_refusal) and what a complete review needs
// (record_review); this dialog gathers the answers and shows what core says.
#pragma once

#include "document.hpp"

#include "equivalue/core/eqia.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <functional>
#include <string>
#include <vector>

namespace eqv::gui {

class ReviewDialog : public wxDialog {
 public:
  // Records the review the user entered; returns what stopped it (empty when recorded).
  using Record =
      std::function<Problems(const std::vector<ImpactReview>&, const std::string& summary)>;
  // `signed_in` says who the review is recorded as (the store's login, never typed).
  ReviewDialog(wxWindow* parent, const ServiceChange& change, const std::string& today,
               const std::string& signed_in, Record recorder);

  struct Row {
    wxChoice* rating = nullptr;  // "Choose...", then positive, neutral, negative, unknown
    wxTextCtrl* actual = nullptr;
    wxTextCtrl* evidence = nullptr;
  };
  const std::vector<Row>& rows() const { return rows_; }
  wxTextCtrl* summary() { return summary_; }
  wxButton* record_button() { return record_; }
  wxStaticText* problems() { return problems_; }
  // Records, as the button does: true when the review was recorded.
  bool record();

 private:
  std::vector<ImpactReview> entered() const;
  wxWindow* impact_rows(const Eqia& e);
  Record record_fn_;
  std::vector<std::string> impact_names_;
  std::vector<Row> rows_;
  wxTextCtrl* summary_ = nullptr;
  wxButton* record_ = nullptr;
  wxStaticText* problems_ = nullptr;
};

}  // namespace eqv::gui
