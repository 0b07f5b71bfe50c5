#include "terminal/core/trainee_status.hpp"

#include <cmath>

#include "terminal/core/internship.hpp"
#include "terminal/core/progress.hpp"

namespace ft {

namespace {
double rounded(double v, int digits) {
  const double f = std::pow(10.0, digits);
  return std::round(v * f) / f;
}
// The agreement as the terminals know it (never a legal basis: the server keeps that).
Json internship_json(const Trainee& t, Day today) {
  const auto v = current_internship(t, today);
  if (!v) return nullptr;
  const Agreement& a = *v->agreement;
  return Json{{"host", a.host},
              {"cvr", a.cvr},
              {"start", format_day(a.start)},
              {"weeks", a.weeks},
              {"approved_weeks", v->approved_weeks ? Json(*v->approved_weeks) : Json(nullptr)},
              {"ends", format_day(v->ends)},
              {"hours_per_week", a.hours},
              {"days_left", v->days_left}};
}
// The jobcentre's marks on no-shows and late days, oldest first: the floor sees the municipality acted.
Json handled_json(const Trainee& t) {
  Json out = Json::array();
  for (const auto& [day, m] : t.handled) out.push_back(Json{{"day", format_day(day)}, {"kind", m.kind}, {"by", m.by}});
  return out;
}
}  // namespace

Json trainee_status_json(const Trainee& t, const Catalogue& catalogue, const Rules& rules, Day today,
                         const Translations& tr) {
  const auto p = progress(t, catalogue, rules, today);
  Json reasons = Json::array(), codes = Json::array();
  for (const auto& r : p.reasons) {
    reasons.push_back(refusal_text(tr, Refusal{r.code, r.params}, "reason."));
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
      {"internship", internship_json(t, today)},
      {"started", p.started ? Json(format_day(*p.started)) : Json(nullptr)},
      {"months_in_course", rounded(p.months_in_course, 1)},
      {"days_left", p.days_left ? Json(*p.days_left) : Json(nullptr)},
      {"warning_months", p.warning_months},
      {"checked_in", p.checked_in},
      {"attendance", {{"rate_28d", rounded(p.last_28d.rate(), 3)}, {"rate_total", rounded(p.total.rate(), 3)},
                      {"forgotten_checkouts_28d", p.last_28d.forgotten_checkouts}}},
      {"absences_handled", handled_json(t)},
      {"skills", {{"assessed", p.skills_assessed}, {"required", p.skills_required}, {"at_target", p.skills_at_target}}},
      {"guarantee", {{"status", guarantee_name(p.status)}, {"reasons", reasons}, {"reason_codes", codes}}},
  };
}

}  // namespace ft
