#include "pg_connection.hpp"

#include <cctype>
#include <cstdlib>

namespace eqv::storage::detail {
namespace {

std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::strtol(s.substr(i + 1, 2).c_str(), nullptr, 16));
      i += 2;
    } else {
      out += s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

// The first line of a libpq message, without its "FATAL:" or "ERROR:" prefix.
std::string first_line(std::string message) {
  const auto end = message.find('\n');
  if (end != std::string::npos) message.resize(end);
  for (const char* prefix : {"FATAL:  ", "ERROR:  ", "connection to server at "})
    if (message.rfind(prefix, 0) == 0) message = message.substr(std::string(prefix).size());
  return message;
}

bool contains(const std::string& text, const char* part) {
  return text.find(part) != std::string::npos;
}

// A sentence for a failed connection, by what libpq said.
std::string connect_failure(const RegisterAddress& a, const std::string& libpq) {
  const std::string where = a.shown + ": ";
  if (contains(libpq, "password authentication failed") || contains(libpq, "no password supplied"))
    return where +
           "the server refused the login: wrong password, or no such login. Check the user name "
           "and "
           "password (in the address, PGPASSWORD or ~/.pgpass), or ask IT to check your login";
  if (contains(libpq, "GSSAPI") || contains(libpq, "Kerberos"))
    return where + "single sign-on (Kerberos) did not work: " + first_line(libpq) +
           ". Check that you are signed in to the council's domain (klist), or ask IT";
  if (contains(libpq, "does not exist") && contains(libpq, "database"))
    return where + "the server has no such database (" + first_line(libpq) +
           "). Check the database name in the address, or ask IT to create it";
  if (contains(libpq, "role") && contains(libpq, "does not exist"))
    return where + "the server has no such login (" + first_line(libpq) +
           "). Ask IT to create your login";
  if (contains(libpq, "no pg_hba.conf entry") || contains(libpq, "authentication failed"))
    return where + "the server does not accept this login from here (" + first_line(libpq) +
           "). Ask IT";
  if (contains(libpq, "could not translate host name") || contains(libpq, "Connection refused") ||
      contains(libpq, "timeout expired") || contains(libpq, "No such file or directory") ||
      contains(libpq, "Network is unreachable") || contains(libpq, "No route to host"))
    return where + "cannot reach the register's server (" + first_line(libpq) +
           "). Check the address and your network connection; if they are right, the server may be "
           "down: ask IT";
  return where + "cannot connect to the register: " + first_line(libpq);
}

}  // namespace

bool is_register_uri(const std::string& text) {
  return text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0;
}

RegisterAddress parse_register_address(const std::string& uri) {
  if (!is_register_uri(uri))
    throw InputError(uri +
                     ": not a register address; it starts postgresql://, as in "
                     "postgresql://eqv.council.local/equivalue?project=northshire-2026");
  RegisterAddress a;
  const auto question = uri.find('?');
  std::string base = uri.substr(0, question);
  std::string kept, kept_shown;
  if (question != std::string::npos) {
    std::string query = uri.substr(question + 1);
    std::size_t start = 0;
    while (start <= query.size()) {
      auto amp = query.find('&', start);
      if (amp == std::string::npos) amp = query.size();
      const std::string item = query.substr(start, amp - start);
      if (item.rfind("project=", 0) == 0) {
        a.project = percent_decode(item.substr(8));
      } else if (!item.empty()) {
        kept += (kept.empty() ? "" : "&") + item;
        // A password in the address is never shown.
        if (item.rfind("password=", 0) != 0) kept_shown += (kept_shown.empty() ? "" : "&") + item;
      }
      start = amp + 1;
    }
  }
  a.conninfo = base + (kept.empty() ? "" : "?" + kept);
  // Hide a password written into the address: postgresql://user:secret@host -> user@host.
  std::string shown = base + (kept_shown.empty() ? "" : "?" + kept_shown);
  const auto scheme_end = shown.find("://") + 3;
  const auto at = shown.find('@', scheme_end);
  const auto slash = shown.find('/', scheme_end);
  if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
    const auto colon = shown.find(':', scheme_end);
    if (colon != std::string::npos && colon < at) shown.erase(colon, at - colon);
  }
  a.shown = shown + (a.project.empty()
                         ? ""
                         : (kept_shown.empty() ? "?" : "&") + std::string("project=") + a.project);
  return a;
}

long long PgResult::integer(int row, int col) const {
  return std::atoll(PQgetvalue(r_.get(), row, col));
}

PgConnection::PgConnection(const RegisterAddress& address) : address_(address) { connect(); }

PgConnection::~PgConnection() {
  if (conn_) PQfinish(conn_);
}

void PgConnection::connect() {
  // Later settings win, so the address may override the timeout.
  const char* keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
  const char* values[] = {"5", "equivalue", address_.conninfo.c_str(), nullptr};
  conn_ = PQconnectdbParams(keys, values, 1);
  if (!conn_) throw InputError(address_.shown + ": cannot connect: out of memory");
  if (PQstatus(conn_) != CONNECTION_OK) {
    const std::string message = connect_failure(address_, PQerrorMessage(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
    throw InputError(message);
  }
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
  exec("SET TIME ZONE 'UTC'");
}

bool PgConnection::broken() const { return !conn_ || PQstatus(conn_) != CONNECTION_OK; }

void PgConnection::reconnect() {
  if (conn_) PQfinish(conn_);
  conn_ = nullptr;
  connect();
}

void PgConnection::fail(PGresult* result, const std::string& sql) {
  const char* code = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string state = code ? code : "";
  std::string message = result && PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)
                            ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)
                            : first_line(PQerrorMessage(conn_));
  if (result) PQclear(result);
  const bool lost = broken() || state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" ||
                    state == "57P03";
  if (lost)
    throw PgError(address_.shown + ": the connection to the register's server was lost (" +
                      message + "). Nothing of the change in progress was saved",
                  state, true);
  if (state.rfind("EQ", 0) == 0) throw PgError(message, state, false);
  if (state == "42501")
    throw PgError(address_.shown + ": the server refused this for your login: " + message, state,
                  false);
  if (state == "3F000" || state == "42P01" || state == "42883")
    throw PgError(address_.shown + ": this database holds no Equivalue register (" + message +
                      "). IT sets one up with: equivalue-cli server init " + address_.shown,
                  state, false);
  (void)sql;
  throw PgError(address_.shown + ": the register's server refused the request: " + message, state,
                false);
}

PgResult PgConnection::exec(const std::string& sql,
                            const std::vector<std::optional<std::string>>& params) {
  if (!conn_) reconnect();
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  PGresult* r = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                             values.data(), nullptr, nullptr, 0);
  const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(r, sql);
  return PgResult(r);
}

void PgConnection::exec_script(const std::string& sql) {
  if (!conn_) reconnect();
  PGresult* r = PQexec(conn_, sql.c_str());
  const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(r, "script");
  PQclear(r);
}

std::vector<std::string> PgConnection::notifications() {
  std::vector<std::string> out;
  if (!conn_ || !PQconsumeInput(conn_)) return out;
  while (PGnotify* n = PQnotifies(conn_)) {
    out.emplace_back(n->extra ? n->extra : "");
    PQfreemem(n);
  }
  return out;
}

PgTransaction::~PgTransaction() {
  if (done_ || c_.broken()) return;
  try {
    c_.exec("ROLLBACK");
  } catch (...) {  // the connection is gone: the server rolls back itself
  }
}

void PgTransaction::commit() {
  c_.exec("COMMIT");
  done_ = true;
}

}  // namespace eqv::storage::detail
