// Lookup of screens by name (see screen_registry.hpp).
#include "terminal/ui/screen_registry.hpp"

#include "terminal/ui/screens/all_screens.hpp"

namespace ft::ui {

const ScreenDef* ScreenRegistry::find(std::string_view name) const {
  for (const auto& s : screens_)
    if (s.name == name) return &s;
  return nullptr;
}

const ScreenRegistry& screens() {
  static const ScreenRegistry registry = [] {
    ScreenRegistry r;
    register_all_screens(r);
    return r;
  }();
  return registry;
}

}  // namespace ft::ui
