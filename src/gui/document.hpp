// The open project as the windows see it: one Project, every edit made through edit(),
// undo and redo per person (each edit kept as the records it changed, core/undo.hpp, so
// undoing it in a shared register leaves others' edits alone), each edit written at once
// (through a ProjectSink), and the per-change figures and problems the windows show,
// recalculated on the fast path (eqv::calculate_core) after each edit.
#pragma once

#include "equivalue/core/affected.hpp"
#include "equivalue/core/eqia.hpp"
#include "equivalue/core/model.hpp"
#include "equivalue/core/sroi.hpp"
#include "equivalue/core/undo.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/core/workflow.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eqv::gui {

// Where edits go: the project file, or memory for a project not yet saved.
class ProjectSink {
 public:
  virtual ~ProjectSink() = default;
  virtual const Project& project() const = 0;
  virtual void update(const std::function<void(Project&)>& edit, const std::string& what) = 0;
  virtual bool read_only() const { return false; }
  virtual std::string read_only_reason() const { return {}; }
  virtual std::string path() const { return {}; }
  // Who is using the project, as the workflow rules know them: for a file or memory, the
  // operating-system login holding every role; in a register, the database login and the
  // roles the server gives it.
  virtual Actor actor() const;
  // "Signed in as ..." for the status bar; empty for a file.
  virtual std::string signed_in() const { return {}; }
  // One workflow step as actor() (Store::take_step); the problems that refused it, if any.
  virtual Problems take_step(std::size_t change, Step step, const StepInput& input);
  // The post-implementation review as actor() (Store::record_review); what refused it.
  virtual Problems record_review(std::size_t change, const std::vector<ImpactReview>& reviews,
                                 const std::string& summary);
  // Reads in what others committed since (a register); true when the project changed.
  virtual bool refresh() { return false; }
};

// Keeps the project in memory only (tests, and a project before it is first saved).
std::unique_ptr<ProjectSink> memory_sink(Project project);
// An existing .eqv project file (read-only when someone else is editing it), or a project
// in a shared register addressed as postgresql://HOST/DB?project=NAME.
std::unique_ptr<ProjectSink> open_project_file(const std::string& path);
// A new .eqv project file holding `project`; refuses a file that exists.
std::unique_ptr<ProjectSink> create_project_file(const std::string& path, const Project& project);

// What a window needs to know after an edit.
struct DocumentEvent {
  bool structure = false;  // undo, redo, reload, or changes added or removed: show everything again
  int change = -1;         // the one change edited, -1 = project-wide
};

struct ChangeSummary {
  std::optional<Decimal> ratio;
  Decimal npv = 0;
  std::string status;        // EqIA status, "none" when no EqIA
  std::string flags;         // characteristics flagged, comma separated
  std::size_t problems = 0;  // validation problems in this change
};

class ProjectDocument {
 public:
  explicit ProjectDocument(std::unique_ptr<ProjectSink> sink);

  const Project& project() const { return sink_->project(); }
  // The project's settings with the shipped deflator series attached (used when the project
  // has no series of its own): what every figure on screen is computed with.
  ProjectSettings settings() const;
  // The whole project with those settings, for workbooks and published documents.
  Project project_with_settings() const;
  // A fault in the shipped series' file (templates/deflators/gdp.json), read when the
  // document is made; "" when it was read. Without it no series is attached.
  const std::string& shipped_deflators_problem() const { return shipped_problem_; }
  const ServiceChange& change(int index) const {
    return project().changes.at(static_cast<std::size_t>(index));
  }
  int change_count() const { return static_cast<int>(project().changes.size()); }
  bool read_only() const { return sink_->read_only(); }
  std::string read_only_reason() const { return sink_->read_only_reason(); }
  std::string path() const { return sink_->path(); }
  Actor actor() const { return sink_->actor(); }
  std::string signed_in() const { return sink_->signed_in(); }
  // One workflow step of change `change`'s assessment, through the store (whose server
  // decides in a register); the problems that refused it, or none. Clears undo, as any
  // step does.
  Problems take_step(int change, eqv::Step step, const StepInput& input);
  // Records the post-implementation review of change `change` through the store, as a
  // workflow step is (saved and audited, a barrier for undo); the problems that refused it.
  Problems record_review(int change, const std::vector<ImpactReview>& reviews,
                         const std::string& summary);
  // Reads in what others committed (a register); true, and every window told, when the
  // project changed. Undo and redo keep working: they take back only this person's edits.
  bool refresh();

  // Applies an edit, keeps what it changed for undo, saves and tells the windows. An edit
  // refused because someone else changed the record meanwhile (storage::StaleEdit) shows
  // their version in every window before the refusal reaches the caller.
  // Consecutive edits with the same non-empty `merge_key` (typing in one field) are one
  // undo step. `change` names the change edited (-1: the project or several changes).
  void edit(const std::function<void(Project&)>& fn, const std::string& what, int change = -1,
            const std::string& merge_key = {}, bool structure = false);

  // A step of the EqIA workflow (submit, return, approve, publish, start a new version):
  // applied and saved like any edit, but a barrier in the undo history. Undo and redo are
  // emptied, so Undo can never take an assessment back across its approval (the lock
  // approval puts on the record); edits made after it undo as usual. A step the rules
  // refused (the project unchanged) leaves the history as it was.
  void workflow_step(const std::function<void(Project&)>& fn, const std::string& what,
                     int change = -1);

  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  std::string undo_label() const { return undo_.empty() ? std::string() : undo_.back().what; }
  std::string redo_label() const { return redo_.empty() ? std::string() : redo_.back().what; }
  // Take back this person's last edit (or make it again). Refused, with a message naming
  // the record, when someone else has changed a record it touched since; the history is
  // then emptied, as older edits lie under that one.
  void undo();
  void redo();
  // Ends the current typing run: the next edit starts a new undo step.
  void break_merge() { merge_key_.clear(); }

  // Problems in one change (paths as in the whole project: changes[i]....), and in the
  // project's own settings and segments (paths not under changes[).
  const Problems& change_problems(int index) const;
  Problems project_problems() const;

  // Headline figures of one change (fast path), cached until it is edited.
  const ChangeSummary& summary(int index) const;
  const SroiResult& core_result(int index) const;
  std::optional<AffectedResult> affected(int index) const;

  using Listener = std::function<void(const DocumentEvent&)>;
  int listen(Listener listener);
  void unlisten(int id);

 private:
  struct Step {
    ProjectEdit edit;
    std::string what;
  };
  struct Cache {
    bool valid = false;
    Problems problems;
    SroiResult result;
    ChangeSummary summary;
  };
  void notify(const DocumentEvent& event);
  void after_step(const Project& before, int change);
  void invalidate(int change);
  Cache& cache(int index) const;
  void apply_history(std::vector<Step>& from, std::vector<Step>& to, const std::string& verb);
  void shown_after_refusal();

  std::unique_ptr<ProjectSink> sink_;
  DeflatorSeries shipped_;
  std::string shipped_problem_;
  std::vector<Step> undo_, redo_;
  std::string merge_key_;
  Project merge_base_;  // the project before the current typing run began
  mutable std::vector<Cache> cache_;
  std::vector<std::pair<int, Listener>> listeners_;
  int next_listener_ = 1;
};

// A path prefix for a change: "changes[3]".
std::string change_path(int index);

}  // namespace eqv::gui
