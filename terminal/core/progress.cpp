// Sections: the calendar (expected days, day status) · attendance sums ·
// skills and the expected curve · the guarantee status and its reasons.
#include "terminal/core/progress.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "terminal/core/internship.hpp"

namespace ft {

// ---- the calendar -------------------------------------------------------------

bool is_expected_day(Day day, const Rules& rules) { return weekday(day) < 5 && !rules.holidays.count(day); }

Day last_expected_day_before(Day today, const Rules& rules) {
  Day last = today - 1;
  while (last > today - 8 && !is_expected_day(last, rules)) --last;
  return last;
}

namespace {
// The stage in effect on `day`: the last change (by hlc) dated on or before it.
std::optional<Stage> stage_on(const Trainee& t, Day day) {
  std::optional<Stage> s;
  for (const auto& c : t.stages)
    if (c.day <= day) s = c.to;
  return s;
}

// The last day up to `today` that the trainee spent in stage centre.
std::optional<Day> last_centre_day(const Trainee& t, Day today) {
  std::optional<Day> last;
  for (size_t i = 0; i < t.stages.size(); ++i) {
    if (t.stages[i].to != Stage::Centre) continue;
    Day end = i + 1 < t.stages.size() ? t.stages[i + 1].day - 1 : today;
    end = std::min(end, today);
    if (end >= t.stages[i].day && (!last || end > *last)) last = end;
  }
  return last;
}

// A no-break space keeps "39 %" on one line.
std::string percent(double share) { return std::to_string(static_cast<int>(std::lround(share * 100))) + "\u00a0%"; }
}  // namespace

bool in_centre_on(const Trainee& t, Day day) { return stage_on(t, day) == Stage::Centre; }

const char* day_status_key(DayStatus s) {
  switch (s) {
    case DayStatus::Present:
      return "day.present";
    case DayStatus::Late:
      return "day.late";
    case DayStatus::ForgottenCheckout:
      return "day.forgotten";
    case DayStatus::AbsentSick:
      return "day.sick";
    case DayStatus::AbsentLegitimate:
      return "day.legitimate";
    case DayStatus::AbsentNotLegitimate:
      return "day.not_legitimate";
    case DayStatus::Unrecorded:
      return "day.unrecorded";
    case DayStatus::Upcoming:
      return "day.upcoming";
    case DayStatus::NotExpected:
      break;
  }
  return "day.not_expected";
}

DayStatus day_status(const Trainee& t, Day day, const Rules& rules, Day today) {
  auto it = t.days.find(day);
  if (it != t.days.end() && it->second.has_check_in()) {
    if (day < today && !it->second.has_check_out()) return DayStatus::ForgottenCheckout;
    return it->second.check_in > rules.late_after ? DayStatus::Late : DayStatus::Present;
  }
  if (auto a = t.absences.find(day); a != t.absences.end()) {
    switch (a->second.kind) {
      case AbsenceKind::Sick: return DayStatus::AbsentSick;
      case AbsenceKind::Legitimate: return DayStatus::AbsentLegitimate;
      case AbsenceKind::NotLegitimate: return DayStatus::AbsentNotLegitimate;
    }
  }
  if (!is_expected_day(day, rules) || !in_centre_on(t, day)) return DayStatus::NotExpected;
  if (day >= today) return DayStatus::Upcoming;
  return DayStatus::Unrecorded;
}

// ---- attendance sums ------------------------------------------------------------

AttendanceSummary attendance_between(const Trainee& t, Day from, Day to, const Rules& rules, Day today) {
  AttendanceSummary a;
  to = std::min(to, today);
  for (Day d = from; d <= to; ++d) {
    if (!is_expected_day(d, rules) || !in_centre_on(t, d)) continue;
    switch (day_status(t, d, rules, today)) {
      case DayStatus::ForgottenCheckout: a.forgotten_checkouts++; [[fallthrough]];
      case DayStatus::Present: a.present++; a.expected++; break;
      case DayStatus::Late: a.late++; a.present++; a.expected++; break;
      case DayStatus::AbsentSick: a.sick++; a.expected++; break;
      case DayStatus::AbsentLegitimate: a.legitimate++; break;  // agreed absence is not held against anyone
      case DayStatus::AbsentNotLegitimate: a.not_legitimate++; a.expected++; break;
      case DayStatus::Unrecorded: a.unrecorded++; a.expected++; break;
      case DayStatus::Upcoming: case DayStatus::NotExpected: break;
    }
  }
  return a;
}

// ---- skills and the expected curve --------------------------------------------------

double expected_skills_share(double months, const Rules& rules) {
  if (rules.planned_centre_months <= 0) return 1.0;
  return std::clamp(months / rules.planned_centre_months, 0.0, 1.0);
}

std::vector<double> skills_at_target_trend(const Trainee& t, const Catalogue& catalogue, Day from, Day to) {
  // On each day the assessment that counts for a skill is the latest by hlc among those dated on or
  // before that day: the same rule as latest_assessments(), so the last day agrees with progress()
  // even when a terminal's calendar was behind and dated a later assessment earlier.
  const int required = catalogue.required_count();
  if (to < from) return {};
  if (required == 0) return std::vector<double>(size_t(to - from + 1), 1.0);  // nothing to learn: all done
  std::vector<const Assessment*> by_day;
  for (const auto& a : t.assessments) by_day.push_back(&a);  // already in hlc order
  std::stable_sort(by_day.begin(), by_day.end(), [](auto* a, auto* b) { return a->day < b->day; });
  std::map<std::string, const Assessment*> counts;
  int at = 0;  // required skills whose counting assessment reaches the target
  auto reaches = [&](const Assessment* a) {
    const Skill* s = a ? catalogue.find(a->skill) : nullptr;
    return s && s->required && a->level >= s->target;
  };
  std::vector<double> out;
  out.reserve(size_t(to - from + 1));
  size_t next = 0;
  for (Day d = from; d <= to; ++d) {
    for (; next < by_day.size() && by_day[next]->day <= d; ++next) {
      const Assessment*& current = counts[by_day[next]->skill];
      if (current && current->hlc > by_day[next]->hlc) continue;  // an older word on this skill
      at += int(reaches(by_day[next])) - int(reaches(current));
      current = by_day[next];
    }
    out.push_back(double(at) / required);
  }
  return out;
}

// ---- the guarantee ----------------------------------------------------------------

const char* guarantee_name(Guarantee g) {
  static const char* const names[] = {"on_track", "at_risk", "earned", "fulfilled", "forfeited"};
  return names[static_cast<int>(g)];
}

namespace {
Progress progress_and_reasons(const Trainee& t, const Catalogue& catalogue, const Rules& rules, Day today) {
  Progress p;
  p.started = t.centre_start();
  const auto ended = t.ended_on();
  const Stage stage = t.stage();
  if (auto it = t.days.find(today); it != t.days.end())
    p.checked_in = it->second.has_check_in() && !it->second.has_check_out();

  if (p.started) {
    const Day until = ended ? std::min(*ended, today) : today;
    p.months_in_course = std::max(0.0, months_between(*p.started, until));
    if (!ended) p.days_left = std::max(0, add_months(*p.started, rules.course_months) - today);
    if (!ended && p.months_in_course >= rules.warn_months_second) p.warning_months = rules.warn_months_second;
    else if (!ended && p.months_in_course >= rules.warn_months_first) p.warning_months = rules.warn_months_first;
    if (auto last = last_centre_day(t, today)) {
      p.last_28d = attendance_between(t, *last - 27, *last, rules, today);
      p.total = attendance_between(t, *p.started, *last, rules, today);
    }
  }

  const auto latest = t.latest_assessments();
  p.skills_assessed = static_cast<int>(latest.size());
  for (const auto& s : catalogue.skills) {
    if (!s.required) continue;
    p.skills_required++;
    auto it = latest.find(s.key);
    if (it != latest.end() && it->second->level >= s.target) p.skills_at_target++;
  }
  p.expected_share = expected_skills_share(p.months_in_course, rules);

  auto reason = [&](std::string code, std::map<std::string, std::string> params = {}) {
    p.reasons.push_back(Reason{std::move(code), std::move(params)});
  };

  if (stage == Stage::Exited) {
    p.status = Guarantee::Forfeited;
    reason("exited", {{"reason", "@exit." + (t.stages.back().exit_reason.empty() ? std::string("other") : t.stages.back().exit_reason)}});
    return p;
  }
  if (stage == Stage::Employed) {
    p.status = Guarantee::Fulfilled;
    reason("employed", {{"host", t.host()}});
    return p;
  }
  if (stage == Stage::Referred || !p.started) {
    p.status = Guarantee::OnTrack;
    reason("waiting");
    return p;
  }

  const bool skills_done = p.skills_at_target >= p.skills_required;
  const bool attendance_ok = p.total.rate() >= rules.attendance_threshold;
  const bool internship_done = t.internship_confirmed_hlc >= 0;
  const bool within_limit = p.months_in_course < rules.course_months;
  if (skills_done && attendance_ok && internship_done && within_limit) {
    p.status = Guarantee::Earned;
    reason("earned", {{"rate", percent(p.total.rate())}});
    return p;
  }

  const std::string threshold = percent(rules.attendance_threshold);
  if (!within_limit) reason("course_over", {{"months", std::to_string(rules.course_months)}});
  if (p.last_28d.expected >= 5 && p.last_28d.rate() < rules.attendance_threshold)
    reason("attendance_28d", {{"rate", percent(p.last_28d.rate())}, {"threshold", threshold}});
  else if (p.total.expected >= 10 && !attendance_ok)
    reason("attendance_total", {{"rate", percent(p.total.rate())}, {"threshold", threshold}});
  const double actual_share = p.skills_required ? double(p.skills_at_target) / p.skills_required : 1.0;
  if (actual_share + rules.skills_curve_tolerance < p.expected_share)
    reason("skills_behind", {{"actual", std::to_string(p.skills_at_target) + "/" + std::to_string(p.skills_required)},
                             {"expected", std::to_string(static_cast<int>(std::lround(p.expected_share * p.skills_required)))}});
  const int missing = (p.skills_required - p.skills_at_target) + !attendance_ok + !internship_done;
  if (time_is_short(p, rules) && missing > 0 && within_limit)
    reason("time_short", {{"months", std::to_string(rules.months_left_warning)}, {"missing", std::to_string(missing)}});
  const bool had_internship = std::any_of(t.stages.begin(), t.stages.end(), [](const StageChange& c) { return c.to == Stage::Internship; });
  if (!had_internship && p.months_in_course >= rules.internship_by_month)
    reason("no_internship", {{"month", std::to_string(rules.internship_by_month)}});
  if (p.last_28d.forgotten_checkouts >= rules.forgotten_checkouts)
    reason("forgotten_checkouts", {{"count", std::to_string(p.last_28d.forgotten_checkouts)}});
  const auto internship = current_internship(t, today);
  if (internship && internship->days_over > 0)  // past the end and nobody decided: at risk
    reason("internship_overrun", {{"date", format_day(internship->ends)}, {"days", std::to_string(internship->days_over)}});

  if (!p.reasons.empty()) {
    p.status = Guarantee::AtRisk;
  } else {
    p.status = Guarantee::OnTrack;
    reason("on_track");
    if (stage == Stage::Internship && !internship_done) reason("internship_unconfirmed");
  }
  // What a supervisor must act on without it putting the guarantee at risk (yet).
  if (internship) {
    const Agreement& a = *internship->agreement;
    if (!internship->approved_weeks) reason("internship_awaiting_approval");
    if (internship->days_over == 0 && internship->days_left <= rules.internship_decision_days)
      reason("internship_decision", {{"date", format_day(internship->ends)}, {"days", std::to_string(internship->days_left)}});
    if (a.over_ratio) reason("internship_over_ratio", {{"host", a.host}});
  }
  return p;
}

}  // namespace

bool time_is_short(const Progress& p, const Rules& rules) {
  return p.days_left && *p.days_left < rules.months_left_warning * 30.44;
}

Light light_for(const Progress& p, const Rules& rules) {
  switch (p.status) {
    case Guarantee::Forfeited:
      return Light::Grey;
    case Guarantee::Earned:
    case Guarantee::Fulfilled:
      return Light::Green;
    case Guarantee::AtRisk:
      return p.reasons.size() >= 2 || time_is_short(p, rules) ? Light::Red : Light::Amber;
    case Guarantee::OnTrack:
      break;
  }
  const bool decision_due = std::any_of(p.reasons.begin(), p.reasons.end(),
                                        [](const Reason& r) { return r.code == "internship_decision"; });
  return p.warning_months > 0 || decision_due ? Light::Amber : Light::Green;
}

Progress progress(const Trainee& t, const Catalogue& catalogue, const Rules& rules, Day today) {
  Progress p = progress_and_reasons(t, catalogue, rules, today);
  p.light = light_for(p, rules);
  return p;
}

}  // namespace ft
