// Channel swap (method.md section 4): move a share of chosen segments' face-to-face or
// telephone contacts to the web and see what it saves and whom it may leave behind.
//
//   moved_k,ch   = share x contacts of segment k in channel ch          (ch in `from`)
//   saving       = sum_k sum_ch moved_k,ch x (cost_ch - cost_to) x periods_per_year
//
// periods_per_year = 365 / period_days: the transactions file is taken to cover
// `period_days` days (default 365, a year of contacts).
//
// Digital exclusion: the people of the moved segments are compared with everyone in the
// scheme with the same rule as the EqIA flags (core/affected.hpp, method.md section 3):
// affected = share x population of each moved segment, R_c = (A_c / A) / (B_c / B).
// When R_c reaches the project's flag ratio (default 1.2) for older people (age 65+) or
// disabled people, a prompt for the EqIA is raised: moving them to the web may exclude
// people who cannot or do not go online.
#pragma once

#include "equivalue/core/decimal.hpp"
#include "equivalue/core/eqia_template.hpp"
#include "equivalue/core/model.hpp"
#include "equivalue/profiling/channels.hpp"
#include "equivalue/profiling/profile.hpp"

#include <optional>
#include <string>
#include <vector>

namespace eqv::profiling {

struct ChannelSwap {
  std::vector<std::string> segments;  // segment codes whose contacts move
  std::vector<std::string> from = {kFaceToFace, kTelephone};
  std::string to = kWeb;
  Decimal share = 0;          // fraction of those contacts moved, in [0, 1]
  Decimal period_days = 365;  // days the transactions file covers
};

// One group the digital-exclusion check looks at.
struct ExclusionGroup {
  std::string characteristic;  // "age"
  std::string category;        // "65+"
};
inline const std::vector<ExclusionGroup>& default_exclusion_groups() {
  static const std::vector<ExclusionGroup> groups{{"age", "65+"}, {"disability", "disabled"}};
  return groups;
}

struct ExclusionCheck {
  ExclusionGroup group;
  bool available = false;             // the scheme has this characteristic and category
  std::optional<Decimal> share;       // A_c / A among the moved segments' people
  std::optional<Decimal> base_share;  // B_c / B
  std::optional<Decimal> ratio;       // R_c
  bool flag = false;                  // ratio >= flag ratio
};

struct SwapLine {
  std::string segment;
  std::string channel;  // from which channel
  Decimal moved = 0;    // contacts a year
  Decimal saving = 0;   // pounds a year
};

struct ChannelSwapResult {
  ChannelSwap swap;
  std::vector<SwapLine> lines;
  Decimal moved = 0;          // contacts a year
  Decimal yearly_saving = 0;  // pounds a year (unrounded)
  std::vector<ExclusionCheck> exclusion;
  bool exclusion_prompt = false;  // any check flagged
  std::string prompt;             // the text for the EqIA, empty when no prompt
};

// Throws InputError for an unknown segment or channel, a share outside [0, 1], a
// non-positive period, or a from/to channel without a price.
ChannelSwapResult channel_swap(
    const ProfileResult& profile, const ChannelCosts& costs, const SegmentScheme& scheme,
    const ChannelSwap& swap, const Decimal& flag_ratio = Decimal("1.2"),
    const std::vector<ExclusionGroup>& groups = default_exclusion_groups());

// The yearly saving as an SROI outcome ready to add to a service change: fiscal,
// cashable, to the council; quantity 1 (the swap, per year) valued at the saving,
// lasting `duration` years, no deadweight or other deductions yet (the officer sets them).
Outcome channel_swap_outcome(const ChannelSwapResult& result, const std::string& outcome_id,
                             const std::string& stakeholder_id, int duration = 1);

// ------------------------------------------------------------ the saving added to a change
//
// The one way a channel swap's saving joins a service change, for the command line
// (profile --add-to-change) and the desktop's customer profile dialog alike:
//   outcome      channel_swap_outcome(), its saving rounded to pence (half away from
//                zero, decimal.hpp: money entered into a project is held in pence), with
//                the id asked for or else the next free "SWAP<n>"
//   stakeholder  the one asked for, else the change's council (a stakeholder whose id or
//                name is "council" or "the council", any letter case), else a new
//                stakeholder {id "council", name "Council"}
//   EqIA         when the swap raises the digital-exclusion prompt, the prompt goes into
//                the screening reason of each flagged characteristic (screened "not sure"
//                when not yet screened). A change without an assessment gets a new draft
//                (core's new_assessment: the project's template, every characteristic to
//                screen); an approved, submitted or published one is left unchanged.

struct SavingDestination {
  std::string outcome_id;   // empty: the next free SWAP<n>
  std::string stakeholder;  // empty: the change's council, added when missing
  int duration = 1;         // whole years the saving lasts, 1 to 100
};

enum class PromptRecorded { no_prompt, added, assessment_started, assessment_locked };

struct AddedSaving {
  std::string outcome_id;
  std::string stakeholder;
  bool stakeholder_created = false;
  Decimal proxy = 0;  // the yearly saving as written, in pence
  PromptRecorded prompt = PromptRecorded::no_prompt;
  std::vector<std::string> screened;  // characteristics whose screening now holds the prompt
  std::string eqia_note;              // what happened to the EqIA, in a sentence (empty: no prompt)
};

// Adds the saving of `result` to project.changes[change_index] as described above. `tmpl`
// is the template the project names (seeds a new assessment; nullptr when none is
// installed). Throws FieldError (core/errors.hpp) naming the field at fault:
// "outcome_id" (already used), "stakeholder" (no such stakeholder), "duration" (not 1 to
// 100), "change" (no such change). The project changes only when nothing is thrown.
AddedSaving add_saving_to_change(Project& project, std::size_t change_index,
                                 const ChannelSwapResult& result,
                                 const SavingDestination& destination, const EqiaTemplate* tmpl);

}  // namespace eqv::profiling
