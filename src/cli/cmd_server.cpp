// equivalue-cli server init|grant|projects: setting up a shared register on PostgreSQL
// (docs/REGISTER.md).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli.hpp"
#include "equivalue/storage/register.hpp"

namespace eqv::cli {
namespace {

struct ServerArgs {
  std::string address;
  std::string login;
  std::string role;
};

int run_projects(const ServerArgs& args) {
  const auto projects = storage::list_register_projects(args.address);
  if (projects.empty()) {
    std::cout << "The register holds no projects yet. A register administrator imports one with:\n"
                 "  equivalue-cli import PROJECT.json -o 'ADDRESS?project=NAME'\n";
    return 0;
  }
  for (const auto& p : projects)
    std::cout << p.id << "\t" << p.name << "\t" << p.changes << " service change"
              << (p.changes == 1 ? "" : "s") << "\tlast changed " << p.updated << "\n";
  return 0;
}

}  // namespace

Command add_server_command(CLI::App& app) {
  auto args = std::make_shared<ServerArgs>();
  auto* cmd =
      app.add_subcommand("server", "Set up a shared register on a PostgreSQL server (for IT)");
  cmd->require_subcommand(1);
  const char* address_help = "Register address, postgresql://HOST/DATABASE (libpq connection URI)";

  auto* init =
      cmd->add_subcommand("init",
                          "Create or upgrade the register's tables, roles and functions "
                          "(run by a database superuser, or a login with CREATEROLE that owns "
                          "the database)");
  init->add_option("ADDRESS", args->address, address_help)->required();

  auto* grant =
      cmd->add_subcommand("grant",
                          "Give an existing database login a role: lead (edits and submits), "
                          "officer (returns, approves, publishes), finance (reads), admin "
                          "(creates projects, gives roles)");
  grant->add_option("ADDRESS", args->address, address_help)->required();
  grant->add_option("LOGIN", args->login, "Database login (the user name people sign in with)")
      ->required();
  grant->add_option("ROLE", args->role, "lead, officer, finance or admin")
      ->required()
      ->check(CLI::IsMember({"lead", "officer", "finance", "admin"}));

  auto* projects = cmd->add_subcommand("projects", "List the projects in the register");
  projects->add_option("ADDRESS", args->address, address_help)->required();

  return [args, init, grant] {
    if (init->parsed()) {
      std::cout << storage::init_register(args->address) << "\n";
      return 0;
    }
    if (grant->parsed()) {
      storage::grant_register_role(args->address, args->login, args->role);
      std::cout << args->login << " now holds the role " << args->role << " in the register\n";
      return 0;
    }
    return run_projects(*args);
  };
}

}  // namespace eqv::cli
