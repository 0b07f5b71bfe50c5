// The access log (Datatilsynet's "logning"): every look at a person, every
// export, change and login, with time, user, action, person and source
// address, in the server's database. Append-only (the table refuses UPDATE);
// rows older than the retention (6 months by default, municipal
// data-processing agreements) are deleted by prune_access_log(), which the
// server runs at start and at every login. See docs/privacy.md.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sync/server/sql.hpp"
#include "terminal/core/event.hpp"

namespace ft::server::web {

constexpr std::int64_t kDefaultRetentionDays = 183;  // six months

struct AccessEntry {
  std::int64_t at_ms = 0;
  std::string user;    // the login name; "" for a login attempt with an unknown name
  std::string action;  // login, login_failed, login_blocked, logout, view_centre, view_trainee, export_csv, ...
  std::string person;  // the trainee's id, "" when no person is concerned
  std::string detail;  // the centre, the report's format, what was changed
  std::string source;  // the client's address
};

// In its own transaction unless the caller has one open (`in_transaction`).
void log_access(SqlDb& db, const AccessEntry& entry, bool in_transaction = false);
// Deletes the rows older than `retention_days`; returns how many.
std::int64_t prune_access_log(SqlDb& db, std::int64_t now_ms, std::int64_t retention_days);

struct AccessQuery {
  std::optional<std::string> person, user;
};
std::vector<AccessEntry> read_access_log(SqlDb& db, const AccessQuery& q);
// [{"time", "user", "action", "person", "detail", "source"}]; for a citizen's
// request for insight (`for_citizen`) without who looked and from where.
Json access_log_json(const std::vector<AccessEntry>& entries, bool for_citizen);

}  // namespace ft::server::web
