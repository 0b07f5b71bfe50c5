// The UI's state machine as plain data: which screen shows, who is
// identified, the staff session, and the drafts the screens fill in. Screens
// are functions of this and of the centre's state; nothing else is kept.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "terminal/core/commands.hpp"
#include "terminal/core/state.hpp"

namespace ft::ui {

// The big "you are in / out" after a punch; closes by itself.
struct Confirmation {
  std::string trainee_id;
  bool checked_in = true;  // false: checked out
  int minutes = 0;         // the time recorded
  std::int64_t until_ms = 0;
};

struct PinEntry {
  std::string digits;
  std::string message;  // a wrong PIN or a refusal, said plainly
};

struct AssessDraft {
  enum Step { Trainees, Skill, Level } step = Trainees;
  std::set<std::string> trainees;
  std::string skill;
  int level = 0;
  std::string note;
  bool note_open = false;
  std::string saved;  // "Saved: ..." after the last assessment
  std::string error;
};

struct ReviewDraft {
  enum Panel { None, Stage, Absence, Note } panel = None;
  std::optional<ft::Stage> stage;
  std::string host;
  bool typing_host = false;
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
  std::string screen = "board";
  std::string language = "da";
  std::string subject_id;         // the trainee this screen is about
  bool subject_verified = false;  // identified by PIN or badge: may open their own page
  std::optional<StaffSession> staff;
  std::int64_t last_input_ms = 0;
  std::string badge_digits;  // keyboard-wedge reader input so far
  std::string banner;        // a short notice on the board (unknown badge, ...)
  std::int64_t banner_until_ms = 0;
  bool keyboard_shift = false;
  bool close_requested = false;
  bool close_confirmed = false;

  PinEntry pin;
  std::optional<Confirmation> confirmation;
  AssessDraft assess;
  ReviewDraft review;
  LoginDraft login;
};

}  // namespace ft::ui
