// The kiosk's attendance calendar (terminal/ui/charts.cpp, calendar()) as
// SVG for a trainee's page: the last 8 weeks, Monday to Friday, each day as
// core's day_status() judges it. Every status has a shape of its own as
// well as a colour (WCAG 1.4.1: a check for present, a clock for late, a
// cross for a no-show, a question mark for a day nobody recorded, ...), a
// legend says each in words, each day carries its date and status as a
// <title>, and the picture's description counts the days in words for a
// screen reader. A day the jobcentre marked handled shows a small flag.
#pragma once
#include <string>

#include "terminal/core/i18n.hpp"
#include "terminal/core/progress.hpp"

namespace ft::server::web {

constexpr int kCalendarWeeks = 8;

std::string calendar_svg(const Trainee& t, const Rules& rules, Day today, const Translations& tr);

}  // namespace ft::server::web
