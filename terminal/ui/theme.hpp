// The kiosk's look: colours with strong contrast for a bright room, sizes
// that keep every touch target at least 64 px high and 16 px apart at any
// screen size, and the stable avatar colour of a person.
#pragma once
#include <imgui.h>

#include <string_view>

namespace ft::ui {

// Sizes in pixels for the current display, derived once from its height.
struct Metrics {
  float scale = 1.0f;    // 1.0 at 1080 px high
  float target = 88.0f;  // height of a touch target, never below 64
  float gap = 20.0f;     // space between targets, never below 16
  float pad = 24.0f;     // inner padding of panels
  float radius = 12.0f;  // corner rounding
  float bar = 112.0f;    // height of the top bar
};
Metrics metrics_for(float display_width, float display_height);

enum class Tone { Primary, Neutral, Success, Danger, Warning, Ghost };

namespace colour {
inline constexpr ImU32 background = IM_COL32(0xEE, 0xF1, 0xF5, 0xFF);
inline constexpr ImU32 panel = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 border = IM_COL32(0xB8, 0xC2, 0xCE, 0xFF);
inline constexpr ImU32 text = IM_COL32(0x10, 0x18, 0x24, 0xFF);
inline constexpr ImU32 muted = IM_COL32(0x44, 0x50, 0x60, 0xFF);  // still 7:1 on white
inline constexpr ImU32 bar = IM_COL32(0x0B, 0x2E, 0x59, 0xFF);
inline constexpr ImU32 on_dark = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 primary = IM_COL32(0x0B, 0x4F, 0x9C, 0xFF);
inline constexpr ImU32 primary_active = IM_COL32(0x06, 0x33, 0x66, 0xFF);
inline constexpr ImU32 selected = IM_COL32(0xD6, 0xE8, 0xFF, 0xFF);
inline constexpr ImU32 success = IM_COL32(0x1B, 0x7F, 0x3B, 0xFF);
inline constexpr ImU32 success_soft = IM_COL32(0xDC, 0xF3, 0xE2, 0xFF);
inline constexpr ImU32 danger = IM_COL32(0xB3, 0x26, 0x1E, 0xFF);
inline constexpr ImU32 danger_soft = IM_COL32(0xFB, 0xE4, 0xE2, 0xFF);
inline constexpr ImU32 warning = IM_COL32(0xA8, 0x5A, 0x00, 0xFF);
inline constexpr ImU32 warning_soft = IM_COL32(0xFF, 0xF0, 0xD6, 0xFF);
inline constexpr ImU32 neutral = IM_COL32(0xE2, 0xE7, 0xEE, 0xFF);
inline constexpr ImU32 neutral_active = IM_COL32(0xC4, 0xCD, 0xD9, 0xFF);
inline constexpr ImU32 disabled = IM_COL32(0xD0, 0xD5, 0xDC, 0xFF);
}  // namespace colour

// Fill, pressed fill and text colour of a button of this tone.
struct ToneColours {
  ImU32 fill, pressed, text;
};
ToneColours tone_colours(Tone tone);

// A colour picked from a palette of dark shades (white initials stay readable)
// by a hash of the person's id, so a trainee's avatar never changes colour.
ImU32 avatar_colour(std::string_view id);

// Applies the theme to ImGui's style (rounding, padding, colours of the few
// stock widgets still used: windows, child regions, scrollbars).
void apply_theme(ImGuiStyle& style, const Metrics& m);

}  // namespace ft::ui
