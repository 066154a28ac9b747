#include "equivalue/storage/project_store.hpp"

#include "equivalue/core/field_diff.hpp"
#include "editor_lock.hpp"
#include "project_rows.hpp"
#include "schema.hpp"

#include "equivalue/core/errors.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unordered_map>

namespace eqv::storage {

namespace fs = std::filesystem;
using namespace detail;

namespace {

constexpr char kSqliteHeader[16] = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f',
                                    'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};

std::uint32_t big_endian(const unsigned char* p, int bytes) {
  std::uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | p[i];
  return v;
}

// Checks what can be checked before SQLite reads the file, so that each common fault
// gets its own plain message: missing, a folder, empty, not a project, cut short.
void check_file(const std::string& path) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status))
    throw InputError(path + ": no such file; check the name and folder");
  if (fs::is_directory(status))
    throw InputError(path + ": this is a folder, not a project file; give the .eqv file inside it");
  if (!fs::is_regular_file(status))
    throw InputError(path + ": this is not an ordinary file, so it cannot be a project");
  const auto size = fs::file_size(path, ec);
  if (ec) throw InputError(path + ": cannot be read (" + ec.message() + ")");
  if (size == 0)
    throw InputError(
        path +
        ": the file is empty (0 bytes), so it holds no project; it may have been cut off while "
        "being copied. Use a backup copy, or import the project again from JSON");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot be read (check that you have permission to open it)");
  std::array<unsigned char, 100> header{};
  in.read(reinterpret_cast<char*>(header.data()), header.size());
  const auto got = static_cast<std::size_t>(in.gcount());
  if (got < sizeof kSqliteHeader ||
      std::memcmp(header.data(), kSqliteHeader, sizeof kSqliteHeader) != 0)
    throw InputError(
        path +
        ": this is not an Equivalue project file (.eqv): it does not start the way every "
        "project file does. It may be another kind of file renamed, or badly damaged");
  // A writer that stopped mid-save leaves a journal holding the pages as they were; SQLite
  // puts them back on opening, so the size cannot be judged until then.
  if (fs::exists(path + "-journal", ec)) return;
  if (got < header.size())
    throw InputError(path + ": the project file is cut short (only " + std::to_string(size) +
                     " bytes); it may have been cut off while being copied. Use a backup copy");
  std::uint32_t page_size = big_endian(&header[16], 2);
  if (page_size == 1) page_size = 65536;
  const std::uint32_t pages = big_endian(&header[28], 4);
  const bool pages_valid = big_endian(&header[24], 4) == big_endian(&header[92], 4) && pages > 0;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    throw InputError(path +
                     ": the project file is damaged (its header is not valid); use a backup copy");
  if (size % page_size != 0 || (pages_valid && size < std::uintmax_t{page_size} * pages))
    throw InputError(
        path + ": the project file is cut short (" + std::to_string(size) + " bytes, " +
        (pages_valid ? "expected " + std::to_string(std::uintmax_t{page_size} * pages) + ")"
                     : "not a whole number of pages)") +
        "; it may have been cut off while being copied. Use a backup copy");
}

// Why a file cannot be changed, judged from its permissions (also for a superuser, who
// could write it anyway: a read-only file is the owner's statement).
std::string read_only_file_reason(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return "the file is read-only";
  if (::access(path.c_str(), W_OK) != 0) return "you do not have permission to change this file";
  return {};
}

