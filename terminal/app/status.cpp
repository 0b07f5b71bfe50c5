#include "terminal/app/status.hpp"

#include "terminal/core/internship.hpp"
#include "terminal/core/trainee_status.hpp"
#include "terminal/store/centre_database.hpp"
#include "terminal/store/sync_ledger.hpp"

namespace ft {

Json trainee_json(const Trainee& t, const Centre& centre, const Translations& tr) {
  return trainee_status_json(t, centre.catalogue(), centre.rules(), centre.today(), tr);
}

Json status_json(Centre& centre, const Translations& tr) {
  centre.refresh();
  const State& s = centre.state();
  Json trainees = Json::array();
  for (const auto& [id, t] : s.trainees)
    if (t.enrolled) trainees.push_back(trainee_json(t, centre, tr));
  std::sort(trainees.begin(), trainees.end(), [](const Json& a, const Json& b) {
    return a["name"].get<std::string>() < b["name"].get<std::string>();
  });
  Json hosts = Json::array();
  for (const auto& load : host_loads(s))
    hosts.push_back(Json{{"name", load.host->name}, {"cvr", load.host->cvr}, {"staff", load.host->staff},
                         {"places", load.places}, {"placed", load.placed}, {"over_ratio", load.over()}});
  const auto sync = SyncLedger(centre_database(centre)).status();
  const auto& name = s.centre_name.value.empty() ? centre.rules().centre_name : s.centre_name.value;
  return Json{
      {"centre", {{"name", name}, {"capacity", s.capacity(centre.rules().capacity)}, {"in_centre", s.in_centre()}}},
      {"events", s.event_count},
      {"trainees", trainees},
      {"hosts", hosts},
      {"sync", {{"configured", sync.configured}, {"pending", sync.pending},
                {"last_success", sync.last_success ? Json(*sync.last_success) : Json(nullptr)},
                {"last_error", sync.last_error ? Json(*sync.last_error) : Json(nullptr)},
                {"dead_letters", sync.dead_letters}, {"blocked", sync.blocked},
                {"clock_skew_ms", sync.clock_skew_ms ? Json(*sync.clock_skew_ms) : Json(nullptr)}}},
  };
}

}  // namespace ft
