// The register's schema on PostgreSQL: numbered migrations recorded in
// equivalue.schema_version, the four roles, and the check every client makes on connecting.
#pragma once

#include "pg_connection.hpp"

namespace eqv::storage::detail {

// The register schema version this build writes and reads.
inline constexpr int kRegisterSchemaVersion = 2;

// True when the database holds a register (any version); needs no role.
bool has_register_schema(PgConnection& db);

// The register's schema version in this database, 0 when it has none.
int register_schema_version(PgConnection& db);

// Throws InputError unless the database holds a register this build can use: none ("set
// it up with server init") or a newer one ("install the latest Equivalue").
void require_register(PgConnection& db);

// Creates or upgrades the schema, roles and functions in one transaction; returns a
// sentence saying what was done. Refuses a schema newer than this build.
std::string init_register_schema(PgConnection& db);

}  // namespace eqv::storage::detail
