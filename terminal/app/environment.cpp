#include "terminal/app/environment.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "terminal/app/config.hpp"

namespace ft {

namespace fs = std::filesystem;

const Translations& Environment::tr(const std::string& language) const {
  auto it = languages.find(language);
  return it != languages.end() ? it->second : languages.at("da");
}

namespace {
std::string read_text(const fs::path& path, bool& ok) {
  std::ifstream f(path, std::ios::binary);
  ok = static_cast<bool>(f);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
}  // namespace

std::optional<Environment> load_environment(const std::string& config_path, std::string& error) {
  Environment env;
  env.assets_dir = find_assets_dir();
  auto catalogue = load_catalogue(env.assets_dir, error);
  if (!catalogue) return std::nullopt;
  env.catalogue = std::move(*catalogue);
  auto languages = load_translations(env.assets_dir, error);
  if (!languages) return std::nullopt;
  env.languages = std::move(*languages);

  bool ok = false;
  std::string path = config_path;
  if (path.empty() && fs::exists(kDefaultConfigPath)) path = kDefaultConfigPath;
  if (!path.empty()) {
    const auto text = read_text(path, ok);
    if (!ok) {
      error = "The configuration file " + path + " cannot be read.";
      return std::nullopt;
    }
    auto rules = parse_config(text, path, error);
    if (!rules) return std::nullopt;
    env.rules = std::move(*rules);
  }
  return env;
}

}  // namespace ft
