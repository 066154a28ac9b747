#include "document.hpp"

#include "equivalue/core/eqia_template.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/core/reviews.hpp"
#include "equivalue/core/text.hpp"
#include "equivalue/interchange/proxy_library.hpp"
#include "equivalue/interchange/templates.hpp"

#include <wx/datetime.h>
#include <wx/utils.h>

#include <algorithm>
#include <cctype>

namespace eqv::gui {
namespace {

class MemorySink final : public ProjectSink {
 public:
  explicit MemorySink(Project p) : project_(std::move(p)) {}
  const Project& project() const override { return project_; }
  void update(const std::function<void(Project&)>& edit, const std::string&) override {
    edit(project_);
  }

 private:
  Project project_;
};

// The template an assessment names, or none when it is not installed or cannot be read (the
// assessment page reports that).
const EqiaTemplate* template_or_none(const std::string& name) {
  try {
    return cached_eqia_template(name);
  } catch (const InputError&) {
    return nullptr;
  }
}

// "Service change C1, service change C2 and the project's settings": the start of a sentence.
std::string sentence_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

// Undo keeps this many steps; older ones are dropped.
constexpr std::size_t kUndoDepth = 200;

}  // namespace

Actor ProjectSink::actor() const {
  return single_user_actor(wxGetUserId().utf8_string(),
                           wxDateTime::Now().ToUTC().Format("%Y-%m-%dT%H:%M:%SZ").utf8_string());
}

Problems ProjectSink::take_step(std::size_t change, Step step, const StepInput& input) {
  const Actor me = actor();
  Problems refused;
  update([&](Project& p) { refused = apply_step(p, change, step, me, input); }, step_label(step));
  return refused;
}

Problems ProjectSink::record_review(std::size_t change, const std::vector<ImpactReview>& reviews,
                                    const std::string& summary) {
  const Actor me = actor();
  Problems refused;
  update([&](Project& p) { refused = record_change_review(p, change, reviews, summary, me); },
         "Record the post-implementation review");
  return refused;
}

std::unique_ptr<ProjectSink> memory_sink(Project project) {
  return std::make_unique<MemorySink>(std::move(project));
}

std::string change_path(int index) { return "changes[" + std::to_string(index) + "]"; }

ProjectDocument::ProjectDocument(std::unique_ptr<ProjectSink> sink) : sink_(std::move(sink)) {
  cache_.resize(project().changes.size());
  try {
    shipped_ = load_shipped_deflators();
  } catch (const InputError& e) {
    shipped_problem_ = e.what();
  }
}

ProjectSettings ProjectDocument::settings() const {
  ProjectSettings s = project().project;
  s.shipped_deflators = shipped_;
  return s;
}

Project ProjectDocument::project_with_settings() const {
  Project p = project();
  p.project.shipped_deflators = shipped_;
  return p;
}

void ProjectDocument::edit(const std::function<void(Project&)>& fn, const std::string& what,
                           int change, const std::string& merge_key, bool structure) {
  if (read_only()) throw InputError("This project is open read-only: " + read_only_reason());
  const bool merge = !merge_key.empty() && merge_key == merge_key_ && !undo_.empty();
  // The edit as the store made it: on the project the store holds (which a register may
  // have re-read before trying again), so the history keeps exactly this person's edit.
  Project base, mine;
  try {
    sink_->update(
        [&](Project& p) {
          base = p;
          fn(p);
          mine = p;
        },
        what);
  } catch (const std::exception&) {
    shown_after_refusal();
    throw;
  }
  if (merge) {
    undo_.back().edit = diff_edit(merge_base_, mine);
  } else {
    undo_.push_back({diff_edit(base, mine), what});
    if (undo_.size() > kUndoDepth) undo_.erase(undo_.begin());
    merge_base_ = std::move(base);
  }
  redo_.clear();
  merge_key_ = merge_key;
  const bool resized = project().changes.size() != cache_.size();
  invalidate(resized ? -1 : change);
  notify({structure || resized, change});
}

// A refused edit may have left the store holding others' newer version: show it.
void ProjectDocument::shown_after_refusal() {
  merge_key_.clear();
  invalidate(-1);
  notify({true, -1});
}

void ProjectDocument::workflow_step(const std::function<void(Project&)>& fn,
                                    const std::string& what, int change) {
  if (read_only()) throw InputError("This project is open read-only: " + read_only_reason());
  const Project before = project();
  sink_->update(fn, what);
  after_step(before, change);
}

Problems ProjectDocument::take_step(int change, eqv::Step step, const StepInput& input) {
  const Project before = project();
  Problems refused = sink_->take_step(static_cast<std::size_t>(change), step, input);
  after_step(before, change);
  return refused;
}

Problems ProjectDocument::record_review(int change, const std::vector<ImpactReview>& reviews,
                                        const std::string& summary) {
  const Project before = project();
  Problems refused = sink_->record_review(static_cast<std::size_t>(change), reviews, summary);
  after_step(before, change);
  return refused;
}

// A workflow step is a barrier in the history: nothing before it can be undone.
void ProjectDocument::after_step(const Project& before, int change) {
  if (!(project() == before)) {
    undo_.clear();
    redo_.clear();
  }
  merge_key_.clear();
  invalidate(project().changes.size() != cache_.size() ? -1 : change);
  notify({true, change});
}

bool ProjectDocument::refresh() {
  if (!sink_->refresh()) return false;
  merge_key_.clear();  // the typing run ends: its edit is kept as it stands
  invalidate(-1);
  notify({true, -1});
  return true;
}

// Takes back the last edit of `from` (undo: the edit; redo: an undo) and keeps its reverse
// in `to`.
void ProjectDocument::apply_history(std::vector<Step>& from, std::vector<Step>& to,
                                    const std::string& verb) {
  if (from.empty()) return;
  Step step = std::move(from.back());
  from.pop_back();
  std::vector<std::string> changed_since;
  try {
    sink_->update(
        [&](Project& p) {
          TakeBack back = take_back(step.edit, p);
          changed_since = std::move(back.changed_since);
          if (back.project) p = std::move(*back.project);
        },
        verb + ": " + step.what);
  } catch (const std::exception&) {
    undo_.clear();
    redo_.clear();
    shown_after_refusal();
    throw;
  }
  if (!changed_since.empty()) {
    undo_.clear();  // older edits lie under this one
    redo_.clear();
    merge_key_.clear();
    throw InputError(sentence_list(changed_since) + (changed_since.size() > 1 ? " were" : " was") +
                     " changed by someone else after “" + step.what + "”, so " + lower_case(verb) +
                     " would overwrite their work and was not done. Make the change by hand if "
                     "it is still needed.");
  }
  to.push_back({reversed(std::move(step.edit)), step.what});
  merge_key_.clear();
  invalidate(-1);
  notify({true, -1});
}

void ProjectDocument::undo() { apply_history(undo_, redo_, "Undo"); }
void ProjectDocument::redo() { apply_history(redo_, undo_, "Redo"); }

void ProjectDocument::invalidate(int change) {
  if (change < 0 || cache_.size() != project().changes.size()) {
    cache_.assign(project().changes.size(), Cache{});
  } else {
    cache_[static_cast<std::size_t>(change)].valid = false;
  }
}

ProjectDocument::Cache& ProjectDocument::cache(int index) const {
  Cache& c = cache_.at(static_cast<std::size_t>(index));
  if (c.valid) return c;
  const Project& p = project();
  const ServiceChange& ch = p.changes[static_cast<std::size_t>(index)];

  // Validate this change alone, in a project holding only it, and give the paths back
  // their place in the whole project: a 1,000-change project stays quick to edit.
  Project one;
  one.project = settings();
  one.segments = p.segments;
  one.changes.push_back(ch);
  c.problems.clear();
  const std::string own = "changes[0]";
  for (auto& problem : validate(one)) {
    if (problem.path.compare(0, own.size(), own) != 0) continue;
    problem.path = change_path(index) + problem.path.substr(own.size());
    c.problems.push_back(std::move(problem));
  }
  // Ids must also be unique across the project.
  for (auto& problem : duplicate_change_id(p, static_cast<std::size_t>(index)))
    c.problems.push_back(std::move(problem));

  c.result = calculate_core(ch.sroi, one.project);
  ChangeSummary& s = c.summary;
  s = ChangeSummary{};
  s.ratio = c.result.ratio;
  s.npv = c.result.npv;
  s.status = ch.eqia ? status_name(ch.eqia->status) : "none";
  s.problems = c.problems.size();
  if (!p.segments.items.empty() && !ch.affected_segments.empty()) {
    const AffectedResult a =
        compute_affected(p.segments, ch.affected_segments, p.project.flag_ratio);
    const EqiaTemplate* tmpl =
        template_or_none(ch.eqia ? ch.eqia->template_name : p.project.jurisdiction);
    for (const auto& characteristic : a.characteristics)
      if (characteristic.flagged())
        s.flags += (s.flags.empty() ? "" : ", ") +
                   characteristic_display_name(tmpl, characteristic.characteristic);
  }
  c.valid = true;
  return c;
}

const Problems& ProjectDocument::change_problems(int index) const { return cache(index).problems; }
const ChangeSummary& ProjectDocument::summary(int index) const { return cache(index).summary; }
const SroiResult& ProjectDocument::core_result(int index) const { return cache(index).result; }

std::optional<AffectedResult> ProjectDocument::affected(int index) const {
  const Project& p = project();
  const ServiceChange& ch = change(index);
  if (p.segments.items.empty()) return std::nullopt;
  return compute_affected(p.segments, ch.affected_segments, p.project.flag_ratio);
}

Problems ProjectDocument::project_problems() const {
  Project settings_only;
  settings_only.project = settings();
  settings_only.segments = project().segments;
  return validate(settings_only);
}

int ProjectDocument::listen(Listener listener) {
  listeners_.emplace_back(next_listener_, std::move(listener));
  return next_listener_++;
}

void ProjectDocument::unlisten(int id) {
  listeners_.erase(std::remove_if(listeners_.begin(), listeners_.end(),
                                  [id](const auto& l) { return l.first == id; }),
                   listeners_.end());
}

void ProjectDocument::notify(const DocumentEvent& event) {
  const auto copy = listeners_;  // a listener may add or remove listeners
  for (const auto& [id, listener] : copy) listener(event);
}

}  // namespace eqv::gui
