// The equality officer's desk (method.md section 2): what needs an officer's attention in a
// project on a given day. The rules of what is due, overdue or late live here; the GUI's
// Equality > Officer's desk and `equivalue-cli reviews` only present them.
//
//   awaiting review   submitted, waiting for an officer to approve or return it
//   returned          returned with comments and not yet resubmitted
//   review overdue    approved or published, the review date has passed and no
//                     post-implementation review is recorded
//   review due        approved or published, no review recorded, the review date is today or
//                     within the next `horizon_days` (60) days
//   approved late     approved (or published) on or after its decision date: the decision
//                     maker could not have had due regard to it before deciding (the Brown
//                     principles). The approval date is that of the latest approval in the
//                     assessment's history.
//
// Dates are yyyy-mm-dd (the date part of a history event's time). An assessment whose dates
// are missing or not dates is left off the lists that need them; `validate` reports the dates.
#pragma once

#include "equivalue/core/eqia.hpp"
#include "equivalue/core/model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace eqv {

enum class DeskList { awaiting_review, returned, review_overdue, review_due, approved_late };
inline constexpr DeskList kDeskLists[] = {DeskList::awaiting_review, DeskList::returned,
                                          DeskList::review_overdue, DeskList::review_due,
                                          DeskList::approved_late};
const char* desk_list_name(DeskList list);   // "awaiting-review" (JSON)
const char* desk_list_title(DeskList list);  // "Awaiting review" (screens)

struct DeskItem {
  DeskList list = DeskList::awaiting_review;
  std::size_t change_index = 0;
  std::string change_id;
  std::string title;      // the service change's title
  std::string reference;  // the assessment's reference
  std::string date;       // submitted on, returned on, review date or approved on (yyyy-mm-dd)
  // Review lists: days from today to the review date (negative when overdue). Approved late:
  // days from the decision date to the approval. Otherwise days since `date`.
  long days = 0;
  std::string note;  // in words: "review due on 2027-12-31, in 41 days"
};

struct OfficerDesk {
  std::string today;
  int horizon_days = 60;
  std::vector<DeskItem> items;  // by list (kDeskLists order), then project order
  std::vector<const DeskItem*> in(DeskList list) const;
};

// The desk on `today` (yyyy-mm-dd; an invalid date gives an empty desk).
OfficerDesk officer_desk(const Project& project, const std::string& today, int horizon_days = 60);

// True when a post-implementation review is recorded (a summary has been written).
bool review_recorded(const Eqia& eqia);
// Decided, not reviewed, and the review date is before today.
bool review_overdue(const Eqia& eqia, const std::string& today);
// The date (yyyy-mm-dd) of the latest approval in the history; nullopt when never approved.
std::optional<std::string> approval_date(const Eqia& eqia);
// Approved or published, and approved on or after its decision date.
bool approved_late(const Eqia& eqia);

// Why a post-implementation review cannot be recorded on `today`, in one sentence, or nullopt
// when it can (approved or published, and the review date reached: review_due()).
std::optional<std::string> review_refusal(const Eqia& eqia, const std::string& today);

// Records the post-implementation review of project.changes[change_index]'s assessment as
// `actor`, on the day of actor.when: refused while review_refusal() says so (one problem at
// "changes[i].eqia.review_date"), or when the actor is neither a lead nor an equality officer
// (an actor with no roles, the low-level case, is not asked); otherwise record_review()
// (eqia.hpp), its problems' paths under "changes[i].eqia". Nothing changes when it returns
// problems. The one rule every store follows; a register's server checks it again.
Problems record_change_review(Project& project, std::size_t change_index,
                              const std::vector<ImpactReview>& reviews, const std::string& summary,
                              const Actor& actor);

// Today's date in UTC, yyyy-mm-dd: the `today` the front ends pass when the user names none.
std::string today_utc();

// Whole days from `from` to `to` (both yyyy-mm-dd; nullopt when either is not a date).
std::optional<long> days_between(const std::string& from, const std::string& to);

}  // namespace eqv
