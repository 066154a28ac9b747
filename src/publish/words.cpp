#include "words.hpp"

#include <array>
#include <cmath>
#include <ctime>
#include <sstream>

namespace eqv::publishing {

std::string pounds(const Decimal& value) {
  const std::string text = to_grouped(value, kMoneyPlaces);
  return text[0] == '-' ? "-\xC2\xA3" + text.substr(1) : "\xC2\xA3" + text;
}

std::string pounds_per_pound(const Decimal& ratio) { return pounds(ratio); }

std::string percent(const Decimal& fraction, int places) {
  return to_grouped(fraction * 100, places) + "%";
}

std::string percent(double fraction, int places) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(places);
  out << fraction * 100.0;
  return out.str() + "%";
}

namespace {

constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};

bool digits(const std::string& s, std::size_t from, std::size_t count) {
  for (std::size_t i = from; i < from + count; ++i)
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
  return true;
}

}  // namespace

std::string long_date(const std::string& iso) {
  if (iso.empty()) return "not set";
  if (iso.size() < 10 || !digits(iso, 0, 4) || iso[4] != '-' || !digits(iso, 5, 2) ||
      iso[7] != '-' || !digits(iso, 8, 2))
    return iso;
  const int month = std::stoi(iso.substr(5, 2));
  const int day = std::stoi(iso.substr(8, 2));
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  return std::to_string(day) + " " + kMonths[static_cast<std::size_t>(month - 1)] + " " +
         iso.substr(0, 4);
}

std::string long_date(std::chrono::system_clock::time_point t) {
  const std::time_t time = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&time, &tm);
  char iso[16];
  std::strftime(iso, sizeof iso, "%Y-%m-%d", &tm);
  return long_date(std::string(iso));
}

std::string count_of(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string characteristic_name(const std::string& id, const EqiaTemplate* tmpl) {
  if (tmpl)
    if (const TemplateCharacteristic* c = tmpl->find(id)) return c->name;
  std::string name = id;
  for (char& c : name)
    if (c == '-' || c == '_') c = ' ';
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z')
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

std::string rating_words(Rating r) {
  switch (r) {
    case Rating::positive:
      return "Positive";
    case Rating::neutral:
      return "Neutral: no different effect";
    case Rating::negative:
      return "Negative";
    case Rating::unknown:
      return "Not yet known";
  }
  return "Not yet known";
}

std::string status_words(EqiaStatus s) {
  switch (s) {
    case EqiaStatus::draft:
      return "Draft";
    case EqiaStatus::submitted:
      return "Draft, submitted for review";
    case EqiaStatus::returned:
      return "Draft, returned for changes";
    case EqiaStatus::approved:
      return "Approved";
    case EqiaStatus::published:
      return "Published";
  }
  return "Draft";
}

std::string decision_title(DecisionOutcome d) {
  switch (d) {
    case DecisionOutcome::none:
      return "No decision recorded yet";
    case DecisionOutcome::no_change:
      return "No major change needed";
    case DecisionOutcome::adjust:
      return "Adjust the proposal";
    case DecisionOutcome::continue_despite:
      return "Continue despite the adverse impact";
    case DecisionOutcome::stop:
      return "Stop the proposal";
  }
  return "No decision recorded yet";
}

std::string decision_words(DecisionOutcome d) {
  switch (d) {
    case DecisionOutcome::none:
      return "The council has not yet recorded what it will do in the light of this assessment.";
    case DecisionOutcome::no_change:
      return "The assessment found no adverse impact that needs the proposal to change, so it goes "
             "ahead as "
             "planned.";
    case DecisionOutcome::adjust:
      return "The council will change the proposal to remove or reduce the adverse impacts the "
             "assessment "
             "found.";
    case DecisionOutcome::continue_despite:
      return "The council will go ahead even though the assessment found an adverse impact. The "
             "law asks it to "
             "show that the proposal is necessary, that there is no less harmful way to achieve "
             "its aim and "
             "that it is proportionate; its reasons are below.";
    case DecisionOutcome::stop:
      return "The council will not go ahead with the proposal: its adverse impacts cannot be "
             "justified or "
             "reduced enough.";
  }
  return {};
}

std::string proposal_type_words(const std::string& type) {
  if (type == "new") return "A new service";
  if (type == "review") return "A review of a service";
  if (type == "reduction") return "A reduction in a service";
  if (type == "removal") return "Stopping a service";
  if (type == "budget-saving") return "A budget saving";
  return type.empty() ? "Not stated" : type;
}

std::string relevance_words(Relevance r) {
  switch (r) {
    case Relevance::yes:
      return "Relevant";
    case Relevance::no:
      return "Not relevant";
    case Relevance::not_sure:
      return "Not sure yet";
  }
  return "Not sure yet";
}

std::string value_type_words(const std::string& type) {
  if (type == "social") return "Social: wellbeing of people";
  if (type == "economic") return "Economic: jobs, income and the local economy";
  if (type == "fiscal") return "Fiscal: savings to public services";
  return type;
}

std::string assumption_words(Assumption a) {
  switch (a) {
    case Assumption::quantity:
      return "how many people or times";
    case Assumption::proxy:
      return "value of each one";
    case Assumption::deadweight:
      return "share that would have happened anyway";
    case Assumption::displacement:
      return "share that only moves the benefit elsewhere";
    case Assumption::attribution:
      return "share owed to others' work";
    case Assumption::drop_off:
      return "yearly fall in the effect";
  }
  return {};
}

}  // namespace eqv::publishing
