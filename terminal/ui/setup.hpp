// Prepares ImGui for the kiosk: no ini file, touch settings, the theme and
// the font atlas (text + the icons the screens and the catalogue use) for a
// display size. Shared by the kiosk loop, the screenshot command and the
// headless test driver, so all three draw alike.
//
// Two ways in. prepare_imgui() does it all for the current context. The
// kiosk splits it: build_resources() makes the icon table and the font atlas
// (the larger part of start-up: FreeType rasterising every glyph) on a second
// thread while the main thread waits for the GL driver to load, then
// ImGui::CreateContext(resources->atlas.get()) and attach_resources().
#pragma once
#include <imgui.h>

#include <memory>
#include <string>

#include "terminal/core/catalogue.hpp"
#include "terminal/ui/fonts.hpp"
#include "terminal/ui/icons.hpp"
#include "terminal/ui/theme.hpp"

namespace ft::ui {

struct Resources {
  Icons icons;
  Fonts fonts;
  Metrics metrics;
  // Built apart from any context (build_resources); a context made over it
  // only borrows it, so it must outlive that context.
  std::unique_ptr<ImFontAtlas> atlas;
};

// Needs ImGui::CreateContext() first. Fails with one sentence (missing font package, ...).
std::unique_ptr<Resources> prepare_imgui(const Catalogue& catalogue, float width, float height, std::string& error);

// Touches no ImGui context: may run on any thread while no context exists.
std::unique_ptr<Resources> build_resources(const Catalogue& catalogue, float width, float height, std::string& error);
// For the current context (made over resources.atlas): io settings and the theme.
void attach_resources(const Resources& resources);

}  // namespace ft::ui
