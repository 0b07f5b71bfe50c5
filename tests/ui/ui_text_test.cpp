// Text on the kiosk: all four languages hold the same keys; every character of
// every translation and of every catalogue label is in the font atlas (no
// "?" boxes for æ ø å, – or …); every icon the catalogue names exists.
#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <nlohmann/json.hpp>
#include <set>

#include "terminal/ui/icons.hpp"
#include "tests/ui/driver.hpp"

using ft::test::UiDriver;

namespace {

nlohmann::json translations(const std::string& lang) {
  return nlohmann::json::parse(ft::test::read_file(ft::test::asset("i18n/" + lang + ".json")));
}

// The characters of `text` that `font` lacks, as code points.
std::vector<unsigned> missing_glyphs(ImFont* font, const std::string& text) {
  std::vector<unsigned> missing;
  const char* s = text.c_str();
  const char* end = s + text.size();
  while (s < end) {
    unsigned int c = 0;
    const int n = ImTextCharFromUtf8(&c, s, end);
    if (n <= 0) break;
    s += n;
    if (c == '\n') continue;
    if (!font->FindGlyphNoFallback(static_cast<ImWchar>(c))) missing.push_back(c);
  }
  return missing;
}

// The {name}s in a text, sorted and joined ("{count}{name}"), so a
// translation that drops or misspells one ("{nme}") is caught: fill() would
// leave it on screen as typed.
std::string placeholders(const std::string& text) {
  std::multiset<std::string> found;
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    found.insert(text.substr(open, close - open + 1));
  }
  std::string out;
  for (const auto& p : found) out += p;
  return out;
}

}  // namespace

TEST_CASE("every language holds exactly the keys of English, none empty, with the same placeholders") {
  // A session in any language may reach any screen (a trainee's errors, a
  // staff member's own language): a key added without all four translations
  // fails here rather than falling back to English on the floor.
  const auto en = translations("en");
  for (const std::string lang : ft::kLanguages) {
    const auto tr = translations(lang);
    CAPTURE(lang);
    for (const auto& [key, value] : tr.items()) {
      CAPTURE(key);
      CHECK(en.contains(key));
      CHECK_FALSE(value.get<std::string>().empty());
    }
    for (const auto& [key, value] : en.items()) {
      CAPTURE(key);
      if (!tr.contains(key)) {
        FAIL_CHECK("not translated");  // every missing key is listed, not only the first
        continue;
      }
      CHECK(placeholders(tr[key].get<std::string>()) == placeholders(value.get<std::string>()));
    }
  }
}

TEST_CASE("each language names itself in its own file, in its own script") {
  std::set<std::string> names;
  for (const char* lang : ft::kLanguages) {
    CAPTURE(lang);
    const auto tr = translations(lang);
    REQUIRE(tr.contains("language.self"));
    names.insert(tr["language.self"].get<std::string>());
  }
  CHECK(names == std::set<std::string>{"Dansk", "English", "Polski", "Українська"});
}

TEST_CASE("every glyph of every catalogue string and translation is in the atlas") {
  UiDriver d;
  const auto& fonts = d.ui->fonts;
  std::vector<std::string> texts;
  for (const auto& c : d.centre->catalogue().categories)
    for (const auto& [lang, label] : c.labels) texts.push_back(label);
  for (const auto& s : d.centre->catalogue().skills)
    for (const auto& [lang, label] : s.labels) texts.push_back(label);
  for (const char* lang : {"da", "en", "pl", "uk"}) {
    const auto all = translations(lang);
    for (const auto& [key, value] : all.items()) texts.push_back(value.get<std::string>());
  }
  // Names the board must show: Danish, Polish, Czech, Turkish, Romanian, Ukrainian.
  texts.insert(texts.end(), {"Åse Ærø-Ødegaard", "Łukasz Świątek", "Jiří Dvořák", "Şükrü Öztürk", "Ștefan Țurcanu",
                             "Олена Шевченко", "Ґрета Їжак"});
  // Every letter Polish and Ukrainian need, capital and small.
  texts.insert(texts.end(), {"ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ", "їєіґ ЇЄІҐ абвгдежзийклмнопрстуфхцчшщьюя ’'"});
  CHECK(texts.size() > 100);
  for (ImFont* font : {fonts.body, fonts.small, fonts.bold, fonts.title}) {
    for (const auto& text : texts) {
      CAPTURE(text);
      auto missing = missing_glyphs(font, text);
      CHECK(missing.empty());
    }
  }
  // The huge font holds digits, the clock's colon and the space between icon and time.
  CHECK(missing_glyphs(fonts.huge, "0123456789: ").empty());
}

TEST_CASE("every icon the catalogue and the screens name is in the icon font") {
  UiDriver d;
  const auto& icons = d.ui->icons;
  CHECK(icons.size() > 1000);
  for (const auto& c : d.centre->catalogue().categories) {
    CAPTURE(c.icon);
    CHECK(icons.has(c.icon));
  }
  for (const auto& s : d.centre->catalogue().skills) {
    CAPTURE(s.icon);
    CHECK(icons.has(s.icon));
  }
  for (const auto& name : ft::ui::ui_icon_names()) {
    CAPTURE(name);
    REQUIRE(icons.has(name));
    const auto cp = icons.codepoint(name);
    CHECK(d.ui->fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
  }
  for (const auto& name : ft::ui::huge_icon_names()) {
    CAPTURE(name);
    REQUIRE(icons.has(name));
    CHECK(d.ui->fonts.huge->FindGlyphNoFallback(static_cast<ImWchar>(icons.codepoint(name))) != nullptr);
  }
}

TEST_CASE("a missing key shows as itself and is recorded, so tests catch it") {
  UiDriver d;
  CHECK(d.ui->t("no.such.key") == "no.such.key");
  CHECK(d.ui->missing_keys().count("no.such.key") == 1);
}
