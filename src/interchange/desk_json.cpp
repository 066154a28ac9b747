#include "equivalue/interchange/desk_json.hpp"

#include <nlohmann/json.hpp>

namespace eqv {

std::string desk_to_json(const OfficerDesk& desk) {
  using ojson = nlohmann::ordered_json;
  ojson root;
  root["today"] = desk.today;
  root["horizon_days"] = desk.horizon_days;
  ojson lists = ojson::object();
  for (DeskList list : kDeskLists) {
    ojson items = ojson::array();
    for (const DeskItem* item : desk.in(list))
      items.push_back({{"change", item->change_id},
                       {"title", item->title},
                       {"reference", item->reference},
                       {"date", item->date},
                       {"days", item->days},
                       {"note", item->note}});
    lists[desk_list_name(list)] = items;
  }
  root["lists"] = lists;
  return root.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace eqv
