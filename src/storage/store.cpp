#include "equivalue/storage/store.hpp"

#include <algorithm>

#include "editor_lock.hpp"
#include "equivalue/storage/project_store.hpp"
#include "equivalue/storage/register.hpp"
#include "pg_connection.hpp"

namespace eqv::storage {

bool Identity::holds(const std::string& role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

std::string Identity::describe() const {
  std::string list;
  for (const auto& r : roles) list += (list.empty() ? "" : ", ") + r;
  return login + " (" + (list.empty() ? "no role" : list) + ")";
}

std::vector<FieldChange> StaleEdit::differences() const {
  std::vector<FieldChange> out;
  if (change_ < 0 || static_cast<std::size_t>(change_) >= theirs_.changes.size()) {
    diff_project_header(theirs_, mine_, out);
    return out;
  }
  const ServiceChange& saved = theirs_.changes[static_cast<std::size_t>(change_)];
  const ServiceChange* edited = mine_.find_change(saved.id);
  const std::string label = "changes[" + saved.id + "]";
  diff_change(&saved, edited, label, out);
  for (auto& f : out) {  // named within the service change
    f.record.erase(0, std::min(f.record.size(), label.size()));
    if (!f.record.empty() && f.record[0] == '.') f.record.erase(0, 1);
  }
  return out;
}

std::vector<std::string> Store::editors(std::size_t) const { return {}; }

Actor actor_of(const Identity& identity) {
  Actor actor{identity.login, detail::utc_now()};
  for (const auto& name : identity.roles)
    if (const auto role = role_from_name(name)) actor.roles.insert(*role);
  return actor;
}

// A file: core decides, and the step is saved as one edit (with its audit rows).
Problems Store::take_step(std::size_t change_index, Step step, const StepInput& input) {
  StepInput in = input;
  in.editors = editors(change_index);
  const Actor actor = actor_of(identity());
  Problems refused;
  update([&](Project& p) { refused = apply_step(p, change_index, step, actor, in); },
         std::string(step_label(step)));
  return refused;
}

// A file: core decides, and the review is saved as one edit (with its audit rows).
Problems Store::record_review(std::size_t change_index, const std::vector<ImpactReview>& reviews,
                              const std::string& summary) {
  const Actor actor = actor_of(identity());
  Problems refused;
  update(
      [&](Project& p) { refused = record_change_review(p, change_index, reviews, summary, actor); },
      "Record the post-implementation review");
  return refused;
}

Identity ProjectStore::identity() const {
  return {detail::os_user_name(), {"lead", "officer", "finance", "admin"}};
}

bool is_register_address(const std::string& text) { return detail::is_register_uri(text); }

std::unique_ptr<Store> open_store(const std::string& path_or_address) {
  if (is_register_address(path_or_address)) return open_register_project(path_or_address);
  return ProjectStore::open(path_or_address);
}

std::unique_ptr<Store> create_store(const std::string& path_or_address, const Project& project) {
  if (is_register_address(path_or_address))
    return create_register_project(path_or_address, project);
  return ProjectStore::create(path_or_address, project);
}

}  // namespace eqv::storage
