#include "sync/server/status.hpp"

#include <algorithm>

#include "terminal/core/trainee_status.hpp"

namespace ft::server {

Rules centre_rules(const CentreInfo& centre) {
  Rules r;
  r.centre_name = centre.name;
  r.capacity = centre.capacity;
  return r;
}

Json server_status_json(ServerStore& store, const Catalogue& catalogue, const Translations& tr, Day today,
                        std::int64_t now_ms) {
  Json centres = Json::array();
  for (const auto& c : store.centres()) {
    const Rules rules = centre_rules(c);
    Json trainees = Json::array();
    int in_centre = 0;
    for (const auto& t : store.trainees(c.id)) {
      if (!t.enrolled) continue;
      in_centre += t.stage() == Stage::Centre;
      trainees.push_back(trainee_status_json(t, catalogue, rules, today, tr));
    }
    std::sort(trainees.begin(), trainees.end(), [](const Json& a, const Json& b) {
      return a["name"].get<std::string>() < b["name"].get<std::string>();
    });
    centres.push_back(Json{{"id", c.id},
                           {"name", c.name},
                           {"capacity", c.capacity},
                           {"in_centre", in_centre},
                           {"events", store.event_count(c.id)},
                           {"terminals", store.terminal_count(c.id)},
                           {"trainees", trainees}});
  }
  return Json{{"events", store.event_count()},
              {"terminals", store.terminal_count()},
              {"open_join_codes", store.open_code_count(now_ms)},
              {"store", store.is_postgres() ? "postgresql" : "sqlite"},
              {"centres", centres}};
}

}  // namespace ft::server
