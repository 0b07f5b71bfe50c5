// The municipal server's database: centres, the terminals of each (tokens
// hashed), join codes (hashed, one use, 7 days, for one centre), the event
// log in commit order, the replies to idempotent pushes, and the projection
// of every trainee (projection.hpp). SQLite (a file path, the default) or
// PostgreSQL (a postgresql:// URI) behind the same methods.
//
// Commit order: every write runs in one transaction. On SQLite BEGIN
// IMMEDIATE serialises writers; on PostgreSQL a push (with the pushes of its
// centre grouped beside it, group_commit.hpp) holds its centre's row lock
// (SELECT ... FOR UPDATE) until commit, and takes its `seq` from the
// sequence only after the lock. So within a centre a higher `seq` always
// commits after a lower one, also across several server processes, and a
// pulling terminal's cursor can never skip an event committed later with a
// smaller seq (sync/PROTOCOL.md §1).
#pragma once
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sync/protocol/messages.hpp"
#include "sync/server/pull_frames.hpp"
#include "sync/server/sql.hpp"
#include "terminal/core/state.hpp"

namespace ft::server {

class GroupCommit;

constexpr std::int64_t kJoinCodeLifetimeMs = 7LL * 24 * 3600 * 1000;
constexpr int kDefaultCapacity = 15;

struct CentreInfo {
  std::string id, name;
  int capacity = kDefaultCapacity;
};

struct TerminalIdentity {
  std::string terminal_id;
  std::string centre_id;
};

struct Enrolment {
  std::string token;  // shown once, stored hashed
  std::string terminal_name;
  CentreInfo centre;
};

enum class EnrolRefusal { None, CodeInvalid, OtherCentre };

struct PushOutcome {
  std::string reply;          // the JSON reply body (fresh or replayed)
  bool key_conflict = false;  // the idempotency key was used before for a different body
};

struct PullPage {
  std::vector<std::string> event_texts;  // a plain page
  std::vector<PullPiece> pieces;         // a page of shared zstd frames (pull with `as_frames`)
  std::int64_t next = 0;
  bool more = false;
  std::int64_t high_seq = 0;  // of the asking terminal
  bool cursor_ahead = false;  // the terminal knows of events this server does not hold
};

// A sentence for the user with the exit code the command line returns (1 refused, 2 usage).
struct StoreRefusal {
  std::string sentence;
};

class ServerStore {
 public:
  // `db`: a file path (created mode 0600 when missing; a file that is not a
  // sync-server database is refused untouched) or a postgresql:// URI.
  // A single-centre database is upgraded in place after a 0600 copy of it
  // is kept beside it (DB.before-schema-2); its centre is named `first_centre_name`.
  // `connections`: how many requests use the database at once (PostgreSQL; SQLite keeps one).
  static std::unique_ptr<ServerStore> open(const std::string& db, std::string& error, int connections = 1,
                                           const std::string& first_centre_name = "Centre 1");
  bool is_postgres() const { return postgres_; }

  // Centres
  CentreInfo add_centre(const std::string& name, int capacity, std::int64_t now_ms);
  // Renames and/or sets the capacity; the terminals of the centre learn both at their next pull.
  std::optional<StoreRefusal> update_centre(const std::string& centre_id, const std::optional<std::string>& name,
                                            std::optional<int> capacity, std::int64_t now_ms);
  std::vector<CentreInfo> centres();
  // The centre a command means: the given id, or the only one when none is given.
  std::optional<CentreInfo> resolve_centre(const std::optional<std::string>& given, std::string& error);

  // Terminals and tokens
  std::string add_join_code(const std::string& centre_id, const std::string& terminal_name, std::int64_t now_ms);
  std::optional<Enrolment> enrol(const std::string& code, const std::string& terminal_id, std::int64_t now_ms,
                                 EnrolRefusal& refusal);
  std::optional<TerminalIdentity> authenticate(const std::string& token);

