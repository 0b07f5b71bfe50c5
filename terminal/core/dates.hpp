// Calendar arithmetic on plain day numbers, with no time zone and no I/O.
// A Day is the number of days since 1970-01-01 in the centre's local calendar;
// the shell turns wall-clock time into a local Day, the core never does.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace ft {

using Day = int;  // days since 1970-01-01, local calendar

Day day_from_civil(int year, int month, int day);
void civil_from_day(Day d, int& year, int& month, int& day);
std::optional<Day> parse_day(std::string_view text);  // strict "YYYY-MM-DD"
std::string format_day(Day d);
int weekday(Day d);  // 0 = Monday ... 6 = Sunday
Day add_months(Day d, int months);  // clamps the day of month (31 Jan + 1 = 28/29 Feb)
double months_between(Day from, Day to);  // in average months (30.44 days)

// Minutes since local midnight, "HH:MM".
std::optional<int> parse_clock(std::string_view text);
std::string format_clock(int minutes);

}  // namespace ft
