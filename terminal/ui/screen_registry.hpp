// The one table of the kiosk's screens: for each ScreenId its stable name,
// who may see it, its draw function and the draft it starts from. Each
// screen is one file under screens/ with a register_<name>_screen()
// function; screens/all_screens.cpp lists them (as ImHex's plugin init lists
// its views), so adding a screen is an id, a file and one line there —
// nothing in the kiosk loop or main.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "terminal/ui/screen_id.hpp"

namespace ft::ui {

class Ui;
struct Session;

// Who may see a screen. Navigating to a screen without the right session
// leads to the staff login (or back to the board for trainee screens).
enum class Access {
  Anyone,      // the board, the PIN pad
  Trainee,     // a trainee identified by PIN or badge: their own page
  Staff,       // an instructor or supervisor logged in
  Supervisor,  // a supervisor logged in
};

struct ScreenDef {
  ScreenId id = ScreenId::Board;
  std::string name;  // stable: the --screen name of `floor-terminal screenshot`
  Access access = Access::Anyone;
  void (*draw)(Ui&) = nullptr;
  // Sets up a sensible subject and session from the centre's data, so a
  // screenshot of this screen shows real content (first trainee in the centre, ...).
  void (*demo)(Ui&) = nullptr;
  // Run by Ui::show() on the way in: the screen starts from a clean draft,
  // so nothing half-typed survives a visit. Null: nothing to clear.
  void (*enter)(Session&) = nullptr;
  bool listed = true;  // offered by `screenshot --list`
};

class ScreenRegistry {
 public:
  void add(ScreenDef def) { screens_.push_back(std::move(def)); }
  const ScreenDef* find(std::string_view name) const;  // nullptr: no such name
  const ScreenDef& find(ScreenId id) const;            // every id has one (checked when built)
  const std::vector<ScreenDef>& all() const { return screens_; }

 private:
  std::vector<ScreenDef> screens_;
};

const ScreenRegistry& screens();  // every screen, built once
const std::string& screen_name(ScreenId id);

}  // namespace ft::ui