  PushOutcome push(const TerminalIdentity& who, const std::string& idempotency_key, const std::string& body_hash,
                   const std::vector<sync::PushItem>& items, std::int64_t now_ms);
  // `as_frames`: the page as pieces for a client that takes zstd
  // (sync/server/pull_frames.hpp), else as event texts.
  PullPage pull(const TerminalIdentity& who, std::int64_t after, int limit, bool as_frames = false);

  // A jobcentre-side event (terminal "server") in a centre, stamped and stored; returns it.
  Event append_server_event(const std::string& centre_id, const std::string& type, const Json& payload,
                            std::int64_t now_ms);
  // The same, with what the server does beside it in the same transaction,
  // under the centre's lock: `wanted` looks first and may decline (then
  // nothing is written and the result is empty: a second click, a second
  // server process); `also` writes the server's own rows about the event.
  struct Beside {
    std::function<bool(SqlDb&)> wanted;
    std::function<void(SqlDb&, const Event&)> also;
  };
  std::optional<Event> append_server_event(const std::string& centre_id, const std::string& type, const Json& payload,
                                           std::int64_t now_ms, const Beside& beside);

  // The jobcentre's internship approval: the event (weeks only, for the
  // terminals) and, in the same transaction, its basis and reason, kept here,
  // and whatever `within` writes (the access log's row, when a person approved).
  // `wanted`, if given, decides again under the centre's lock; when it says no,
  // nothing is written and no event is returned.
  std::optional<Event> append_approval(const std::string& centre_id, const Json& payload, const std::string& basis,
                                       const std::string& reason, std::int64_t now_ms,
                                       const std::function<void(SqlDb&, const Event&)>& within = {},
                                       const std::function<bool(SqlDb&)>& wanted = {});
  // Counts, whole server or one centre ("" for all).
  std::int64_t event_count(const std::string& centre_id = "");
  std::int64_t terminal_count(const std::string& centre_id = "");
  std::int64_t open_code_count(std::int64_t now_ms);
  std::vector<Trainee> trainees(const std::string& centre_id);

  // One pooled connection for `work`, for the web view's own tables
  // (sync/server/web/); `work` opens its own transaction where it writes.
  void with_db(const std::function<void(SqlDb&)>& work);
  // For a page that only reads: on SQLite a reader connection beside the
  // writer (as the pulls use), all of `work` in one snapshot.
  void with_reader(const std::function<void(SqlDb&)>& work);

 private:
  class Pool;
  struct Lease;
  ServerStore();
  Lease lease();         // for writes (and reads on PostgreSQL)
  Lease lease_reader();  // for reads: on SQLite a connection of their own, beside the writer's
  Lease take(Pool& pool);  // reconnects a broken connection, and then forgets the cached frames
  std::function<void(const std::function<void(SqlDb&)>&)> writer();  // for GroupCommit
  sync::PushResult store_one(SqlDb& db, const TerminalIdentity& who, const sync::PushItem& item,
                             std::int64_t now_ms, std::vector<Event>& inserted);
  static std::int64_t high_seq(SqlDb& db, const std::string& terminal_id);
  PushOutcome push_in(SqlDb& db, const TerminalIdentity& who, const std::string& idempotency_key,
                      const std::string& body_hash, const std::vector<sync::PushItem>& items, std::int64_t now_ms);
  static Event append_server_event_in(SqlDb& db, const std::string& centre_id, const std::string& type,
                                      const Json& payload, std::int64_t now_ms);
  // Absences marked handled before the marks were events (a table of the web
  // view's own) become AbsenceHandled events, once, inside the opening transaction.
  static void move_handled_marks_to_events(SqlDb& db);

  std::unique_ptr<Pool> pool_;
  std::unique_ptr<Pool> readers_;  // SQLite only: WAL lets readers run while the one writer writes
  std::unique_ptr<PullFrames> frames_;         // compressed spans of the log, shared by pulls
  std::unique_ptr<GroupCommit> group_commit_;  // pushes share transactions: all (SQLite) or a centre's (PostgreSQL)
  int reader_connections_ = 0;
  bool postgres_ = false;

 public:
  ~ServerStore();
};

}  // namespace ft::server
