// The skills catalogue: what instructors assess, loaded from assets/skills.json.
// Each category and skill carries a label per language: "da" and "en" always,
// more ("pl", "uk", ...) as the catalogue has them; a language a label lacks
// reads English, then Danish.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ft {

enum class SkillScale { Trade, Behaviour };  // "fag" and "adfærd" wording of levels 1–4

// Label text by language code ("da", "en", "pl", "uk", ...).
using Labels = std::map<std::string, std::string>;

// The label in `language`, else in English, else in Danish.
const std::string& label_in(const Labels& labels, const std::string& language);

struct Skill {
  std::string key;
  std::string category;  // category key, e.g. "technique"
  Labels labels;
  std::string icon;  // Material Design Icons name, e.g. "broom"
  SkillScale scale = SkillScale::Trade;
  bool required = true;
  int target = 3;
  const std::string& label(const std::string& language) const { return label_in(labels, language); }
};

struct SkillCategory {
  std::string key;
  Labels labels;
  std::string icon;
  const std::string& label(const std::string& language) const { return label_in(labels, language); }
};

struct Catalogue {
  std::vector<SkillCategory> categories;
  std::vector<Skill> skills;
  const Skill* find(const std::string& key) const;
  int required_count() const;
};

// Strict parse of the catalogue JSON text; on failure returns nullopt and a sentence in `error`.
// A label is any field named by a language code (two small letters a–z): "da" and "en" must be there.
std::optional<Catalogue> parse_catalogue(const std::string& text, std::string& error);

}  // namespace ft
