// The link between a service change and the people it touches (method.md section 3).
//
//   A   = sum_k s_k N_k            A_c = sum_k s_k N_k c_k
//   B   = sum_k N_k                B_c = sum_k N_k c_k
//   R_c = (A_c / A) / (B_c / B)    flagged when R_c >= the project's flag ratio
//
// The base B is the whole population of the project's segment scheme: the change is
// compared with everyone who lives in the area the scheme covers.
#pragma once

#include "equivalue/core/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace eqv {

struct CategoryImpact {
  std::string category;
  Decimal affected = 0;               // A_c, people (not rounded)
  std::optional<Decimal> share;       // A_c / A
  std::optional<Decimal> base_share;  // B_c / B
  std::optional<Decimal> ratio;       // R_c; nullopt when A = 0 or B_c = 0
  bool flag = false;
};

struct CharacteristicImpact {
  std::string characteristic;
  std::vector<CategoryImpact> categories;  // in the scheme's category order
  bool flagged() const;
};

struct AffectedResult {
  Decimal total = 0;                                  // A
  Decimal base = 0;                                   // B
  std::vector<CharacteristicImpact> characteristics;  // in the scheme's order
  const CharacteristicImpact* find(const std::string& characteristic) const;
};

AffectedResult compute_affected(const SegmentScheme& scheme,
                                const std::vector<AffectedSegment>& affected,
                                const Decimal& flag_ratio);

}  // namespace eqv
