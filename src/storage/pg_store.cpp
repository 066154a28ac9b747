// The register's project store: one connection per open project (see register.hpp).
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <unordered_map>

#include "equivalue/core/field_diff.hpp"
#include "equivalue/interchange/json_format.hpp"
#include "equivalue/storage/project_store.hpp"
#include "equivalue/storage/register.hpp"
#include "pg_connection.hpp"
#include "pg_schema.hpp"

namespace eqv::storage {

using namespace detail;

namespace {

using json = nlohmann::json;
using Params = std::vector<std::optional<std::string>>;

std::string num(long long v) { return std::to_string(v); }

// A change as stored: its equivalue/1 JSON without the assessment's status, version and
// history, which the server keeps itself.
std::string change_doc(const ServiceChange& change) {
  Project one;
  one.project.name = "-";
  one.changes.push_back(change);
  if (auto& e = one.changes[0].eqia) {
    e->status = EqiaStatus::draft;
    e->version = 1;
    e->history.clear();
  }
  return write_project_json(one);
}

std::string header_doc(const Project& p) {
  Project header;
  header.project = p.project;
  header.segments = p.segments;
  header.proxy_library = p.proxy_library;
  return write_project_json(header);
}

Project parse_doc(const std::string& doc, const std::string& where) {
  JsonReadResult read = read_project_json(doc);
  if (!read.problems.empty())
    throw InputError(where + ": a record in the register cannot be read (" +
                     read.problems.front().text() + "); ask IT to restore it from a backup");
  return std::move(read.project);
}

std::string audit_json(const std::vector<FieldChange>& changes) {
  json list = json::array();
  for (const auto& c : changes)
    list.push_back(
        {{"record", c.record}, {"field", c.field}, {"old", c.old_value}, {"new", c.new_value}});
  return list.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string history_json(const Eqia& e) {
  json list = json::array();
  for (const auto& h : e.history)
    list.push_back({{"from", status_name(h.from)},
                    {"to", status_name(h.to)},
                    {"who", h.who},
                    {"when", h.when},
                    {"comment", h.comment}});
  return list.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string ref_label(const ServiceChange& c, std::size_t i) {
  return c.id.empty() ? "changes[#" + std::to_string(i) + "]" : "changes[" + c.id + "]";
}

RegisterAddress project_address(const std::string& uri) {
  RegisterAddress a = parse_register_address(uri);
  if (a.project.empty())
    throw InputError(
        a.shown +
        ": the address names no project; add ?project=NAME, as in "
        "postgresql://eqv.council.local/equivalue?project=northshire-2026 (the register's "
        "projects: equivalue-cli server projects " +
        a.shown + ")");
  static const std::regex valid("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  if (!std::regex_match(a.project, valid))
    throw InputError(a.shown + ": \"" + a.project +
                     "\" cannot be a project name in a register: use letters, digits, "
                     "'.', '-' and '_' (up to 63), starting with a letter or digit");
  return a;
}

Identity identity_of(PgConnection& db) {
  // Roles the server does not have yet (no register set up on it) are simply not held.
  const PgResult r = db.exec(
      "SELECT session_user, coalesce(string_agg(substr(rolname, 11), ',' ORDER BY array_position("
      "ARRAY['equivalue_lead', 'equivalue_officer', 'equivalue_finance', "
      "'equivalue_admin']::name[], rolname)), '') "
      "FROM pg_roles WHERE rolname IN ('equivalue_lead', 'equivalue_officer', 'equivalue_finance', "
      "'equivalue_admin') AND pg_has_role(session_user, oid, 'MEMBER')");
  Identity who;
  who.login = r.text(0, 0);
  std::string list = r.text(0, 1);
  for (std::size_t start = 0; start < list.size();) {
    auto comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    who.roles.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return who;
}

void require_some_role(PgConnection& db, const Identity& who) {
  if (who.roles.empty() && !has_register_schema(db)) require_register(db);  // "no register here"
  if (who.roles.empty())
    throw InputError(db.address().shown + ": your login " + who.login +
                     " has no role in this register. Ask its administrator to give you one: "
                     "equivalue-cli server "
                     "grant ADDRESS " +
                     who.login + " lead|officer|finance|admin");
}

class RegisterStore final : public Store {
 public:
  explicit RegisterStore(const RegisterAddress& address) : db_(address) {
    identity_ = identity_of(db_);
    require_some_role(db_, identity_);
    require_register(db_);
    if (!identity_.holds("lead") && !identity_.holds("admin"))
      reason_ = "you are signed in as " + identity_.describe() +
                ": only a project lead changes service changes (an equality officer takes the "
                "review steps)";
    db_.exec("LISTEN equivalue");
  }

  std::string location() const override { return db_.address().shown; }
  const Project& project() const override { return project_; }
  bool read_only() const override { return !reason_.empty(); }
  const std::string& read_only_reason() const override { return reason_; }
  Identity identity() const override { return identity_; }
  void update(const std::function<void(Project&)>& edit, const std::string& what) override;
  bool refresh() override;
  std::vector<std::string> editors(std::size_t change_index) const override;
  Problems take_step(std::size_t change_index, Step step, const StepInput& input) override;
  Problems record_review(std::size_t change_index, const std::vector<ImpactReview>& reviews,
                         const std::string& summary) override;
  std::vector<AuditEntry> audit(std::size_t limit) const override;

  void load();
  void import(const Project& p);

 private:
  struct Row {
    long long id = 0;
    long long version = 0;
  };
  ServiceChange read_change(const PgResult& r, int i,
                            const std::map<long long, std::vector<WorkflowEvent>>& events);
  std::map<long long, std::vector<WorkflowEvent>> read_events(const std::string& where,
                                                              const Params& params);
  struct Written {
    bool header = false;
    bool structure = false;       // changes added, removed or moved
    std::vector<long long> rows;  // changes rewritten in place
  };
  Written write(const Project& next, const std::string& what);
  bool refresh_rows(const std::vector<long long>& ids);
  int index_of_row(long long id) const;

  mutable PgConnection db_;
  Identity identity_;
  std::string reason_;
  Project project_;
  long long header_version_ = 0;
  std::vector<Row> rows_;  // parallel to project_.changes
};

std::map<long long, std::vector<WorkflowEvent>> RegisterStore::read_events(const std::string& where,
                                                                           const Params& params) {
  std::map<long long, std::vector<WorkflowEvent>> events;
  const PgResult r = db_.exec(
      "SELECT e.change_row, e.from_status, e.to_status, e.who, e.at, e.comment FROM "
      "equivalue.workflow_event e "
      "JOIN equivalue.change c ON c.row_id = e.change_row WHERE " +
          where + " ORDER BY e.id",
      params);
  for (int i = 0; i < r.rows(); ++i) {
    WorkflowEvent e;
    e.from = status_from_name(r.text(i, 1)).value_or(EqiaStatus::draft);
    e.to = status_from_name(r.text(i, 2)).value_or(EqiaStatus::draft);
    e.who = r.text(i, 3);
    e.when = r.text(i, 4);
    e.comment = r.text(i, 5);
    events[r.integer(i, 0)].push_back(std::move(e));
  }
  return events;
}

// Columns: row_id, version, doc, status, eqia_version.
ServiceChange RegisterStore::read_change(
    const PgResult& r, int i, const std::map<long long, std::vector<WorkflowEvent>>& events) {
  Project one = parse_doc(r.text(i, 2), location());
  ServiceChange change = one.changes.empty() ? ServiceChange{} : std::move(one.changes[0]);
  if (!r.null(i, 3)) {
    if (!change.eqia) change.eqia.emplace();
    change.eqia->status = status_from_name(r.text(i, 3)).value_or(EqiaStatus::draft);
    change.eqia->version = static_cast<int>(r.integer(i, 4));
    const auto found = events.find(r.integer(i, 0));
    if (found != events.end()) change.eqia->history = found->second;
  }
  return change;
}

void RegisterStore::load() {
  const std::string& id = db_.address().project;
  PgTransaction tx(db_);
  db_.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  const PgResult header =
      db_.exec("SELECT header, version FROM equivalue.project WHERE id = $1", {id});
  if (header.rows() == 0)
    throw InputError(
        location() + ": the register holds no project named \"" + id +
        "\". Check the name after ?project=; the projects are listed by: equivalue-cli server "
        "projects ADDRESS");
  Project next = parse_doc(header.text(0, 0), location());
  const auto events = read_events("c.project_id = $1", {id});
  const PgResult r = db_.exec(
      "SELECT row_id, version, doc, status, eqia_version FROM equivalue.change WHERE project_id = "
      "$1 "
      "ORDER BY position, row_id",
      {id});
  std::vector<Row> rows;
  for (int i = 0; i < r.rows(); ++i) {
    next.changes.push_back(read_change(r, i, events));
    rows.push_back({r.integer(i, 0), r.integer(i, 1)});
  }
  tx.commit();
  project_ = std::move(next);
  rows_ = std::move(rows);
  header_version_ = header.integer(0, 1);
}

int RegisterStore::index_of_row(long long id) const {
  for (std::size_t i = 0; i < rows_.size(); ++i)
    if (rows_[i].id == id) return static_cast<int>(i);
  return -1;
}

// Re-reads the given rows (same rows, same order as before); false when the set of
// changes or their order differs, so that the caller reads everything.
bool RegisterStore::refresh_rows(const std::vector<long long>& ids) {
  if (ids.empty()) return true;
  std::string list = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) list += (i ? "," : "") + num(ids[i]);
  list += "}";
  const auto events = read_events("c.row_id = ANY($1::bigint[])", {list});
  const PgResult r = db_.exec(
      "SELECT row_id, version, doc, status, eqia_version FROM equivalue.change WHERE row_id = "
      "ANY($1::bigint[])",
      {list});
  if (r.rows() != static_cast<int>(ids.size())) return false;
  for (int i = 0; i < r.rows(); ++i) {
    const int at = index_of_row(r.integer(i, 0));
    if (at < 0) return false;
    project_.changes[static_cast<std::size_t>(at)] = read_change(r, i, events);
    rows_[static_cast<std::size_t>(at)].version = r.integer(i, 1);
  }
  return true;
}

// Writes the difference between the shown project and `next` in one transaction, through
// the server's functions, each given the version the edit was made on.
RegisterStore::Written RegisterStore::write(const Project& next, const std::string& what_in) {
  Written out;
  const std::string& id = db_.address().project;
  const std::string what = what_in.empty() ? "Edit the project" : what_in;
  PgTransaction tx(db_);
  if (next.project != project_.project || next.segments != project_.segments ||
      next.proxy_library != project_.proxy_library) {
    std::vector<FieldChange> fields;
    diff_project_header(project_, next, fields);
    db_.exec("SELECT equivalue.save_header($1, $2, $3, $4, $5)",
             {id, num(header_version_), header_doc(next), what, audit_json(fields)});
    out.header = true;
  }
  // Match each change with its shown state: by position when the list kept its length,
  // else by reference (as the .eqv store does).
  const auto& before = project_.changes;
  std::vector<int> match(next.changes.size(), -1);
  std::vector<bool> used(before.size(), false);
  if (next.changes.size() == before.size()) {
    for (std::size_t j = 0; j < next.changes.size(); ++j)
      match[j] = static_cast<int>(j), used[j] = true;
  } else {
    std::unordered_multimap<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < before.size(); ++i) by_id.emplace(before[i].id, i);
    for (std::size_t j = 0; j < next.changes.size(); ++j) {
      auto [first, last] = by_id.equal_range(next.changes[j].id);
      for (auto it = first; it != last; ++it)
        if (!used[it->second]) {
          match[j] = static_cast<int>(it->second);
          used[it->second] = true;
          break;
        }
    }
  }
  bool reorder = next.changes.size() != before.size();
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (used[i]) continue;
    std::vector<FieldChange> fields;
    diff_change(&before[i], nullptr, ref_label(before[i], i), fields);
    db_.exec("SELECT equivalue.remove_change($1, $2, $3, $4, $5)",
             {id, num(rows_[i].id), num(rows_[i].version), what, audit_json(fields)});
  }
  std::vector<long long> order;
  for (std::size_t j = 0; j < next.changes.size(); ++j) {
    const ServiceChange& now = next.changes[j];
    std::vector<FieldChange> fields;
    if (match[j] < 0) {
      diff_change(nullptr, &now, ref_label(now, j), fields);
      const PgResult r = db_.exec(
          "SELECT equivalue.add_change($1, $2, $3, $4, $5, $6)",
          {id, num(static_cast<long long>(j)), now.id, change_doc(now), what, audit_json(fields)});
      order.push_back(r.integer(0, 0));
      continue;
    }
    const auto i = static_cast<std::size_t>(match[j]);
    order.push_back(rows_[i].id);
    reorder = reorder || i != j;
    if (now == before[i]) continue;
    diff_change(&before[i], &now, ref_label(now, j), fields);
    db_.exec("SELECT equivalue.save_change($1, $2, $3, $4, $5, $6, $7, $8)",
             {id, num(rows_[i].id), num(rows_[i].version), num(static_cast<long long>(j)), now.id,
              change_doc(now), what, audit_json(fields)});
    out.rows.push_back(rows_[i].id);
  }
  out.structure = reorder;
  if (reorder) {
    std::string list = "{";
    for (std::size_t k = 0; k < order.size(); ++k) list += (k ? "," : "") + num(order[k]);
    db_.exec("SELECT equivalue.set_order($1, $2::bigint[])", {id, list + "}"});
  }
  tx.commit();
  return out;
}

// The record a stale refusal is about: the first whose version moved since it was read.
int stale_record(const std::vector<long long>& before_ids,
                 const std::vector<long long>& before_versions,
                 const std::vector<long long>& now_ids,
                 const std::vector<long long>& now_versions) {
  for (std::size_t i = 0; i < before_ids.size(); ++i) {
    for (std::size_t j = 0; j < now_ids.size(); ++j)
      if (now_ids[j] == before_ids[i]) {
        if (now_versions[j] != before_versions[i]) return static_cast<int>(j);
        break;
      }
  }
  return -1;
}

void RegisterStore::update(const std::function<void(Project&)>& edit, const std::string& what) {
  if (read_only()) throw InputError(location() + ": cannot change the project: " + reason_);
  Project next = project_;
  edit(next);
  if (next == project_) return;
  Written written;
  for (int attempt = 0;; ++attempt) {
    try {
      written = write(next, what);
      break;
    } catch (const PgError& e) {
      const Project mine = next;
      std::vector<long long> ids, versions;
      for (const auto& r : rows_) ids.push_back(r.id), versions.push_back(r.version);
      if (e.connection_lost()) {
        // The server went away mid-edit: connect again and read what it holds. If the edit
        // was committed before the connection dropped, it is there; else try it once more.
        db_.reconnect();
        db_.exec("LISTEN equivalue");
        load();
        if (project_ == mine) return;
        if (attempt > 0)
          throw InputError(
              location() +
              ": the connection to the register's server was lost twice while saving "
              "your change, so it was not saved. Check the network, then make it again");
        next = project_;
        edit(next);
        if (next == project_) return;
        continue;
      }
      if (e.sqlstate() != "EQ002") throw;
      load();
      std::vector<long long> now_ids, now_versions;
      for (const auto& r : rows_) now_ids.push_back(r.id), now_versions.push_back(r.version);
      throw StaleEdit(e.what(), stale_record(ids, versions, now_ids, now_versions), mine, project_);
    }
  }
  // Read back what the server holds now of the records written (the status it keeps,
  // their new versions); everything when changes were added, removed or moved.
  if (written.structure || !refresh_rows(written.rows)) return load();
  if (written.header) {
    const PgResult h = db_.exec("SELECT header, version FROM equivalue.project WHERE id = $1",
                                {db_.address().project});
    Project header = parse_doc(h.text(0, 0), location());
    project_.project = std::move(header.project);
    project_.segments = std::move(header.segments);
    project_.proxy_library = std::move(header.proxy_library);
    header_version_ = h.integer(0, 1);
  }
}

bool RegisterStore::refresh() {
  bool ours = false;
  for (const auto& payload : db_.notifications()) ours = ours || payload == db_.address().project;
  if (db_.broken()) {
    db_.reconnect();
    db_.exec("LISTEN equivalue");
    const Project before = project_;
    load();
    return !(before == project_);
  }
  if (!ours) return false;
  const std::string& id = db_.address().project;
  bool changed = false;
  const PgResult h = db_.exec("SELECT header, version FROM equivalue.project WHERE id = $1", {id});
  if (h.rows() == 1 && h.integer(0, 1) != header_version_) {
    Project header = parse_doc(h.text(0, 0), location());
    project_.project = std::move(header.project);
    project_.segments = std::move(header.segments);
    project_.proxy_library = std::move(header.proxy_library);
    header_version_ = h.integer(0, 1);
    changed = true;
  }
  const PgResult r = db_.exec(
      "SELECT row_id, version FROM equivalue.change WHERE project_id = $1 ORDER BY position, "
      "row_id",
      {id});
  bool same_rows = r.rows() == static_cast<int>(rows_.size());
  std::vector<long long> moved;
  for (int i = 0; same_rows && i < r.rows(); ++i) {
    same_rows = r.integer(i, 0) == rows_[static_cast<std::size_t>(i)].id;
    if (same_rows && r.integer(i, 1) != rows_[static_cast<std::size_t>(i)].version)
      moved.push_back(r.integer(i, 0));
  }
  if (!same_rows || !refresh_rows(moved)) {
    load();
    return true;
  }
  return changed || !moved.empty();
}

std::vector<std::string> RegisterStore::editors(std::size_t change_index) const {
  std::vector<std::string> out;
  if (change_index >= rows_.size()) return out;
  const PgResult r = db_.exec(
      "SELECT e.login FROM equivalue.editor e JOIN equivalue.change c ON c.row_id = e.change_row "
      "AND c.eqia_version = e.eqia_version WHERE c.row_id = $1 ORDER BY e.login",
      {num(rows_[change_index].id)});
  for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
  return out;
}

// Core's rules first, on a copy, for the submission rules (the server keeps no template)
// and a message before the server is asked; then the server's take_step(), which decides
// with the login it knows and records the step in the history and the audit trail.
Problems RegisterStore::take_step(std::size_t change_index, Step step, const StepInput& input) {
  StepInput in = input;
  in.editors = editors(change_index);
  Project trial = project_;
  Problems refused = apply_step(trial, change_index, step, actor_of(identity_), in);
  if (!refused.empty()) return refused;
  const Row row = rows_.at(change_index);
  try {
    db_.exec(
        "SELECT equivalue.take_step($1, $2, $3, $4, $5)",
        {db_.address().project, num(row.id), num(row.version), step_name(step), input.comment});
  } catch (const PgError& e) {
    const std::string path = "changes[" + std::to_string(change_index) + "].eqia.status";
    if (e.sqlstate() == "EQ001" || e.sqlstate() == "EQ003") return {{path, e.what()}};
    if (e.sqlstate() == "EQ002") {  // changed since it was read: show what it is now
      load();
      return {{path, e.what()}};
    }
    throw;
  }
  if (!refresh_rows({row.id})) load();
  return {};
}

// Core's rule first, on a copy, for its message; then the server's record_review(), which
// decides (only the review's fields of an approved assessment may change) and writes the
// review into the history and the audit trail.
Problems RegisterStore::record_review(std::size_t change_index,
                                      const std::vector<ImpactReview>& reviews,
                                      const std::string& summary) {
  Project trial = project_;
  Problems refused =
      record_change_review(trial, change_index, reviews, summary, actor_of(identity_));
  if (!refused.empty()) return refused;
  const Row row = rows_.at(change_index);
  const ServiceChange& now = trial.changes[change_index];
  std::vector<FieldChange> fields;
  diff_change(&project_.changes[change_index], &now, ref_label(now, change_index), fields);
  try {
    db_.exec("SELECT equivalue.record_review($1, $2, $3, $4, $5)",
             {db_.address().project, num(row.id), num(row.version), change_doc(now),
              audit_json(fields)});
  } catch (const PgError& e) {
    const std::string path = "changes[" + std::to_string(change_index) + "].eqia";
    if (e.sqlstate() == "EQ001" || e.sqlstate() == "EQ003") return {{path, e.what()}};
    if (e.sqlstate() == "EQ002") {
      load();
      return {{path, e.what()}};
    }
    throw;
  }
  if (!refresh_rows({row.id})) load();
  return {};
}

std::vector<AuditEntry> RegisterStore::audit(std::size_t limit) const {
  std::vector<AuditEntry> out;
  const PgResult r = db_.exec(
      "SELECT id, login, equivalue.utc_text(at), what, record, field, old_value, new_value FROM "
      "equivalue.audit "
      "WHERE project_id = $1 ORDER BY id DESC LIMIT $2",
      {db_.address().project, num(static_cast<long long>(limit))});
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4),
                   r.text(i, 5), r.text(i, 6), r.text(i, 7)});
  return out;
}

