#include "equivalue/core/undo.hpp"

#include <algorithm>
#include <utility>

namespace eqv {
namespace {

std::vector<std::string> ids_of(const std::vector<ServiceChange>& changes) {
  std::vector<std::string> ids;
  ids.reserve(changes.size());
  for (const auto& c : changes) ids.push_back(c.id);
  return ids;
}

bool unique(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  return std::adjacent_find(ids.begin(), ids.end()) == ids.end();
}

std::optional<std::size_t> position(const std::vector<std::string>& ids, const std::string& id) {
  const auto it = std::find(ids.begin(), ids.end(), id);
  if (it == ids.end()) return std::nullopt;
  return static_cast<std::size_t>(it - ids.begin());
}

// Named as it is now, as the person will find it.
std::string change_name(const ServiceChange& c) {
  return "service change " + c.id + (c.title.empty() ? "" : " (" + c.title + ")");
}

// Service changes matched by id (the ids being unique on both sides): each altered, added or
// removed one.
void diff_by_id(const Project& before, const Project& after, ProjectEdit& edit) {
  for (std::size_t a = 0; a < after.changes.size(); ++a) {
    const auto b = position(edit.ids_before, after.changes[a].id);
    if (!b) {
      edit.changes.push_back({std::nullopt, after.changes[a], 0, a});
    } else if (!(before.changes[*b] == after.changes[a])) {
      edit.changes.push_back({before.changes[*b], after.changes[a], *b, a});
    }
  }
  for (std::size_t b = 0; b < before.changes.size(); ++b)
    if (!position(edit.ids_after, before.changes[b].id))
      edit.changes.push_back({before.changes[b], std::nullopt, b, 0});
}

// Every service change as removed and added again: when ids repeat and the list changed,
// nothing else matches records safely. Taking it back then needs the list untouched since.
void diff_whole_list(const Project& before, const Project& after, ProjectEdit& edit) {
  for (std::size_t b = 0; b < before.changes.size(); ++b)
    edit.changes.push_back({before.changes[b], std::nullopt, b, 0});
  for (std::size_t a = 0; a < after.changes.size(); ++a)
    edit.changes.push_back({std::nullopt, after.changes[a], 0, a});
}

// Taking back an edit that added, removed or moved service changes, when nobody has added,
// removed or moved any since (`now` lists the same ids in the same order as the edit left).
std::vector<ServiceChange> list_taken_back(const ProjectEdit& edit, const Project& now) {
  std::vector<std::optional<ServiceChange>> out(edit.ids_before.size());
  for (const auto& c : edit.changes)
    if (c.before) out[c.before_index] = *c.before;
  std::vector<ServiceChange> list;
  for (std::size_t b = 0; b < out.size(); ++b) {
    if (out[b]) {
      list.push_back(std::move(*out[b]));
    } else {  // untouched by the edit: as it is now, wherever the edit moved it
      list.push_back(now.changes[*position(edit.ids_after, edit.ids_before[b])]);
    }
  }
  return list;
}

// Taking back an edit that altered service changes in place, finding each by its id now
// (others may have added, removed or moved changes since).
void alterations_taken_back(const ProjectEdit& edit, Project& result, TakeBack& out) {
  const auto ids = ids_of(result.changes);
  for (const auto& c : edit.changes) {
    const auto at = position(ids, c.after->id);
    const bool one = at && std::count(ids.begin(), ids.end(), c.after->id) == 1;
    if (!one || !(result.changes[*at] == *c.after)) {
      out.changed_since.push_back(change_name(one ? result.changes[*at] : *c.after));
      continue;
    }
    result.changes[*at] = *c.before;
  }
}

}  // namespace

bool ProjectEdit::empty() const {
  return !settings_after && !segments_after && !library_after && changes.empty() &&
         ids_before == ids_after;
}

ProjectEdit diff_edit(const Project& before, const Project& after) {
  ProjectEdit edit;
  if (!(before.project == after.project)) {
    edit.settings_before = before.project;
    edit.settings_after = after.project;
  }
  if (!(before.segments == after.segments)) {
    edit.segments_before = before.segments;
    edit.segments_after = after.segments;
  }
  if (!(before.proxy_library == after.proxy_library)) {
    edit.library_before = before.proxy_library;
    edit.library_after = after.proxy_library;
  }
  edit.ids_before = ids_of(before.changes);
  edit.ids_after = ids_of(after.changes);
  if (edit.ids_before == edit.ids_after) {
    for (std::size_t i = 0; i < before.changes.size(); ++i)
      if (!(before.changes[i] == after.changes[i]))
        edit.changes.push_back({before.changes[i], after.changes[i], i, i});
  } else if (unique(edit.ids_before) && unique(edit.ids_after)) {
    diff_by_id(before, after, edit);
  } else {
    diff_whole_list(before, after, edit);
  }
  return edit;
}

ProjectEdit reversed(ProjectEdit edit) {
  std::swap(edit.settings_before, edit.settings_after);
  std::swap(edit.segments_before, edit.segments_after);
  std::swap(edit.library_before, edit.library_after);
  std::swap(edit.ids_before, edit.ids_after);
  for (auto& c : edit.changes) {
    std::swap(c.before, c.after);
    std::swap(c.before_index, c.after_index);
  }
  return edit;
}

TakeBack take_back(const ProjectEdit& edit, const Project& now) {
  TakeBack out;
  Project result = now;
  if (edit.settings_after) {
    if (now.project == *edit.settings_after)
      result.project = *edit.settings_before;
    else
      out.changed_since.push_back("the project's settings");
  }
  if (edit.segments_after) {
    if (now.segments == *edit.segments_after)
      result.segments = *edit.segments_before;
    else
      out.changed_since.push_back("the project's segments");
  }
  if (edit.library_after) {
    if (now.proxy_library == *edit.library_after)
      result.proxy_library = *edit.library_before;
    else
      out.changed_since.push_back("the project's own proxy library");
  }
  const bool list_changed = edit.ids_before != edit.ids_after;
  if (ids_of(now.changes) == edit.ids_after) {
    for (const auto& c : edit.changes)
      if (c.after && !(now.changes[c.after_index] == *c.after))
        out.changed_since.push_back(change_name(now.changes[c.after_index]));
    if (list_changed) {
      result.changes = list_taken_back(edit, now);
    } else {
      for (const auto& c : edit.changes)
        if (now.changes[c.after_index] == *c.after) result.changes[c.before_index] = *c.before;
    }
  } else if (list_changed) {
    out.changed_since.push_back("the list of service changes");
  } else {
    alterations_taken_back(edit, result, out);
  }
  if (out.changed_since.empty()) out.project = std::move(result);
  return out;
}

}  // namespace eqv