[[noreturn]] void rethrow_sqlite(const std::string& path, const SQLite::Exception& e,
                                 const char* doing) {
  const int code = e.getErrorCode();
  switch (code) {
    case SQLITE_NOTADB:
      throw InputError(
          path +
          ": this is not an Equivalue project file, or it is badly damaged; use a backup copy");
    case SQLITE_CORRUPT:
      throw InputError(path + ": the project file is damaged (" + e.what() +
                       "); use a backup copy");
    case SQLITE_ERROR:
    case SQLITE_MISMATCH:
    case SQLITE_CONSTRAINT:
      // On opening, our own statements meet a file whose tables are not the ones its version
      // number promises: another program's database, or one edited by hand.
      if (std::string_view(doing) == "opening the project")
        throw InputError(path + ": this is not an Equivalue project file, or it is damaged (" +
                         e.what() + "); use a backup copy");
      throw std::runtime_error(path + ": " + doing + " failed: " + e.what());
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw InputError(path +
                       ": the file is busy: another program is saving it. Try again in a moment");
    case SQLITE_CANTOPEN:
      throw InputError(path +
                       ": cannot be opened (check the folder exists and that you may use it)");
    case SQLITE_READONLY:
      if (e.getExtendedErrorCode() == SQLITE_READONLY_ROLLBACK)
        throw InputError(
            path +
            ": the project was left half-saved when a program stopped, and it is read-only here, "
            "so it cannot be tidied. Open it once where the file can be changed");
      throw InputError(path + ": cannot be changed: the file or its folder is read-only");
    case SQLITE_FULL:
      throw std::runtime_error(path + ": the disk is full, so " + doing +
                               " failed. Nothing was changed");
    case SQLITE_IOERR:
      throw std::runtime_error(path + ": " + doing +
                               " failed: the disk or network share reported an error (" + e.what() +
                               "). Nothing was changed");
    default:
      throw std::runtime_error(path + ": " + doing + " failed: " + e.what());
  }
}

// The file's sidecar names, removed when a file could not be created.
void remove_file_and_journal(const std::string& path) {
  std::error_code ec;
  fs::remove(path, ec);
  fs::remove(path + "-journal", ec);
}

std::string backup_name(const std::string& path, int version) {
  const fs::path p(path);
  const std::string stem = (p.parent_path() / p.stem()).string();
  const std::string ext = p.extension().string().empty() ? ".eqv" : p.extension().string();
  std::string name = stem + ".v" + std::to_string(version) + "-backup" + ext;
  for (int n = 2; fs::exists(name); ++n)
    name = stem + ".v" + std::to_string(version) + "-backup-" + std::to_string(n) + ext;
  return name;
}

std::int64_t read_revision(SQLite::Database& db) {
  return db.execAndGet("SELECT number FROM revision WHERE id = 1").getInt64();
}

void bump_revision(SQLite::Database& db) {
  db.exec("UPDATE revision SET number = number + 1 WHERE id = 1");
}

void insert_audit(SQLite::Database& db, const std::string& user, const std::string& when,
                  const std::string& what, const std::vector<FieldChange>& changes) {
  SQLite::Statement q(db,
                      "INSERT INTO audit (at, user, what, record, field, old_value, new_value) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const auto& c : changes) {
    q.bind(1, when);
    q.bind(2, user);
    q.bind(3, what);
    q.bind(4, c.record);
    q.bind(5, c.field);
    q.bind(6, c.old_value);
    q.bind(7, c.new_value);
    q.exec();
    q.reset();
  }
}

std::string change_label(const ServiceChange& c, std::size_t position) {
  return c.id.empty() ? "changes[#" + std::to_string(position) + "]" : "changes[" + c.id + "]";
}

}  // namespace

struct ProjectStore::State {
  std::string path;
  std::unique_ptr<SQLite::Database> db;
  EditorLock lock;
  bool read_only = false;
  std::string reason;
  Project project;
  std::vector<std::int64_t> change_rows;
  std::int64_t revision = 0;

  void load() {
    SQLite::Transaction read(*db);  // one consistent snapshot
    revision = read_revision(*db);
    project = read_project(*db, path, change_rows);
    read.commit();
  }
};

ProjectStore::ProjectStore(std::unique_ptr<State> state) : state_(std::move(state)) {}

ProjectStore::~ProjectStore() {
  if (!state_) return;
  state_->db.reset();  // close the database before giving up the editor lock
  state_->lock.release();
}

