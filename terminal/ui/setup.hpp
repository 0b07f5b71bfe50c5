// Prepares ImGui for the kiosk: no ini file, touch settings, the theme and
// the font atlas (text + the icons the screens and the catalogue use) for a
// display size. Shared by the kiosk loop, the screenshot command and the
// headless test driver, so all three draw alike.
//
// Two ways in. prepare_imgui() does it all for the current context (the test
// driver). The kiosk and the screenshot command use a ResourceBuilder: the
// icon table and the font atlas (the larger part of start-up: FreeType
// rasterising every glyph) are made on a second thread while the main
// thread opens the database and waits for the GL driver to load.
#pragma once
#include <imgui.h>

#include <functional>
#include <memory>
#include <string>
#include <thread>

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

class ResourceBuilder {
 public:
  // Starts at once, on a thread of its own that first runs `prepare`: it
  // returns the catalogue whose icons the atlas must hold (the kiosk loads
  // its configuration and folds the database there first), or null when
  // there is nothing to build for. No ImGui context may exist until finish().
  ResourceBuilder(float width, float height, std::function<const Catalogue*()> prepare);
  ~ResourceBuilder();  // waits for the thread when finish() was never called
  ResourceBuilder(const ResourceBuilder&) = delete;
  ResourceBuilder& operator=(const ResourceBuilder&) = delete;

  // Waits for the build, then creates the ImGui context over the new atlas
  // with the kiosk's settings and theme. Null, with one sentence in `error`,
  // when the fonts could not be built. Destroy the context before the result.
  std::unique_ptr<Resources> finish(std::string& error);
  // Waits for the thread (`prepare` and the build) without creating the context.
  void wait();

 private:
  std::unique_ptr<Resources> result_;
  std::string error_;
  std::thread thread_;
};

}  // namespace ft::ui
