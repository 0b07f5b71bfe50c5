// The web view's words: assets/i18n/web/<lang>.json (Danish and English),
// read with the kiosk's own parser and backed by the kiosk's translations of
// the same language, so a stage, an absence kind, a guarantee status or a
// reason reads on the web exactly as on the floor (one text for each).
#pragma once
#include <map>
#include <memory>
#include <string>

#include "terminal/core/dates.hpp"
#include "terminal/core/day_words.hpp"
#include "terminal/core/i18n.hpp"

namespace ft::server::web {

inline const char* const kWebLanguages[] = {"da", "en"};

class WebTexts {
 public:
  // nullptr and a sentence in `error` when a file is missing or malformed.
  static std::unique_ptr<WebTexts> load(const std::string& assets_dir, std::string& error);
  // The texts of `language`; Danish for anything else.
  const Translations& in(const std::string& language) const;
  static bool known(const std::string& language);

 private:
  WebTexts() = default;
  std::map<std::string, Translations> kiosk_;  // the fallbacks: pointers into here stay valid
  std::map<std::string, Translations> web_;
};

// A day as a person reads it in `tr`'s language: "9. juli 2026", "9 July 2026".
// It is core's day_in_words() (the kiosk's "date.full" and "date.month.N",
// reached through the web texts' fallback), so the web pages and the report
// PDFs word a day alike. ISO (format_day) stays wherever a day is data: form
// values, URLs, event payloads, CSV, <time datetime>.
std::string day_words(const Translations& tr, Day day);
// A reason's or refusal's parameters are worded by core's days_worded() (day_words.hpp).

// A week's label in the calendar, where a year would not fit: "6. jul.", "6 Jul" (the kiosk's "date.short").
std::string day_words_short(const Translations& tr, Day day);
// <time datetime="2026-07-09">9. juli 2026</time>: worded for the reader, ISO for machines.
std::string day_time_html(const Translations& tr, Day day);

}  // namespace ft::server::web
