// ImGui context preparation shared by kiosk, screenshot and tests (see setup.hpp).
#include "terminal/ui/setup.hpp"

#include <malloc.h>

#include <set>

#include "terminal/ui/touch.hpp"

namespace ft::ui {

namespace {

// The icon table, and the font atlas built into `atlas` with the icons the
// screens and the catalogue name.
std::unique_ptr<Resources> build_into(ImFontAtlas& atlas, const Catalogue& catalogue, float width, float height,
                                      std::string& error) {
  auto icons = Icons::load(kIconCss, error);
  if (!icons) return nullptr;
  std::set<std::uint32_t> wanted;
  for (const auto& name : ui_icon_names()) wanted.insert(icons->codepoint(name));
  for (const auto& c : catalogue.categories) wanted.insert(icons->codepoint(c.icon));
  for (const auto& s : catalogue.skills) wanted.insert(icons->codepoint(s.icon));
  std::vector<std::uint32_t> huge;
  for (const auto& name : huge_icon_names()) huge.push_back(icons->codepoint(name));
  wanted.insert(huge.begin(), huge.end());
  wanted.erase(0);  // a name the font lacks shows as help-circle, which is in the list
  // Only what has a place goes into the atlas; any other icon draws as help-circle.
  const auto placed = icons->place_in_atlas(wanted);
  std::vector<std::uint32_t> in_atlas;
  for (const auto& [font_cp, atlas_cp] : placed) in_atlas.push_back(font_cp);
  std::erase_if(huge, [&](std::uint32_t cp) { return !placed.count(cp); });

  const Metrics metrics = metrics_for(width, height);
  auto fonts = load_fonts(atlas, metrics.scale, in_atlas, huge, placed, error);
  if (!fonts) return nullptr;
  return std::unique_ptr<Resources>(new Resources{std::move(*icons), *fonts, metrics, nullptr});
}

void attach(const Resources& r) {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout on disk
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;  // the cursor stays hidden
  configure_touch(io, r.metrics.scale);
  apply_theme(ImGui::GetStyle(), r.metrics);
}

}  // namespace

std::unique_ptr<Resources> prepare_imgui(const Catalogue& catalogue, float width, float height, std::string& error) {
  auto r = build_into(*ImGui::GetIO().Fonts, catalogue, width, height, error);
  if (r) attach(*r);
  return r;
}

ResourceBuilder::ResourceBuilder(float width, float height, std::function<const Catalogue*()> prepare)
    : thread_([this, width, height, prepare = std::move(prepare)] {
        const Catalogue* catalogue = prepare();
        if (!catalogue) {
          error_ = "The font atlas was not built.";
          return;
        }
        auto atlas = std::make_unique<ImFontAtlas>();
        result_ = build_into(*atlas, *catalogue, width, height, error_);
        if (result_) result_->atlas = std::move(atlas);
      }) {}

ResourceBuilder::~ResourceBuilder() {
  if (thread_.joinable()) thread_.join();
}

void ResourceBuilder::wait() {
  if (thread_.joinable()) thread_.join();
}

std::unique_ptr<Resources> ResourceBuilder::finish(std::string& error) {
  wait();
  // What FreeType freed stays in the builder thread's malloc arena, which the
  // main thread would not reuse: give it back.
  malloc_trim(0);
  if (!result_) {
    error = error_;
    return nullptr;
  }
  ImGui::CreateContext(result_->atlas.get());
  attach(*result_);
  return std::move(result_);
}

}  // namespace ft::ui
