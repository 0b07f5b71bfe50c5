// What every entry point needs before it opens a database: where the assets
// are, the centre's rules from the configuration file, the skills catalogue
// and the translations. Loading fails with one clear sentence.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "terminal/app/assets.hpp"
#include "terminal/core/catalogue.hpp"
#include "terminal/core/i18n.hpp"
#include "terminal/core/rules.hpp"

namespace ft {

struct Environment {
  std::string assets_dir;  // holds skills.json, i18n/, demo/
  Rules rules;
  Catalogue catalogue;
  std::map<std::string, Translations> languages;  // every language found; pl/uk fall back to en
  const Translations& tr(const std::string& language) const;  // unknown -> da
};

// config_path empty: defaults (and /etc/floor-terminal/config.toml when it exists).
std::optional<Environment> load_environment(const std::string& config_path, std::string& error);

}  // namespace ft
