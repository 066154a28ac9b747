#include "equivalue/core/affected.hpp"

namespace eqv {

bool CharacteristicImpact::flagged() const {
  for (const auto& c : categories)
    if (c.flag) return true;
  return false;
}

const CharacteristicImpact* AffectedResult::find(const std::string& characteristic) const {
  for (const auto& c : characteristics)
    if (c.characteristic == characteristic) return &c;
  return nullptr;
}

AffectedResult compute_affected(const SegmentScheme& scheme,
                                const std::vector<AffectedSegment>& affected,
                                const Decimal& flag_ratio) {
  AffectedResult result;
  for (const auto& seg : scheme.items) result.base += Decimal(seg.population);
  for (const auto& a : affected)
    if (const Segment* seg = scheme.find(a.segment))
      result.total += a.share * Decimal(seg->population);

  for (const auto& ch : scheme.characteristics) {
    CharacteristicImpact ci;
    ci.characteristic = ch.name;
    for (const auto& cat : ch.categories) {
      CategoryImpact c;
      c.category = cat;
      Decimal base_in_category = 0;
      for (const auto& seg : scheme.items) {
        const auto comp = seg.composition.find(ch.name);
        if (comp == seg.composition.end()) continue;
        const auto share = comp->second.find(cat);
        if (share != comp->second.end())
          base_in_category += Decimal(seg.population) * share->second;
      }
      for (const auto& a : affected) {
        const Segment* seg = scheme.find(a.segment);
        if (!seg) continue;
        const auto comp = seg->composition.find(ch.name);
        if (comp == seg->composition.end()) continue;
        const auto share = comp->second.find(cat);
        if (share != comp->second.end())
          c.affected += a.share * Decimal(seg->population) * share->second;
      }
      if (result.total != 0) c.share = c.affected / result.total;
      if (result.base != 0) c.base_share = base_in_category / result.base;
      if (c.share && c.base_share && *c.base_share != 0) {
        c.ratio = *c.share / *c.base_share;
        // Compared without division, so a ratio of exactly the flag ratio is flagged:
        // (A_c / A) / (B_c / B) >= f  <=>  A_c x B >= f x A x B_c  (A, B, B_c > 0).
        c.flag = c.affected * result.base >= flag_ratio * result.total * base_in_category;
      }
      ci.categories.push_back(std::move(c));
    }
    result.characteristics.push_back(std::move(ci));
  }
  return result;
}

}  // namespace eqv
