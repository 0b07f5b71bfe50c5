// The skills catalogue: what instructors assess, loaded from assets/skills.json.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ft {

enum class SkillScale { Trade, Behaviour };  // "fag" and "adfærd" wording of levels 1–4

struct Skill {
  std::string key;
  std::string category;   // category key, e.g. "technique"
  std::string label_da;
  std::string label_en;
  std::string icon;       // Material Design Icons name, e.g. "broom"
  SkillScale scale = SkillScale::Trade;
  bool required = true;
  int target = 3;
};

struct SkillCategory {
  std::string key;
  std::string label_da;
  std::string label_en;
  std::string icon;
};

struct Catalogue {
  std::vector<SkillCategory> categories;
  std::vector<Skill> skills;
  const Skill* find(const std::string& key) const;
  int required_count() const;
};

// Strict parse of the catalogue JSON text; on failure returns nullopt and a sentence in `error`.
std::optional<Catalogue> parse_catalogue(const std::string& text, std::string& error);

}  // namespace ft
