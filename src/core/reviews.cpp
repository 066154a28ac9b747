#include "equivalue/core/reviews.hpp"

#include "equivalue/core/validation.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>

namespace eqv {
namespace {

bool decided(const Eqia& e) {
  return e.status == EqiaStatus::approved || e.status == EqiaStatus::published;
}

std::chrono::sys_days day_of(const std::string& iso) {
  using namespace std::chrono;
  const year_month_day ymd{year{std::stoi(iso.substr(0, 4))},
                           month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))},
                           day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))}};
  return sys_days{ymd};
}

// The date of the latest move into `to`, yyyy-mm-dd; empty when there is none or it is not a date.
std::string last_move_to(const Eqia& e, EqiaStatus to) {
  for (auto it = e.history.rbegin(); it != e.history.rend(); ++it)
    if (it->to == to && it->from != to) {
      const std::string date = it->when.substr(0, 10);
      return is_iso_date(date) ? date : "";
    }
  return "";
}

std::string plural_days(long n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

// The item for change k on list `list`, or nullopt when it is not on that list.
std::optional<DeskItem> item_for(const Project& project, std::size_t k, DeskList list,
                                 const std::string& today, int horizon_days) {
  const ServiceChange& change = project.changes[k];
  const Eqia& e = *change.eqia;
  DeskItem item{list, k, change.id, change.title, e.reference, "", 0, ""};
  switch (list) {
    case DeskList::awaiting_review:
    case DeskList::returned: {
      const EqiaStatus status =
          list == DeskList::awaiting_review ? EqiaStatus::submitted : EqiaStatus::returned;
      if (e.status != status) return std::nullopt;
      item.date = last_move_to(e, status);
      item.days = days_between(item.date, today).value_or(0);
      item.note =
          std::string(list == DeskList::awaiting_review ? "submitted" : "returned") +
          (item.date.empty() ? "" : " on " + item.date + ", " + plural_days(item.days) + " ago");
      return item;
    }
    case DeskList::review_overdue:
    case DeskList::review_due: {
      if (!decided(e) || review_recorded(e)) return std::nullopt;
      const auto until = days_between(today, e.review_date);
      if (!until) return std::nullopt;
      const bool overdue = *until < 0;
      if (overdue != (list == DeskList::review_overdue)) return std::nullopt;
      if (!overdue && *until > horizon_days) return std::nullopt;
      item.date = e.review_date;
      item.days = *until;
      item.note =
          overdue ? "review was due on " + e.review_date + ", " + plural_days(-*until) + " overdue"
          : *until == 0 ? "review due today"
                        : "review due on " + e.review_date + ", in " + plural_days(*until);
      return item;
    }
    case DeskList::approved_late: {
      if (!approved_late(e)) return std::nullopt;
      item.date = *approval_date(e);
      item.days = days_between(e.decision_date, item.date).value_or(0);
      item.note = "approved on " + item.date +
                  (item.days == 0 ? ", the day of the decision"
                                  : ", " + plural_days(item.days) + " after the decision") +
                  " (" + e.decision_date + "): due regard must come before the decision";
      return item;
    }
  }
  return std::nullopt;
}

}  // namespace

const char* desk_list_name(DeskList list) {
  switch (list) {
    case DeskList::awaiting_review:
      return "awaiting-review";
    case DeskList::returned:
      return "returned";
    case DeskList::review_overdue:
      return "review-overdue";
    case DeskList::review_due:
      return "review-due";
    case DeskList::approved_late:
      return "approved-late";
  }
  return "";
}

const char* desk_list_title(DeskList list) {
  switch (list) {
    case DeskList::awaiting_review:
      return "Awaiting review";
    case DeskList::returned:
      return "Returned, not yet resubmitted";
    case DeskList::review_overdue:
      return "Post-implementation review overdue";
    case DeskList::review_due:
      return "Post-implementation review due soon";
    case DeskList::approved_late:
      return "Approved on or after the decision date";
  }
  return "";
}

std::vector<const DeskItem*> OfficerDesk::in(DeskList list) const {
  std::vector<const DeskItem*> out;
  for (const auto& item : items)
    if (item.list == list) out.push_back(&item);
  return out;
}

std::optional<std::string> review_refusal(const Eqia& eqia, const std::string& today) {
  if (!decided(eqia))
    return std::string("The review looks back at a decision: this assessment is ") +
           status_name(eqia.status) + ", and only an approved or published assessment is reviewed.";
  if (!is_iso_date(eqia.review_date))
    return std::string("The assessment has no review date: start a new version to set one.");
  if (!review_due(eqia, today))
    return "The review opens on the review date, " + eqia.review_date +
           ": record what happened once the change "
           "has had time to take effect.";
  return std::nullopt;
}

Problems record_change_review(Project& project, std::size_t change_index,
                              const std::vector<ImpactReview>& reviews, const std::string& summary,
                              const Actor& actor) {
  const std::string path = "changes[" + std::to_string(change_index) + "].eqia";
  if (change_index >= project.changes.size() || !project.changes[change_index].eqia)
    return {{path, "this service change has no equality impact assessment to review"}};
  Eqia& eqia = *project.changes[change_index].eqia;
  if (!actor.roles.empty() && !actor.has(Role::lead) && !actor.has(Role::officer))
    return {{path,
             "a post-implementation review is recorded by a project lead or an equality "
             "officer; " +
                 actor.who + " is neither"}};
  if (const auto why = review_refusal(eqia, actor.when.substr(0, 10)))
    return {{path + ".review_date", *why}};
  Problems problems = record_review(eqia, reviews, summary, actor);
  for (auto& p : problems) p.path = p.path.empty() ? path : path + "." + p.path;
  return problems;
}

std::string today_utc() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd{today};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::optional<long> days_between(const std::string& from, const std::string& to) {
  if (!is_iso_date(from) || !is_iso_date(to)) return std::nullopt;
  return static_cast<long>((day_of(to) - day_of(from)).count());
}

bool review_recorded(const Eqia& eqia) {
  return std::any_of(eqia.review_summary.begin(), eqia.review_summary.end(),
                     [](char c) { return !std::isspace(static_cast<unsigned char>(c)); });
}

bool review_overdue(const Eqia& eqia, const std::string& today) {
  const auto until = days_between(today, eqia.review_date);
  return decided(eqia) && !review_recorded(eqia) && until && *until < 0;
}

std::optional<std::string> approval_date(const Eqia& eqia) {
  const std::string date = last_move_to(eqia, EqiaStatus::approved);
  if (date.empty()) return std::nullopt;
  return date;
}

bool approved_late(const Eqia& eqia) {
  const auto approved = approval_date(eqia);
  return decided(eqia) && approved && is_iso_date(eqia.decision_date) &&
         *approved >= eqia.decision_date;
}

OfficerDesk officer_desk(const Project& project, const std::string& today, int horizon_days) {
  OfficerDesk desk;
  desk.today = today;
  desk.horizon_days = horizon_days;
  if (!is_iso_date(today)) return desk;
  for (DeskList list : kDeskLists)
    for (std::size_t k = 0; k < project.changes.size(); ++k)
      if (project.changes[k].eqia)
        if (auto item = item_for(project, k, list, today, horizon_days))
          desk.items.push_back(std::move(*item));
  return desk;
}

}  // namespace eqv
