// Translations: flat JSON objects of "key": "text with {param}" from
// assets/i18n/<lang>.json. A missing key shows as the key itself, so it is
// visible; tests prove no screen ever shows one.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "terminal/core/refusal.hpp"

namespace ft {

// The languages the programs speak, in the order they are offered; each is
// assets/i18n/<lang>.json. Here rather than in app/, so the screens' language
// lists need nothing from app/.
inline const char* const kLanguages[] = {"da", "en", "pl", "uk"};

struct Translations {
  std::string language;  // "da", "en", ...
  std::map<std::string, std::string> texts;
  const Translations* fallback = nullptr;  // consulted for keys missing here (e.g. pl -> en)

  bool has(const std::string& key) const;
  std::string operator()(const std::string& key) const;
  std::string operator()(const std::string& key, const std::map<std::string, std::string>& params) const;
};

std::optional<Translations> parse_translations(const std::string& language, const std::string& json_text,
                                               std::string& error);
std::string fill(const std::string& pattern, const std::map<std::string, std::string>& params);
// The sentence for a refusal ("refusal.<code>") or a notice (prefix "notice.").
std::string refusal_text(const Translations& tr, const Refusal& r, const char* prefix = "refusal.");

}  // namespace ft
