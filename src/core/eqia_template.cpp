#include "equivalue/core/eqia_template.hpp"

#include <algorithm>

namespace eqv {

const TemplateCharacteristic* EqiaTemplate::find(const std::string& characteristic_id) const {
  for (const auto* list : {&characteristics, &local_additions})
    for (const auto& c : *list)
      if (c.id == characteristic_id) return &c;
  return nullptr;
}

const DutyAim* EqiaTemplate::aim(const std::string& aim_id) const {
  for (const auto& a : aims)
    if (a.id == aim_id) return &a;
  return nullptr;
}

std::vector<const TemplateCharacteristic*> EqiaTemplate::to_screen(
    const std::vector<std::string>& switched_on) const {
  std::vector<const TemplateCharacteristic*> out;
  for (const auto& c : characteristics) out.push_back(&c);
  for (const auto& c : local_additions)
    if (std::find(switched_on.begin(), switched_on.end(), c.id) != switched_on.end())
      out.push_back(&c);
  return out;
}

std::string characteristic_display_name(const EqiaTemplate* tmpl,
                                        const std::string& characteristic_id) {
  if (tmpl)
    if (const auto* c = tmpl->find(characteristic_id); c && !c->name.empty()) return c->name;
  return characteristic_id;
}

}  // namespace eqv
