// equivalue_storage: the .eqv project file, a SQLite database that never loses a user's work.
//
// Design
// - One .eqv file holds one eqv::Project (everything the equivalue/1 JSON holds), the
//   project's settings (key/value) and an audit trail of every change to the project.
//   Tables are STRICT and typed; money, rates and shares are TEXT holding the exact
//   decimal, so nothing passes through binary floating point. Lists keep their order
//   in a `position` column; ids are stored as written (a draft may repeat or omit one).
// - Schema by numbered migrations (PRAGMA user_version, PRAGMA application_id marks the
//   file as Equivalue's). A file from a newer Equivalue is refused; an older one is
//   copied beside itself (NAME.vN-backup.eqv) and then migrated in one transaction.
//   A read-only view of an older file is migrated in memory, never on disk.
// - No save button: update() applies one edit and commits it at once in its own
//   transaction, with one audit row per changed field (who = operating-system user,
//   when = UTC). Only the service changes that differ from the saved state are rewritten.
// - Safe on network shares: journal_mode=DELETE (WAL needs shared memory, which network
//   file systems do not provide), synchronous=FULL, foreign_keys=ON on every connection,
//   quick_check on open, busy_timeout for short waits on another process's commit.
// - One editor at a time. The editor holds an advisory lock (flock) on NAME.eqv.lock,
//   a small file beside the project naming who has it open. The operating system drops
//   the lock when the editor's process ends, even if it crashes, so a stale file never
//   locks anyone out. A second opener gets a read-only view saying who is editing.
//   Behind that, every edit runs in BEGIN IMMEDIATE and first checks the file's revision
//   counter: if the file changed since it was read (locks not honoured by a share), the
//   edit is refused and the view reloaded, so an update is never silently lost.
#pragma once

#include "equivalue/core/model.hpp"
#include "equivalue/storage/store.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eqv::storage {

// The schema version this build writes (PRAGMA user_version).
inline constexpr int kSchemaVersion = 5;

// Reads a whole project from an .eqv file without taking the editor lock and without
// changing the file. Throws InputError with a clear message for bad files.
Project read_project_store(const std::string& path);

// Who has the project at `path` open for editing ("jo on PC-123 (process 42, since ...)"),
// or nothing when no one has.
std::optional<std::string> editor_of(const std::string& path);

// True when the file starts with SQLite's header "SQLite format 3\0".
bool has_sqlite_header(const std::string& path);

class ProjectStore final : public Store {
 public:
  // Creates a new project file at `path` holding `initial`. Throws InputError if the
  // file already exists or cannot be written.
  static std::unique_ptr<ProjectStore> create(const std::string& path, const Project& initial);

  // Opens an existing project file. Throws InputError with a clear message for a file
  // that is missing, empty, damaged, not a project or from a newer Equivalue. Opens
  // read-only (see read_only_reason()) when the file is read-only or another person has
  // it open for editing.
  static std::unique_ptr<ProjectStore> open(const std::string& path);

  ~ProjectStore() override;
  ProjectStore(const ProjectStore&) = delete;
  ProjectStore& operator=(const ProjectStore&) = delete;

  const std::string& path() const;
  std::string location() const override { return path(); }
  bool read_only() const override;
  const std::string& read_only_reason() const override;  // empty when editable
  const Project& project() const override;
  // The operating-system login, holding every role.
  Identity identity() const override;

  // Applies one edit to the project and commits it at once in its own transaction, with
  // one audit row per changed field. `what` describes the edit for the audit trail.
  // Throws InputError if the view is read-only, or if the file was changed by someone
  // else since it was read (the view is then reloaded; make the edit again).
  // An edit that changes nothing writes nothing. If the edit function throws, nothing
  // is written and the project is unchanged.
  void update(const std::function<void(Project&)>& edit, const std::string& what = {}) override;

  // The audit trail, newest first.
  std::vector<AuditEntry> audit(std::size_t limit = 1000) const override;

  // Project settings (for example the screen layout or the last Monte Carlo seed),
  // stored in the file and audited like any other change.
  std::optional<std::string> setting(const std::string& key) const;
  void set_setting(const std::string& key, const std::string& value);

  // Runs SQLite's full integrity check; returns "ok" or the first problems found.
  std::string integrity_check() const;

 private:
  struct State;
  explicit ProjectStore(std::unique_ptr<State> state);
  static std::unique_ptr<State> open_state(const std::string& path, bool want_edit);
  friend Project read_project_store(const std::string& path);
  std::unique_ptr<State> state_;
};

}  // namespace eqv::storage
