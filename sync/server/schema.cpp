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
CREATE OR REPLACE FUNCTION events_immutable() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'events are immutable'; END $$;
DROP TRIGGER IF EXISTS events_no_update ON events;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION events_immutable();
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
