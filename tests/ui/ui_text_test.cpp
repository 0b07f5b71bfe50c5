// Text on the kiosk: all four languages hold the same keys; every character of
// every translation and of every catalogue label is in the font atlas (no
// "?" boxes for æ ø å, – or …); every icon the catalogue names exists.
#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <nlohmann/json.hpp>
#include <cmath>
#include <set>

#include "terminal/ui/gl_frame.hpp"
#include "terminal/ui/icons.hpp"
#include "tests/ui/driver.hpp"

using ft::test::UiDriver;

namespace {

nlohmann::json translations(const std::string& lang) {
  return nlohmann::json::parse(ft::test::read_file(ft::test::asset("i18n/" + lang + ".json")));
}

// The code points of `text`, as ImGui decodes them.
std::vector<unsigned> code_points(const std::string& text) {
  std::vector<unsigned> out;
  const char* s = text.c_str();
  const char* end = s + text.size();
  while (s < end) {
    unsigned int c = 0;
    const int n = ImTextCharFromUtf8(&c, s, end);
    if (n <= 0) break;
    s += n;
    out.push_back(c);
  }
  return out;
}

// The characters of `text` that `font` lacks, as code points.
std::vector<unsigned> missing_glyphs(ImFont* font, const std::string& text) {
  std::vector<unsigned> missing;
  for (unsigned c : code_points(text))
    if (c != '\n' && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) missing.push_back(c);
  return missing;
}

// The characters of `text` where the atlas keeps its icons: they would draw as icons.
std::vector<unsigned> in_icon_places(const std::string& text) {
  std::vector<unsigned> found;
  for (unsigned c : code_points(text))
    if (c >= ft::ui::Icons::kAtlasFirst && c <= ft::ui::Icons::kAtlasLast) found.push_back(c);
  return found;
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

TEST_CASE("the course length is a parameter of every text, never a number written into a translation") {
  // course.months is configurable: a "18" in a translation would stay 18 when a centre sets 24.
  for (const std::string lang : ft::kLanguages) {
    const auto tr = translations(lang);
    for (const auto& [key, value] : tr.items()) {
      CAPTURE(lang);
      CAPTURE(key);
      CHECK(value.get<std::string>().find("18") == std::string::npos);
    }
  }
}

TEST_CASE("a name is never followed by a full stop: names end in an initial (\"Signe B.\")") {
  for (const std::string lang : ft::kLanguages) {
    const auto tr = translations(lang);
    for (const auto& [key, value] : tr.items()) {
      CAPTURE(lang);
      CAPTURE(key);
      const std::string text = value.get<std::string>();
      CHECK(text.find("{name}.") == std::string::npos);
      CHECK(text.find("{names}.") == std::string::npos);
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
  // The atlas keeps icons at U+2500-U+259F: no text may use that block, or it would draw icons.
  for (const auto& text : texts) {
    CAPTURE(text);
    CHECK(in_icon_places(text).empty());
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
    const auto cp = icons.drawn_codepoint(name);
    CHECK(cp >= ft::ui::Icons::kAtlasFirst);
    CHECK(cp <= ft::ui::Icons::kAtlasLast);
    CHECK(icons.glyph(name) == ft::ui::utf8_of(cp));
    for (ImFont* font : {d.ui->fonts.body, d.ui->fonts.small, d.ui->fonts.bold, d.ui->fonts.title}) {
      const ImFontGlyph* glyph = font->FindGlyphNoFallback(static_cast<ImWchar>(cp));
      REQUIRE(glyph != nullptr);
      // An icon, not a letter: as wide as the font is high (GlyphMinAdvanceX) and drawn with pixels.
      CHECK(glyph->AdvanceX >= font->FontSize - 0.5f);
      CHECK(glyph->Visible);
      // The glyph's pixels sit inside the atlas texture.
      CHECK(glyph->U1 <= 1.0f);
      CHECK(glyph->V1 <= 1.0f);
    }
  }
  for (const auto& name : ft::ui::huge_icon_names()) {
    CAPTURE(name);
    REQUIRE(icons.has(name));
    CHECK(d.ui->fonts.huge->FindGlyphNoFallback(static_cast<ImWchar>(icons.drawn_codepoint(name))) != nullptr);
  }
}

TEST_CASE("every font's glyph table ends below the icons' places, not at the icon font's U+F0xx") {
  // ImGui keeps two entries per codepoint up to a font's highest one; with the
  // icons at their own codepoints the five fonts' tables total 0.3 MiB, not 1.9 MiB.
  UiDriver d;
  for (ImFont* font : ImGui::GetIO().Fonts->Fonts) {
    CHECK(font->IndexLookup.Size <= int(ft::ui::Icons::kAtlasLast) + 1);
    CHECK(font->IndexAdvanceX.Size == font->IndexLookup.Size);
  }
  // Letters are where they were: the text's glyphs did not move.
  const ImFontGlyph* aa = d.ui->fonts.body->FindGlyphNoFallback(0x00E5);  // å
  REQUIRE(aa != nullptr);
  CHECK(aa->Codepoint == 0x00E5);
  CHECK(aa->AdvanceX < d.ui->fonts.body->FontSize);
}

TEST_CASE("icons get atlas places from U+2500 on, help-circle first; past the last place they draw as help-circle") {
  std::string css;
  for (int i = 0; i < 200; ++i) css += ".mdi-icon" + std::to_string(i) + ":before { content: \"\\F" +
                                        std::to_string(100 + i) + "\"; }\n";
  css += ".mdi-help-circle:before { content: \"\\F2D7\"; }\n";
  std::string error;
  auto icons = ft::ui::Icons::parse(css, error);
  REQUIRE(icons);
  // Before placing, glyph() is the font's own codepoint.
  CHECK(icons->drawn_codepoint("icon0") == 0xF100);
  CHECK(icons->glyph("icon0") == ft::ui::utf8_of(0xF100));
  std::set<std::uint32_t> wanted;
  for (int i = 0; i < 200; ++i) wanted.insert(icons->codepoint("icon" + std::to_string(i)));
  const auto places = icons->place_in_atlas(wanted);
  CHECK(places.size() == ft::ui::Icons::kAtlasLast - ft::ui::Icons::kAtlasFirst + 1);
  CHECK(places.at(0xF2D7) == ft::ui::Icons::kAtlasFirst);
  CHECK(icons->drawn_codepoint("help-circle") == ft::ui::Icons::kAtlasFirst);
  CHECK(icons->drawn_codepoint("icon0") == ft::ui::Icons::kAtlasFirst + 1);
  CHECK(icons->glyph("icon0") == ft::ui::utf8_of(ft::ui::Icons::kAtlasFirst + 1));
  // Each place is given once.
  std::set<std::uint32_t> used;
  for (const auto& [font_cp, atlas_cp] : places) CHECK(used.insert(atlas_cp).second);
  // An icon that found no place, and a name the font lacks, draw as help-circle.
  CHECK(icons->drawn_codepoint("icon199") == 0);
  CHECK(icons->glyph("icon199") == ft::ui::utf8_of(ft::ui::Icons::kAtlasFirst));
  CHECK(icons->glyph("no-such-icon") == ft::ui::utf8_of(ft::ui::Icons::kAtlasFirst));
}

TEST_CASE("every glyph sits on whole pixels, one texel to a pixel, so the nearest-sampled atlas draws it as rasterised") {
  // gl_frame.hpp samples the atlas nearest; that draws what linear filtering
  // would only where a glyph's quad is whole pixels the size of its texels.
  UiDriver d;
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  REQUIRE(atlas.TexWidth > 0);
  const auto whole = [](float v) { return v == std::floor(v); };
  int glyphs = 0;
  for (const ImFont* font : atlas.Fonts) {
    CHECK(whole(font->FontSize * font->Scale));
    for (const ImFontGlyph& g : font->Glyphs) {
      if (!g.Visible) continue;
      CAPTURE(g.Codepoint);
      CHECK(whole(g.X0));
      CHECK(whole(g.Y0));
      CHECK(whole(g.AdvanceX));
      CHECK(g.X1 - g.X0 == doctest::Approx((g.U1 - g.U0) * float(atlas.TexWidth)));
      CHECK(g.Y1 - g.Y0 == doctest::Approx((g.V1 - g.V0) * float(atlas.TexHeight)));
      ++glyphs;
    }
  }
  CHECK(glyphs > 1000);
  // Lines are geometry, not stripes of the atlas that nearest sampling would make jagged.
  CHECK((atlas.Flags & ImFontAtlasFlags_NoBakedLines) != 0);
}

TEST_CASE("text drawn larger or smaller than its font is sampled smoothly, and only that text") {
  UiDriver d;
  ft::test::BareDrawList dl;
  ImFont* title = d.ui->fonts.title;
  const auto callbacks = [&] {
    int n = 0;
    for (const ImDrawCmd& c : dl.CmdBuffer) n += c.UserCallback != nullptr;
    return n;
  };
  ft::ui::add_scaled_text(&dl, title, title->FontSize, ImVec2(10, 10), IM_COL32_WHITE, "AK");
  CHECK(callbacks() == 0);
  const int before = dl.IdxBuffer.Size;
  ft::ui::add_scaled_text(&dl, title, title->FontSize * 0.8f, ImVec2(10, 80), IM_COL32_WHITE, "AK");
  CHECK(callbacks() == 2);
  // The scaled text's triangles lie between the two callbacks: smooth on, text, nearest again.
  REQUIRE(dl.CmdBuffer.Size >= 3);
  int first = -1, second = -1;
  for (int i = 0; i < dl.CmdBuffer.Size; ++i)
    if (dl.CmdBuffer[i].UserCallback) (first < 0 ? first : second) = i;
  REQUIRE(second > first + 1);
  unsigned between = 0;
  for (int i = first + 1; i < second; ++i) between += dl.CmdBuffer[i].ElemCount;
  CHECK(between == unsigned(dl.IdxBuffer.Size - before));
  CHECK(between == 12);  // two glyphs, two triangles each
}

TEST_CASE("a missing key shows as itself and is recorded, so tests catch it") {
  UiDriver d;
  CHECK(d.ui->t("no.such.key") == "no.such.key");
  CHECK(d.ui->missing_keys().count("no.such.key") == 1);
}

TEST_CASE("a reason's date reads as people write it in the screen's language, never as 2026-12-10") {
  UiDriver d(ImVec2(1280, 800));
  const ft::Reason r{"internship_decision", {{"date", "2026-12-10"}, {"days", "4"}}};
  for (const std::string lang : {"da", "en"}) {
    d.ui->session.language = lang;
    const std::string said = d.ui->reason(r);
    CAPTURE(said);
    CHECK(said.find("2026-12-10") == std::string::npos);
    CHECK(said.find(d.ui->date_short(*ft::parse_day("2026-12-10"))) != std::string::npos);
  }
}
