// decide(): every rule of the centre in one pure function.
//
//   command + actor + state + context  ->  events to append, or a refusal
//
// It reads the clock and fresh ids only through Context, so tests can pin
// both; it never touches disk, screen or network.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "terminal/core/catalogue.hpp"
#include "terminal/core/commands.hpp"
#include "terminal/core/event.hpp"
#include "terminal/core/refusal.hpp"
#include "terminal/core/rules.hpp"
#include "terminal/core/state.hpp"

namespace ft {

struct Context {
  Day today = 0;
  int minutes = 0;  // local time of day
  const Rules* rules = nullptr;
  const Catalogue* catalogue = nullptr;
  std::function<std::string()> new_id;                         // a fresh UUIDv7
  std::function<std::string(const std::string&)> hash_pin;     // slow salted hash
};

struct Draft {  // an event before the store stamps id, terminal, hlc and sequence
  std::string type;
  Json payload;
};

struct Decision {
  std::vector<Draft> events;
  std::optional<Refusal> refusal;
  std::optional<Refusal> notice;  // accepted but worth saying, e.g. "already_in" (translated under "notice.<code>")
  std::string new_id;  // the id of an enrolled trainee or added staff member
  bool ok() const { return !refusal; }
};

Decision decide(const State& state, const Command& command, const Actor& actor, const Context& ctx);

// The double-tap guard: true when a punch at `minutes` comes within
// rules.double_tap_seconds of this day's check-in (and the day has no check-out).
bool is_double_tap(const AttendanceDay& day, int minutes, const Rules& rules);
// The morning question: the last expected day before `today` when the trainee
// checked in then and neither checked out nor answered "when did you leave?"
// since (looks back at most a week).
std::optional<Day> unanswered_checkout(const Trainee& t, Day today, const Rules& rules);

// A tap on the tile or a scan of the badge: the terminal chooses what it
// means, from the trainee's day so far.
//   CheckIn          not in now (no check-in today, or out again)
//   MorningQuestion  a check-in, after which "when did you leave on <ask_about>?"
//   CheckOut         in, and the check-in was long enough ago
//   DoubleTap        in since moments ago: nothing is written; the screen asks
struct Punch {
  enum Kind { CheckIn, MorningQuestion, CheckOut, DoubleTap } kind = CheckIn;
  int since = -1;               // DoubleTap: the check-in already recorded (minutes)
  std::optional<Day> ask_about;  // MorningQuestion: the day without a check-out
  bool checks_in() const { return kind == CheckIn || kind == MorningQuestion; }
};
Punch decide_punch(const Trainee& t, Day today, int minutes, const Rules& rules);

// An assessment for a group must never lower a level without saying whose
// and asking (issue 22): the trainees of `c` whose latest level of the skill
// is above c.level, with that level, in the order of c.trainee_ids.
struct Lowering {
  std::string trainee_id;
  int from = 0;
};
std::vector<Lowering> lowerings(const State& s, const Assess& c);

// True when `role` may issue this kind of command at all (self-service limits are in decide).
bool role_may(Role role, const Command& command);

}  // namespace ft
