// A SQLite connection to the terminal's file, and prepared statements.
//
// Sections: opening (refuses foreign files, creates 0600, WAL, synchronous=FULL,
// migrates) · statements · transactions · errors as values.
//
// All SQL in the project goes through Statement with bound parameters.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ft {

// What went wrong with the file, as a code the UI and CLI translate ("store.<code>").
struct StoreError {
  std::string code;    // not_ours, read_only, disk_full, busy, corrupt, io, newer_schema, ...
  std::string detail;  // technical detail for the journal (never personal data)
};

class Statement;

class Database {
 public:
  // Opens or creates the terminal database. A file that exists and is not a
  // floor-terminal database is refused and left byte-for-byte untouched.
  static std::unique_ptr<Database> open(const std::string& path, StoreError& error);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  void exec(const char* sql);  // throws StoreFailure
  std::optional<std::string> meta(const std::string& key);
  void set_meta(const std::string& key, const std::string& value);
  std::int64_t last_insert_rowid() const;

 private:
  friend class Statement;
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  // Prepared statements kept for reuse: preparing costs more than running the
  // small statements of a check-in. A statement in use is taken out, so a
  // nested use of the same SQL prepares its own.
  std::unordered_map<std::string, sqlite3_stmt*> idle_statements_;
};

// Thrown by Statement/Database on any SQLite error; carries the StoreError.
struct StoreFailure : std::exception {
  StoreError error;
  explicit StoreFailure(StoreError e) : error(std::move(e)) {}
  const char* what() const noexcept override { return error.detail.c_str(); }
};
StoreError store_error_from(int sqlite_code, sqlite3* db);

class Statement {
 public:
  Statement(Database& db, const char* sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t v);
  Statement& bind(int index, int v) { return bind(index, static_cast<std::int64_t>(v)); }
  Statement& bind(int index, double v);
  Statement& bind(int index, std::string_view v);
  Statement& bind(int index, const char* v) { return bind(index, std::string_view(v)); }
  Statement& bind_null(int index);
  bool step();  // true while a row is available
  void run();   // step to completion
  void reset();
  std::int64_t int64(int col) const;
  double real(int col) const;
  std::string text(int col) const;
  bool is_null(int col) const;
  sqlite3_stmt* handle() const { return stmt_; }  // for reading columns in place

 private:
  Database& owner_;
  sqlite3* db_;
  std::string sql_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back unless commit() was reached.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

// A consistent copy of the open database in a new 0600 file (SQLite's online
// backup: safe while others read and write). Refuses to overwrite.
bool backup_database(Database& db, const std::string& out_path, StoreError& error);

// The schema version this build writes; older files are migrated on open.
constexpr int kSchemaVersion = 3;  // == migrations().size()

}  // namespace ft
