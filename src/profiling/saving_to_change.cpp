// A channel swap's saving added to a service change (channel_swap.hpp): one outcome id
// scheme, one stakeholder rule, one rounding and one EqIA prompt for every front end.
#include <algorithm>

#include "equivalue/core/eqia.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/core/text.hpp"
#include "equivalue/profiling/channel_swap.hpp"

namespace eqv::profiling {
namespace {

// The stakeholder the saving goes to; `created` says whether it was added.
std::string saving_stakeholder(ServiceChange& change, const std::string& asked, bool& created) {
  created = false;
  auto& list = change.sroi.stakeholders;
  if (!asked.empty()) {
    for (const auto& s : list)
      if (s.id == asked) return s.id;
    std::string ids;
    for (const auto& s : list) ids += (ids.empty() ? "" : ", ") + s.id;
    throw FieldError("stakeholder",
                     "service change " + change.id + " has no stakeholder with the id \"" + asked +
                         "\"" + (ids.empty() ? "" : " (its stakeholders: " + ids + ")") +
                         "; choose one of them, or leave the stakeholder out to use the council");
  }
  for (const auto& s : list) {
    const std::string id = lower_case(trimmed(s.id)), name = lower_case(trimmed(s.name));
    if (id == "council" || name == "council" || name == "the council") return s.id;
  }
  created = true;
  list.push_back({"council", "Council", ""});  // no stakeholder has the id "council": checked above
  return "council";
}

std::string saving_outcome_id(const Sroi& sroi, const std::string& asked,
                              const std::string& change_id) {
  auto taken = [&](const std::string& id) {
    return std::any_of(sroi.outcomes.begin(), sroi.outcomes.end(),
                       [&](const Outcome& o) { return o.id == id; });
  };
  if (asked.empty()) return next_free_id("SWAP", taken);
  if (taken(asked))
    throw FieldError("outcome_id",
                     "service change " + change_id + " already has an outcome \"" + asked +
                         "\"; choose another id, or leave it out for the next free SWAP id");
  return asked;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i)
    text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return text;
}

// The prompt beside any reason already in the screening of each flagged characteristic.
std::vector<std::string> record_exclusion_prompt(Eqia& eqia, const ChannelSwapResult& swap,
                                                 const std::string& outcome_id) {
  const std::string note = "Channel swap (outcome " + outcome_id + "): " + swap.prompt;
  std::vector<std::string> touched;
  for (const auto& check : swap.exclusion) {
    const std::string& characteristic = check.group.characteristic;
    if (!check.flag || std::find(touched.begin(), touched.end(), characteristic) != touched.end())
      continue;
    touched.push_back(characteristic);
    auto it = std::find_if(eqia.screening.begin(), eqia.screening.end(),
                           [&](const Screening& s) { return s.characteristic == characteristic; });
    if (it == eqia.screening.end())
      eqia.screening.push_back({characteristic, Relevance::not_sure, note});
    else if (it->reason.find(note) == std::string::npos)
      it->reason += (it->reason.empty() ? "" : "\n") + note;
  }
  return touched;
}

void record_prompt(const Project& project, ServiceChange& change, const ChannelSwapResult& swap,
                   const EqiaTemplate* tmpl, AddedSaving& added) {
  if (!swap.exclusion_prompt) return;
  if (!change.eqia) {
    change.eqia = new_assessment(project, tmpl);
    added.prompt = PromptRecorded::assessment_started;
    added.screened = record_exclusion_prompt(*change.eqia, swap, added.outcome_id);
    added.eqia_note = "Change " + change.id +
                      " had no EqIA: a draft was started, with this prompt in the "
                      "screening of " +
                      joined(added.screened) + ".";
  } else if (is_editable(*change.eqia)) {
    added.prompt = PromptRecorded::added;
    added.screened = record_exclusion_prompt(*change.eqia, swap, added.outcome_id);
    added.eqia_note = "Added to the EqIA of change " + change.id + " (" +
                      status_name(change.eqia->status) + "): this prompt is in the screening of " +
                      joined(added.screened) + ".";
  } else {
    added.prompt = PromptRecorded::assessment_locked;
    added.eqia_note =
        "The EqIA of change " + change.id + " is " + status_name(change.eqia->status) +
        ", so it was left unchanged: record this prompt in a new version of the assessment.";
  }
}

}  // namespace

AddedSaving add_saving_to_change(Project& project, std::size_t change_index,
                                 const ChannelSwapResult& result,
                                 const SavingDestination& destination, const EqiaTemplate* tmpl) {
  if (change_index >= project.changes.size())
    throw FieldError("change", "choose the service change the saving is added to");
  if (destination.duration < 1 || destination.duration > 100)
    throw FieldError("duration", "the saving must last from 1 to 100 years, got " +
                                     std::to_string(destination.duration));
  ServiceChange change = project.changes[change_index];  // changed in a copy: nothing on a throw
  AddedSaving added;
  added.outcome_id = saving_outcome_id(change.sroi, destination.outcome_id, change.id);
  added.stakeholder =
      saving_stakeholder(change, destination.stakeholder, added.stakeholder_created);
  Outcome outcome =
      channel_swap_outcome(result, added.outcome_id, added.stakeholder, destination.duration);
  outcome.proxy.value = round_half_away(outcome.proxy.value, kMoneyPlaces);
  added.proxy = outcome.proxy.value;
  change.sroi.outcomes.push_back(std::move(outcome));
  record_prompt(project, change, result, tmpl, added);
  project.changes[change_index] = std::move(change);
  return added;
}

}  // namespace eqv::profiling
