// One person's edit, kept so that it can be taken back (undo) or made again (redo) without
// touching what anyone else changed since: in a shared register several people edit one
// project, and restoring a whole earlier copy of it would undo their work too.
//
// An edit is kept as the records it changed, each as it was before and after: the project's
// settings, its segments, its own proxy library, and each service change it altered, added or
// removed (service changes are matched by their id). Taking it back puts those records back as they
// were, provided each is still as the edit left it; a record someone else changed since is named
// and nothing is changed at all.
#pragma once

#include "equivalue/core/model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace eqv {

// One service change as an edit found it and left it. No `before`: the edit added it; no
// `after`: the edit removed it.
struct ChangeEdit {
  std::optional<ServiceChange> before, after;
  std::size_t before_index = 0, after_index = 0;  // its place in the list, before and after
};

struct ProjectEdit {
  std::optional<ProjectSettings> settings_before, settings_after;          // set when they changed
  std::optional<SegmentScheme> segments_before, segments_after;            // set when they changed
  std::optional<std::vector<LibraryProxy>> library_before, library_after;  // the own library
  std::vector<ChangeEdit> changes;
  // The ids of the service changes in order, before and after: whether the edit added,
  // removed or moved any, and where the others are.
  std::vector<std::string> ids_before, ids_after;

  bool empty() const;
};

// What `before` -> `after` changed.
ProjectEdit diff_edit(const Project& before, const Project& after);
// The same edit the other way round: redo is taking back the reverse of an undo.
ProjectEdit reversed(ProjectEdit edit);

struct TakeBack {
  std::optional<Project> project;  // `now` with the edit taken back; none when refused
  // What someone else changed since the edit, so it could not be taken back
  // ("service change C2", "the project's settings", "the list of service changes").
  std::vector<std::string> changed_since;
};

// `now` with `edit` taken back: each record it touched as it was before it, and every other
// record as it is now.
TakeBack take_back(const ProjectEdit& edit, const Project& now);

}  // namespace eqv
