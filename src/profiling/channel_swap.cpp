#include "equivalue/profiling/channel_swap.hpp"

#include "equivalue/core/affected.hpp"
#include "equivalue/core/errors.hpp"

namespace eqv::profiling {
namespace {

std::string percent(const Decimal& fraction) { return to_fixed(fraction * 100, 1) + "%"; }

// Digital exclusion: the same rule as the EqIA flags, over the people of the moved segments.
void flag_digital_exclusion(const SegmentScheme& scheme,
                            const std::vector<AffectedSegment>& moved_people,
                            const Decimal& flag_ratio, const std::vector<ExclusionGroup>& groups,
                            ChannelSwapResult& result) {
  const AffectedResult affected = compute_affected(scheme, moved_people, flag_ratio);
  std::string flagged;
  for (const auto& g : groups) {
    ExclusionCheck check;
    check.group = g;
    if (const CharacteristicImpact* ch = affected.find(g.characteristic)) {
      for (const auto& c : ch->categories) {
        if (c.category != g.category) continue;
        check.available = true;
        check.share = c.share;
        check.base_share = c.base_share;
        check.ratio = c.ratio;
        check.flag = c.ratio && *c.ratio >= flag_ratio;
      }
    }
    if (check.flag) {
      result.exclusion_prompt = true;
      flagged += std::string(flagged.empty() ? "" : "; ") + g.characteristic + " " + g.category +
                 ": " + percent(*check.share) + " of the people in these segments against " +
                 percent(*check.base_share) + " across the area (ratio " +
                 to_fixed(*check.ratio, 2) + ")";
    }
    result.exclusion.push_back(std::move(check));
  }
  if (result.exclusion_prompt)
    result.prompt =
        "Digital exclusion: the segments whose contacts would move to the web hold a high share "
        "of " +
        flagged +
        ". Consider in the Equality Impact Assessment whether these residents can use the web, "
        "and keep an assisted route (telephone or face-to-face) for those who cannot.";
}

}  // namespace

ChannelSwapResult channel_swap(const ProfileResult& profile, const ChannelCosts& costs,
                               const SegmentScheme& scheme, const ChannelSwap& swap,
                               const Decimal& flag_ratio,
                               const std::vector<ExclusionGroup>& groups) {
  if (swap.share < 0 || swap.share > 1)
    throw InputError("the share of contacts to move must be between 0 and 1, got " +
                     to_exact_string(swap.share) +
                     (swap.share > 1 && swap.share <= 100
                          ? " (did you mean " + to_exact_string(swap.share / 100) + "?)"
                          : ""));
  if (swap.period_days <= 0)
    throw InputError("the number of days the transactions cover must be more than 0");
  if (swap.segments.empty())
    throw InputError("choose at least one segment whose contacts move to the web");
  const Channel* to = costs.find(fold_channel(swap.to));
  if (!to) throw InputError("the channel \"" + swap.to + "\" is not in the channel list");
  if (!to->unit_cost)
    throw InputError("the channel \"" + to->name +
                     "\" has no price, so no saving can be worked out");

  ChannelSwapResult result;
  result.swap = swap;
  const Decimal per_year = Decimal(365) / swap.period_days;
  std::vector<AffectedSegment> moved_people;
  for (const auto& code : swap.segments) {
    const SegmentProfile* seg = profile.find(code);
    if (!seg)
      throw InputError("there is no segment \"" + code + "\" in the project's segment scheme");
    moved_people.push_back({code, swap.share});
    for (const auto& from_name : swap.from) {
      const Channel* from = costs.find(fold_channel(from_name));
      if (!from) throw InputError("the channel \"" + from_name + "\" is not in the channel list");
      if (!from->unit_cost)
        throw InputError("the channel \"" + from->name +
                         "\" has no price, so no saving can be worked out");
      if (from == to)
        throw InputError("contacts cannot move from \"" + from->name + "\" to itself");
      const auto n = seg->channels.find(from->name);
      const std::int64_t contacts = n == seg->channels.end() ? 0 : n->second;
      SwapLine line;
      line.segment = code;
      line.channel = from->name;
      line.moved = swap.share * contacts * per_year;
      line.saving = line.moved * (*from->unit_cost - *to->unit_cost);
      result.moved += line.moved;
      result.yearly_saving += line.saving;
      result.lines.push_back(std::move(line));
    }
  }

  flag_digital_exclusion(scheme, moved_people, flag_ratio, groups, result);
  return result;
}

Outcome channel_swap_outcome(const ChannelSwapResult& result, const std::string& outcome_id,
                             const std::string& stakeholder_id, int duration) {
  Outcome o;
  o.id = outcome_id;
  o.stakeholder = stakeholder_id;
  std::string segments;
  for (const auto& s : result.swap.segments) segments += (segments.empty() ? "" : ", ") + s;
  std::string from;
  for (const auto& f : result.swap.from) from += (from.empty() ? "" : " and ") + f;
  o.description = "Lower cost of contact: " + to_fixed(result.swap.share * 100, 1) + "% of " +
                  from + " contacts from segments " + segments + " move to " + result.swap.to;
  o.indicator =
      "Contacts moved to " + result.swap.to + " a year (" + to_fixed(result.moved, 0) + ")";
  o.quantity = 1;
  o.proxy.value = result.yearly_saving;
  o.proxy.description = "Yearly saving from the channel swap (difference in unit cost per contact)";
  o.proxy.unit = "channel swap, per year";
  o.proxy.source = "Customer profile and channel unit costs";
  o.duration = duration;
  o.start_year = 1;
  o.type = ValueType::fiscal;
  o.cashable = true;
  o.agency = "council";
  return o;
}

}  // namespace eqv::profiling
