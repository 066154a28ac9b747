// One interface for every place a project is kept: an .eqv project file (ProjectStore,
// project_store.hpp) or a shared register on a PostgreSQL server (register.hpp). The
// desktop application and the command line hold only this interface.
//
// Addresses
// - A path names an .eqv file: "budget.eqv".
// - A libpq connection URI with the project named in its `project` parameter names a
//   project in a register: postgresql://eqv.council.local/equivalue?project=northshire-2026
//   The `project` parameter is taken off before the rest goes to libpq, so every libpq
//   setting may be used (sslmode, gssencmode, krbsrvname, host=/run/folder for a socket...);
//   a password is best kept in ~/.pgpass or PGPASSWORD, or replaced by single sign-on.
//
// Edits and versions
// - update() applies one edit to the project as the store last showed it. Each record
//   (the project's settings, each service change) carries a version; an edit of a record
//   that someone else changed meanwhile is refused with StaleEdit, naming who changed it,
//   when and how, and the store then shows their version of it.
// - refresh() reads in what others committed since (a register tells its clients through
//   LISTEN/NOTIFY; a file has one editor, so nothing arrives).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "equivalue/core/errors.hpp"
#include "equivalue/core/field_diff.hpp"
#include "equivalue/core/model.hpp"
#include "equivalue/core/reviews.hpp"
#include "equivalue/core/workflow.hpp"

namespace eqv::storage {

// One row of the audit trail: one field of one record, changed by one edit.
struct AuditEntry {
  std::int64_t id = 0;
  std::string user;       // operating-system user or database login
  std::string when;       // ISO 8601 UTC, "2026-11-22T11:34:15Z"
  std::string what;       // the edit's description, "Edit deadweight of O1"
  std::string record;     // "changes[C1].sroi.outcomes[O1]", "project", "settings"
  std::string field;      // "deadweight"
  std::string old_value;  // as text; empty when the record was added
  std::string new_value;  // as text; empty when the record was removed
};

// Who is using the store and in which roles ("lead", "officer", "finance", "admin").
// For an .eqv file: the operating-system login, holding every role.
struct Identity {
  std::string login;
  std::vector<std::string> roles;
  bool holds(const std::string& role) const;
  std::string describe() const;  // "jo (lead, officer)"
};

// An edit refused because the record changed since it was read. `mine` is the record as
// the edit would have made it and `theirs` as it is now (both the whole project, so a
// front end can show both values of any field).
class StaleEdit : public InputError {
 public:
  StaleEdit(const std::string& message, int change, Project mine, Project theirs)
      : InputError(message), change_(change), mine_(std::move(mine)), theirs_(std::move(theirs)) {}
  int change() const { return change_; }  // index in theirs, -1 = the project's settings
  const Project& mine() const { return mine_; }
  const Project& theirs() const { return theirs_; }
  // Each field where the refused edit and the saved version differ, within the record the
  // refusal is about: old_value is theirs (saved), new_value the edit's (not saved); the
  // record named within it ("sroi.outcomes[O1]", "" for the record itself).
  std::vector<FieldChange> differences() const;

 private:
  int change_;
  Project mine_, theirs_;
};

class Store {
 public:
  virtual ~Store() = default;

  // The path, or the register address without any password.
  virtual std::string location() const = 0;
  virtual const Project& project() const = 0;
  virtual bool read_only() const = 0;
  virtual const std::string& read_only_reason() const = 0;
  virtual Identity identity() const = 0;

  // Applies one edit and commits it at once; see the notes above. An edit that changes
  // nothing writes nothing; if `edit` throws, nothing is written.
  virtual void update(const std::function<void(Project&)>& edit, const std::string& what) = 0;

  // Reads in edits others committed since the last read; true when the project changed.
  virtual bool refresh() { return false; }

  // The logins that edited the assessment of project().changes[index] in its current
  // version (none of them may approve it), when the store records that.
  virtual std::vector<std::string> editors(std::size_t change_index) const;

  // Takes one workflow step of the assessment of project().changes[change_index] as
  // identity(): core's rules first (apply_step, with the logins that edited it), then, in a
  // register, the server's, which decide. Returns the problems that refused the step, with
  // nothing changed, or none when it was taken and committed. `input.editors` is filled in
  // here.
  virtual Problems take_step(std::size_t change_index, Step step, const StepInput& input);

  // Records the post-implementation review of project().changes[change_index]'s assessment as
  // identity(), today: core's rule (record_change_review, reviews.hpp), then, in a register,
  // the server's, which decides (it lets only the review's fields of an approved assessment
  // change, and writes the history). Returns the problems that refused it, with nothing
  // changed, or none when it was recorded and committed.
  virtual Problems record_review(std::size_t change_index, const std::vector<ImpactReview>& reviews,
                                 const std::string& summary);

  // The audit trail, newest first.
  virtual std::vector<AuditEntry> audit(std::size_t limit = 1000) const = 0;
};

// The person using a store, as core's workflow rules know them: the login, the roles the
// store gives it and the time now (UTC).
Actor actor_of(const Identity& identity);

// True for a register address (postgresql:// or postgres://).
bool is_register_address(const std::string& text);

// Opens an .eqv file or a project in a register for editing (read-only when the file is
// or when the login may only read). Throws InputError with a clear message.
std::unique_ptr<Store> open_store(const std::string& path_or_address);

// Creates an .eqv file, or a project in a register (a register administrator's task),
// holding `project` with its assessments' status and history as they are.
std::unique_ptr<Store> create_store(const std::string& path_or_address, const Project& project);

}  // namespace eqv::storage
