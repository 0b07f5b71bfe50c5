// The centre's state: what the fold of all events yields. Plain data that the
// UI, the command line and reports read; only evolve() changes it.
//
// Every field that two terminals may set concurrently is merged so that the
// result does not depend on the order events arrive in: registers keep the
// value with the highest hlc (last writer wins), a day keeps its earliest
// check-in and latest check-out, histories are sets kept sorted by
// (hlc, event id).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "terminal/core/dates.hpp"
#include "terminal/core/hlc.hpp"

namespace ft {

enum class Stage { Referred, Centre, Internship, Employed, Exited };
enum class Role { Trainee, Instructor, Supervisor, Admin };
enum class AbsenceKind { Sick, Legitimate, NotLegitimate };

const char* stage_name(Stage s);  // "referred", "centre", ...
std::optional<Stage> parse_stage(std::string_view s);
const char* role_name(Role r);
std::optional<Role> parse_role(std::string_view s);
const char* absence_kind_name(AbsenceKind k);  // "sick", "legitimate", "not_legitimate"
std::optional<AbsenceKind> parse_absence_kind(std::string_view s);

// Why someone left the programme (stage exited).
inline const char* const kExitReasons[] = {"other_job", "education", "sickness", "moved", "dropped_out", "other"};
// What an absence was about, shown as pictograms to staff only.
inline const char* const kAbsenceCauses[] = {"sick", "child_sick", "doctor", "jobcentre", "transport", "other"};

struct Register {  // a last-writer-wins value
  std::string value;
  Hlc hlc = -1;
  std::string event_id;
  // True when it won. Views, so the fold can pass text straight from a payload
  // without building a string first; assigning reuses the value's capacity.
  bool set(std::string_view v, Hlc h, std::string_view id);
};

struct AttendanceDay {
  int check_in = -1;   // minutes since midnight, -1 none
  Hlc in_hlc = 0;
  std::string in_event;
  int check_out = -1;
  Hlc out_hlc = -1;
  int proposed_out = -1;    // the trainee's own answer to "when did you leave?"
  Hlc proposed_hlc = -1;
  int confirmed_out = -1;   // confirmed by an instructor or supervisor
  Hlc confirmed_hlc = -1;
  std::string confirmed_by;
  bool has_check_in() const { return check_in >= 0; }
  bool has_check_out() const { return check_out >= 0 || confirmed_out >= 0; }
};

struct Absence {
  AbsenceKind kind = AbsenceKind::Sick;
  std::string cause = "other";  // one of kAbsenceCauses
  std::string recorded_by;
  Hlc hlc = -1;
  std::string event_id;
};

// A caseworker at the jobcentre marked a day's no-show or lateness as acted
// on (the web view's "absences to act on"). Facts only: that it was handled,
// what it was then and by whom; the decision itself stays with the
// municipality. The first mark of a day counts; a second changes nothing.
struct HandledMark {
  std::string kind;  // "no_show" or "late", as the list showed the day
  std::string by;    // the caseworker's login on the municipal server
  Hlc hlc = -1;
  std::string event_id;
};

struct Assessment {
  std::string event_id;
  Hlc hlc = 0;
  Day day = 0;
  std::string skill;
  int level = 0;
  std::string note;
  std::string by;
};

struct StageChange {
  std::string event_id;
  Hlc hlc = 0;
  Day day = 0;
  Stage to = Stage::Referred;
  std::string host;         // host company, for internship and employed
  std::string exit_reason;  // for exited
};

// One version of an internship agreement (virksomhedspraktik, LAB § 59): the
// host as it was registered when agreed, the terms, and whether the placement
// put the host over its ratio then (hosts.hpp). An extension is a new version;
// the latest since the trainee last left an internship counts (internship.hpp).
struct Agreement {
  std::string event_id;
  Hlc hlc = 0;
  Day day = 0;               // when it was recorded
  std::string host;          // the firm's name
  std::string cvr;
  Day start = 0;
  int weeks = 0;
  int hours = 0;             // per week
  std::string purpose;
  bool over_ratio = false;
};

// The jobcentre's approval as the terminal learns it: weeks only. The legal
// basis and the citizen's category stay on the municipal server (DOMAIN.md).
struct Approval {
  std::string event_id;
  Hlc hlc = 0;
  Day day = 0;
  int weeks = 0;
  // Not the jobcentre's own (the demo's, written while no jobcentre is
  // connected): counts only until the first event from the jobcentre arrives.
  bool stand_in = false;
};

struct Note {
  std::string event_id;
  Hlc hlc = 0;
  Day day = 0;
  std::string by;
  std::string text;
  bool shared = false;  // may go into the report for the follow-up meeting
  bool health = false;  // only when asked for explicitly
};

struct Trainee {
  std::string id;
  bool enrolled = false;  // false while only later events about it are known
  Register name;          // exactly as given, any script
  Register display_name;  // Latin form for names ImGui cannot shape (RTL scripts); may be empty
  Register language;      // "da", "en", "pl", "uk", ...
  Register badge;         // digits typed by the badge reader; may be empty
  Register pin_hash;      // Argon2id string; empty: no PIN (badge or tile only)
  Register read_aloud;    // "1" when the kiosk should speak to this trainee
  Day enrolled_day = 0;
  std::vector<StageChange> stages;  // sorted by (hlc, event id); the last is the current stage
  std::map<Day, AttendanceDay> days;
  std::map<Day, Absence> absences;
  std::map<Day, HandledMark> handled;   // the jobcentre's marks on no-shows and late days
  std::vector<Assessment> assessments;  // sorted by (hlc, event id)
  std::vector<Note> notes;              // sorted by (hlc, event id)
  std::vector<Agreement> agreements;    // sorted by (hlc, event id)
  std::vector<Approval> approvals;      // sorted by (hlc, event id)
  Hlc internship_confirmed_hlc = -1;
  Day internship_confirmed_day = 0;
  bool redacted = false;

