#include "terminal/app/assets.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace ft {

namespace fs = std::filesystem;

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
  // The build tree, then an installed kiosk, then an installed server (whose
  // package ships only the catalogue and the texts, not the kiosk's fonts).
  for (const auto& candidate : {dir / "assets", dir / ".." / "share" / "floor-terminal",
                                dir / ".." / "share" / "floor-sync-server", fs::path("/usr/share/floor-terminal"),
                                fs::path("/usr/share/floor-sync-server")})
    if (fs::exists(candidate / "skills.json")) return fs::weakly_canonical(candidate).string();
  return (dir / "assets").string();
}

std::optional<Catalogue> load_catalogue(const std::string& assets_dir, std::string& error) {
  bool ok = false;
  const auto text = read_text(fs::path(assets_dir) / "skills.json", ok);
  if (!ok) {
    error = "The skills catalogue is missing: " + assets_dir + "/skills.json";
    return std::nullopt;
  }
  return parse_catalogue(text, error);
}

std::optional<std::map<std::string, Translations>> load_translations(const std::string& assets_dir,
                                                                      std::string& error) {
  std::map<std::string, Translations> languages;
  bool ok = false;
  for (const char* lang : kLanguages) {
    const auto text = read_text(fs::path(assets_dir) / "i18n" / (std::string(lang) + ".json"), ok);
    if (!ok) continue;
    auto tr = parse_translations(lang, text, error);
    if (!tr) return std::nullopt;
    languages[lang] = std::move(*tr);
  }
  if (!languages.count("da") || !languages.count("en")) {
    error = "The Danish and English translations are missing from " + assets_dir + "/i18n";
    return std::nullopt;
  }
  // Languages beyond Danish and English may be partial: English fills the gaps.
  const auto& english = languages.at("en");
  for (auto& [lang, tr] : languages)
    if (lang != "da" && lang != "en")
      for (const auto& [key, text] : english.texts) tr.texts.emplace(key, text);
  return languages;
}

std::string message_language() {
  for (const char* var : {"FT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"})
    if (const char* v = std::getenv(var); v && *v) return std::string(v).rfind("da", 0) == 0 ? "da" : "en";
  return "en";
}

}  // namespace ft
