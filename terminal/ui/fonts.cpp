// Builds the font atlas (see fonts.hpp).
//
// The atlas is the kiosk's largest piece of memory and most of its start-up
// time (FreeType rasterising every glyph at every size), so it holds only
// what is drawn: the text ranges below in four sizes, the icons the screens
// name, and in the huge size only digits, the colon and the five icons drawn
// there. Each font file is read once and shared by all the sizes built from it.
#include "terminal/ui/fonts.hpp"

#include <imgui_freetype.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "terminal/ui/icons.hpp"

namespace ft::ui {

const ImWchar* text_glyph_ranges() {
  // What names and the four catalogues (da, en, pl, uk) need, and no more:
  // each range is rasterised in four sizes. Whole Unicode blocks cost twice
  // as many glyphs (Latin Extended-B, Cyrillic Supplement, all of General
  // Punctuation) for letters hardly any name holds. A name in another script
  // gets a Latin display name, as right-to-left names do (README.md).
  static const ImWchar ranges[] = {
      0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement (æ ø å é ü ß · «»)
      0x0100, 0x017F,  // Latin Extended-A: Polish, Czech, Turkish, Baltic, Hungarian names
      0x018F, 0x018F,  // Ə (Azerbaijani)
      0x0218, 0x021B,  // Ș ș Ț ț (Romanian)
      0x0259, 0x0259,  // ə
      0x0400, 0x045F,  // Cyrillic: Ukrainian, Russian, Bulgarian, Serbian, Macedonian
      0x0490, 0x0491,  // Ґ ґ (Ukrainian)
      0x2013, 0x2014,  // – —
      0x2018, 0x201E,  // ‘ ’ ‚ “ ” „
      0x2022, 0x2022,  // •
      0x2026, 0x2026,  // …
      0x20AC, 0x20AC,  // €
      0x2190, 0x2193,  // ← ↑ → ↓
      0,
  };
  return ranges;
}

namespace {

bool read_file(const char* path, std::vector<unsigned char>& bytes) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  std::ifstream f(path, std::ios::binary | std::ios::ate);
  const std::streamsize size = f ? static_cast<std::streamsize>(f.tellg()) : 0;
  if (size <= 0) return false;
  bytes.resize(static_cast<std::size_t>(size));
  f.seekg(0);
  return static_cast<bool>(f.read(reinterpret_cast<char*>(bytes.data()), size));
}

// ImGui copies font data it does not own, once per size; handing it over
// "owned" avoids the copies, and taking ownership back at once keeps ImGui
// from freeing the one buffer several times. load_fonts() lets it go after Build().
ImFont* add(ImFontAtlas& atlas, std::vector<unsigned char>& file, float size, const ImWchar* ranges,
            ImFontConfig cfg = {}) {
  cfg.FontDataOwnedByAtlas = true;
  cfg.OversampleH = cfg.OversampleV = 1;  // FreeType hints; oversampling only grows the atlas
  cfg.PixelSnapH = true;
  ImFont* font = atlas.AddFontFromMemoryTTF(file.data(), static_cast<int>(file.size()), size, &cfg, ranges);
  if (!atlas.ConfigData.empty()) atlas.ConfigData.back().FontDataOwnedByAtlas = false;
  return font;
}

ImFont* add_with_icons(ImFontAtlas& atlas, std::vector<unsigned char>& text_file, std::vector<unsigned char>& icon_file,
                       float size, const ImWchar* text, const ImWchar* icons) {
  ImFont* font = add(atlas, text_file, size, text);
  if (font && icons && icons[0]) {
    ImFontConfig merge;
    merge.MergeMode = true;
    merge.GlyphMinAdvanceX = size;                // icons line up in columns
    // MDI sits high against Noto's baseline. A whole-pixel offset keeps the
    // icons on whole pixels, where the nearest-sampled atlas draws them as rasterised.
    merge.GlyphOffset = ImVec2(0, std::round(size * 0.06f));
    add(atlas, icon_file, size, icons, merge);
  }
  return font;
}

// Single codepoints as ImGui ranges; ImWchar is 16 bits in Debian's build and
// MDI 1.x lives in the BMP private use area, so larger ones are left out.
std::shared_ptr<std::vector<ImWchar>> single_ranges(const std::vector<std::uint32_t>& codepoints) {
  auto r = std::make_shared<std::vector<ImWchar>>();
  for (std::uint32_t cp : codepoints) {
    if (cp == 0 || cp > 0xFFFF) continue;
    r->push_back(static_cast<ImWchar>(cp));
    r->push_back(static_cast<ImWchar>(cp));
  }
  r->push_back(0);
  return r;
}

}  // namespace

