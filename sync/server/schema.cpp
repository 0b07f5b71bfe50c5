// See schema.hpp. The two dialects differ in types (BIGINT, BIGSERIAL) and in
// how the log refuses an UPDATE (a trigger each); the statements the server
// runs afterwards are the same text on both.
#include "sync/server/schema.hpp"

#include "sync/server/projection.hpp"
#include "sync/server/secrets.hpp"
#include "terminal/core/event.hpp"

namespace ft::server {

namespace {

const char* const kSqliteSchema = R"sql(
CREATE TABLE IF NOT EXISTS server_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS centres(
  centre_id TEXT PRIMARY KEY, name TEXT NOT NULL, capacity INTEGER NOT NULL, created_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS terminals(
  terminal_id TEXT PRIMARY KEY, centre_id TEXT NOT NULL, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
  enrolled_ms INTEGER NOT NULL, last_push_ms INTEGER);
CREATE TABLE IF NOT EXISTS join_codes(
  code_hash TEXT PRIMARY KEY, centre_id TEXT NOT NULL, name TEXT NOT NULL, created_ms INTEGER NOT NULL,
  expires_ms INTEGER NOT NULL, used_ms INTEGER, terminal_id TEXT);
CREATE TABLE IF NOT EXISTS events(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, centre_id TEXT NOT NULL, event_id TEXT NOT NULL UNIQUE,
  terminal_id TEXT NOT NULL, terminal_seq INTEGER NOT NULL, body TEXT NOT NULL, received_ms INTEGER NOT NULL,
  UNIQUE(terminal_id, terminal_seq));
CREATE INDEX IF NOT EXISTS events_by_centre ON events(centre_id, seq);
CREATE TABLE IF NOT EXISTS idempotency(
  terminal_id TEXT NOT NULL, key TEXT NOT NULL, body_hash TEXT NOT NULL, reply TEXT NOT NULL,
  created_ms INTEGER NOT NULL, PRIMARY KEY(terminal_id, key));
CREATE TABLE IF NOT EXISTS trainee_core(
  centre_id TEXT NOT NULL, trainee_id TEXT NOT NULL, state TEXT NOT NULL, PRIMARY KEY(centre_id, trainee_id));
CREATE TABLE IF NOT EXISTS trainee_days(
  centre_id TEXT NOT NULL, trainee_id TEXT NOT NULL, day INTEGER NOT NULL, state TEXT NOT NULL,
  PRIMARY KEY(centre_id, trainee_id, day));
CREATE TABLE IF NOT EXISTS trainee_items(
  centre_id TEXT NOT NULL, trainee_id TEXT NOT NULL, kind TEXT NOT NULL, event_id TEXT NOT NULL, state TEXT NOT NULL,
  PRIMARY KEY(centre_id, trainee_id, kind, event_id));
CREATE TABLE IF NOT EXISTS internship_bases(
  centre_id TEXT NOT NULL, trainee_id TEXT NOT NULL, event_id TEXT PRIMARY KEY, basis TEXT NOT NULL,
  reason TEXT NOT NULL, weeks INTEGER NOT NULL, day TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS staff_names(
  centre_id TEXT NOT NULL, staff_id TEXT NOT NULL, name TEXT NOT NULL, hlc BIGINT NOT NULL, event_id TEXT NOT NULL,
  PRIMARY KEY(centre_id, staff_id));
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
)sql";

const char* const kPostgresSchema = R"sql(
CREATE TABLE IF NOT EXISTS server_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS centres(
  centre_id TEXT PRIMARY KEY, name TEXT NOT NULL, capacity BIGINT NOT NULL, created_ms BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS terminals(
  terminal_id TEXT PRIMARY KEY, centre_id TEXT NOT NULL REFERENCES centres, name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, enrolled_ms BIGINT NOT NULL, last_push_ms BIGINT);
CREATE TABLE IF NOT EXISTS join_codes(
  code_hash TEXT PRIMARY KEY, centre_id TEXT NOT NULL REFERENCES centres, name TEXT NOT NULL,
  created_ms BIGINT NOT NULL, expires_ms BIGINT NOT NULL, used_ms BIGINT, terminal_id TEXT);
CREATE TABLE IF NOT EXISTS events(
  seq BIGSERIAL PRIMARY KEY, centre_id TEXT NOT NULL REFERENCES centres, event_id TEXT NOT NULL UNIQUE,
  terminal_id TEXT NOT NULL, terminal_seq BIGINT NOT NULL, body TEXT NOT NULL, received_ms BIGINT NOT NULL,
  UNIQUE(terminal_id, terminal_seq));
CREATE INDEX IF NOT EXISTS events_by_centre ON events(centre_id, seq);
CREATE TABLE IF NOT EXISTS idempotency(
  terminal_id TEXT NOT NULL, key TEXT NOT NULL, body_hash TEXT NOT NULL, reply TEXT NOT NULL,
  created_ms BIGINT NOT NULL, PRIMARY KEY(terminal_id, key));
CREATE TABLE IF NOT EXISTS trainee_core(
  centre_id TEXT NOT NULL, trainee_id TEXT NOT NULL, state TEXT NOT NULL, PRIMARY KEY(centre_id, trainee_id));
CREATE TABLE IF NOT EXISTS trainee_days(
  centre_id TEXT NOT NULL, trainee_id TEXT NOT NULL, day INTEGER NOT NULL, state TEXT NOT NULL,
  PRIMARY KEY(centre_id, trainee_id, day));
CREATE TABLE IF NOT EXISTS trainee_items(
  centre_id TEXT NOT NULL, trainee_id TEXT NOT NULL, kind TEXT NOT NULL, event_id TEXT NOT NULL, state TEXT NOT NULL,
  PRIMARY KEY(centre_id, trainee_id, kind, event_id));
CREATE TABLE IF NOT EXISTS internship_bases(
  centre_id TEXT NOT NULL, trainee_id TEXT NOT NULL, event_id TEXT PRIMARY KEY, basis TEXT NOT NULL,
  reason TEXT NOT NULL, weeks INTEGER NOT NULL, day TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS staff_names(
  centre_id TEXT NOT NULL, staff_id TEXT NOT NULL, name TEXT NOT NULL, hlc BIGINT NOT NULL, event_id TEXT NOT NULL,
  PRIMARY KEY(centre_id, staff_id));
CREATE OR REPLACE FUNCTION events_immutable() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'events are immutable'; END $$;
DROP TRIGGER IF EXISTS events_no_update ON events;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION events_immutable();
)sql";

// Schema 3, additive: the town hall's web view (sync/server/web/). Accounts
// (password as an Argon2id string), the centres each may see, failed logins
// (the lockout counts them), sessions (token kept as a SHA-256) and the
// access log, which refuses UPDATE as the event log does (its rows leave
// only by the retention delete). The same text runs on both stores: BIGINT
// is a 64-bit INTEGER to SQLite, and access_log's id is filled by the server.
// Which absences a caseworker marked handled was a table here too
// (web_absences_handled); the marks are AbsenceHandled events now, which
// reach the terminals, and ServerStore::open() moves an older database's
// rows into the log once.
const char* const kWebSchema = R"sql(
CREATE TABLE IF NOT EXISTS web_users(
  user_id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, role TEXT NOT NULL, password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0, locked INTEGER NOT NULL DEFAULT 0, created_ms BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS web_user_centres(
  user_id TEXT NOT NULL, centre_id TEXT NOT NULL, PRIMARY KEY(user_id, centre_id));
CREATE TABLE IF NOT EXISTS web_login_failures(user_id TEXT NOT NULL, at_ms BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS web_login_failures_by_user ON web_login_failures(user_id, at_ms);
CREATE TABLE IF NOT EXISTS web_sessions(
  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, csrf TEXT NOT NULL, language TEXT NOT NULL,
  created_ms BIGINT NOT NULL, last_seen_ms BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS access_log(
  entry_id TEXT PRIMARY KEY, at_ms BIGINT NOT NULL, user_login TEXT NOT NULL, action TEXT NOT NULL,
  person TEXT NOT NULL, detail TEXT NOT NULL, source TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS access_log_by_time ON access_log(at_ms);
CREATE INDEX IF NOT EXISTS access_log_by_person ON access_log(person, at_ms);
)sql";

const char* const kSqliteWebTrigger = R"sql(
CREATE TRIGGER IF NOT EXISTS access_log_no_update BEFORE UPDATE ON access_log
  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
)sql";

const char* const kPostgresWebTrigger = R"sql(
CREATE OR REPLACE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'the access log is append-only'; END $$;
DROP TRIGGER IF EXISTS access_log_no_update ON access_log;
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
)sql";

void write_meta(SqlDb& db) {
  SqlStmt(db, "INSERT INTO server_meta(key, value) VALUES ('app', ?), ('hlc', '0') ON CONFLICT(key) DO NOTHING")
      .bind(1, kServerAppName)
      .run();
  SqlStmt(db, "INSERT INTO server_meta(key, value) VALUES ('schema', ?) "
              "ON CONFLICT(key) DO UPDATE SET value=excluded.value")
      .bind(1, std::to_string(kServerSchema))
      .run();
}

}  // namespace

int schema_version(SqlDb& db) {
  const char* probe = db.is_postgres()
                          ? "SELECT count(*) FROM information_schema.tables WHERE table_schema=current_schema() "
                            "AND table_name='server_meta'"
                          : "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='server_meta'";
  SqlStmt has(db, probe);
  if (!has.step() || has.int64(0) == 0) return 0;
  SqlStmt v(db, "SELECT value FROM server_meta WHERE key='schema'");
  return v.step() ? std::stoi(v.text(0)) : 1;
}

void create_schema(SqlDb& db) {
  db.exec(db.is_postgres() ? kPostgresSchema : kSqliteSchema);
  db.exec(kWebSchema);
  db.exec(db.is_postgres() ? kPostgresWebTrigger : kSqliteWebTrigger);
  write_meta(db);
}

std::string upgrade_from_single_centre(SqlDb& db, const std::string& centre_name, std::int64_t now_ms) {
  const std::string centre = new_event_id(now_ms);
  db.exec(R"sql(
    ALTER TABLE terminals ADD COLUMN centre_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE join_codes ADD COLUMN centre_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN centre_id TEXT NOT NULL DEFAULT '';
    DROP TRIGGER IF EXISTS events_no_update;
  )sql");
  create_schema(db);  // the new tables, the index and the trigger again
  SqlStmt(db, "INSERT INTO centres(centre_id, name, capacity, created_ms) VALUES (?, ?, 15, ?)")
      .bind(1, centre)
      .bind(2, centre_name)
      .bind(3, now_ms)
      .run();
  // Lifted for this one upgrade, inside its transaction: rows gain their centre, bodies stay.
  db.exec("DROP TRIGGER events_no_update");
  for (const char* table : {"terminals", "join_codes", "events"})
    SqlStmt(db, (std::string("UPDATE ") + table + " SET centre_id=?").c_str()).bind(1, centre).run();
  db.exec(kSqliteSchema);
  // The projection, folded once from the log as it stands.
  std::vector<Event> events;
  {
    SqlStmt all(db, "SELECT body FROM events ORDER BY seq");
    while (all.step()) {
      std::string why;
      auto e = event_from_json(Json::parse(all.text(0), nullptr, false), why);
      if (e) events.push_back(std::move(*e));
    }
  }
  project_events(db, centre, events);
  return centre;
}

}  // namespace ft::server
