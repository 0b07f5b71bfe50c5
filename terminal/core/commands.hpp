// Commands: what a person asks the terminal to do. decide() turns one into
// events or a refusal. Authentication (PIN, badge) happens before, in
// auth.hpp; a command carries only what was asked.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "terminal/core/state.hpp"

namespace ft {

struct Enrol {
  std::string name;
  std::string display_name;     // optional Latin form
  std::optional<std::string> pin;
  std::string badge;
  std::string language = "da";
  bool waitlist = false;        // into stage referred instead of centre
};
struct AddStaff {
  std::string name;
  Role role = Role::Instructor;
  std::string pin;
  std::string badge;
};
struct CheckIn { std::string trainee_id; };
// `by_punch`: the terminal chose check-out because the trainee, already in,
// tapped their tile or scanned their badge again. Such a punch within
// Rules::double_tap_seconds of the check-in is a double tap: nothing is
// written and the notice "double_tap" says since when they are in. An
// explicit check-out (by_punch false: the command line, or "go out" on the
// double-tap screen) is always honoured.
struct CheckOut {
  std::string trainee_id;
  bool by_punch = false;
};
struct Assess {
  std::vector<std::string> trainee_ids;  // one or several at once
  std::string skill;
  int level = 0;
  std::string note;
};
struct ChangeStage {
  std::string trainee_id;
  Stage to = Stage::Centre;
  std::string host;
  std::string exit_reason;
};
struct RecordAbsence {
  std::string trainee_id;
  Day day = 0;
  AbsenceKind kind = AbsenceKind::Sick;
  std::string cause = "other";
};
struct AddNote {
  std::string trainee_id;
  std::string text;
  bool shared = false;
  bool health = false;
};
struct ConfirmInternship { std::string trainee_id; };
// Registers a host firm, or updates one: the CVR number is the key.
struct RegisterHost {
  std::string name;
  std::string cvr;
  int staff = 0;  // ordinary staff
};
// An internship agreement (LAB §§ 59-61): into stage internship with it, or,
// already placed with the same host, a new version of it (an extension).
struct AgreeInternship {
  std::string trainee_id;
  std::string host;  // a registered host's name or CVR number
  Day start = 0;
  int weeks = 0;
  int hours = 0;     // a week
  std::string purpose;
};
struct ProposeCheckout { std::string trainee_id; Day day = 0; int minutes = 0; };
struct ConfirmCheckout { std::string trainee_id; Day day = 0; int minutes = 0; };
struct SetPin { std::string subject_id; std::string pin; };
// The trainee's own language and/or read-aloud setting: an empty language
// leaves the language as it is; read_aloud unset leaves that as it is.
struct SetLanguage {
  std::string trainee_id;
  std::string language;
  std::optional<bool> read_aloud;
};
struct LiftLock { std::string subject_id; };
struct NameCentre { std::string name; };
// Erase a trainee's personal data once they left long enough ago (privacy.erase_after_days).
struct EraseTrainee { std::string trainee_id; };
// A supervisor takes a badge from a trainee: the way out of a badge two
// people hold after sync (badges.hpp). The trainee uses the PIN until given a new card.
struct TakeBadge { std::string trainee_id; };

using Command = std::variant<Enrol, AddStaff, CheckIn, CheckOut, Assess, ChangeStage, RecordAbsence,
                             AddNote, ConfirmInternship, ProposeCheckout, ConfirmCheckout, SetPin,
                             SetLanguage, LiftLock, NameCentre, EraseTrainee, TakeBadge, RegisterHost,
                             AgreeInternship>;

const char* command_name(const Command& c);  // "enrol", "check_in", ...

struct Actor {
  std::string id;  // staff or trainee id; "admin" for the terminal's local administrator
  Role role = Role::Admin;
};

inline Actor local_admin() { return Actor{"admin", Role::Admin}; }

}  // namespace ft
