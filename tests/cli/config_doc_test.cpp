// docs/configuration.md against the parser's own table of keys: the example
// there must parse as it stands, and every key the parser knows must be in it,
// so a key renamed or added in code cannot drift from what operators read.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "terminal/app/config.hpp"

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The first ```toml block of the page.
std::string toml_example(const std::string& markdown) {
  const std::string open = "```toml\n";
  const auto from = markdown.find(open);
  if (from == std::string::npos) return {};
  const auto to = markdown.find("```", from + open.size());
  return markdown.substr(from + open.size(), to - from - open.size());
}

// "section.key" for every `key = value` line, as TOML scopes it.
std::set<std::string> keys_in(const std::string& toml) {
  std::set<std::string> keys;
  std::istringstream lines(toml);
  std::string line, section;
  while (std::getline(lines, line)) {
    if (line.rfind('[', 0) == 0) {
      section = line.substr(1, line.find(']') - 1);
    } else if (auto eq = line.find(" = "); eq != std::string::npos && line[0] != '#') {
      keys.insert(section + "." + line.substr(0, eq));
    }
  }
  return keys;
}

}  // namespace

TEST_CASE("docs/configuration.md shows every key the terminal knows, and only those") {
  const std::string example = toml_example(read(std::string(FT_SOURCE_DIR) + "/docs/configuration.md"));
  REQUIRE_FALSE(example.empty());

  std::string error;
  CHECK_MESSAGE(ft::parse_config(example, "docs/configuration.md", error).has_value(), error);

  const auto documented = keys_in(example);
  const auto known = ft::config_keys();
  CHECK(documented.size() == known.size());
  for (const auto& key : known) CHECK_MESSAGE(documented.count(key) == 1, key << " is not in docs/configuration.md");
}
