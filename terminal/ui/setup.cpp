// ImGui context preparation shared by kiosk, screenshot and tests (see setup.hpp).
#include "terminal/ui/setup.hpp"

#include <imgui.h>

#include <set>

#include "terminal/ui/touch.hpp"

namespace ft::ui {

std::unique_ptr<Resources> prepare_imgui(const Catalogue& catalogue, float width, float height, std::string& error) {
  auto icons = Icons::load(kIconCss, error);
  if (!icons) return nullptr;
  std::set<std::uint32_t> wanted;
  for (const auto& name : ui_icon_names()) wanted.insert(icons->codepoint(name));
  for (const auto& c : catalogue.categories) wanted.insert(icons->codepoint(c.icon));
  for (const auto& s : catalogue.skills) wanted.insert(icons->codepoint(s.icon));
  wanted.erase(0);  // a name the font lacks shows as help-circle, which is in the list

  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout on disk
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;  // the cursor stays hidden
  const Metrics metrics = metrics_for(width, height);
  configure_touch(io, metrics.scale);
  apply_theme(ImGui::GetStyle(), metrics);

  auto fonts = load_fonts(*io.Fonts, metrics.scale, std::vector<std::uint32_t>(wanted.begin(), wanted.end()), error);
  if (!fonts) return nullptr;
  return std::unique_ptr<Resources>(new Resources{std::move(*icons), *fonts, metrics});
}

}  // namespace ft::ui
