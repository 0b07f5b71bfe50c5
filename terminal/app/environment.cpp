#include "terminal/app/environment.hpp"

#include <unistd.h>

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

fs::path executable_dir() {
  std::error_code ec;
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::current_path() : exe.parent_path();
}
}  // namespace

std::string find_assets_dir() {
  if (const char* env = std::getenv("FLOOR_TERMINAL_ASSETS"); env && *env) return env;
  const auto dir = executable_dir();
  for (const auto& candidate : {dir / "assets", dir / ".." / "share" / "floor-terminal", fs::path("/usr/share/floor-terminal")})
    if (fs::exists(candidate / "skills.json")) return fs::weakly_canonical(candidate).string();
  return (dir / "assets").string();
}

std::optional<Environment> load_environment(const std::string& config_path, std::string& error) {
  Environment env;
  env.assets_dir = find_assets_dir();
  bool ok = false;
  const auto catalogue_text = read_text(fs::path(env.assets_dir) / "skills.json", ok);
  if (!ok) {
    error = "The skills catalogue is missing: " + env.assets_dir + "/skills.json";
    return std::nullopt;
  }
  auto catalogue = parse_catalogue(catalogue_text, error);
  if (!catalogue) return std::nullopt;
  env.catalogue = std::move(*catalogue);
  for (const char* lang : kLanguages) {
    const auto text = read_text(fs::path(env.assets_dir) / "i18n" / (std::string(lang) + ".json"), ok);
    if (!ok) continue;
    auto tr = parse_translations(lang, text, error);
    if (!tr) return std::nullopt;
    env.languages[lang] = std::move(*tr);
  }
  if (!env.languages.count("da") || !env.languages.count("en")) {
    error = "The Danish and English translations are missing from " + env.assets_dir + "/i18n";
    return std::nullopt;
  }
  // Languages beyond Danish and English may be partial: English fills the gaps.
  const auto& english = env.languages.at("en");
  for (auto& [lang, tr] : env.languages)
    if (lang != "da" && lang != "en")
      for (const auto& [key, text] : english.texts) tr.texts.emplace(key, text);

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