const std::string& ProjectStore::path() const { return state_->path; }
bool ProjectStore::read_only() const { return state_->read_only; }
const std::string& ProjectStore::read_only_reason() const { return state_->reason; }
const Project& ProjectStore::project() const { return state_->project; }

bool has_sqlite_header(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char header[sizeof kSqliteHeader] = {};
  in.read(header, sizeof header);
  return in.gcount() == sizeof header && std::memcmp(header, kSqliteHeader, sizeof header) == 0;
}

std::unique_ptr<ProjectStore> ProjectStore::open(const std::string& path) {
  return std::unique_ptr<ProjectStore>(new ProjectStore(open_state(path, true)));
}

std::optional<std::string> editor_of(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path + ".lock", ec)) return std::nullopt;
  const EditorLock probe = EditorLock::acquire(path);
  if (!probe.busy()) return std::nullopt;
  return probe.why().substr(0, probe.why().find(" has it open for editing"));
}

Project read_project_store(const std::string& path) {
  return std::move(ProjectStore::open_state(path, false)->project);
}

// Opens, checks and (when editable) upgrades the database; with `want_edit` false the
// file is opened read-only and never changed.
std::unique_ptr<ProjectStore::State> ProjectStore::open_state(const std::string& path,
                                                              bool want_edit) {
  check_file(path);
  auto state = std::make_unique<ProjectStore::State>();
  state->path = path;
  if (want_edit) {
    state->reason = read_only_file_reason(path);
    if (state->reason.empty()) {
      state->lock = EditorLock::acquire(path);
      if (!state->lock.held()) state->reason = state->lock.why();
    }
  } else {
    state->reason = "opened for reading only";
  }
  state->read_only = !state->reason.empty();
  // A journal left by a writer that stopped mid-save must be rolled back before anyone
  // reads the file, which needs write access: a reader that may write does that (under
  // SQLite's own locks) and changes nothing else.
  std::error_code ec;
  const bool recover = state->read_only && want_edit == false &&
                       fs::exists(path + "-journal", ec) && read_only_file_reason(path).empty();
  try {
    state->db = std::make_unique<SQLite::Database>(
        path, state->read_only && !recover ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE, 5000);
    configure_connection(*state->db, !state->read_only);
    const std::string check = state->db->execAndGet("PRAGMA quick_check").getString();
    if (check != "ok")
      throw InputError(path + ": the project file is damaged (" + check.substr(0, 200) +
                       "); use a backup copy");
    const int version = user_version(*state->db);
    if (application_id(*state->db) != kApplicationId) {
      if (version == 0 && !has_any_table(*state->db))
        throw InputError(path + ": this is an empty database, not an Equivalue project");
      throw InputError(path +
                       ": this is a database made by another program, not an Equivalue project");
    }
    if (version > kSchemaVersion)
      throw InputError(
          path + ": this project was saved by a newer version of Equivalue (file version " +
          std::to_string(version) + "; this version reads up to " + std::to_string(kSchemaVersion) +
          "). Install the latest version of Equivalue to open it");
    if (version < 1)
      throw InputError(path + ": the project file is damaged (no version); use a backup copy");
    if (version < kSchemaVersion) {
      if (state->read_only) {
        // Upgrade a copy in memory: a read-only view never changes the file.
        auto memory = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
        SQLite::Backup(*memory, *state->db).executeStep();
        configure_connection(*memory, false);
        SQLite::Transaction upgrade(*memory);
        migrate(*memory, version, kSchemaVersion);
        upgrade.commit();
        state->db = std::move(memory);
      } else {
        const std::string backup = backup_name(path, version);
        {
          SQLite::Database copy(backup, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
          copy.exec("PRAGMA synchronous = FULL");
          SQLite::Backup(copy, *state->db).executeStep();
        }
        SQLite::Transaction upgrade(*state->db, SQLite::TransactionBehavior::IMMEDIATE);
        if (user_version(*state->db) == version) migrate(*state->db, version, kSchemaVersion);
        upgrade.commit();
      }
    }
    state->load();
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(path, e, "opening the project");
  }
  return state;
}

std::unique_ptr<ProjectStore> ProjectStore::create(const std::string& path,
                                                   const Project& initial) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(path, ec)))
    throw InputError(
        path +
        ": a file of this name already exists; choose another name, or delete the old file first");
  // Claim the name first, so that two people creating the same file cannot both succeed.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    const int err = errno;
    if (err == EEXIST)
      throw InputError(path + ": a file of this name already exists; choose another name");
    throw InputError(path + ": cannot create the project file (" + std::strerror(err) +
                     "); check the folder exists and that you may save files there");
  }
  ::close(fd);

  auto state = std::make_unique<State>();
  state->path = path;
  try {
    state->lock = EditorLock::acquire(path);
    if (!state->lock.held())
      throw InputError(path + ": cannot create the project: " + state->lock.why());
    state->db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE, 5000);
    configure_connection(*state->db, true);
    SQLite::Transaction tx(*state->db, SQLite::TransactionBehavior::IMMEDIATE);
    migrate(*state->db, 0, kSchemaVersion);
    state->change_rows = write_project(*state->db, initial);
    insert_audit(*state->db, os_user_name(), utc_now(), "Create the project",
                 {{"project", "created", "", initial.project.name}});
    bump_revision(*state->db);
    tx.commit();
    state->revision = read_revision(*state->db);
    state->project = initial;
  } catch (const SQLite::Exception& e) {
    state->db.reset();
    state->lock.release();
    remove_file_and_journal(path);
    rethrow_sqlite(path, e, "creating the project");
  } catch (...) {
    state->db.reset();
    state->lock.release();
    remove_file_and_journal(path);
    throw;
  }
  return std::unique_ptr<ProjectStore>(new ProjectStore(std::move(state)));
}