// Brings a whole project in, with its assessments' status and history as they are.
void RegisterStore::import(const Project& p) {
  const std::string& id = db_.address().project;
  PgTransaction tx(db_);
  db_.exec("SELECT equivalue.create_project($1, $2)", {id, header_doc(p)});
  for (std::size_t i = 0; i < p.changes.size(); ++i) {
    const ServiceChange& c = p.changes[i];
    Params params = {
        id, num(static_cast<long long>(i)), c.id, change_doc(c), std::nullopt, std::nullopt, "[]"};
    if (c.eqia) {
      params[4] = std::string(status_name(c.eqia->status));
      params[5] = std::to_string(c.eqia->version);
      params[6] = history_json(*c.eqia);
    }
    db_.exec("SELECT equivalue.import_change($1, $2, $3, $4, $5, $6, $7)", params);
  }
  tx.commit();
}

}  // namespace

std::unique_ptr<Store> open_register_project(const std::string& address) {
  auto store = std::make_unique<RegisterStore>(project_address(address));
  store->load();
  return store;
}

Project read_register_project(const std::string& address) {
  RegisterStore store(project_address(address));
  store.load();
  return store.project();
}

std::unique_ptr<Store> create_register_project(const std::string& address, const Project& project) {
  auto store = std::make_unique<RegisterStore>(project_address(address));
  store->import(project);
  store->load();
  return store;
}

std::string init_register(const std::string& address) {
  PgConnection db(parse_register_address(address));
  return init_register_schema(db);
}

void grant_register_role(const std::string& address, const std::string& login,
                         const std::string& role) {
  PgConnection db(parse_register_address(address));
  require_register(db);
  db.exec("SELECT equivalue.grant_role($1, $2)", {login, role});
}

std::vector<RegisterProject> list_register_projects(const std::string& address) {
  PgConnection db(parse_register_address(address));
  require_some_role(db, identity_of(db));
  require_register(db);
  const PgResult r = db.exec(
      "SELECT p.id, coalesce(p.header::jsonb #>> '{project,name}', ''), "
      "(SELECT count(*) FROM equivalue.change c WHERE c.project_id = p.id), "
      "to_char(greatest(p.updated_at, (SELECT max(updated_at) FROM equivalue.change c WHERE "
      "c.project_id = p.id)) "
      "AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC' FROM equivalue.project p ORDER BY p.id");
  std::vector<RegisterProject> out;
  for (int i = 0; i < r.rows(); ++i)
    out.push_back(
        {r.text(i, 0), r.text(i, 1), static_cast<std::size_t>(r.integer(i, 2)), r.text(i, 3)});
  return out;
}

}  // namespace eqv::storage
