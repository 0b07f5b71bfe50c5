// The terminal's configuration file (TOML, /etc/floor-terminal/config.toml):
// the centre's rules with their defaults. Every key is documented in
// docs/configuration.md; an unknown key, a wrong type or a value out of range
// is an error naming the key and its line.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "terminal/core/rules.hpp"

namespace ft {

constexpr const char* kDefaultConfigPath = "/etc/floor-terminal/config.toml";

// Every key the parser knows, "section.key", from the one table it works from;
// a test holds docs/configuration.md to it.
std::vector<std::string> config_keys();

std::optional<Rules> parse_config(const std::string& text, const std::string& source_name, std::string& error);

}  // namespace ft
