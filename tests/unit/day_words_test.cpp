// Days in words for people (terminal/core/day_words.hpp), with the real translation files.
#include "terminal/core/day_words.hpp"

#include <doctest/doctest.h>

#include "tests/test_support.hpp"

using namespace ft;

namespace {

Translations language(const char* lang) {
  std::string error;
  auto tr = parse_translations(lang, test::read_file(test::asset(std::string("i18n/") + lang + ".json")), error);
  REQUIRE_MESSAGE(tr, error);
  return *tr;
}

}  // namespace

TEST_CASE("a day in words: 1. januar 2027, 31 December 2026, 9 lipca 2026, 9 липня 2026") {
  CHECK(day_in_words(language("da"), *parse_day("2027-01-01")) == "1. januar 2027");
  CHECK(day_in_words(language("da"), *parse_day("2026-12-31")) == "31. december 2026");
  CHECK(day_in_words(language("en"), *parse_day("2026-12-31")) == "31 December 2026");
  CHECK(day_in_words(language("pl"), *parse_day("2026-07-09")) == "9 lipca 2026");
  CHECK(day_in_words(language("uk"), *parse_day("2026-07-09")) == "9 липня 2026");
}

TEST_CASE("a day for a narrow table column keeps together with no-break spaces; a reason's days are worded") {
  CHECK(day_in_words(language("da"), *parse_day("2026-08-18"), "\u00a0") == "18.\u00a0august\u00a02026");
  const auto params = days_worded(language("da"), {{"date", "2026-12-31"}, {"days", "12"}}, "\u00a0");
  CHECK(params.at("date") == "31.\u00a0december\u00a02026");
  CHECK(params.at("days") == "12");
}
