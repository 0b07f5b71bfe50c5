// The web view's words; see texts.hpp.
#include "sync/server/web/texts.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sync/server/web/html.hpp"
#include "terminal/app/assets.hpp"

namespace ft::server::web {

std::unique_ptr<WebTexts> WebTexts::load(const std::string& assets_dir, std::string& error) {
  auto kiosk = load_translations(assets_dir, error);
  if (!kiosk) return nullptr;
  std::unique_ptr<WebTexts> t(new WebTexts());
  t->kiosk_ = std::move(*kiosk);
  for (const char* lang : kWebLanguages) {
    const auto path = std::filesystem::path(assets_dir) / "i18n" / "web" / (std::string(lang) + ".json");
    std::ifstream f(path);
    if (!f) {
      error = "The web view's texts are missing: " + path.string();
      return nullptr;
    }
    std::stringstream text;
    text << f.rdbuf();
    auto parsed = parse_translations(lang, text.str(), error);
    if (!parsed) return nullptr;
    parsed->fallback = &t->kiosk_.at(lang);
    t->web_[lang] = std::move(*parsed);
  }
  return t;
}

bool WebTexts::known(const std::string& language) { return language == "da" || language == "en"; }

const Translations& WebTexts::in(const std::string& language) const {
  auto it = web_.find(language);
  return it == web_.end() ? web_.at("da") : it->second;
}

std::string day_words(const Translations& tr, Day day) { return day_in_words(tr, day); }

std::string day_words_short(const Translations& tr, Day day) {
  int y = 0, m = 0, d = 0;
  civil_from_day(day, y, m, d);
  return tr("date.short", {{"day", std::to_string(d)}, {"month", tr("date.month_short." + std::to_string(m))}});
}

std::string day_time_html(const Translations& tr, Day day) {
  return "<time datetime=\"" + format_day(day) + "\">" + escape(day_words(tr, day)) + "</time>";
}

}  // namespace ft::server::web
