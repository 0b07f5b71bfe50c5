// Builds the font atlas (see fonts.hpp).
#include "terminal/ui/fonts.hpp"

#include <imgui_freetype.h>

#include <filesystem>

#include "terminal/ui/icons.hpp"

namespace ft::ui {

const ImWchar* text_glyph_ranges() {
  static const ImWchar ranges[] = {
      0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement (æ ø å)
      0x0100, 0x024F,  // Latin Extended-A and -B
      0x0400, 0x052F,  // Cyrillic + Cyrillic Supplement
      0x2000, 0x206F,  // General Punctuation (– — … ’ “ ”)
      0x20AC, 0x20AC,  // €
      0x2190, 0x2193,  // ← ↑ → ↓
      0,
  };
  return ranges;
}

namespace {

bool readable(const char* path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

ImFont* add(ImFontAtlas& atlas, const char* file, float size, const ImWchar* text, const ImWchar* icons) {
  ImFontConfig cfg;
  cfg.OversampleH = cfg.OversampleV = 1;  // FreeType hints; oversampling only grows the atlas
  cfg.PixelSnapH = true;
  ImFont* font = atlas.AddFontFromFileTTF(file, size, &cfg, text);
  if (font && icons && icons[0]) {
    ImFontConfig merge;
    merge.MergeMode = true;
    merge.OversampleH = merge.OversampleV = 1;
    merge.PixelSnapH = true;
    merge.GlyphMinAdvanceX = size;                // icons line up in columns
    merge.GlyphOffset = ImVec2(0, size * 0.06f);  // MDI sits high against Noto's baseline
    atlas.AddFontFromFileTTF(kIconFont, size, &merge, icons);
  }
  return font;
}

}  // namespace

std::optional<Fonts> load_fonts(ImFontAtlas& atlas, float scale, const std::vector<std::uint32_t>& icon_codepoints,
                                std::string& error) {
  for (const char* path : {kTextFont, kBoldFont, kIconFont}) {
    if (!readable(path)) {
      error = std::string("The font ") + path +
              " is missing; install fonts-noto-core and fonts-materialdesignicons-webfont.";
      return std::nullopt;
    }
  }
  Fonts f;
  f.text_ranges = std::make_shared<std::vector<ImWchar>>();
  for (const ImWchar* r = text_glyph_ranges(); *r; ++r) f.text_ranges->push_back(*r);
  f.text_ranges->push_back(0);

  // Icons: only the codepoints asked for, as ranges of single characters.
  // ImWchar is 16 bits in Debian's build; MDI 1.x lives in the BMP private use area.
  f.icon_ranges = std::make_shared<std::vector<ImWchar>>();
  for (std::uint32_t cp : icon_codepoints) {
    if (cp == 0 || cp > 0xFFFF) continue;
    f.icon_ranges->push_back(static_cast<ImWchar>(cp));
    f.icon_ranges->push_back(static_cast<ImWchar>(cp));
  }
  f.icon_ranges->push_back(0);
  f.huge_ranges = std::make_shared<std::vector<ImWchar>>(std::vector<ImWchar>{0x0020, 0x007E, 0});

  atlas.Clear();
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  const ImWchar* text = f.text_ranges->data();
  const ImWchar* icons = f.icon_ranges->data();
  f.body = add(atlas, kTextFont, 30.0f * scale, text, icons);  // first font added is ImGui's default
  f.small = add(atlas, kTextFont, 24.0f * scale, text, icons);
  f.bold = add(atlas, kBoldFont, 30.0f * scale, text, icons);
  f.title = add(atlas, kBoldFont, 42.0f * scale, text, icons);
  f.huge = add(atlas, kBoldFont, 110.0f * scale, f.huge_ranges->data(), icons);
  if (!f.body || !f.small || !f.bold || !f.title || !f.huge || !atlas.Build()) {
    error = "The fonts could not be loaded into the font atlas.";
    return std::nullopt;
  }
  return f;
}

}  // namespace ft::ui
