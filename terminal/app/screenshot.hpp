// `floor-terminal screenshot`: renders one screen of the real UI, with the
// data of a terminal database, to a PNG — for people to look at every screen
// in both languages and sizes, and for the screenshot tests.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace ft {

// args: everything after "screenshot":
//   --db PATH --screen NAME --out FILE.png [--lang da|en|pl|uk] [--size WxH] [--config PATH]
//   --list    prints the screen names, one a line
// Needs a display (X11 or Xvfb). Writes nothing to the database.
int cli_screenshot(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ft
