// Centre: the terminal's open database with its state in memory — the
// imperative shell around the pure core. Every user action goes through
// execute(): decide, then append the events and update the projections in
// one durable transaction, then fold them into the in-memory state. A
// refusal, or a failed write, changes nothing.
//
// Sections: opening · clock · authentication (PIN, badge, lockout) ·
// commands · reading events written by others (the sync thread).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "terminal/core/badges.hpp"
#include "terminal/core/catalogue.hpp"
#include "terminal/core/commands.hpp"
#include "terminal/core/decide.hpp"
#include "terminal/core/event.hpp"
#include "terminal/core/login.hpp"
#include "terminal/core/pin.hpp"
#include "terminal/core/refusal.hpp"
#include "terminal/core/rules.hpp"
#include "terminal/core/state.hpp"
#include "terminal/store/checkpointer.hpp"
#include "terminal/store/database.hpp"
#include "terminal/store/sync_ledger.hpp"

namespace ft {

struct Clock {  // wall time and its local reading; tests and the demo seed replace it
  std::function<std::int64_t()> now_ms;
  // Local calendar day and minutes since midnight for a wall time (the TZ of the process).
  std::function<void(std::int64_t ms, Day& day, int& minutes)> local;
  static Clock system();
  static Clock fixed(std::int64_t ms);  // frozen at ms, local reading in UTC
};

struct Outcome {
  std::optional<Refusal> refusal;  // rule refusal ("refusal.<code>") or store fault ("store.<code>")
  std::optional<Refusal> notice;   // accepted with nothing to write, e.g. "already_in" ("notice.<code>")
  std::string new_id;
  std::vector<Event> events;       // what was appended, in order
  bool ok() const { return !refusal; }
};

struct AuthOutcome {
  std::optional<Actor> actor;
  std::optional<Refusal> refusal;  // wrong_pin (with attempts_left), locked (with minutes), unknown_person, ...
};

class Centre {
 public:
  static std::unique_ptr<Centre> open(const std::string& path, Rules rules, Catalogue catalogue,
                                      StoreError& error, Clock clock = Clock::system());
  ~Centre();

  const State& state() const { return state_; }
  const Rules& rules() const { return rules_; }
  const Catalogue& catalogue() const { return catalogue_; }
  const std::string& terminal_id() const { return terminal_id_; }
  // The sync state as the sync engine last wrote it, for the screens that
  // show it; nullopt when the ledger cannot be read now.
  std::optional<SyncStatus> sync_status();

  // Clock
  std::int64_t now_ms() const { return clock_.now_ms(); }
  Day today() const;
  int minutes_now() const;
  void set_clock(Clock clock) { clock_ = std::move(clock); }

  // Authentication. A wrong PIN counts toward the lockout (kept in the
  // pin_attempts table, not in the event log); the right one clears it.
  AuthOutcome authenticate(const std::string& person_id, const std::string& pin,
                           LoginMode mode = LoginMode::Counted);
  // A trainee's or staff member's badge; a badge two people hold identifies
  // nobody ("badge_conflict") until a supervisor takes it from one of them.
  AuthOutcome authenticate_badge(const std::string& badge);
  PinAttempts attempts(const std::string& person_id);
  void clear_attempts(const std::string& person_id);  // after a staff override

  // Commands
  Outcome execute(const Command& command, const Actor& actor);
  Context context() const;

  // Events that another connection (the sync thread) appended since we last
  // looked: folded in; returns how many.
  int refresh();
  std::int64_t event_count() const { return state_.event_count; }

  // For a process that keeps the centre open (the kiosk): WAL checkpoints
  // run on a thread of their own instead of inside the commit that fills the
  // log (checkpointer.hpp). False, and checkpoints stay as they were, when
  // its connection cannot be opened.
  bool checkpoint_in_background(StoreError& error);
  const BackgroundCheckpointer* checkpointer() const { return checkpointer_.get(); }

 private:
  // The command line and tests reach the connection through this door
  // (centre_database.hpp), which the screens do not include.
  friend class CentreDatabase;
  Centre() = default;
  std::unique_ptr<Database> db_;
  Rules rules_;
  Catalogue catalogue_;
  Clock clock_;
  State state_;
  std::string terminal_id_;
  std::int64_t last_seq_ = 0;  // highest events.seq folded into state_
  // Badge -> person, so a scan does not walk everyone ever enrolled; built
  // from state_ when its people_version has moved since.
  std::unordered_map<std::string, Actor> badge_index_;
  std::set<std::string> badge_conflicts_;  // badges two people hold: they identify nobody
  std::optional<std::uint64_t> badge_index_version_;
  std::unique_ptr<BackgroundCheckpointer> checkpointer_;  // last: goes before db_ closes
};

// Appends stamped events (id, terminal, sequence, hlc) in the caller's transaction.
// `observed`: the highest hlc seen from other terminals.
std::vector<Event> stamp_and_append(Database& db, const std::string& terminal_id, const std::string& actor_id,
                                    const std::vector<Draft>& drafts, std::int64_t now_ms, Hlc observed = 0);
// Events with events.seq > after_seq, in seq order; a payload that is not a
// JSON object reads as an empty one, as the fold would read it.
std::vector<Event> load_events(Database& db, std::int64_t after_seq, std::int64_t& last_seq);
// The columns of a whole event, in the order event_from_row() reads them.
inline constexpr const char* kEventColumns =
    "event_id, terminal_id, terminal_seq, actor_id, hlc, wall_ms, type, payload, schema";
// The event in a row selected with kEventColumns, from column `first` on. A
// payload that is not a JSON object is left as it parsed (discarded, or not
// an object) for the caller to judge.
Event event_from_row(Statement& q, int first = 0);
// Inserts an event from elsewhere if its id is new; true when inserted.
bool insert_event_once(Database& db, const Event& e);
// A fresh UUIDv7 from the system clock and a CSPRNG.
std::string new_uuid(std::int64_t now_ms);
// This database's terminal id, made on first use. Two connections making it
// at once agree: the first one written stays (INSERT OR IGNORE), both read it back.
std::string terminal_id_of(Database& db, std::int64_t now_ms);

}  // namespace ft
