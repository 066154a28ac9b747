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

std::vector<std::string> Store::editors(std::size_t) const { return {}; }

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
