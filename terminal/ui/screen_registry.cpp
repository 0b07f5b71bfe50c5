// Lookup of screens by id and by name (see screen_registry.hpp).
#include "terminal/ui/screen_registry.hpp"

#include <ostream>
#include <stdexcept>

#include "terminal/ui/screens/all_screens.hpp"

namespace ft::ui {

const ScreenDef* ScreenRegistry::find(std::string_view name) const {
  for (const auto& s : screens_)
    if (s.name == name) return &s;
  return nullptr;
}

const ScreenDef& ScreenRegistry::find(ScreenId id) const {
  for (const auto& s : screens_)
    if (s.id == id) return s;
  throw std::logic_error("no screen registered for id " + std::to_string(int(id)));
}

const ScreenRegistry& screens() {
  static const ScreenRegistry registry = [] {
    ScreenRegistry r;
    register_all_screens(r);
    // One definition per id, none forgotten: a screen added to the enum
    // without its file fails the first UI test, not a kiosk on the floor.
    std::vector<int> seen(kScreenIdCount, 0);
    for (const auto& s : r.all()) ++seen.at(std::size_t(s.id));
    for (int i = 0; i < kScreenIdCount; ++i)
      if (seen[std::size_t(i)] != 1)
        throw std::logic_error("screen id " + std::to_string(i) + " is registered " +
                               std::to_string(seen[std::size_t(i)]) + " times");
    return r;
  }();
  return registry;
}

const std::string& screen_name(ScreenId id) { return screens().find(id).name; }

std::ostream& operator<<(std::ostream& os, ScreenId id) { return os << screen_name(id); }

}  // namespace ft::ui
