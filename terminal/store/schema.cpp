#include "terminal/store/schema.hpp"

namespace ft {

const std::vector<const char*>& migrations() {
  static const std::vector<const char*> steps = {
      // 0 -> 1: the append-only event log and the terminal's settings.
      R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE events(
  seq INTEGER PRIMARY KEY,            -- local order of arrival
  event_id TEXT NOT NULL UNIQUE,      -- UUIDv7: stored once, whatever is resent
  terminal_id TEXT NOT NULL,
  terminal_seq INTEGER NOT NULL,      -- gap-free per terminal
  actor_id TEXT NOT NULL,
  hlc INTEGER NOT NULL,
  wall_ms INTEGER NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,              -- JSON object
  schema INTEGER NOT NULL,
  UNIQUE(terminal_id, terminal_seq));
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
)sql",
      // 1 -> 2: projections kept in the same transaction as each event (WITHOUT
      // ROWID: one b-tree each, so a check-in touches fewer pages), and
      // the wrong-PIN bookkeeping (not events: a wrong guess changes nothing).
      R"sql(
CREATE TABLE trainee_roster(
  trainee_id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '', name_hlc INTEGER NOT NULL DEFAULT -1,
  stage TEXT NOT NULL DEFAULT '', host TEXT NOT NULL DEFAULT '', stage_hlc INTEGER NOT NULL DEFAULT -1,
  stage_event TEXT NOT NULL DEFAULT '') WITHOUT ROWID;
CREATE TABLE attendance(
  trainee_id TEXT NOT NULL, day TEXT NOT NULL,
  check_in TEXT, in_hlc INTEGER, in_event TEXT,
  check_out TEXT, out_hlc INTEGER,
  PRIMARY KEY(trainee_id, day)) WITHOUT ROWID;
CREATE TABLE pin_attempts(
  person_id TEXT PRIMARY KEY,
  failures INTEGER NOT NULL, lockouts INTEGER NOT NULL, locked_until_ms INTEGER NOT NULL) WITHOUT ROWID;
)sql",
      // 2 -> 3: sync bookkeeping beyond meta: events the server rejected.
      R"sql(
CREATE TABLE dead_letters(
  event_id TEXT PRIMARY KEY, reason TEXT NOT NULL, at_ms INTEGER NOT NULL);
)sql",
  };
  return steps;
}

}  // namespace ft