namespace {

// Writes the difference between the saved project and `next`, with its audit rows, inside
// the caller's transaction; returns the service changes' row ids for `next`.
std::vector<std::int64_t> write_edit(SQLite::Database& db, const Project& before,
                                     const std::vector<std::int64_t>& before_rows,
                                     const Project& next, const std::string& what) {
  std::vector<FieldChange> changes;
  if (next.project != before.project || next.segments != before.segments ||
      next.proxy_library != before.proxy_library) {
    diff_project_header(before, next, changes);
    write_project_header(db, next);
  }

  // Match each new service change with its saved state: by position when the list kept
  // its length, else by id. Only the ones that differ are rewritten.
  std::vector<int> match(next.changes.size(), -1);
  std::vector<bool> used(before.changes.size(), false);
  if (next.changes.size() == before.changes.size()) {
    for (std::size_t j = 0; j < next.changes.size(); ++j) {
      match[j] = static_cast<int>(j);
      used[j] = true;
    }
  } else {
    std::unordered_multimap<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < before.changes.size(); ++i) by_id.emplace(before.changes[i].id, i);
    for (std::size_t j = 0; j < next.changes.size(); ++j) {
      auto [first, last] = by_id.equal_range(next.changes[j].id);
      for (auto it = first; it != last; ++it) {
        if (!used[it->second]) {
          match[j] = static_cast<int>(it->second);
          used[it->second] = true;
          break;
        }
      }
    }
  }
  for (std::size_t i = 0; i < before.changes.size(); ++i) {
    if (used[i]) continue;
    diff_change(&before.changes[i], nullptr, change_label(before.changes[i], i), changes);
    delete_change(db, before_rows[i]);
  }
  std::vector<std::int64_t> rows(next.changes.size(), 0);
  std::unique_ptr<ChangeWriter> writer;
  for (std::size_t j = 0; j < next.changes.size(); ++j) {
    const ServiceChange& now = next.changes[j];
    const int position = static_cast<int>(j);
    if (match[j] >= 0) {
      const auto i = static_cast<std::size_t>(match[j]);
      if (now == before.changes[i]) {
        rows[j] = before_rows[i];
        if (i != j) set_change_position(db, rows[j], position);
        continue;
      }
      diff_change(&before.changes[i], &now, change_label(now, j), changes);
      delete_change(db, before_rows[i]);
    } else {
      diff_change(nullptr, &now, change_label(now, j), changes);
    }
    if (!writer) writer = std::make_unique<ChangeWriter>(db);
    rows[j] = writer->insert(now, position);
  }
  insert_audit(db, os_user_name(), utc_now(), what.empty() ? "Edit the project" : what, changes);
  bump_revision(db);
  return rows;
}

}  // namespace

