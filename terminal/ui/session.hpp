// The UI's state machine as plain data: which screen shows, who is
// identified, the staff session, and the drafts the screens fill in. Each
// draft's type lives beside its screen (screens/<screen>.hpp), and the screen's
// line in the table of screens says how it starts clean; the session only
// holds one of each. Screens are functions of this and of the centre's
// state; nothing else is kept.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "terminal/core/commands.hpp"
#include "terminal/core/keypad.hpp"
#include "terminal/core/state.hpp"
#include "terminal/ui/screen_id.hpp"
#include "terminal/ui/screens/assess.hpp"
#include "terminal/ui/screens/double_tap.hpp"
#include "terminal/ui/screens/lockout_help.hpp"
#include "terminal/ui/screens/morning_question.hpp"
#include "terminal/ui/screens/my_progress.hpp"
#include "terminal/ui/screens/pin.hpp"
#include "terminal/ui/screens/staff_login.hpp"
#include "terminal/ui/screens/trainee.hpp"

namespace ft::ui {

class Ui;

// The screen on show. Anyone may read it; only Ui moves it, and Ui does so
// only in show(), which applies the screen's access rule and clears its
// draft: a screen cannot send the kiosk past the access check.
class ShownScreen {
 public:
  operator ScreenId() const { return id_; }

 private:
  friend class Ui;
  ShownScreen& operator=(ScreenId id) {
    id_ = id;
    return *this;
  }
  ScreenId id_ = ScreenId::Board;
};

// A supervisor's practice session for one trainee: nothing is written.
struct Practice {
  std::string trainee_id;
  std::string started_by;
  std::optional<bool> read_aloud;  // switched on their page during practice: kept here, not written
};

// Keys seen by the kiosk at most this far apart, ending in Enter, came from
// the card reader: a person on a keypad takes several times as long per key.
// Frames are the clock here (the keys of one frame share its time), and a
// burst spreads over a few frames of 10-30 ms on llvmpipe.
constexpr std::int64_t kCardOnPinPadGapMs = 100;

struct StaffSession {
  Actor actor;
  std::string name;
};

struct Session {
  ShownScreen screen;  // moved by Ui::show() only
  std::string language = "da";
  std::string subject_id;         // the trainee this screen is about
  bool subject_verified = false;  // identified by PIN or badge: may open their own page
  std::optional<StaffSession> staff;
  std::int64_t last_input_ms = 0;
  std::string badge_digits;  // keyboard-wedge reader input so far
  BadgeReader card_on_pin_pad{kCardOnPinPadGapMs};  // a card held to the reader while a PIN is typed
  std::string banner;        // a short notice on the board (unknown badge, ...)
  std::int64_t banner_until_ms = 0;
  bool keyboard_shift = false;
  bool close_requested = false;
  bool close_confirmed = false;

  PinEntry pin;
  std::optional<Confirmation> confirmation;
  std::optional<DoubleTap> double_tap;
  MorningQuestion morning;
  LockoutHelp lockout;
  std::optional<Practice> practice;
  AssessDraft assess;
  ReviewDraft review;
  LoginDraft login;
  MyPageDraft my_page;
};

}  // namespace ft::ui
