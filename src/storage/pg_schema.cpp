#include "pg_schema.hpp"

#include <string>
#include <vector>

namespace eqv::storage::detail {
namespace {

// Roles are shared by every database on the server, so they may exist already.
constexpr const char* kCreateRoles = R"SQL(
DO $$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['equivalue_lead', 'equivalue_officer', 'equivalue_finance', 'equivalue_admin'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END $$;
)SQL";

// migrations[i] takes the schema from version i to i + 1.
const std::vector<const char*>& migrations() {
  static const std::vector<const char*> list = {
#include "pg_schema.sql.inc"
      ,
#include "pg_schema_2.sql.inc"
  };
  return list;
}

std::string newer_schema(const PgConnection& db, int version) {
  return db.address().shown +
         ": this register was set up by a newer version of Equivalue (register version " +
         std::to_string(version) + "; this version works with up to " +
         std::to_string(kRegisterSchemaVersion) +
         "). Install the latest version of Equivalue to use it";
}

}  // namespace

bool has_register_schema(PgConnection& db) {
  // From the catalogue, which anyone may read (the schema itself only the roles may use).
  const PgResult exists = db.exec(
      "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE n.nspname = 'equivalue' AND c.relname = 'schema_version')");
  return exists.text(0, 0) == "t";
}

int register_schema_version(PgConnection& db) {
  if (!has_register_schema(db)) return 0;
  const PgResult v = db.exec("SELECT version FROM equivalue.schema_version");
  return v.rows() == 0 ? 0 : static_cast<int>(v.integer(0, 0));
}

void require_register(PgConnection& db) {
  const int version = register_schema_version(db);
  if (version == 0)
    throw InputError(db.address().shown +
                     ": this database holds no Equivalue register. IT sets one up with: "
                     "equivalue-cli server init " +
                     db.address().shown);
  if (version > kRegisterSchemaVersion) throw InputError(newer_schema(db, version));
  if (version < kRegisterSchemaVersion)
    throw InputError(db.address().shown +
                     ": this register needs upgrading to work with this version of "
                     "Equivalue. IT upgrades it with: equivalue-cli server init " +
                     db.address().shown);
}

std::string init_register_schema(PgConnection& db) {
  static_assert(kRegisterSchemaVersion >= 1);
  PgTransaction tx(db);
  // One initialiser at a time: a second waits, then finds the work done.
  db.exec("SELECT pg_advisory_xact_lock(hashtext('equivalue register schema'))");
  const int from = register_schema_version(db);
  if (from > kRegisterSchemaVersion) throw InputError(newer_schema(db, from));
  if (from == kRegisterSchemaVersion)
    return db.address().shown + ": the register is already set up (version " +
           std::to_string(from) + "); nothing to do";
  db.exec_script(kCreateRoles);
  for (int v = from; v < kRegisterSchemaVersion; ++v) {
    db.exec_script(migrations().at(static_cast<std::size_t>(v)));
    db.exec("UPDATE equivalue.schema_version SET version = $1", {std::to_string(v + 1)});
  }
  tx.commit();
  return db.address().shown +
         (from == 0 ? ": register set up"
                    : ": register upgraded from version " + std::to_string(from)) +
         " (version " + std::to_string(kRegisterSchemaVersion) +
         "). Give people roles with: equivalue-cli server grant ADDRESS LOGIN "
         "lead|officer|finance|admin";
}

}  // namespace eqv::storage::detail
