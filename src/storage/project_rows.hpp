// The project model to and from the .eqv tables (schema.cpp). Each record's columns are
// its fields' columns in the field registry (row_fields.hpp); a table per list.
#pragma once

#include "equivalue/core/model.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace eqv::storage::detail {

// Replaces the project settings, deflators and segment profile.
void write_project_header(SQLite::Database& db, const Project& project);

// Inserts service changes, with statements prepared once for many changes.
class ChangeWriter {
 public:
  explicit ChangeWriter(SQLite::Database& db);
  ~ChangeWriter();
  ChangeWriter(const ChangeWriter&) = delete;
  ChangeWriter& operator=(const ChangeWriter&) = delete;
  // Inserts one service change at `position`; returns its row id.
  std::int64_t insert(const ServiceChange& change, int position);

 private:
  void insert_outcomes(std::int64_t change_row, const std::vector<Outcome>& outcomes);
  void insert_eqia(std::int64_t change_row, const Eqia& eqia);
  struct Statements;
  SQLite::Database& db_;
  std::unique_ptr<Statements> st_;
};

// Deletes one service change and everything under it.
void delete_change(SQLite::Database& db, std::int64_t row);

void set_change_position(SQLite::Database& db, std::int64_t row, int position);

// Writes a whole project into empty tables; returns the changes' row ids in order.
std::vector<std::int64_t> write_project(SQLite::Database& db, const Project& project);

// Reads the whole project; `change_rows` receives the changes' row ids in order.
// Throws InputError naming the table when a stored value cannot be read.
Project read_project(SQLite::Database& db, const std::string& path,
                     std::vector<std::int64_t>& change_rows);

}  // namespace eqv::storage::detail
