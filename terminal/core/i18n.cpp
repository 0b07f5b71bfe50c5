#include "terminal/core/i18n.hpp"

#include <nlohmann/json.hpp>

namespace ft {

bool Translations::has(const std::string& key) const {
  return texts.count(key) || (fallback && fallback->has(key));
}

std::string Translations::operator()(const std::string& key) const {
  auto it = texts.find(key);
  if (it != texts.end()) return it->second;
  return fallback ? (*fallback)(key) : key;
}

std::string Translations::operator()(const std::string& key, const std::map<std::string, std::string>& params) const {
  return fill((*this)(key), params);
}

std::string fill(const std::string& pattern, const std::map<std::string, std::string>& params) {
  std::string out;
  out.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      auto close = pattern.find('}', i);
      if (close != std::string::npos) {
        auto it = params.find(pattern.substr(i + 1, close - i - 1));
        if (it != params.end()) {
          out += it->second;
          i = close;
          continue;
        }
      }
    }
    out += pattern[i];
  }
  return out;
}

std::optional<Translations> parse_translations(const std::string& language, const std::string& json_text,
                                               std::string& error) {
  try {
    const auto j = nlohmann::json::parse(json_text);
    if (!j.is_object()) throw std::runtime_error("the file must hold one JSON object");
    Translations t;
    t.language = language;
    for (const auto& [key, value] : j.items()) {
      if (!value.is_string()) throw std::runtime_error("'" + key + "' must be a text");
      t.texts[key] = value.get<std::string>();
    }
    return t;
  } catch (const std::exception& e) {
    error = "translations '" + language + "': " + e.what();
    return std::nullopt;
  }
}

std::string refusal_text(const Translations& tr, const Refusal& r, const char* prefix) {
  // Parameters that start with '@' are translation keys themselves ("@stage.centre").
  auto params = r.params;
  for (auto& [name, value] : params)
    if (!value.empty() && value[0] == '@') value = tr(value.substr(1));
  const bool store = r.code.rfind("store.", 0) == 0;
  return tr(store ? r.code : prefix + r.code, params);
}

}  // namespace ft
