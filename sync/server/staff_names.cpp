// Staff names from the log; see staff_names.hpp.
#include "sync/server/staff_names.hpp"

#include "terminal/core/payload.hpp"

namespace ft::server {

void project_staff_names(SqlDb& db, const std::string& centre_id, const std::vector<Event>& events) {
  for (const auto& e : events) {
    if (e.type != ev::kStaffAdded) continue;
    const auto id = payload::text(e.payload, "staff_id");
    const auto name = payload::text(e.payload, "name");
    if (!id || id->empty() || !name) continue;
    // Last writer wins by (hlc, event id), whatever order the events arrive in.
    SqlStmt(db,
            "INSERT INTO staff_names(centre_id, staff_id, name, hlc, event_id) VALUES (?,?,?,?,?) "
            "ON CONFLICT(centre_id, staff_id) DO UPDATE SET name=excluded.name, hlc=excluded.hlc, "
            "event_id=excluded.event_id WHERE excluded.hlc > staff_names.hlc OR "
            "(excluded.hlc = staff_names.hlc AND excluded.event_id > staff_names.event_id)")
        .bind(1, centre_id)
        .bind(2, *id)
        .bind(3, *name)
        .bind(4, e.hlc)
        .bind(5, e.event_id)
        .run();
  }
}

void fold_staff_names_once(SqlDb& db) {
  {
    SqlStmt done(db, "SELECT value FROM server_meta WHERE key='staff_names_folded'");
    if (done.step()) return;
  }
  std::map<std::string, std::vector<Event>> by_centre;
  {
    // Only the staff events: a cheap filter on the text, the type checked again after parsing.
    SqlStmt s(db, "SELECT centre_id, body FROM events WHERE body LIKE '%\"StaffAdded\"%' ORDER BY seq");
    while (s.step()) {
      std::string why;
      if (auto e = event_from_json(Json::parse(s.text(1), nullptr, false), why))
        by_centre[s.text(0)].push_back(std::move(*e));
    }
  }
  for (const auto& [centre, events] : by_centre) project_staff_names(db, centre, events);
  SqlStmt(db, "INSERT INTO server_meta(key, value) VALUES ('staff_names_folded', '1')").run();
}

std::map<std::string, std::string> staff_names(SqlDb& db, const std::string& centre_id) {
  std::map<std::string, std::string> out;
  SqlStmt s(db, "SELECT staff_id, name FROM staff_names WHERE centre_id=?");
  s.bind(1, centre_id);
  while (s.step()) out[s.text(0)] = s.text(1);
  return out;
}

}  // namespace ft::server
