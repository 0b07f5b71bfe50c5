// Icon name lookup from the MDI stylesheet (see icons.hpp).
#include "terminal/ui/icons.hpp"

#include <cctype>
#include <fstream>
#include <sstream>

namespace ft::ui {

std::optional<Icons> Icons::load(const std::string& css_path, std::string& error) {
  std::ifstream f(css_path, std::ios::binary);
  if (!f) {
    error = "The icon map " + css_path + " is missing; install fonts-materialdesignicons-webfont.";
    return std::nullopt;
  }
  std::stringstream ss;
  ss << f.rdbuf();
  return parse(ss.str(), error);
}

std::optional<Icons> Icons::parse(const std::string& css, std::string& error) {
  Icons icons;
  const std::string open = ".mdi-", before = ":before";
  size_t pos = 0;
  while ((pos = css.find(open, pos)) != std::string::npos) {
    const size_t name_start = pos + open.size();
    const size_t name_end = css.find_first_of(":{ ,\n", name_start);
    pos = name_start;
    if (name_end == std::string::npos || css.compare(name_end, before.size(), before) != 0) continue;
    const size_t brace = css.find('}', name_end);
    const size_t content = css.find("content:", name_end);
    if (content == std::string::npos || content > brace) continue;
    const size_t slash = css.find('\\', content);
    if (slash == std::string::npos || slash > brace) continue;
    std::uint32_t cp = 0;
    size_t i = slash + 1;
    for (; i < brace && std::isxdigit(static_cast<unsigned char>(css[i])); ++i)
      cp = cp * 16 + static_cast<std::uint32_t>(std::stoi(std::string(1, css[i]), nullptr, 16));
    if (cp) icons.codepoints_[css.substr(name_start, name_end - name_start)] = cp;
  }
  if (icons.codepoints_.empty()) {
    error = "The icon map holds no icons.";
    return std::nullopt;
  }
  return icons;
}

std::uint32_t Icons::codepoint(const std::string& name) const {
  auto it = codepoints_.find(name);
  return it == codepoints_.end() ? 0 : it->second;
}

std::map<std::uint32_t, std::uint32_t> Icons::place_in_atlas(const std::set<std::uint32_t>& codepoints) {
  in_atlas_.clear();
  std::uint32_t next = kAtlasFirst;
  const auto place = [&](std::uint32_t cp) {
    if (cp && next <= kAtlasLast && in_atlas_.emplace(cp, next).second) ++next;
  };
  place(codepoint("help-circle"));  // what an icon left out draws as
  for (std::uint32_t cp : codepoints) place(cp);
  return in_atlas_;
}

std::uint32_t Icons::drawn_codepoint(const std::string& name) const {
  const std::uint32_t cp = codepoint(name);
  if (!cp || in_atlas_.empty()) return cp;
  auto it = in_atlas_.find(cp);
  return it == in_atlas_.end() ? 0 : it->second;
}

std::string Icons::glyph(const std::string& name) const {
  std::uint32_t cp = drawn_codepoint(name);
  if (!cp) cp = drawn_codepoint("help-circle");
  return cp ? utf8_of(cp) : "?";
}

std::string utf8_of(std::uint32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

const std::vector<std::string>& ui_icon_names() {
  static const std::vector<std::string> names = {
      // people and sessions
      "account",
      "account-circle",
      "account-key",
      "account-multiple",
      "account-check",
      "account-star",
      "account-plus",
      "login",
      "logout",
      "lock",
      "lock-open",
      "help-circle",
      // attendance
      "clock-in",
      "logout-variant",  // check-out: a door and an arrow out ("clock-out" reads as ♂ when large)
      "clock",
      "calendar",
      "calendar-check",
      "calendar-remove",
      "alarm-check",
      "check",
      "check-circle",
      "close",
      "close-circle",
      "alert",
      "alert-circle",
      "timer-sand",
      // the way to a job
      "school",
      "briefcase",
      "star",
      "trophy",
      "flag-checkered",
      "home",
      "domain",
      "exit-to-app",
      "chart-bar",
      "chart-line",
      "view-dashboard",
      "format-list-bulleted",
      "walk",
      // navigation and editing
      "arrow-left",
      "arrow-right",
      "chevron-right",
      "chevron-left",
      "backspace",
      "keyboard",
      "pencil",
      "note-plus",
      "note-text",
      "delete",
      "checkbox-marked",
      "checkbox-blank-outline",
      "checkbox-marked-circle",
      "checkbox-blank-circle-outline",
      "apple-keyboard-shift",
      // settings and sync
      "settings",
      "translate",
      "earth",
      "sync",
      "sync-alert",
      "cloud-check",
      "power",
      // absence pictograms
      "thermometer",
      "baby",
      "stethoscope",
      "bus",
      "account-multiple-outline",
      "dots-horizontal",
      "emoticon-happy",
      "swap-horizontal",
      "hand-pointing-right",
      "credit-card-scan",
      "nfc-tap",
      // the floor details: morning question, lockout help, read-aloud
      "weather-sunset",
      "clock-fast",
      "human-greeting",
      "volume-high",
      "volume-off",
      // the internship agreement's steppers
      "minus",
      "plus",
  };
  return names;
}

const std::vector<std::string>& huge_icon_names() {
  static const std::vector<std::string> names = {"clock-in", "logout-variant", "human-greeting", "arrow-right", "account"};
  return names;
}

}  // namespace ft::ui
