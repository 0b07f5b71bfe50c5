// The access log; see access_log.hpp.
#include "sync/server/web/access_log.hpp"

#include <ctime>

#include "sync/server/secrets.hpp"

namespace ft::server::web {

void log_access(SqlDb& db, const AccessEntry& e, bool in_transaction) {
  std::optional<SqlTx> tx;
  if (!in_transaction) tx.emplace(db);
  SqlStmt(db,
          "INSERT INTO access_log(entry_id, at_ms, user_login, action, person, detail, source) "
          "VALUES (?,?,?,?,?,?,?)")
      .bind(1, new_event_id(e.at_ms))  // time-ordered, unique across server processes
      .bind(2, e.at_ms)
      .bind(3, e.user)
      .bind(4, e.action)
      .bind(5, e.person)
      .bind(6, e.detail)
      .bind(7, e.source)
      .run();
  if (tx) tx->commit();
}

std::int64_t prune_access_log(SqlDb& db, std::int64_t now_ms, std::int64_t retention_days) {
  const std::int64_t cutoff = now_ms - retention_days * 24 * 3600 * 1000;
  SqlTx tx(db);
  std::int64_t n = 0;
  {
    SqlStmt c(db, "SELECT count(*) FROM access_log WHERE at_ms<?");
    c.bind(1, cutoff);
    c.step();
    n = c.int64(0);
  }
  SqlStmt(db, "DELETE FROM access_log WHERE at_ms<?").bind(1, cutoff).run();
  tx.commit();
  return n;
}

std::vector<AccessEntry> read_access_log(SqlDb& db, const AccessQuery& q) {
  std::string sql = "SELECT at_ms, user_login, action, person, detail, source FROM access_log WHERE 1=1";
  if (q.person) sql += " AND person=?";
  if (q.user) sql += " AND user_login=?";
  sql += " ORDER BY at_ms, entry_id";
  SqlStmt s(db, sql.c_str());
  int i = 1;
  if (q.person) s.bind(i++, *q.person);
  if (q.user) s.bind(i++, *q.user);
  std::vector<AccessEntry> out;
  while (s.step()) out.push_back(AccessEntry{s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)});
  return out;
}

namespace {
// ISO 8601 in UTC, to the second: "2026-03-02T07:30:00Z".
std::string iso_utc(std::int64_t ms) {
  const std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}
}  // namespace

Json access_log_json(const std::vector<AccessEntry>& entries, bool for_citizen) {
  Json out = Json::array();
  for (const auto& e : entries) {
    Json row{{"time", iso_utc(e.at_ms)}, {"action", e.action}, {"person", e.person}, {"detail", e.detail}};
    // Since 2024 a citizen may learn when and why, not which employee looked.
    row["user"] = for_citizen ? Json(nullptr) : Json(e.user);
    if (!for_citizen) row["source"] = e.source;
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace ft::server::web
