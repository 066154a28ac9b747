// A thin RAII layer over libpq: one connection, parameterised statements with text
// values, results as strings, and every libpq failure turned into a sentence a council
// officer or their IT can act on. Nothing here knows the register's tables.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "equivalue/core/errors.hpp"

namespace eqv::storage::detail {

// A register address split into what libpq reads and the project named in it.
struct RegisterAddress {
  std::string conninfo;  // the URI without the project parameter, handed to libpq
  std::string shown;     // the URI without any password, for messages
  std::string project;   // empty when the URI names no project
};

// True for postgresql:// and postgres:// addresses.
bool is_register_uri(const std::string& text);
// Splits postgresql://host/db?project=NAME&...; throws InputError for a malformed one.
RegisterAddress parse_register_address(const std::string& uri);

// The database refused a statement. `sqlstate` is the five-character SQLSTATE; the
// register's own refusals use class EQ (EQ001 not your role, EQ002 stale, EQ003 rules).
class PgError : public InputError {
 public:
  PgError(const std::string& message, std::string sqlstate, bool connection_lost)
      : InputError(message), sqlstate_(std::move(sqlstate)), connection_lost_(connection_lost) {}
  const std::string& sqlstate() const { return sqlstate_; }
  bool connection_lost() const { return connection_lost_; }

 private:
  std::string sqlstate_;
  bool connection_lost_;
};

class PgResult {
 public:
  explicit PgResult(PGresult* r) : r_(r, &PQclear) {}
  int rows() const { return PQntuples(r_.get()); }
  bool null(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
  std::string text(int row, int col) const { return PQgetvalue(r_.get(), row, col); }
  long long integer(int row, int col) const;

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> r_;
};

class PgConnection {
 public:
  // Connects (5 s timeout unless the address sets connect_timeout); throws InputError with
  // a clear message for an unreachable host, a refused login or a missing database.
  explicit PgConnection(const RegisterAddress& address);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs one statement with text parameters ($1, $2...; nullopt = SQL NULL).
  PgResult exec(const std::string& sql, const std::vector<std::optional<std::string>>& params = {});
  // Runs a script of several statements without parameters.
  void exec_script(const std::string& sql);

  // True when the server has gone (restarted, connection cut).
  bool broken() const;
  // Connects again after a lost connection; throws InputError if the server is still away.
  void reconnect();
  // Notifications received on channels this connection LISTENs to (their payloads);
  // reads what has arrived without waiting.
  std::vector<std::string> notifications();
  PGconn* raw() { return conn_; }
  const RegisterAddress& address() const { return address_; }

 private:
  void connect();
  [[noreturn]] void fail(PGresult* result, const std::string& sql);
  RegisterAddress address_;
  PGconn* conn_ = nullptr;
};

// A transaction that rolls back unless committed.
class PgTransaction {
 public:
  explicit PgTransaction(PgConnection& c) : c_(c) { c_.exec("BEGIN"); }
  ~PgTransaction();
  void commit();

 private:
  PgConnection& c_;
  bool done_ = false;
};

}  // namespace eqv::storage::detail
