// Material Design Icons by name. The name -> codepoint map is read at run
// time from Debian's fonts-materialdesignicons-webfont stylesheet, so nothing
// generated from the font lands in git and a newer package just works.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ft::ui {

inline constexpr const char* kIconFont =
    "/usr/share/fonts/truetype/materialdesignicons-webfont/materialdesignicons-webfont.ttf";
inline constexpr const char* kIconCss = "/usr/share/fonts-materialdesignicons-webfont/css/materialdesignicons.css";

class Icons {
 public:
  // Parses ".mdi-NAME:before { content: "\F123"; }" rules. Fails with a sentence.
  static std::optional<Icons> load(const std::string& css_path, std::string& error);
  static std::optional<Icons> parse(const std::string& css_text, std::string& error);

  bool has(const std::string& name) const { return codepoints_.count(name) > 0; }
  std::uint32_t codepoint(const std::string& name) const;  // the font's codepoint; 0 when unknown

  // ImGui sizes each font's glyph lookup table by the highest codepoint in
  // it, and MDI's icons sit at U+F0xx: merged into the five text fonts they
  // made every table 63,000 entries long (1.9 MiB). So the atlas keeps the
  // icons it holds at codepoints of its own, in Box Drawing and Block
  // Elements (U+2500-U+259F): just above the text ranges (which end at
  // U+2193), and a block no name or catalogue text uses (a test holds the
  // catalogues and translations to that). Gives each of `codepoints` (the
  // font's) a place, help-circle first; returns font codepoint -> atlas
  // codepoint. Past the 160 places an icon is left out and draws as help-circle.
  static constexpr std::uint32_t kAtlasFirst = 0x2500, kAtlasLast = 0x259F;
  std::map<std::uint32_t, std::uint32_t> place_in_atlas(const std::set<std::uint32_t>& codepoints);
  // The codepoint glyph() encodes: the atlas's place once placed, else the font's; 0 when unknown.
  std::uint32_t drawn_codepoint(const std::string& name) const;
  // UTF-8 of the icon, or of a question-mark icon for an unknown name so the
  // gap is visible on screen rather than silent.
  std::string glyph(const std::string& name) const;
  size_t size() const { return codepoints_.size(); }

 private:
  std::map<std::string, std::uint32_t> codepoints_;
  std::map<std::uint32_t, std::uint32_t> in_atlas_;  // font codepoint -> atlas codepoint
};

// The icons the screens use (catalogue icons come from skills.json on top).
// The font atlas holds only these, which keeps it small at large sizes.
const std::vector<std::string>& ui_icon_names();
// The few of them drawn in the huge font (the confirmation, the double tap,
// the lockout picture). At 110 px every glyph is costly: only these are in it.
const std::vector<std::string>& huge_icon_names();

std::string utf8_of(std::uint32_t codepoint);

}  // namespace ft::ui
