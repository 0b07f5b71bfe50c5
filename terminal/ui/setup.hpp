// Prepares the current ImGui context for the kiosk: no ini file, touch
// settings, the theme and the font atlas (text + the icons the screens and
// the catalogue use) for a display size. Shared by the kiosk loop, the
// screenshot command and the headless test driver, so all three draw alike.
#pragma once
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
};

// Needs ImGui::CreateContext() first. Fails with one sentence (missing font package, ...).
std::unique_ptr<Resources> prepare_imgui(const Catalogue& catalogue, float width, float height, std::string& error);

}  // namespace ft::ui
