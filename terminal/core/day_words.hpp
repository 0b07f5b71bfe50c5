// A day as a person reads it: "9. juli 2026", "9 July 2026", "9 lipca 2026"
// (the kiosk translations' "date.full" with their month names "date.month.N").
// One pattern for the web view's pages and the reports' PDF. Files, JSON,
// CSV and the command line keep ISO (format_day), which machines and
// spreadsheets read.
#pragma once
#include <map>
#include <string>

#include "terminal/core/dates.hpp"
#include "terminal/core/i18n.hpp"

namespace ft {

// `space` goes between its words: a no-break space ("\u00a0") keeps the day
// on one line of a narrow table column in the PDF.
std::string day_in_words(const Translations& tr, Day day, const std::string& space = " ");

// A reason's or refusal's parameters with every parameter that is a day
// worded: core gives days as ISO ("2026-12-10", for files and the CLI), a
// person reads "10. december 2026". Whole values only; no text is searched.
std::map<std::string, std::string> days_worded(const Translations& tr, std::map<std::string, std::string> params,
                                               const std::string& space = " ");

}  // namespace ft
