// Colours and sizes of the kiosk (see theme.hpp).
#include "terminal/ui/theme.hpp"

#include <algorithm>
#include <cstdint>

namespace ft::ui {

Metrics metrics_for(float width, float height) {
  Metrics m;
  // Scale with the shorter side relative to a 1920x1080 panel; the floor PCs
  // range from 1280x800 to 1920x1080. Never so small that a target drops below 64 px.
  m.scale = std::clamp(std::min(height / 1080.0f, width / 1920.0f * 1.2f), 0.72f, 2.0f);
  m.target = std::max(64.0f, 88.0f * m.scale);
  m.gap = std::max(16.0f, 20.0f * m.scale);
  m.pad = std::max(16.0f, 24.0f * m.scale);
  m.radius = 12.0f * m.scale;
  m.bar = m.target + 2 * std::max(10.0f, 12.0f * m.scale);
  return m;
}

ToneColours tone_colours(Tone tone) {
  switch (tone) {
    case Tone::Primary:
      return {colour::primary, colour::primary_active, colour::on_dark};
    case Tone::Success:
      return {colour::success, IM_COL32(0x0F, 0x55, 0x26, 0xFF), colour::on_dark};
    case Tone::Danger:
      return {colour::danger, IM_COL32(0x7A, 0x18, 0x12, 0xFF), colour::on_dark};
    case Tone::Warning:
      return {colour::warning, IM_COL32(0x70, 0x3C, 0x00, 0xFF), colour::on_dark};
    case Tone::Ghost:
      return {colour::panel, colour::neutral_active, colour::text};
    case Tone::Neutral:
      break;
  }
  return {colour::neutral, colour::neutral_active, colour::text};
}

ImU32 avatar_colour(std::string_view id) {
  static constexpr ImU32 palette[] = {
      IM_COL32(0x0B, 0x4F, 0x9C, 0xFF), IM_COL32(0x1B, 0x6E, 0x3B, 0xFF), IM_COL32(0x8E, 0x24, 0xAA, 0xFF),
      IM_COL32(0xA8, 0x3A, 0x00, 0xFF), IM_COL32(0x00, 0x69, 0x6F, 0xFF), IM_COL32(0xAD, 0x14, 0x57, 0xFF),
      IM_COL32(0x45, 0x27, 0xA0, 0xFF), IM_COL32(0x5D, 0x40, 0x37, 0xFF), IM_COL32(0x2E, 0x5E, 0x0E, 0xFF),
      IM_COL32(0x37, 0x47, 0x4F, 0xFF),
  };
  std::uint32_t h = 2166136261u;  // FNV-1a: stable across runs and builds
  for (unsigned char c : id) h = (h ^ c) * 16777619u;
  return palette[h % (sizeof palette / sizeof palette[0])];
}

void apply_theme(ImGuiStyle& style, const Metrics& m) {
  style = ImGuiStyle();
  style.WindowPadding = ImVec2(m.pad, m.pad);
  style.FramePadding = ImVec2(m.pad * 0.5f, m.pad * 0.4f);
  style.ItemSpacing = ImVec2(m.gap, m.gap);
  style.ItemInnerSpacing = ImVec2(m.gap * 0.5f, m.gap * 0.5f);
  style.ScrollbarSize = std::max(14.0f, 18.0f * m.scale);
  style.GrabMinSize = m.target * 0.5f;
  style.WindowRounding = 0;
  style.ChildRounding = m.radius;
  style.FrameRounding = m.radius;
  style.ScrollbarRounding = m.radius;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.AntiAliasedFill = true;
  style.AntiAliasedLines = true;
  style.TouchExtraPadding = ImVec2(0, 0);

  auto c = [](ImU32 v) { return ImGui::ColorConvertU32ToFloat4(v); };
  ImVec4* col = style.Colors;
  col[ImGuiCol_Text] = c(colour::text);
  col[ImGuiCol_TextDisabled] = c(colour::muted);
  col[ImGuiCol_WindowBg] = c(colour::background);
  col[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  col[ImGuiCol_PopupBg] = c(colour::panel);
  col[ImGuiCol_Border] = c(colour::border);
  col[ImGuiCol_ScrollbarBg] = c(colour::neutral);
  col[ImGuiCol_ScrollbarGrab] = c(colour::muted);
  col[ImGuiCol_ScrollbarGrabHovered] = c(colour::muted);  // nothing depends on hover
  col[ImGuiCol_ScrollbarGrabActive] = c(colour::text);
  col[ImGuiCol_FrameBg] = c(colour::panel);
  col[ImGuiCol_Button] = c(colour::primary);
  col[ImGuiCol_ButtonHovered] = c(colour::primary);
  col[ImGuiCol_ButtonActive] = c(colour::primary_active);
  col[ImGuiCol_Separator] = c(colour::border);
  col[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
}

}  // namespace ft::ui
