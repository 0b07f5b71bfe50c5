// The PostgreSQL side of the server's SQL layer; see sql.hpp. Values go as
// text; each statement text is prepared once per connection (a push runs
// the same few dozen each time, and PostgreSQL's backends parsed and
// planned them anew on every call), then run with PQexecPrepared: one
// round trip per statement.
#include <libpq-fe.h>

#include <cstdlib>
#include <unordered_map>
#include <vector>

#include "sync/server/sql.hpp"

namespace ft::server {

namespace {

// "?" -> "$1", "$2", ... outside quoted strings.
std::string number_placeholders(const char* sql) {
  std::string out;
  int n = 0;
  bool quoted = false;
  for (const char* p = sql; *p; ++p) {
    if (*p == '\'') quoted = !quoted;
    if (*p == '?' && !quoted) out += "$" + std::to_string(++n);
    else out += *p;
  }
  return out;
}

std::string one_line(const char* message) {
  std::string s = message ? message : "unknown error";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  for (char& c : s)
    if (c == '\n') c = ' ';
  return s;
}

// The names of a connection's prepared statements, by their text. Prepared
// statements belong to the session, not to a transaction: one prepared in a
// transaction that then rolls back stays. A new session (reconnect) has none.
class PreparedNames {
 public:
  // The statement's name, preparing it first if this session has not; empty
  // when the cache is full (then the statement runs unprepared).
  std::string name_for(PGconn* conn, bool& broken, const std::string& sql) {
    if (auto it = names_.find(sql); it != names_.end()) return it->second;
    // The server's statements are fixed texts; the bound only guards against a caller that builds them.
    if (names_.size() >= kMaxTexts) return {};
    std::string name = "ft" + std::to_string(names_.size() + 1);
    PGresult* r = PQprepare(conn, name.c_str(), sql.c_str(), 0, nullptr);
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!ok) {
      if (PQstatus(conn) != CONNECTION_OK) broken = true;
      throw SqlError("database error: " + one_line(PQerrorMessage(conn)));
    }
    names_.emplace(sql, name);
    return name;
  }
  void forget() { names_.clear(); }

 private:
  static constexpr std::size_t kMaxTexts = 256;
  std::unordered_map<std::string, std::string> names_;
};

class PgStmt final : public SqlStmtImpl {
 public:
  PgStmt(PGconn* conn, bool& broken, PreparedNames& prepared, const char* sql)
      : conn_(conn), broken_(broken), prepared_(prepared), sql_(number_placeholders(sql)) {}
  ~PgStmt() override { PQclear(result_); }
  void bind(int i, std::int64_t v) override { param(i) = std::to_string(v); }
  void bind(int i, std::string_view v) override { param(i) = std::string(v); }
  void bind_null(int i) override {
    param(i);
    nulls_.resize(std::max<size_t>(nulls_.size(), static_cast<size_t>(i)));
    nulls_[static_cast<size_t>(i - 1)] = true;
  }
  bool step() override {
    if (!result_) {
      std::vector<const char*> values(params_.size());
      for (size_t i = 0; i < params_.size(); ++i)
        values[i] = i < nulls_.size() && nulls_[i] ? nullptr : params_[i].c_str();
      const std::string name = prepared_.name_for(conn_, broken_, sql_);
      const int n = static_cast<int>(values.size());
      result_ = name.empty() ? PQexecParams(conn_, sql_.c_str(), n, nullptr, values.data(), nullptr, nullptr, 0)
                             : PQexecPrepared(conn_, name.c_str(), n, values.data(), nullptr, nullptr, 0);
      const auto status = PQresultStatus(result_);
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        // 26000: the session lost its prepared statements (DISCARD ALL, a
        // pooler that changed sessions under us). Broken, so the pool makes
        // the session anew and prepares again, instead of failing for good.
        const char* state = PQresultErrorField(result_, PG_DIAG_SQLSTATE);
        if (PQstatus(conn_) != CONNECTION_OK || (state && std::string_view(state) == "26000")) broken_ = true;
        throw SqlError("database error: " + one_line(PQerrorMessage(conn_)));
      }
      rows_ = PQntuples(result_);
      row_ = -1;
    }
    return ++row_ < rows_;
  }
  std::int64_t int64(int col) const override { return std::strtoll(PQgetvalue(result_, row_, col), nullptr, 10); }
  std::string text(int col) const override {
    return std::string(PQgetvalue(result_, row_, col), static_cast<size_t>(PQgetlength(result_, row_, col)));
  }
  bool is_null(int col) const override { return PQgetisnull(result_, row_, col); }

