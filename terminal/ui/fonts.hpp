// Font loading: Noto Sans (Debian's fonts-noto-core) in the sizes the kiosk
// uses, each with the Material Design Icons the UI needs merged in, built
// with the FreeType builder of Debian's libimgui.a.
//
// Text covers Latin-1, Latin Extended-A and the Romanian and Azerbaijani
// letters of Extended-B, Cyrillic with Ukrainian ґ, and the punctuation the
// catalogues use (– … “ ”), which the default range lacks. The huge font (the confirmation's time) holds digits, the
// colon and huge_icon_names() only.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ft::ui {

inline constexpr const char* kTextFont = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
inline constexpr const char* kBoldFont = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";

struct Fonts {
  ImFont* small = nullptr;  // secondary lines
  ImFont* body = nullptr;   // everything by default
  ImFont* bold = nullptr;   // names, buttons
  ImFont* title = nullptr;  // screen titles, the clock
  ImFont* huge = nullptr;   // confirmation icon and time: digits, ':' and a few icons
  // The glyph ranges must outlive the atlas; kept here with the fonts.
  std::shared_ptr<std::vector<ImWchar>> text_ranges, icon_ranges, huge_ranges, huge_icon_ranges;
};

// The text ranges listed above, zero-terminated, as ImGui wants them.
const ImWchar* text_glyph_ranges();

// Adds the fonts to `atlas` for a display `scale` (1.0 at 1080 px high) with
// the given icon codepoints (and the few for the huge size) and builds it. A
// missing font file would assert inside ImGui, so the files are read first
// and a sentence returned. The font files are let go once the atlas is
// built, so it cannot be built again: make a new one instead. The icons
// are then moved to the codepoints `icon_places` gives them (Icons::place_in_atlas):
// the font's own codepoint -> the atlas's.
std::optional<Fonts> load_fonts(ImFontAtlas& atlas, float scale, const std::vector<std::uint32_t>& icon_codepoints,
                                const std::vector<std::uint32_t>& huge_icon_codepoints,
                                const std::map<std::uint32_t, std::uint32_t>& icon_places, std::string& error);

}  // namespace ft::ui
