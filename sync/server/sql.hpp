// The municipal server's thin SQL layer over its two stores: SQLite (the
// embedded default, a file path) and PostgreSQL (a libpq `postgresql://`
// URI). Statements are written once with `?` placeholders; the PostgreSQL
// connection numbers them ($1, $2, ...). Every database error becomes a
// SqlError carrying a sentence that never holds the URI's password.
//
// Sections: errors · connection · statement · transaction.
// (The terminal's store has its own richer SQLite layer; the server does not link it.)
#pragma once
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ft::server {

// ---- errors ----------------------------------------------------------------------------

struct SqlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// ---- connection ------------------------------------------------------------------------

class SqlStmtImpl;

class SqlDb {
 public:
  virtual ~SqlDb() = default;
  // SQLite with WAL, synchronous=FULL and a busy timeout, so the serving
  // process and a command-line call can share the file; `create` makes it.
  static std::unique_ptr<SqlDb> open_sqlite(const std::string& path, bool create);
  // PostgreSQL; synchronous commit as the server is configured (on by default).
  static std::unique_ptr<SqlDb> open_postgres(const std::string& uri);

  virtual bool is_postgres() const = 0;
  virtual void exec(const char* sql) = 0;  // one or more statements, no parameters
  virtual std::unique_ptr<SqlStmtImpl> prepare(const char* sql) = 0;
  // A write transaction. SQLite: BEGIN IMMEDIATE (one writer at a time);
  // PostgreSQL: BEGIN, with writers serialised per centre by lock_centre().
  virtual void begin_write() = 0;
  virtual void begin_read() = 0;  // one snapshot for every statement until commit
  virtual void rollback() noexcept = 0;
  // PostgreSQL: holds the centre's row lock until commit, so that events of one
  // centre get their `seq` in commit order. SQLite: the write lock already does.
  virtual void lock_centre(const std::string& centre_id) = 0;
  // False once the connection is known broken (PostgreSQL restarted); reconnect() tries again.
  virtual bool healthy() const { return true; }
  virtual void reconnect() {}
};

// A connection string with any password replaced by "***", for messages.
std::string redact_uri(const std::string& uri);
bool is_postgres_uri(const std::string& db);

// ---- statement -------------------------------------------------------------------------

class SqlStmtImpl {
 public:
  virtual ~SqlStmtImpl() = default;
  virtual void bind(int i, std::int64_t v) = 0;
  virtual void bind(int i, std::string_view v) = 0;
  virtual void bind_null(int i) = 0;
  virtual bool step() = 0;
  virtual std::int64_t int64(int col) const = 0;
  virtual std::string text(int col) const = 0;
  virtual bool is_null(int col) const = 0;
};

class SqlStmt {
 public:
  SqlStmt(SqlDb& db, const char* sql) : impl_(db.prepare(sql)) {}
  SqlStmt& bind(int i, std::int64_t v) {
    impl_->bind(i, v);
    return *this;
  }
  SqlStmt& bind(int i, std::string_view v) {
    impl_->bind(i, v);
    return *this;
  }
  SqlStmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  SqlStmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  SqlStmt& bind_null(int i) {
    impl_->bind_null(i);
    return *this;
  }
  bool step() { return impl_->step(); }  // true while a row is available
  void run() {
    while (step()) {
    }
  }
  std::int64_t int64(int col) const { return impl_->int64(col); }
  std::string text(int col) const { return impl_->text(col); }
  bool is_null(int col) const { return impl_->is_null(col); }

 private:
  std::unique_ptr<SqlStmtImpl> impl_;
};

// ---- transaction -----------------------------------------------------------------------

class SqlTx {
 public:
  // write: the writer's transaction; otherwise a read snapshot.
  explicit SqlTx(SqlDb& db, bool write = true) : db_(db) { write ? db_.begin_write() : db_.begin_read(); }
  ~SqlTx() {
    if (!done_) db_.rollback();
  }
  SqlTx(const SqlTx&) = delete;
  SqlTx& operator=(const SqlTx&) = delete;
  void commit() {
    db_.exec("COMMIT");
    done_ = true;
  }

 private:
  SqlDb& db_;
  bool done_ = false;
};

}  // namespace ft::server