void ProjectStore::update(const std::function<void(Project&)>& edit, const std::string& what) {
  State& s = *state_;
  if (s.read_only) throw InputError(s.path + ": cannot change the project: " + s.reason);
  Project next = s.project;
  edit(next);
  if (next == s.project) return;

  std::vector<std::int64_t> rows;
  bool stale = false;
  try {
    SQLite::Transaction tx(*s.db, SQLite::TransactionBehavior::IMMEDIATE);
    stale = read_revision(*s.db) != s.revision;
    if (!stale) {
      rows = write_edit(*s.db, s.project, s.change_rows, next, what);
      tx.commit();
    }
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(s.path, e, "saving your change");
  }
  if (stale) {
    try {
      s.load();
    } catch (const SQLite::Exception& e) {
      rethrow_sqlite(s.path, e, "reloading the project");
    }
    throw InputError(
        s.path +
        ": someone else changed this project since you opened it, so your change was not "
        "saved. Their changes are now shown; please make your change again");
  }
  s.project = std::move(next);
  s.change_rows = std::move(rows);
  ++s.revision;
}

std::vector<AuditEntry> ProjectStore::audit(std::size_t limit) const {
  std::vector<AuditEntry> out;
  try {
    SQLite::Statement q(*state_->db,
                        "SELECT id, user, at, what, record, field, old_value, new_value FROM audit "
                        "ORDER BY id DESC LIMIT ?");
    q.bind(1, static_cast<std::int64_t>(limit));
    while (q.executeStep())
      out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                     q.getColumn(2).getString(), q.getColumn(3).getString(),
                     q.getColumn(4).getString(), q.getColumn(5).getString(),
                     q.getColumn(6).getString(), q.getColumn(7).getString()});
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(state_->path, e, "reading the audit trail");
  }
  return out;
}

std::optional<std::string> ProjectStore::setting(const std::string& key) const {
  try {
    SQLite::Statement q(*state_->db, "SELECT value FROM setting WHERE key = ?");
    q.bind(1, key);
    if (q.executeStep()) return q.getColumn(0).getString();
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(state_->path, e, "reading a setting");
  }
  return std::nullopt;
}

void ProjectStore::set_setting(const std::string& key, const std::string& value) {
  State& s = *state_;
  if (s.read_only) throw InputError(s.path + ": cannot change the project: " + s.reason);
  const auto old = setting(key);
  if (old && *old == value) return;
  try {
    SQLite::Transaction tx(*s.db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement q(*s.db,
                        "INSERT INTO setting (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    q.bind(1, key);
    q.bind(2, value);
    q.exec();
    insert_audit(*s.db, os_user_name(), utc_now(), "Change a setting",
                 {{"settings", key, old.value_or(""), value}});
    tx.commit();
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(s.path, e, "saving a setting");
  }
}

std::string ProjectStore::integrity_check() const {
  std::string result;
  try {
    SQLite::Statement q(*state_->db, "PRAGMA integrity_check");
    while (q.executeStep()) result += (result.empty() ? "" : "; ") + q.getColumn(0).getString();
    SQLite::Statement fk(*state_->db, "PRAGMA foreign_key_check");
    if (fk.executeStep()) result += "; a row refers to a missing " + fk.getColumn(2).getString();
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(state_->path, e, "checking the file");
  }
  return result;
}

}  // namespace eqv::storage
