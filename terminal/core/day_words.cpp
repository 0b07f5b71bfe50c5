// Days in words; see day_words.hpp.
#include "terminal/core/day_words.hpp"

namespace ft {

std::string day_in_words(const Translations& tr, Day day, const std::string& space) {
  int y = 0, m = 0, d = 0;
  civil_from_day(day, y, m, d);
  const std::string words =
      tr("date.full",
         {{"day", std::to_string(d)}, {"month", tr("date.month." + std::to_string(m))}, {"year", std::to_string(y)}});
  if (space == " ") return words;
  std::string spaced;
  for (char c : words) c == ' ' ? spaced += space : spaced += c;
  return spaced;
}

std::map<std::string, std::string> days_worded(const Translations& tr, std::map<std::string, std::string> params,
                                               const std::string& space) {
  for (auto& [name, value] : params)
    if (const auto day = parse_day(value)) value = day_in_words(tr, *day, space);
  return params;
}

}  // namespace ft
