// The house rules (see house_rules.hpp).
#include "tests/house/house_rules.hpp"

#include <algorithm>
#include <fstream>
#include <regex>

namespace ft::house {

namespace fs = std::filesystem;

// ---- reading the includes ------------------------------------------------------

std::vector<Include> read_includes(const fs::path& root) {
  static const std::regex include_line(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
  std::vector<Include> out;
  for (const char* top : {"terminal", "sync"}) {
    if (!fs::exists(root / top)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(root / top)) {
      const std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".cpp" || ext == ".hpp" || ext == ".h")) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());  // a stable report
    for (const auto& path : files) {
      std::ifstream in(path);
      std::string text;
      int n = 0;
      while (std::getline(in, text)) {
        ++n;
        std::smatch m;
        if (!std::regex_search(text, m, include_line)) continue;
        out.push_back({fs::relative(path, root).generic_string(), n, m[2].str(), m[1].str() == "<"});
      }
    }
  }
  return out;
}

// ---- the rules -------------------------------------------------------------------

namespace {

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// A C++ standard header is named without a folder or an extension: <vector>, <cstdint>.
bool standard_header(const std::string& name) {
  return name.find('/') == std::string::npos && name.find('.') == std::string::npos;
}

// Libraries core may use although they are not the standard library, and why
// each does not bring I/O, screens or disks into the rules.
const std::map<std::string, std::string> kCoreLibraries = {
    {"nlohmann/json.hpp", "the value type of event payloads; parsing and printing strings, no I/O"},
    {"sodium.h", "Argon2id PIN hashing and its salt: computation, no files, screens or network"},
};

}  // namespace

std::vector<Breach> breaches(const std::vector<Include>& includes) {
  std::vector<Breach> out;
  for (const Include& inc : includes) {
    const std::string& f = inc.file;
    const std::string& t = inc.target;
    auto breach = [&](const char* rule) { out.push_back({inc, rule}); };
    if (starts_with(f, "terminal/core/")) {
      if (inc.angle ? !standard_header(t) && !kCoreLibraries.count(t) : !starts_with(t, "terminal/core/"))
        breach("terminal/core includes only core and the standard library");
    }
    if (starts_with(f, "terminal/ui/")) {
      if (!inc.angle && starts_with(t, "terminal/app/")) breach("terminal/ui does not include terminal/app");
      if (!inc.angle && starts_with(t, "sync/"))
        breach("terminal/ui does not include sync/: sync status comes through Centre");
      if (!inc.angle && starts_with(t, "terminal/store/") && t != "terminal/store/centre.hpp")
        breach(starts_with(f, "terminal/ui/screens/")
                   ? "a screen reaches data only through Centre (terminal/store/centre.hpp), not the store's internals"
                   : "terminal/ui reaches data only through Centre (terminal/store/centre.hpp), not the store's "
                     "internals");
    }
    if (!inc.angle && t == "terminal/store/centre_database.hpp" && !starts_with(f, "terminal/app/") &&
        !starts_with(f, "sync/") && f != t)
      breach("only app/ and sync/ open Centre's database door (centre_database.hpp)");
  }
  return out;
}

// ---- drawing the graph -------------------------------------------------------------

std::string room_of(const std::string& path) {
  const auto first = path.find('/');
  if (first == std::string::npos) return path;
  const std::string top = path.substr(0, first);
  const auto second = path.find('/', first + 1);
  if (second == std::string::npos) return top;
  const std::string room = path.substr(first + 1, second - first - 1);
  if (top == "terminal" && room == "ui" && starts_with(path, "terminal/ui/screens/")) return "ui/screens";
  return top == "terminal" ? room : top + "/" + room;
}

std::map<std::pair<std::string, std::string>, int> graph(const std::vector<Include>& includes) {
  std::map<std::pair<std::string, std::string>, int> arrows;
  for (const Include& inc : includes) {
    const std::string from = room_of(inc.file);
    if (inc.angle) {
      if (from == "core" && !standard_header(inc.target)) ++arrows[{from, "<" + inc.target + ">"}];
      continue;
    }
    const std::string to = room_of(inc.target);
    if (to != from) ++arrows[{from, to}];
  }
  return arrows;
}

}  // namespace ft::house
