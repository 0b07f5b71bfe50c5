// The house rules of the source tree, read from the #include lines: the
// rooms (terminal/core, store, ui, app; sync/...) and who may include whom.
// STYLE.md's "one room, one job" and issue 21's "no arrow from ui to app or
// from a screen to the store" as something a test can check.
//
// Sections: reading the includes · the rules · drawing the graph.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ft::house {

// ---- reading the includes
struct Include {
  std::string file;  // the includer, relative to the root: "terminal/ui/ui.hpp"
  int line = 0;
  std::string target;  // as written: "terminal/store/centre.hpp" or "vector"
  bool angle = false;  // <...>: the standard library or a system library
};
// Every #include of every .cpp/.hpp/.h under root/terminal and root/sync.
std::vector<Include> read_includes(const std::filesystem::path& root);

// ---- the rules
struct Breach {
  Include include;
  std::string rule;  // the sentence of the rule it breaks
};
std::vector<Breach> breaches(const std::vector<Include>& includes);

// ---- drawing the graph
// The room of a path: "core", "store", "ui", "ui/screens", "app", "sync/client", ...
std::string room_of(const std::string& path);
// Arrows between rooms with how many includes draw each; angle includes of
// core are drawn too (core's only way out), as "core -> <name>".
std::map<std::pair<std::string, std::string>, int> graph(const std::vector<Include>& includes);

}  // namespace ft::house
