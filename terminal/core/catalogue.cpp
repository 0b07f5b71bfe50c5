// Parsing the skills catalogue and picking a label's language (see catalogue.hpp).
#include "terminal/core/catalogue.hpp"

#include <set>

namespace ft {

const Skill* Catalogue::find(const std::string& key) const {
  for (const auto& s : skills)
    if (s.key == key) return &s;
  return nullptr;
}

const std::string& label_in(const Labels& labels, const std::string& language) {
  for (const std::string& l : {language, std::string("en"), std::string("da")})
    if (auto it = labels.find(l); it != labels.end()) return it->second;
  static const std::string none;  // a parsed catalogue always has "da" and "en"
  return none;
}

int Catalogue::required_count() const {
  int n = 0;
  for (const auto& s : skills) n += s.required;
  return n;
}

namespace {
std::string need_string(const nlohmann::json& j, const char* key, const std::string& where) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string() || it->get<std::string>().empty() ||
      it->get<std::string>().size() > 200)
    throw std::runtime_error(where + ": '" + key + "' must be a non-empty text");
  return it->get<std::string>();
}

bool is_language_code(const std::string& key) {
  return key.size() == 2 && key[0] >= 'a' && key[0] <= 'z' && key[1] >= 'a' && key[1] <= 'z';
}

// Every field named by a language code is a label; Danish and English are required
// because every other language falls back to them.
Labels need_labels(const nlohmann::json& j, const std::string& where) {
  Labels labels;
  for (const auto& [key, value] : j.items())
    if (is_language_code(key)) labels[key] = need_string(j, key.c_str(), where);
  for (const char* required : {"da", "en"})
    if (!labels.count(required)) throw std::runtime_error(where + ": '" + required + "' must be a non-empty text");
  return labels;
}
}  // namespace

std::optional<Catalogue> parse_catalogue(const std::string& text, std::string& error) {
  try {
    const auto j = nlohmann::json::parse(text);
    if (!j.is_object() || !j.contains("categories") || !j["categories"].is_array() ||
        !j.contains("skills") || !j["skills"].is_array())
      throw std::runtime_error("the catalogue must have 'categories' and 'skills' lists");
    Catalogue c;
    std::set<std::string> category_keys, skill_keys;
    for (const auto& cj : j["categories"]) {
      if (!cj.is_object()) throw std::runtime_error("a category must be an object");
      SkillCategory cat;
      cat.key = need_string(cj, "key", "category");
      const std::string where = "category '" + cat.key + "'";
      cat.labels = need_labels(cj, where);
      cat.icon = need_string(cj, "icon", where);
      if (!category_keys.insert(cat.key).second)
        throw std::runtime_error("category '" + cat.key + "' appears twice");
      c.categories.push_back(cat);
    }
    for (const auto& sj : j["skills"]) {
      if (!sj.is_object()) throw std::runtime_error("a skill must be an object");
      Skill s;
      s.key = need_string(sj, "key", "skill");
      const std::string where = "skill '" + s.key + "'";
      s.category = need_string(sj, "category", where);
      s.labels = need_labels(sj, where);
      s.icon = need_string(sj, "icon", where);
      const auto scale = need_string(sj, "scale", where);
      if (scale != "trade" && scale != "behaviour")
        throw std::runtime_error(where + ": 'scale' must be trade or behaviour");
      s.scale = scale == "trade" ? SkillScale::Trade : SkillScale::Behaviour;
      if (!sj.contains("required") || !sj["required"].is_boolean())
        throw std::runtime_error(where + ": 'required' must be true or false");
      s.required = sj["required"].get<bool>();
      if (!sj.contains("target") || !sj["target"].is_number_integer() || sj["target"].get<int>() < 1 ||
          sj["target"].get<int>() > 4)
        throw std::runtime_error(where + ": 'target' must be a level from 1 to 4");
      s.target = sj["target"].get<int>();
      if (!category_keys.count(s.category))
        throw std::runtime_error(where + ": unknown category '" + s.category + "'");
      if (!skill_keys.insert(s.key).second) throw std::runtime_error(where + " appears twice");
      c.skills.push_back(s);
    }
    if (c.skills.empty()) throw std::runtime_error("the catalogue has no skills");
    return c;
  } catch (const std::exception& e) {
    error = std::string("skills catalogue: ") + e.what();
    return std::nullopt;
  }
}

}  // namespace ft
