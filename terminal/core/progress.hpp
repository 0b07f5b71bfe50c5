// Progress toward the job guarantee: attendance, skills against the expected
// curve, the 18-month clock, and the guarantee status with reasons a person
// can act on. Computed from the state for a given day; nothing here is stored.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "terminal/core/catalogue.hpp"
#include "terminal/core/rules.hpp"
#include "terminal/core/state.hpp"

namespace ft {

enum class DayStatus {
  NotExpected,        // weekend, holiday, or outside the centre period
  Present,
  Late,               // checked in after the late limit
  ForgottenCheckout,  // checked in, never out, not confirmed (flagged)
  AbsentSick,
  AbsentLegitimate,
  AbsentNotLegitimate,
  Unrecorded,         // expected, no check-in, no absence recorded
  Upcoming,           // today before check-in, or later
};
DayStatus day_status(const Trainee& t, Day day, const Rules& rules, Day today);
// The status in words: its translation key ("day.present", ...), one for the
// kiosk's calendar and the web view's.
const char* day_status_key(DayStatus s);
bool is_expected_day(Day day, const Rules& rules);  // Monday–Friday and not a holiday
// The last expected day before `today` (a week back at most): the day the morning question asks about.
Day last_expected_day_before(Day today, const Rules& rules);
bool in_centre_on(const Trainee& t, Day day);

struct AttendanceSummary {
  int expected = 0;  // expected days, agreed absence excluded
  int present = 0;   // includes late
  int late = 0;
  int sick = 0, legitimate = 0, not_legitimate = 0, unrecorded = 0;
  int forgotten_checkouts = 0;
  double rate() const { return expected ? double(present) / expected : 1.0; }
};
AttendanceSummary attendance_between(const Trainee& t, Day from, Day to, const Rules& rules, Day today);

enum class Guarantee { OnTrack, AtRisk, Earned, Fulfilled, Forfeited };
const char* guarantee_name(Guarantee g);  // "on_track", ...

struct Reason {  // translated under "reason.<code>"
  std::string code;
  std::map<std::string, std::string> params;
};

// The traffic light staff screens show beside a trainee. Red: at risk with
// several reasons or with less than rules.months_left_warning left, or
// forfeited shows grey; amber: at risk otherwise, or a 15/17-month warning;
// green: on track, earned, fulfilled.
enum class Light { Green, Amber, Red, Grey };

struct Progress {
  Guarantee status = Guarantee::OnTrack;
  Light light = Light::Green;
  std::vector<Reason> reasons;
  std::optional<Day> started;        // first day in the centre
  double months_in_course = 0;
  std::optional<int> days_left;      // to the 18-month limit; none before start or after the end
  int warning_months = 0;            // 0, or 15 / 17 when that warning applies
  AttendanceSummary last_28d;        // the 28 days ending on the last centre day up to today
  AttendanceSummary total;
  int skills_required = 0, skills_assessed = 0, skills_at_target = 0;
  double expected_share = 0;         // share of required skills expected at target by now
  bool checked_in = false;           // in the building now
};

Progress progress(const Trainee& t, const Catalogue& catalogue, const Rules& rules, Day today);
// The light of a progress already computed (progress() fills Progress::light with it).
Light light_for(const Progress& p, const Rules& rules);
// Days left below which an at-risk course counts as short of time (rules.months_left_warning).
bool time_is_short(const Progress& p, const Rules& rules);

// Share of required skills at target on each day from `from` to `to` (for the trend chart). On each
// day the latest assessment (by hlc) dated on or before it counts, so the day of today agrees with
// progress(); with no required skills every day is 1, as progress() counts it.
std::vector<double> skills_at_target_trend(const Trainee& t, const Catalogue& catalogue, Day from, Day to);
// The expected curve: months / planned centre months, from 0 at the first day to 1 at the planned end.
double expected_skills_share(double months_in_centre_period, const Rules& rules);

}  // namespace ft
