// Sections: recognising our file · opening and migrating · meta · statements · transactions.
#include "terminal/store/database.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "terminal/store/schema.hpp"

namespace ft {

// ---- recognising our file ------------------------------------------------------

namespace {
enum class FileKind { Missing, Empty, Ours, Foreign, Unreadable };

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

// Reads the 100-byte SQLite header before SQLite may write anything (a WAL,
// pragmas) to a file that turns out not to be ours: through SQLite's own file
// layer, never through a descriptor of our own. POSIX record locks belong to
// the process, and closing any descriptor of the file drops all of them, also
// those SQLite holds for this process's other connections to it (the kiosk
// has two: the board and the sync engine). Another process closing its
// connection would then take itself for the last one and delete the WAL under
// them, and their writes would be lost (sqlite.org/howtocorrupt.html, 2.2).
// SQLite keeps such a descriptor open until its locks are let go.
FileKind classify(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return errno == ENOENT ? FileKind::Missing : FileKind::Unreadable;
  if (st.st_size == 0) return FileKind::Empty;
  sqlite3* probe = nullptr;
  if (sqlite3_open_v2(path.c_str(), &probe, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    sqlite3_close(probe);
    if (::access(path.c_str(), R_OK) == 0) errno = EIO;  // readable, yet SQLite could not open it
    return FileKind::Unreadable;
  }
  unsigned char header[100] = {};
  sqlite3_file* file = nullptr;
  int rc = sqlite3_file_control(probe, "main", SQLITE_FCNTL_FILE_POINTER, &file);
  if (rc == SQLITE_OK && file && file->pMethods)
    rc = file->pMethods->xRead(file, header, sizeof header, 0);
  else
    rc = SQLITE_ERROR;
  sqlite3_close(probe);
  if (rc == SQLITE_IOERR_SHORT_READ) return FileKind::Foreign;  // shorter than a header
  if (rc != SQLITE_OK) {
    errno = EIO;
    return FileKind::Unreadable;
  }
  if (std::memcmp(header, "SQLite format 3\0", 16) != 0) return FileKind::Foreign;
  const auto app_id = be32(header + 68);
  const auto user_version = be32(header + 60);
  if (app_id == static_cast<std::uint32_t>(kApplicationId)) return FileKind::Ours;
  // A SQLite file we created but whose first migration had not committed yet.
  if (app_id == 0 && user_version == 0 && be32(header + 28) <= 1) return FileKind::Empty;
  return FileKind::Foreign;
}
}  // namespace

StoreError store_error_from(int code, sqlite3* db) {
  std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  // An I/O error says more through the operating system's reason.
  const int os_error = db ? sqlite3_system_errno(db) : 0;
  if (os_error == ENOSPC || os_error == EDQUOT || os_error == EFBIG) return {"disk_full", detail};
  if (os_error == EROFS || os_error == EACCES || os_error == EPERM) return {"read_only", detail};
  switch (code & 0xff) {
    case SQLITE_FULL: return {"disk_full", detail};
    case SQLITE_READONLY: case SQLITE_PERM: case SQLITE_AUTH: return {"read_only", detail};
    case SQLITE_BUSY: case SQLITE_LOCKED: return {"busy", detail};
    case SQLITE_CORRUPT: case SQLITE_NOTADB: return {"corrupt", detail};
    case SQLITE_CANTOPEN: return {"cannot_create", detail};
    default: return {"io", detail};
  }
}

// ---- opening and migrating ----------------------------------------------------------

std::unique_ptr<Database> Database::open(const std::string& path, StoreError& error) {
  const FileKind kind = classify(path);
  if (kind == FileKind::Foreign) {
    error = {"not_ours", "file is not a floor-terminal database"};
    return nullptr;
  }
  if (kind == FileKind::Unreadable) {
    error = {"cannot_create", std::strerror(errno)};
    return nullptr;
  }
  if (kind == FileKind::Missing) {
    // Create it ourselves so it is born 0600; SQLite gives -wal and -shm the same mode.
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
      error = {"cannot_create", std::strerror(errno)};
      return nullptr;
    }
    ::close(fd);
  }
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    error = store_error_from(rc, raw);
    sqlite3_close(raw);
    return nullptr;
  }
  std::unique_ptr<Database> db(new Database(raw, path));
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 3000);
  try {
    db->exec("PRAGMA journal_mode=WAL");
    db->exec("PRAGMA synchronous=FULL");  // a check-in shown on screen is on disk
    db->exec("PRAGMA foreign_keys=ON");
    int version = 0;
    {
      Statement q(*db, "PRAGMA user_version");
      if (q.step()) version = static_cast<int>(q.int64(0));
    }
    if (version > kSchemaVersion) {
      error = {"newer_schema", "schema " + std::to_string(version)};
      return nullptr;
    }
    if (version > 0 && version < kSchemaVersion) {
      // An update is about to change the schema: keep the file as it was first.
      const std::string copy = path + ".before-schema-" + std::to_string(kSchemaVersion);
      StoreError backup_error;
      if (!backup_database(*db, copy, backup_error)) {
        error = backup_error;
        return nullptr;
      }
    }
    const auto& steps = migrations();
    for (int v = version; v < static_cast<int>(steps.size()); ++v) {
      Transaction tx(*db);
      db->exec(steps[v]);
      db->exec(("PRAGMA application_id=" + std::to_string(kApplicationId)).c_str());
      db->exec(("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
      tx.commit();
    }
    ::chmod(path.c_str(), 0600);
  } catch (const StoreFailure& f) {
    error = f.error;
    // SQLite cannot open a WAL database whose folder or file it may not write:
    // name that plainly rather than "cannot open".
    if (::access(path.c_str(), W_OK) != 0 && (errno == EROFS || errno == EACCES)) error.code = "read_only";
    return nullptr;
  }
  return db;
}

Database::~Database() {
  for (auto& [sql, stmt] : idle_statements_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

bool backup_database(Database& db, const std::string& out_path, StoreError& error) {
  // Born 0600 like the database itself: a copy holds the same personal data.
  int fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    error = {"cannot_create", std::strerror(errno)};
    return false;
  }
  ::close(fd);
  sqlite3* dest = nullptr;
  int rc = sqlite3_open_v2(out_path.c_str(), &dest, SQLITE_OPEN_READWRITE, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_backup* b = sqlite3_backup_init(dest, "main", db.handle(), "main");
    if (b) {
      do rc = sqlite3_backup_step(b, 256);
      while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      sqlite3_backup_finish(b);
    }
    if (rc == SQLITE_DONE) rc = sqlite3_errcode(dest);
  }
  if (rc != SQLITE_OK && rc != SQLITE_DONE) error = store_error_from(rc, dest);
  sqlite3_close(dest);
  if (rc != SQLITE_OK && rc != SQLITE_DONE) {
    ::unlink(out_path.c_str());
    return false;
  }
  return true;
}

void Database::exec(const char* sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    StoreError e = store_error_from(rc, db_);
    if (message) e.detail = message;
    sqlite3_free(message);
    throw StoreFailure(e);
  }
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

// ---- meta -------------------------------------------------------------------------

std::optional<std::string> Database::meta(const std::string& key) {
  Statement q(*this, "SELECT value FROM meta WHERE key = ?");
  q.bind(1, key);
  if (q.step()) return q.text(0);
  return std::nullopt;
}

void Database::set_meta(const std::string& key, const std::string& value) {
  Statement q(*this, "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  q.bind(1, key).bind(2, value).run();
}

// ---- statements ----------------------------------------------------------------------

Statement::Statement(Database& db, const char* sql) : owner_(db), db_(db.handle()), sql_(sql) {
  if (auto it = db.idle_statements_.find(sql_); it != db.idle_statements_.end()) {
    stmt_ = it->second;
    db.idle_statements_.erase(it);
    return;
  }
  int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) throw StoreFailure(store_error_from(rc, db_));
}

Statement::~Statement() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  if (!owner_.idle_statements_.emplace(sql_, stmt_).second) sqlite3_finalize(stmt_);
}

static void check_bind(int rc, sqlite3* db) {
  if (rc != SQLITE_OK) throw StoreFailure(store_error_from(rc, db));
}

Statement& Statement::bind(int i, std::int64_t v) { check_bind(sqlite3_bind_int64(stmt_, i, v), db_); return *this; }
Statement& Statement::bind(int i, double v) { check_bind(sqlite3_bind_double(stmt_, i, v), db_); return *this; }
Statement& Statement::bind(int i, std::string_view v) {
  check_bind(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT), db_);
  return *this;
}
Statement& Statement::bind_null(int i) { check_bind(sqlite3_bind_null(stmt_, i), db_); return *this; }

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  StoreError e = store_error_from(rc, db_);
  sqlite3_reset(stmt_);
  throw StoreFailure(e);
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::int64(int c) const { return sqlite3_column_int64(stmt_, c); }
double Statement::real(int c) const { return sqlite3_column_double(stmt_, c); }
std::string Statement::text(int c) const {
  const auto* p = sqlite3_column_text(stmt_, c);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, c))) : std::string();
}
bool Statement::is_null(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }

// ---- transactions ---------------------------------------------------------------------

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace ft
