#include "schema.hpp"

#include "equivalue/storage/project_store.hpp"

#include <SQLiteCpp/Statement.h>

#include <stdexcept>
#include <string>

namespace eqv::storage::detail {
namespace {

// Version 1: the project, its segments, its service changes and the audit trail.
// Money, rates and shares are TEXT holding the exact decimal.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE revision (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  number INTEGER NOT NULL
) STRICT;
INSERT INTO revision (id, number) VALUES (1, 0);

CREATE TABLE project (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  jurisdiction TEXT NOT NULL,
  base_year INTEGER NOT NULL,
  currency TEXT NOT NULL,
  disclosure_threshold INTEGER NOT NULL,
  flag_ratio TEXT NOT NULL,
  segment_scheme TEXT NOT NULL
) STRICT;

CREATE TABLE deflator (
  year INTEGER PRIMARY KEY,
  idx TEXT NOT NULL
) STRICT;

CREATE TABLE characteristic (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  name TEXT NOT NULL
) STRICT;

CREATE TABLE category (
  characteristic_id INTEGER NOT NULL REFERENCES characteristic (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (characteristic_id, position)
) STRICT;

CREATE TABLE segment (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  population INTEGER NOT NULL
) STRICT;

CREATE TABLE composition (
  segment_id INTEGER NOT NULL REFERENCES segment (id) ON DELETE CASCADE,
  characteristic TEXT NOT NULL,
  category TEXT NOT NULL,
  share TEXT NOT NULL,
  PRIMARY KEY (segment_id, characteristic, category)
) STRICT;

CREATE TABLE change (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  discount_kind TEXT NOT NULL CHECK (discount_kind IN ('rate', 'green-book')),
  discount_rate TEXT NOT NULL,
  first_year_discounted INTEGER NOT NULL CHECK (first_year_discounted IN (0, 1)),
  optimism_bias TEXT NOT NULL
) STRICT;

CREATE TABLE stakeholder (
  change_id INTEGER NOT NULL REFERENCES change (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  segment TEXT NOT NULL,
  PRIMARY KEY (change_id, position)
) STRICT;

CREATE TABLE input (
  change_id INTEGER NOT NULL REFERENCES change (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  stakeholder TEXT NOT NULL,
  description TEXT NOT NULL,
  amount TEXT NOT NULL,
  year INTEGER NOT NULL,
  PRIMARY KEY (change_id, position)
) STRICT;

CREATE TABLE outcome (
  id INTEGER PRIMARY KEY,
  change_id INTEGER NOT NULL REFERENCES change (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  stakeholder TEXT NOT NULL,
  description TEXT NOT NULL,
  indicator TEXT NOT NULL,
  quantity TEXT NOT NULL,
  proxy_value TEXT NOT NULL,
  proxy_description TEXT NOT NULL,
  proxy_unit TEXT NOT NULL,
  proxy_source TEXT NOT NULL,
  proxy_price_year INTEGER NOT NULL,
  proxy_evidence_grade TEXT NOT NULL,
  deadweight TEXT NOT NULL,
  displacement TEXT NOT NULL,
  attribution TEXT NOT NULL,
  drop_off TEXT NOT NULL,
  duration INTEGER NOT NULL,
  start_year INTEGER NOT NULL,
  value_type TEXT NOT NULL,
  agency TEXT NOT NULL,
  cashable INTEGER NOT NULL CHECK (cashable IN (0, 1))
) STRICT;
CREATE INDEX outcome_by_change ON outcome (change_id, position);

CREATE TABLE outcome_range (
  outcome_id INTEGER NOT NULL REFERENCES outcome (id) ON DELETE CASCADE,
  assumption TEXT NOT NULL,
  low TEXT NOT NULL,
  high TEXT NOT NULL,
  distribution TEXT NOT NULL,
  PRIMARY KEY (outcome_id, assumption)
) STRICT;

CREATE TABLE affected_segment (
  change_id INTEGER NOT NULL REFERENCES change (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  segment TEXT NOT NULL,
  share TEXT NOT NULL,
  PRIMARY KEY (change_id, position)
) STRICT;

CREATE TABLE eqia (
  change_id INTEGER PRIMARY KEY REFERENCES change (id) ON DELETE CASCADE,
  template TEXT NOT NULL,
  status TEXT NOT NULL,
  version INTEGER NOT NULL,
  reference TEXT NOT NULL,
  directorate TEXT NOT NULL,
  lead_officer TEXT NOT NULL,
  proposal_type TEXT NOT NULL,
  budget TEXT,
  saving TEXT,
  decision_date TEXT NOT NULL,
  decision_maker TEXT NOT NULL,
  decision_outcome TEXT NOT NULL,
  decision_justification TEXT NOT NULL,
  review_date TEXT NOT NULL,
  review_summary TEXT NOT NULL
) STRICT;

CREATE TABLE screening (
  change_id INTEGER NOT NULL REFERENCES eqia (change_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  characteristic TEXT NOT NULL,
  relevant TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (change_id, position)
) STRICT;

CREATE TABLE impact (
  id INTEGER PRIMARY KEY,
  change_id INTEGER NOT NULL REFERENCES eqia (change_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  characteristic TEXT NOT NULL,
  rating TEXT NOT NULL,
  evidence TEXT NOT NULL,
  engagement TEXT NOT NULL,
  likelihood INTEGER NOT NULL,
  severity INTEGER NOT NULL,
  residual_likelihood INTEGER,
  residual_severity INTEGER,
  mitigation TEXT NOT NULL,
  actual_impact TEXT NOT NULL
) STRICT;
CREATE INDEX impact_by_change ON impact (change_id, position);

CREATE TABLE impact_data_gap (
  impact_id INTEGER NOT NULL REFERENCES impact (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  gap TEXT NOT NULL,
  PRIMARY KEY (impact_id, position)
) STRICT;

CREATE TABLE eqia_action (
  change_id INTEGER NOT NULL REFERENCES eqia (change_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  owner TEXT NOT NULL,
  due TEXT NOT NULL,
  status TEXT NOT NULL,
  PRIMARY KEY (change_id, position)
) STRICT;

CREATE TABLE workflow_event (
  change_id INTEGER NOT NULL REFERENCES eqia (change_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  who TEXT NOT NULL,
  at TEXT NOT NULL,
  comment TEXT NOT NULL,
  PRIMARY KEY (change_id, position)
) STRICT;

CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  what TEXT NOT NULL,
  record TEXT NOT NULL,
  field TEXT NOT NULL,
  old_value TEXT NOT NULL,
  new_value TEXT NOT NULL
) STRICT;
)sql";

// Version 2: project settings (key/value, for the application), the EqIA template's local
// additions the council screens, the council's unit costs per contact channel, and the
// audit trail indexed by record for the history of one field.
constexpr const char* kVersion2 = R"sql(
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
CREATE TABLE eqia_addition (
  position INTEGER PRIMARY KEY,
  addition TEXT NOT NULL
) STRICT;
CREATE TABLE channel_cost (
  channel TEXT PRIMARY KEY,
  cost TEXT NOT NULL
) STRICT;
CREATE INDEX audit_by_record ON audit (record, field);
)sql";

// Version 3: impacts on named groups of a characteristic (none = the whole characteristic),
// the post-implementation review's actual rating and evidence, and the project's threshold
// for flagging a group that bears several negative changes.
constexpr const char* kVersion3 = R"sql(
CREATE TABLE impact_group (
  impact_id INTEGER NOT NULL REFERENCES impact (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (impact_id, position)
) STRICT;
ALTER TABLE impact ADD COLUMN actual_rating TEXT
  CHECK (actual_rating IN ('positive', 'neutral', 'negative', 'unknown'));
ALTER TABLE impact ADD COLUMN actual_evidence TEXT NOT NULL DEFAULT '';
ALTER TABLE project ADD COLUMN cumulative_threshold INTEGER NOT NULL DEFAULT 2;
)sql";

// Version 4: the name of the project's own deflator series, whether proxies are rebased at
// all (an older file is rebased, as a project that never mentions it is), and the project's
// own proxy library (for example a council's licensed copy), in the columns of
// library_proxy_fields() in src/core/fields.cpp.
constexpr const char* kVersion4 = R"sql(
ALTER TABLE project ADD COLUMN deflator_series TEXT NOT NULL DEFAULT '';
ALTER TABLE project ADD COLUMN rebase_proxies INTEGER NOT NULL DEFAULT 1
  CHECK (rebase_proxies IN (0, 1));
CREATE TABLE library_proxy (
  position INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  description TEXT NOT NULL,
  unit TEXT NOT NULL,
  value TEXT NOT NULL,
  price_year INTEGER NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('social', 'economic', 'fiscal')),
  agency TEXT NOT NULL,
  evidence_grade TEXT NOT NULL,
  source TEXT NOT NULL,
  source_table TEXT NOT NULL,
  source_url TEXT NOT NULL,
  licence TEXT NOT NULL
) STRICT;
)sql";

// Version 5: joint characteristics of the segments (from a Census multivariate table):
// each one's name and, in order, the characteristics it crosses.
constexpr const char* kVersion5 = R"sql(
CREATE TABLE intersection (
  characteristic TEXT NOT NULL,
  position INTEGER NOT NULL,
  crosses TEXT NOT NULL,
  PRIMARY KEY (characteristic, position)
) STRICT;
)sql";

constexpr const char* kMigrations[] = {kVersion1, kVersion2, kVersion3, kVersion4, kVersion5};
constexpr int kMigrationCount = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);
static_assert(kMigrationCount == kSchemaVersion, "each schema version needs its migration");

}  // namespace

void configure_connection(SQLite::Database& db, bool writable) {
  db.exec("PRAGMA foreign_keys = ON");
  db.setBusyTimeout(5000);
  if (writable) {
    db.exec("PRAGMA journal_mode = DELETE");
    db.exec("PRAGMA synchronous = FULL");
  }
}

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

std::int32_t application_id(SQLite::Database& db) {
  return db.execAndGet("PRAGMA application_id").getInt();
}

bool has_any_table(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").getInt() > 0;
}

void migrate(SQLite::Database& db, int from, int to) {
  if (to > kMigrationCount || from < 0 || from > to) throw std::logic_error("no migration path");
  for (int version = from + 1; version <= to; ++version) {
    db.exec(kMigrations[version - 1]);
    db.exec("PRAGMA user_version = " + std::to_string(version));
  }
  db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
}

}  // namespace eqv::storage::detail
