// The SQLite side of the server's SQL layer; see sql.hpp.
#include <sqlite3.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "sync/server/sql.hpp"

namespace ft::server {

namespace {

[[noreturn]] void fail(sqlite3* db, const char* what) {
  throw SqlError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

// Prepared statements kept per connection, by their SQL text: a push runs the
// same few dozen statements each time, and preparing them anew (parsing and
// planning) was a visible part of the server's CPU. A statement in use is out
// of the cache, so two of the same text can run at once. A statement lives
// within its connection's lease (SqlStmt is scoped), so it never outlives the
// cache it goes back to.
class StatementCache {
 public:
  ~StatementCache() {
    for (auto& [sql, idle] : idle_)
      for (sqlite3_stmt* s : idle) sqlite3_finalize(s);
  }
  sqlite3_stmt* take(sqlite3* db, const char* sql) {
    auto it = idle_.find(sql);
    if (it != idle_.end() && !it->second.empty()) {
      sqlite3_stmt* s = it->second.back();
      it->second.pop_back();
      return s;
    }
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) {
      sqlite3_finalize(s);
      fail(db, "cannot prepare a statement");
    }
    return s;
  }
  void give_back(sqlite3_stmt* s) {
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    // The server's statements are fixed texts; the bounds only guard against a caller that builds them.
    const std::string text = sqlite3_sql(s);
    auto it = idle_.find(text);
    if (it == idle_.end() && idle_.size() < kMaxTexts) it = idle_.emplace(text, std::vector<sqlite3_stmt*>{}).first;
    if (it == idle_.end() || it->second.size() >= kMaxCopies) {
      sqlite3_finalize(s);
      return;
    }
    it->second.push_back(s);
  }

 private:
  static constexpr std::size_t kMaxTexts = 256, kMaxCopies = 4;
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>> idle_;
};

class SqliteStmt final : public SqlStmtImpl {
 public:
  SqliteStmt(sqlite3* db, StatementCache& cache, const char* sql)
      : db_(db), cache_(cache), stmt_(cache.take(db, sql)) {}
  ~SqliteStmt() override { cache_.give_back(stmt_); }
  SqliteStmt(const SqliteStmt&) = delete;
  SqliteStmt& operator=(const SqliteStmt&) = delete;
  void bind(int i, std::int64_t v) override {
    if (sqlite3_bind_int64(stmt_, i, v) != SQLITE_OK) fail(db_, "cannot bind");
  }
  void bind(int i, std::string_view v) override {
    if (sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT) != SQLITE_OK)
      fail(db_, "cannot bind");
  }
  void bind_null(int i) override {
    if (sqlite3_bind_null(stmt_, i) != SQLITE_OK) fail(db_, "cannot bind");
  }
  bool step() override {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, "database error");
  }
  std::int64_t int64(int col) const override { return sqlite3_column_int64(stmt_, col); }
  std::string text(int col) const override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }
  bool is_null(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  StatementCache& cache_;
  sqlite3_stmt* stmt_;
};

class SqliteDb final : public SqlDb {
 public:
  SqliteDb(const std::string& path, bool create) {
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw SqlError("cannot open the server database " + path + ": " + why);
    }
    sqlite3_busy_timeout(db_, 5000);
    sqlite3_extended_result_codes(db_, 1);
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  }
  ~SqliteDb() override {
    cache_.reset();  // its statements first: a connection with statements left does not close
    sqlite3_close(db_);
  }
  bool is_postgres() const override { return false; }
  void exec(const char* sql) override {
    char* msg = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
      std::string why = msg ? msg : sqlite3_errmsg(db_);
      sqlite3_free(msg);
      throw SqlError("database error: " + why);
    }
  }
  std::unique_ptr<SqlStmtImpl> prepare(const char* sql) override {
    return std::make_unique<SqliteStmt>(db_, *cache_, sql);
  }
  void begin_write() override { exec("BEGIN IMMEDIATE"); }
  void begin_read() override { exec("BEGIN"); }
  void rollback() noexcept override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
  void lock_centre(const std::string&) override {}

 private:
  sqlite3* db_ = nullptr;
  std::unique_ptr<StatementCache> cache_ = std::make_unique<StatementCache>();
};

}  // namespace

std::unique_ptr<SqlDb> SqlDb::open_sqlite(const std::string& path, bool create) {
  return std::make_unique<SqliteDb>(path, create);
}

}  // namespace ft::server
