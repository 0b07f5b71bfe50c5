// The house drawn from the includes (issue 21): nothing in terminal/ui
// includes terminal/app, no screen includes the store's internals, and
// terminal/core includes nothing outside core and the standard library. The
// graph is printed with every run (ctest -V -R house), and a tree with bad
// includes shows that the rules do catch them.
#include <doctest/doctest.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "tests/house/house_rules.hpp"
#include "tests/test_support.hpp"

namespace {

std::string described(const std::vector<ft::house::Breach>& found) {
  std::ostringstream s;
  for (const auto& b : found)
    s << b.include.file << ":" << b.include.line << " includes " << b.include.target << " — " << b.rule << "\n";
  return s.str();
}

void write(const ft::test::TempDir& dir, const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(dir.file(path)).parent_path());
  std::ofstream(dir.file(path)) << text;
}

}  // namespace

TEST_CASE("the house drawn from the includes has no arrow from ui to app, from a screen to the store, or out of core") {
  const auto includes = ft::house::read_includes(FT_SOURCE_DIR);
  REQUIRE(includes.size() > 500);  // the real tree was read, not an empty folder
  std::cout << "The house as its includes draw it (room -> room: includes):\n";
  for (const auto& [arrow, n] : ft::house::graph(includes))
    std::cout << "  " << arrow.first << " -> " << arrow.second << ": " << n << "\n";
  const auto found = ft::house::breaches(includes);
  CHECK_MESSAGE(found.empty(), described(found));
}

TEST_CASE("the house rules catch a screen reaching SQL, ui reaching app, and core reaching out") {
  ft::test::TempDir dir;
  write(dir, "terminal/ui/screens/bad.cpp",
        "#include \"terminal/store/database.hpp\"\n#include \"terminal/ui/ui.hpp\"\n");
  write(dir, "terminal/ui/ui.hpp",
        "#include <map>\n#include \"terminal/store/centre.hpp\"\n  #  include \"terminal/app/environment.hpp\"\n");
  write(dir, "terminal/core/rule.cpp",
        "#include <sqlite3.h>\n#include <nlohmann/json.hpp>\n#include \"terminal/store/centre.hpp\"\n#include "
        "<vector>\n");
  write(dir, "terminal/ui/door.cpp", "#include \"terminal/store/centre_database.hpp\"\n");
  write(dir, "terminal/app/cli.cpp",
        "#include \"terminal/store/centre_database.hpp\"\n#include \"terminal/ui/ui.hpp\"\n");
  const auto found = ft::house::breaches(ft::house::read_includes(dir.path));
  const std::string text = described(found);
  CAPTURE(text);
  CHECK(found.size() == 6);
  CHECK(text.find("terminal/ui/screens/bad.cpp:1 includes terminal/store/database.hpp — a screen reaches data only "
                  "through Centre") != std::string::npos);
  CHECK(text.find("terminal/ui/ui.hpp:3 includes terminal/app/environment.hpp") != std::string::npos);
  CHECK(text.find("terminal/core/rule.cpp:1 includes sqlite3.h") != std::string::npos);
  CHECK(text.find("terminal/core/rule.cpp:3 includes terminal/store/centre.hpp") != std::string::npos);
  CHECK(text.find("terminal/ui/door.cpp:1 includes terminal/store/centre_database.hpp — terminal/ui reaches data") !=
        std::string::npos);
  CHECK(text.find("terminal/ui/door.cpp:1 includes terminal/store/centre_database.hpp — only app/") !=
        std::string::npos);
  CHECK(text.find("nlohmann") == std::string::npos);     // a library core may use, with its reason
  CHECK(text.find("app/cli.cpp") == std::string::npos);  // app may include ui and the door
}
