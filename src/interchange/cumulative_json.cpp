#include "equivalue/interchange/cumulative_json.hpp"

#include "equivalue/core/disclosure.hpp"

#include <nlohmann/json.hpp>

namespace eqv {

std::string cumulative_to_json(const CumulativeImpact& cumulative,
                               std::optional<int> disclosure_threshold) {
  using ojson = nlohmann::ordered_json;
  ojson root;
  root["changes"] = cumulative.changes;
  root["changes_assessed"] = cumulative.changes_assessed;
  root["threshold"] = cumulative.threshold;
  root["groups_flagged"] = cumulative.groups_flagged();
  root["change_ids"] = cumulative.change_ids;
  ojson chars = ojson::object();
  for (const auto& row : cumulative.rows) {
    ojson r;
    r["negative"] = row.changes;
    r["count"] = row.count();
    if (!row.has_people) {
      r["people"] = nullptr;
    } else if (disclosure_threshold) {
      const DisclosedCell cell = disclose_count(whole_people(row.people), *disclosure_threshold);
      r["people"] = cell.suppressed ? ojson(cell.text) : ojson(whole_people(row.people));
    } else {
      r["people"] = whole_people(row.people);
    }
    r["saving"] = to_fixed(row.saving, kMoneyPlaces);
    r["flagged"] = row.flagged;
    r["without_figures"] = row.changes_without_figures;
    r["without_saving"] = row.changes_without_saving;
    ojson ratings = ojson::object();
    for (std::size_t k = 0; k < row.cells.size() && k < cumulative.change_ids.size(); ++k)
      ratings[cumulative.change_ids[k]] =
          row.cells[k].rating ? ojson(rating_name(*row.cells[k].rating)) : ojson();
    r["ratings"] = ratings;
    chars[row.characteristic][row.category.empty() ? "all" : row.category] = r;
  }
  root["characteristics"] = chars;
  if (disclosure_threshold) root["disclosure"] = disclosure_statement(*disclosure_threshold);
  return root.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace eqv