  Stage stage() const;
  std::string host() const;
  std::optional<Day> centre_start() const;  // first day in stage centre: the 18-month clock
  std::optional<Day> stage_since() const;
  std::optional<Day> ended_on() const;      // day employed or exited
  std::map<std::string, const Assessment*> latest_assessments() const;
  std::string shown_name() const;  // display name when set, else the name
};

struct Staff {
  std::string id;
  Register name;
  Role role = Role::Instructor;
  Register pin_hash;
  Register badge;
  Register language;
};

// A host firm, by CVR number; the latest registration (by hlc) wins.
struct Host {
  std::string cvr;
  std::string name;
  int staff = 0;  // ordinary staff, for the ratio
  Hlc hlc = -1;
  std::string event_id;
};

struct State {
  Register centre_name;
  // The municipal server's capacity for this centre (CentreNamed carries it
  // since the server holds several centres); empty: the configuration's.
  Register centre_capacity;
  // std::less<>: find() takes a string_view, so the fold looks people up by the
  // id in a payload without allocating a key string for every event.
  std::map<std::string, Trainee, std::less<>> trainees;
  std::map<std::string, Staff, std::less<>> staff;
  std::map<std::string, Host, std::less<>> hosts;  // by CVR
  std::int64_t event_count = 0;
  Hlc max_hlc = 0;
  // Moves with every event that may change who a person is (enrolment, name,
  // badge, role, stage, erasure): what is derived from the people, such as
  // the store's badge index, is rebuilt when it moves. Attendance, skills and
  // notes, the events of every day, leave it where it is.
  std::uint64_t people_version = 0;
  // An event of the jobcentre's (terminal id kServerTerminalId, whatever its
  // actor) is in the log: from then on only its own approvals count, and
  // stand-ins are dropped.
  bool jobcentre_connected = false;

  const Trainee* trainee(const std::string& id) const;
  const Staff* staff_member(const std::string& id) const;
  int in_centre() const;
  // Places in stage centre: the server's number when it sent one, else `configured`.
  int capacity(int configured) const;
};

}  // namespace ft
