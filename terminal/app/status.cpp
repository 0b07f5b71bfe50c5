#include "terminal/app/status.hpp"

#include <cmath>

#include "terminal/core/progress.hpp"
#include "terminal/store/sync_ledger.hpp"

namespace ft {

namespace {
double rounded(double v, int digits) {
  const double f = std::pow(10.0, digits);
  return std::round(v * f) / f;
}

std::string reason_text(const Translations& tr, const Reason& r) {
  return refusal_text(tr, Refusal{r.code, r.params}, "reason.");
}
}  // namespace

Json trainee_json(const Trainee& t, const Centre& centre, const Translations& tr) {
  const auto p = progress(t, centre.catalogue(), centre.rules(), centre.today());
  Json reasons = Json::array(), codes = Json::array();
  for (const auto& r : p.reasons) {
    reasons.push_back(reason_text(tr, r));
    codes.push_back(r.code);
  }
  const auto host = t.host();
  return Json{
      {"id", t.id},
      {"name", t.name.value},
      {"stage", stage_name(t.stage())},
      {"language", t.language.value.empty() ? std::string("da") : t.language.value},
      {"read_aloud", t.read_aloud.value == "1"},
      {"host", host.empty() ? Json(nullptr) : Json(host)},
      {"started", p.started ? Json(format_day(*p.started)) : Json(nullptr)},
      {"months_in_course", rounded(p.months_in_course, 1)},
      {"days_left", p.days_left ? Json(*p.days_left) : Json(nullptr)},
      {"warning_months", p.warning_months},
      {"checked_in", p.checked_in},
      {"attendance", {{"rate_28d", rounded(p.last_28d.rate(), 3)}, {"rate_total", rounded(p.total.rate(), 3)},
                      {"forgotten_checkouts_28d", p.last_28d.forgotten_checkouts}}},
      {"skills", {{"assessed", p.skills_assessed}, {"required", p.skills_required}, {"at_target", p.skills_at_target}}},
      {"guarantee", {{"status", guarantee_name(p.status)}, {"reasons", reasons}, {"reason_codes", codes}}},
  };
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
  const auto sync = SyncLedger(centre.db()).status();
  const auto& name = s.centre_name.value.empty() ? centre.rules().centre_name : s.centre_name.value;
  return Json{
      {"centre", {{"name", name}, {"capacity", centre.rules().capacity}, {"in_centre", s.in_centre()}}},
      {"events", s.event_count},
      {"trainees", trainees},
      {"sync", {{"configured", sync.configured}, {"pending", sync.pending},
                {"last_success", sync.last_success ? Json(*sync.last_success) : Json(nullptr)},
                {"last_error", sync.last_error ? Json(*sync.last_error) : Json(nullptr)},
                {"dead_letters", sync.dead_letters}, {"blocked", sync.blocked},
                {"clock_skew_ms", sync.clock_skew_ms ? Json(*sync.clock_skew_ms) : Json(nullptr)}}},
  };
}

}  // namespace ft
