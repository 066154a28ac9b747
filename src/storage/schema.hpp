// The .eqv schema, one numbered migration per version (PRAGMA user_version).
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>

namespace eqv::storage::detail {

// PRAGMA application_id of every .eqv file: "Eqv1".
inline constexpr std::int32_t kApplicationId = 0x45717631;

// Settings every connection needs: foreign keys on, waits for a short lock, and for
// writable connections journal_mode=DELETE (never WAL: network shares) and synchronous=FULL.
void configure_connection(SQLite::Database& db, bool writable);

int user_version(SQLite::Database& db);
std::int32_t application_id(SQLite::Database& db);
bool has_any_table(SQLite::Database& db);

// Runs migrations from+1 .. to, each with its user_version, inside the caller's transaction.
void migrate(SQLite::Database& db, int from, int to);

}  // namespace eqv::storage::detail