 private:
  std::string& param(int i) {
    if (params_.size() < static_cast<size_t>(i)) params_.resize(static_cast<size_t>(i));
    return params_[static_cast<size_t>(i - 1)];
  }
  PGconn* conn_;
  bool& broken_;
  PreparedNames& prepared_;
  std::string sql_;
  std::vector<std::string> params_;
  std::vector<bool> nulls_;
  PGresult* result_ = nullptr;
  int rows_ = 0, row_ = -1;
};

class PgDb final : public SqlDb {
 public:
  explicit PgDb(const std::string& uri) : uri_(uri) { connect(); }
  ~PgDb() override { PQfinish(conn_); }
  bool is_postgres() const override { return true; }
  void exec(const char* sql) override {
    PGresult* r = PQexec(conn_, sql);
    const auto status = PQresultStatus(r);
    PQclear(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      if (PQstatus(conn_) != CONNECTION_OK) broken_ = true;
      throw SqlError("database error: " + one_line(PQerrorMessage(conn_)));
    }
  }
  std::unique_ptr<SqlStmtImpl> prepare(const char* sql) override {
    return std::make_unique<PgStmt>(conn_, broken_, prepared_, sql);
  }
  void begin_write() override { exec("BEGIN"); }
  void begin_read() override { exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }
  void rollback() noexcept override {
    if (PQstatus(conn_) == CONNECTION_OK) PQclear(PQexec(conn_, "ROLLBACK"));
  }
  void lock_centre(const std::string& centre_id) override {
    // NO KEY UPDATE: serialises the centre's writers as FOR UPDATE would, but
    // lets an enrolment's or join code's foreign-key check on the centre row
    // through while a group of pushes holds it.
    SqlStmt(*this, "SELECT 1 FROM centres WHERE centre_id=? FOR NO KEY UPDATE").bind(1, centre_id).run();
  }
  bool healthy() const override { return !broken_ && PQstatus(conn_) == CONNECTION_OK; }
  void reconnect() override {
    PQfinish(conn_);
    conn_ = nullptr;
    prepared_.forget();  // they went with the old session
    connect();
  }

 private:
  void connect() {
    broken_ = false;
    conn_ = PQconnectdb(uri_.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      const std::string why = one_line(PQerrorMessage(conn_));
      broken_ = true;
      // Thrown from the constructor, ~PgDb never runs: the failed connection is freed here.
      PQfinish(conn_);
      conn_ = nullptr;
      throw SqlError("cannot connect to the PostgreSQL database " + redact_uri(uri_) + ": " + why);
    }
    // Server notices (e.g. "relation already exists, skipping") are not for the operator's log.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
    try {
      exec("SET client_encoding = 'UTF8'");
    } catch (const SqlError&) {
      PQfinish(conn_);
      conn_ = nullptr;
      throw;
    }
  }
  std::string uri_;
  PGconn* conn_ = nullptr;
  bool broken_ = false;
  PreparedNames prepared_;
};

}  // namespace

std::unique_ptr<SqlDb> SqlDb::open_postgres(const std::string& uri) { return std::make_unique<PgDb>(uri); }

bool is_postgres_uri(const std::string& db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

std::string redact_uri(const std::string& uri) {
  // postgresql://user:password@host/db?...&password=...
  std::string out = uri;
  const auto scheme = out.find("://");
  if (scheme != std::string::npos) {
    const auto at = out.find('@', scheme + 3);
    const auto slash = out.find('/', scheme + 3);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      const auto colon = out.find(':', scheme + 3);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  for (size_t pos = out.find("password="); pos != std::string::npos; pos = out.find("password=", pos + 1)) {
    const auto end = out.find('&', pos);
    out.replace(pos + 9, (end == std::string::npos ? out.size() : end) - pos - 9, "***");
  }
  return out;
}

}  // namespace ft::server
