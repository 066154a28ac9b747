// Small text rules every library shares, so that they are decided once: letter case,
// spaces around a value, and the next free reference in a list ("O3" after O1 and O2).
#pragma once

#include <algorithm>
#include <string>

namespace eqv {

// ASCII lower case ("Face-to-Face" -> "face-to-face"); other bytes (UTF-8) unchanged.
std::string lower_case(std::string text);

// Without the spaces, tabs and line breaks around it.
std::string trimmed(const std::string& text);

// True when the text is empty or only spaces.
bool is_blank(const std::string& text);

// The first reference "<prefix><n>" (n = 1, 2, ...) that `taken` says is not used.
template <typename Taken>
std::string next_free_id(const std::string& prefix, Taken taken) {
  for (int n = 1;; ++n) {
    std::string id = prefix + std::to_string(n);
    if (!taken(id)) return id;
  }
}

// The first "<prefix><n>" that no item of `items` has as its id (id_of(item)).
template <typename List, typename IdOf>
std::string next_free_id(const std::string& prefix, const List& items, IdOf id_of) {
  return next_free_id(prefix, [&](const std::string& id) {
    return std::any_of(std::begin(items), std::end(items),
                       [&](const auto& item) { return id_of(item) == id; });
  });
}

}  // namespace eqv
