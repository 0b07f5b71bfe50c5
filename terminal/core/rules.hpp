// The centre's rules as numbers: every default from DOMAIN.md, each one
// overridable from the terminal's configuration (docs/configuration.md).
#pragma once
#include <set>
#include <string>

#include "terminal/core/dates.hpp"

namespace ft {

struct Rules {
  std::string centre_name = "Træningscenter Ikast";
  int capacity = 15;                 // trainees in stage centre at once
  int course_months = 18;            // no active course beyond this
  int warn_months_first = 15;
  int warn_months_second = 17;
  int planned_centre_months = 6;     // the expected-skills curve runs over this
  int internship_by_month = 9;       // at risk when no internship started by then
  double attendance_threshold = 0.85;
  int planned_start = 7 * 60 + 30;   // 07:30
  int late_after = 7 * 60 + 45;      // 07:45
  int planned_end = 15 * 60;         // 15:00, used to close a forgotten check-out
  std::set<Day> holidays;            // expected days are Monday–Friday minus these
  double skills_curve_tolerance = 0.15;   // at risk when the share at target lags the curve by more
  int months_left_warning = 3;            // at risk with requirements missing and less than this left
  int forgotten_checkouts = 3;            // at risk at this many in the last 28 days
  int pin_attempts = 5;                   // wrong PINs in a row before a lockout
  int lockout_minutes = 5;                // first lockout; doubles on each repeat
  int double_tap_seconds = 120;           // a second punch inside this is not recorded
  int erase_after_days = 365;             // personal data of trainees who left, once synced
  int internship_decision_days = 14;      // from this many days before an internship's end, a decision is asked for
};

}  // namespace ft
