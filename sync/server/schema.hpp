// The municipal server's schema, in SQLite's and PostgreSQL's words, and the
// upgrade of a database written by the single-centre server (schema 1).
//
//   server_meta     app name, schema version, the jobcentre's hybrid clock
//   centres         id, name, capacity
//   terminals       each belongs to one centre; token kept as a SHA-256
//   join_codes      one-time, 7 days, for one centre; kept as a SHA-256
//   events          the log: `seq` in commit order (per centre, see PROTOCOL.md §1)
//   idempotency     replies to pushes, 24 h
//   trainee_core, trainee_days, trainee_items
//                   the fold of each trainee's events in rows (projection.hpp),
//                   written in the same transaction as the events
//   web_users, web_user_centres, web_login_failures, web_sessions, access_log
//                   the town hall's web view (schema 3, added to schema 2 in place)
//   internship_bases the legal basis and reason of each internship approval
//                   (the event carries only the weeks: the basis never leaves the server)
//   staff_names     each centre's staff by name, for the web's reports (staff_names.hpp)
#pragma once
#include <string>

#include "sync/server/sql.hpp"

namespace ft::server {

constexpr int kServerSchema = 3;
constexpr const char* kServerAppName = "floor-sync-server";

// The schema version of an opened database; 0 when it has no tables yet.
int schema_version(SqlDb& db);
// Creates every table of a fresh database (inside the caller's transaction).
void create_schema(SqlDb& db);
// Schema 1 -> 2 on SQLite: one centre named `centre_name` holds every terminal,
// join code and event; the trainees' projection is folded once. Returns the centre's id.
std::string upgrade_from_single_centre(SqlDb& db, const std::string& centre_name, std::int64_t now_ms);

}  // namespace ft::server
