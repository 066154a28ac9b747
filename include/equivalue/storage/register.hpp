// equivalue_storage: the shared register, projects kept on a PostgreSQL server.
//
// Design
// - One database holds a register: schema `equivalue` (tables project, change,
//   workflow_event, editor, audit, setting), numbered migrations recorded in
//   equivalue.schema_version (a newer schema is refused, as a newer .eqv file is).
// - A service change is one row: its equivalue/1 JSON plus a version, bumped by every
//   write. The assessment's status, version and history are columns and rows that only
//   the workflow functions change.
// - Identity is the database login (session_user): a password, or Kerberos/GSSAPI single
//   sign-on through libpq's own settings. Never typed into Equivalue.
// - Roles equivalue_lead, equivalue_officer, equivalue_finance, equivalue_admin. The
//   server enforces them: the roles may only read the tables (row-level security, no
//   write privilege) and every write is a SECURITY DEFINER function that checks the
//   caller's roles and the workflow rules of core/workflow.hpp, stamps the login and the
//   server's time on every audit and history row, and tells other clients
//   (NOTIFY equivalue, payload = project id).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "equivalue/storage/store.hpp"

namespace eqv::storage {

struct RegisterProject {
  std::string id;    // as in ?project=
  std::string name;  // the project's name
  std::size_t changes = 0;
  std::string updated;  // last change to any record, "2026-11-30 16:42 UTC by jo"
};

// Opens the project named in `address` (?project=...). Read-only when the login holds
// neither lead nor admin. Throws InputError naming the fault (unreachable, wrong
// password, no register, no such project, no role).
std::unique_ptr<Store> open_register_project(const std::string& address);

// Reads the project without keeping a connection (validate, calc, export, dump).
Project read_register_project(const std::string& address);

// Creates the project named in `address` holding `project` (register administrators).
std::unique_ptr<Store> create_register_project(const std::string& address, const Project& project);

// server init: creates or upgrades the register's schema, roles and functions; returns a
// sentence saying what was done.
std::string init_register(const std::string& address);

// server grant: gives an existing login one of the roles lead, officer, finance, admin.
void grant_register_role(const std::string& address, const std::string& login,
                         const std::string& role);

// server projects: the projects in the register.
std::vector<RegisterProject> list_register_projects(const std::string& address);

}  // namespace eqv::storage
