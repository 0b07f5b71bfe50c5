// The UI's state machine as plain data: which screen shows, who is
// identified, the staff session, and the drafts the screens fill in. Screens
// are functions of this and of the centre's state; nothing else is kept.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "terminal/core/commands.hpp"
#include "terminal/core/keypad.hpp"
#include "terminal/core/state.hpp"
#include "terminal/ui/screen_id.hpp"

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

// The big "you are in / out" after a punch; closes by itself.
struct Confirmation {
  std::string trainee_id;
  bool checked_in = true;  // false: checked out
  int minutes = 0;         // the time recorded
  std::int64_t until_ms = 0;
  std::string note;        // one more line, e.g. "an instructor will confirm your answer"
  bool practice = false;   // shown in practice: nothing was recorded
};

// "You are already in since 08:02 — go out?" after a second tap or scan.
struct DoubleTap {
  std::string trainee_id;
  Actor actor;      // who punched (the trainee, or staff for them)
  int since = 0;    // the check-in already recorded
};

// "When did you leave yesterday?" asked at the check-in after a day without check-out.
struct MorningQuestion {
  std::string trainee_id;
  Actor actor;
  Day day = 0;      // the day without a check-out
  int hour = -1;    // chosen so far; -1 none
  int quarter = -1;
  std::string message;
  std::optional<Confirmation> then;  // the check-in's confirmation, shown after the answer
};

// After the wrong-PIN limit: an instructor confirms the trainee and lifts the lock.
struct LockoutHelp {
  std::string trainee_id;
  std::string staff_id;  // chosen from the list; empty while choosing
  std::string digits;
  std::string message;
};

// A supervisor's practice session for one trainee: nothing is written.
struct Practice {
  std::string trainee_id;
  std::string started_by;
  std::optional<bool> read_aloud;  // switched on their page during practice: kept here, not written
};

// The trainee's own page: the language list open or not, and a refusal to show.
struct MyPageDraft {
  bool choosing_language = false;
  std::string message;
};

struct PinEntry {
  std::string digits;
  std::string message;  // a wrong PIN or a refusal, said plainly
  // A refused card or tile (nothing typed): the refusal alone, no PIN pad
  // that cannot help; the reader stays on, so a card can try again, and the
  // board returns after a few seconds (UiOptions::notice_seconds).
  bool notice_only = false;
};

// Keys seen by the kiosk at most this far apart, ending in Enter, came from
// the card reader: a person on a keypad takes several times as long per key.
// Frames are the clock here (the keys of one frame share its time), and a
// burst spreads over a few frames of 10-30 ms on llvmpipe.
constexpr std::int64_t kCardOnPinPadGapMs = 100;

struct AssessDraft {
  enum Step { Trainees, Skill, Level } step = Trainees;
  std::set<std::string> trainees;
  std::string skill;
  int level = 0;
  std::string note;
  bool note_open = false;
  std::string saved;  // "Saved: ..." after the last assessment
  std::string error;
  // Save was tapped and the level is below what some of the group already
  // have: they are named and asked (all, or skip them) before anything is written.
  bool confirm_lowering = false;
};

struct ReviewDraft {
  enum Panel { None, Stage, Absence, Note } panel = None;
  std::optional<ft::Stage> stage;
  std::string host;
  bool typing_host = false;
  // The internship agreement (stage internship with a registered host): filled
  // from the current agreement or approval when the stage is chosen.
  bool agreement_filled = false;
  std::string host_cvr;
  Day start = 0;
  int weeks = 13;
  int hours = 30;
  std::string purpose;
  bool typing_purpose = false;
  std::string exit_reason;
  int absence_back = 0;  // expected days before today (0 = today)
  std::optional<AbsenceKind> kind;
  std::string cause;
  std::string note;
  bool note_shared = false;
  std::string message;
  bool message_is_error = false;
};

struct LoginDraft {
  bool for_close = false;  // a supervisor must confirm closing the kiosk
  std::string staff_id;    // chosen from the list; empty while choosing
  std::string digits;
  std::string message;
};

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