std::optional<Fonts> load_fonts(ImFontAtlas& atlas, float scale, const std::vector<std::uint32_t>& icon_codepoints,
                                const std::vector<std::uint32_t>& huge_icon_codepoints,
                                const std::map<std::uint32_t, std::uint32_t>& icon_places, std::string& error) {
  // Read once, shared by every size built from them, gone when this returns.
  std::vector<unsigned char> regular, bold, icon_font;
  for (auto [path, bytes] : {std::pair{kTextFont, &regular}, {kBoldFont, &bold}, {kIconFont, &icon_font}}) {
    if (!read_file(path, *bytes)) {
      error = std::string("The font ") + path +
              " is missing; install fonts-noto-core and fonts-materialdesignicons-webfont.";
      return std::nullopt;
    }
  }
  Fonts f;

  f.text_ranges = std::make_shared<std::vector<ImWchar>>();
  for (const ImWchar* r = text_glyph_ranges(); *r; ++r) f.text_ranges->push_back(*r);
  f.text_ranges->push_back(0);
  f.icon_ranges = single_ranges(icon_codepoints);
  f.huge_icon_ranges = single_ranges(huge_icon_codepoints);
  f.huge_ranges = std::make_shared<std::vector<ImWchar>>(std::vector<ImWchar>{0x0020, 0x0020, 0x0030, 0x003A, 0});

  atlas.Clear();
  // Lines are drawn as anti-aliased geometry, not from textured line
  // stripes: the atlas is sampled nearest (see gl_frame.hpp), which would
  // turn the stripes' smooth edges into steps.
  atlas.Flags |= ImFontAtlasFlags_NoBakedLines;
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  const ImWchar* text = f.text_ranges->data();
  const ImWchar* icons = f.icon_ranges->data();
  f.body = add_with_icons(atlas, regular, icon_font, 30.0f * scale, text, icons);  // the first is ImGui's default
  f.small = add_with_icons(atlas, regular, icon_font, 24.0f * scale, text, icons);
  f.bold = add_with_icons(atlas, bold, icon_font, 30.0f * scale, text, icons);
  f.title = add_with_icons(atlas, bold, icon_font, 42.0f * scale, text, icons);
  f.huge = add_with_icons(atlas, bold, icon_font, 110.0f * scale, f.huge_ranges->data(), f.huge_icon_ranges->data());
  if (!f.body || !f.small || !f.bold || !f.title || !f.huge || !atlas.Build()) {
    for (ImFontConfig& cfg : atlas.ConfigData) cfg.FontData = nullptr;
    error = "The fonts could not be loaded into the font atlas.";
    return std::nullopt;
  }
  // The icons move to their places in the atlas (see Icons::place_in_atlas),
  // and each font's lookup table is built again, now ending below U+25A0.
  // No text glyph is in the font's icon codepoints (U+F0xx), so only icons move.
  for (ImFont* font : atlas.Fonts) {
    for (ImFontGlyph& glyph : font->Glyphs)
      if (auto it = icon_places.find(glyph.Codepoint); it != icon_places.end()) glyph.Codepoint = it->second;
    font->BuildLookupTable();
  }
  // The glyphs are in the atlas now; the 1.3 MB of font files are not needed
  // again (the atlas is never rebuilt) and go before the GL texture comes.
  for (ImFontConfig& cfg : atlas.ConfigData) {
    cfg.FontData = nullptr;
    cfg.FontDataSize = 0;
  }
  return f;
}

}  // namespace ft::ui
