// The shipped assets every program reads: the skills catalogue and the
// translations. Built as a library of its own (ft_assets_loader), so the
// municipal server reads them exactly as the kiosk does without linking the
// kiosk's UI. Loading fails with one clear sentence.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "terminal/core/catalogue.hpp"
#include "terminal/core/i18n.hpp"

namespace ft {

// Assets: $FLOOR_TERMINAL_ASSETS, else "assets" beside the executable (build
// tree), else ../share/floor-terminal beside it (installed), else /usr/share/floor-terminal.
std::string find_assets_dir();
std::optional<Catalogue> load_catalogue(const std::string& assets_dir, std::string& error);
// Every language found; languages beyond Danish and English are filled from English.
std::optional<std::map<std::string, Translations>> load_translations(const std::string& assets_dir,
                                                                      std::string& error);

// The language of command-line messages: Danish when FT_LANG (or LC_ALL,
// LC_MESSAGES, LANG) starts with "da", else English.
std::string message_language();

}  // namespace ft
