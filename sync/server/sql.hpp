// A thin RAII layer over SQLite for the reference server: a connection, a
// prepared statement with bound parameters, and a BEGIN IMMEDIATE
// transaction. Every SQL error becomes a SqlError carrying a sentence.
// (The terminal's store has its own richer layer; the server does not link it.)
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ft::server {

struct SqlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class SqlDb {
 public:
  // Opens (creating when `create`) with WAL, synchronous=FULL and a busy timeout,
  // so the serving process and a command-line call can share the file.
  SqlDb(const std::string& path, bool create);
  ~SqlDb();
  SqlDb(const SqlDb&) = delete;
  SqlDb& operator=(const SqlDb&) = delete;
  sqlite3* handle() const { return db_; }
  void exec(const char* sql);

 private:
  sqlite3* db_ = nullptr;
};

class SqlStmt {
 public:
  SqlStmt(SqlDb& db, const char* sql);
  ~SqlStmt();
  SqlStmt(const SqlStmt&) = delete;
  SqlStmt& operator=(const SqlStmt&) = delete;
  SqlStmt& bind(int i, std::int64_t v);
  SqlStmt& bind(int i, std::string_view v);
  bool step();  // true while a row is available
  void run() { while (step()) {} }
  std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
  std::string text(int col) const;
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class SqlTx {
 public:
  // immediate: takes the write lock at once (writers); otherwise a read snapshot.
  explicit SqlTx(SqlDb& db, bool immediate = true);
  ~SqlTx();
  void commit();

 private:
  SqlDb& db_;
  bool done_ = false;
};

}  // namespace ft::server
