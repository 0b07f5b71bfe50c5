// Sections: clock · event rows · opening · authentication · commands · refresh.
#include "terminal/store/centre.hpp"

#include <sodium.h>
#include <sqlite3.h>

#include <chrono>
#include <ctime>

#include "terminal/core/evolve.hpp"
#include "terminal/core/ids.hpp"
#include "terminal/core/login.hpp"
#include "terminal/store/projections.hpp"

namespace ft {

// ---- clock ----------------------------------------------------------------------------

namespace {
void local_reading(std::int64_t ms, Day& day, int& minutes, bool utc) {
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  if (utc) gmtime_r(&secs, &tm);
  else localtime_r(&secs, &tm);
  day = day_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  minutes = tm.tm_hour * 60 + tm.tm_min;
}
}  // namespace

Clock Clock::system() {
  return Clock{[] {
                 return std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                     .count();
               },
               [](std::int64_t ms, Day& d, int& m) { local_reading(ms, d, m, false); }};
}

Clock Clock::fixed(std::int64_t ms) {
  return Clock{[ms] { return ms; }, [](std::int64_t t, Day& d, int& m) { local_reading(t, d, m, true); }};
}

Day Centre::today() const {
  Day d;
  int m;
  clock_.local(clock_.now_ms(), d, m);
  return d;
}

int Centre::minutes_now() const {
  Day d;
  int m;
  clock_.local(clock_.now_ms(), d, m);
  return m;
}

std::string new_uuid(std::int64_t now_ms) {
  std::array<std::uint8_t, 10> random{};
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
  randombytes_buf(random.data(), random.size());
  return uuid_v7(now_ms, random);
}

// ---- event rows ----------------------------------------------------------------------------

namespace {
const char* kInsertEvent =
    "INSERT INTO events(event_id, terminal_id, terminal_seq, actor_id, hlc, wall_ms, type, payload, schema) "
    "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)";

void bind_event(Statement& q, const Event& e) {
  q.bind(1, e.event_id).bind(2, e.terminal_id).bind(3, e.terminal_seq).bind(4, e.actor_id).bind(5, e.hlc)
      .bind(6, e.wall_ms).bind(7, e.type).bind(8, e.payload.dump()).bind(9, e.schema);
}
}  // namespace

std::vector<Event> stamp_and_append(Database& db, const std::string& terminal_id, const std::string& actor_id,
                                    const std::vector<Draft>& drafts, std::int64_t now_ms, Hlc observed) {
  // Our own last event gives both the next sequence number and a clock that
  // never goes backwards across restarts; `observed` carries what we have seen
  // from other terminals (hlc_receive keeps far-future stamps out).
  std::int64_t seq = 0;
  Hlc hlc = 0;
  {
    Statement q(db, "SELECT terminal_seq, hlc FROM events WHERE terminal_id = ? ORDER BY terminal_seq DESC LIMIT 1");
    q.bind(1, terminal_id);
    if (q.step()) {
      seq = q.int64(0);
      hlc = q.int64(1);
    }
  }
  hlc = hlc_receive(hlc, observed, now_ms);
  std::vector<Event> out;
  Statement insert(db, kInsertEvent);
  for (const auto& d : drafts) {
    Event e;
    e.event_id = new_uuid(now_ms);
    e.terminal_id = terminal_id;
    e.terminal_seq = ++seq;
    e.actor_id = actor_id;
    hlc = hlc_tick(hlc, now_ms);
    e.hlc = hlc;
    e.wall_ms = now_ms;
    e.type = d.type;
    e.payload = d.payload;
    bind_event(insert, e);
    insert.run();
    insert.reset();
    project_event(db, e);
    out.push_back(std::move(e));
  }
  return out;
}

bool insert_event_once(Database& db, const Event& e) {
  {
    Statement q(db, "SELECT 1 FROM events WHERE event_id = ?");
    q.bind(1, e.event_id);
    if (q.step()) return false;
  }
  Statement insert(db, kInsertEvent);
  bind_event(insert, e);
  insert.run();
  project_event(db, e);
  return true;
}

std::string terminal_id_of(Database& db, std::int64_t now_ms) {
  if (auto id = db.meta("terminal_id")) return *id;
  Statement(db, "INSERT OR IGNORE INTO meta(key, value) VALUES('terminal_id', ?)").bind(1, new_uuid(now_ms)).run();
  if (auto id = db.meta("terminal_id")) return *id;
  throw StoreFailure({"corrupt", "the terminal id could not be stored"});
}

Event event_from_row(Statement& q, int first) {
  Event e;
  e.event_id = q.text(first);
  e.terminal_id = q.text(first + 1);
  e.terminal_seq = q.int64(first + 2);
  e.actor_id = q.text(first + 3);
  e.hlc = q.int64(first + 4);
  e.wall_ms = q.int64(first + 5);
  e.type = q.text(first + 6);
  e.payload = Json::parse(q.text(first + 7), nullptr, false);
  e.schema = static_cast<int>(q.int64(first + 8));
  return e;
}

std::vector<Event> load_events(Database& db, std::int64_t after_seq, std::int64_t& last_seq) {
  std::vector<Event> out;
  static const std::string sql = std::string("SELECT seq, ") + kEventColumns + " FROM events WHERE seq > ? ORDER BY seq";
  Statement q(db, sql.c_str());
  q.bind(1, after_seq);
  last_seq = after_seq;
  while (q.step()) {
    last_seq = q.int64(0);
    Event e = event_from_row(q, 1);
    if (e.payload.is_discarded() || !e.payload.is_object()) e.payload = Json::object();
    out.push_back(std::move(e));
  }
  return out;
}

// ---- opening ------------------------------------------------------------------------------

std::unique_ptr<Centre> Centre::open(const std::string& path, Rules rules, Catalogue catalogue, StoreError& error,
                                     Clock clock) {
  auto db = Database::open(path, error);
  if (!db) return nullptr;
  std::unique_ptr<Centre> c(new Centre());
  c->db_ = std::move(db);
  c->rules_ = std::move(rules);
  c->catalogue_ = std::move(catalogue);
  c->clock_ = std::move(clock);
  try {
    // The state lives in memory; this connection reads the log once, in
    // order, and then writes at the ends of a few b-trees, so SQLite's page
    // cache would only hold pages read once (the 2 MiB default is 1.5 MiB
    // of the kiosk's heap on the demo centre). The sync engine's own
    // connection keeps the default: its pulls insert all over the indexes.
    c->db_->exec("PRAGMA cache_size=-256");
    c->terminal_id_ = terminal_id_of(*c->db_, c->clock_.now_ms());
    c->refresh();
  } catch (const StoreFailure& f) {
    error = f.error;
    return nullptr;
  }
  return c;
}

Centre::~Centre() = default;

int Centre::refresh() {
  // Folds each row while the query steps, from views into SQLite's own
  // buffers: no Event, no nlohmann tree, no vector of the whole log. This is
  // what opening a terminal costs (every event since the beginning), so it
  // is the path held to the rebuild figure in docs/performance.md. The rows
  // are the ones load_events() would return, folded in the same order.
  // Every command and every frame's look for the sync thread's events comes
  // here, mostly to find nothing: the prepared statement is kept.
  sqlite3* db = db_->handle();
  Statement select(*db_, "SELECT seq, event_id, actor_id, hlc, type, payload, terminal_id FROM events WHERE seq > ? ORDER BY seq");
  select.bind(1, last_seq_);
  sqlite3_stmt* q = select.handle();
  const auto text = [q](int col) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(q, col));
    return std::string_view(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(q, col)));
  };
  RowFolder folder(state_);
  int folded = 0;
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    EventRow row;
    row.event_id = text(1);
    row.actor_id = text(2);
    row.hlc = sqlite3_column_int64(q, 3);
    row.type = text(4);
    row.payload_json = text(5);
    row.terminal_id = text(6);
    folder.fold(row);
    last_seq_ = sqlite3_column_int64(q, 0);
    ++folded;
  }
  if (rc != SQLITE_DONE) throw StoreFailure(store_error_from(rc, db));
  return folded;
}

bool Centre::checkpoint_in_background(StoreError& error) {
  if (!checkpointer_) checkpointer_ = BackgroundCheckpointer::start(*db_, error);
  return checkpointer_ != nullptr;
}

// ---- authentication ---------------------------------------------------------------------------

PinAttempts Centre::attempts(const std::string& person_id) {
  PinAttempts a;
  Statement q(*db_, "SELECT failures, lockouts, locked_until_ms FROM pin_attempts WHERE person_id = ?");
  q.bind(1, person_id);
  if (q.step()) a = PinAttempts{static_cast<int>(q.int64(0)), static_cast<int>(q.int64(1)), q.int64(2)};
  return a;
}

namespace {
void save_attempts(Database& db, const std::string& person_id, const PinAttempts& a) {
  Statement q(db, R"sql(INSERT INTO pin_attempts(person_id, failures, lockouts, locked_until_ms) VALUES(?, ?, ?, ?)
                         ON CONFLICT(person_id) DO UPDATE SET failures = excluded.failures,
                           lockouts = excluded.lockouts, locked_until_ms = excluded.locked_until_ms)sql");
  q.bind(1, person_id).bind(2, a.failures).bind(3, a.lockouts).bind(4, a.locked_until_ms).run();
}
}  // namespace

std::optional<SyncStatus> Centre::sync_status() {
  try {
    return SyncLedger(*db_).status();
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void Centre::clear_attempts(const std::string& person_id) {
  save_attempts(*db_, person_id, after_success(attempts(person_id)));
}

AuthOutcome Centre::authenticate(const std::string& person_id, const std::string& pin, LoginMode mode) {
  AuthOutcome out;
  const Trainee* t = state_.trainee(person_id);
  const Staff* m = state_.staff_member(person_id);
  if (!t && !m) {
    out.refusal = Refusal{"unknown_person", {}};
    return out;
  }
  const Actor actor{person_id, t ? Role::Trainee : m->role};
  const std::string& hash = t ? t->pin_hash.value : m->pin_hash.value;
  try {
    const LoginDecision d = decide_login(actor, !hash.empty(), [&] { return verify_pin(hash, pin); },
                                         attempts(person_id), PinPolicy::of(rules_), now_ms(), mode);
    if (d.new_attempts) save_attempts(*db_, person_id, *d.new_attempts);
    out.actor = d.actor;
    out.refusal = d.refusal;
  } catch (const StoreFailure& f) {
    out.actor.reset();
    out.refusal = Refusal{"store." + f.error.code, {}};
  }
  return out;
}

AuthOutcome Centre::authenticate_badge(const std::string& badge) {
  AuthOutcome out;
  if (badge_index_version_ != state_.people_version) {
    // Later entries win as they did when every scan walked the lists: staff
    // over trainees (two terminals may hand out one badge while offline).
    badge_index_.clear();
    for (const auto& [id, t] : state_.trainees)
      if (t.enrolled && !t.badge.value.empty()) badge_index_.insert_or_assign(t.badge.value, Actor{id, Role::Trainee});
    for (const auto& [id, m] : state_.staff)
      if (m.name.hlc >= 0 && !m.badge.value.empty()) badge_index_.insert_or_assign(m.badge.value, Actor{id, m.role});
    // A badge two people hold (handed out twice while offline, then synced)
    // identifies nobody: the reader must not pick one of them silently.
    for (const BadgeConflict& c : badge_conflicts(state_)) badge_index_.erase(c.badge);
    badge_conflicts_.clear();
    for (const BadgeConflict& c : badge_conflicts(state_)) badge_conflicts_.insert(c.badge);
    badge_index_version_ = state_.people_version;
  }
  if (!badge.empty())
    if (auto it = badge_index_.find(badge); it != badge_index_.end()) out.actor = it->second;
  if (!out.actor)
    out.refusal = Refusal{badge_conflicts_.count(badge) ? "badge_conflict" : "unknown_person", {}};
  return out;
}

// ---- commands ------------------------------------------------------------------------------------

Context Centre::context() const {
  Context ctx;
  clock_.local(clock_.now_ms(), ctx.today, ctx.minutes);
  ctx.rules = &rules_;
  ctx.catalogue = &catalogue_;
  ctx.new_id = [this] { return new_uuid(clock_.now_ms()); };
  ctx.hash_pin = [](const std::string& pin) { return hash_pin(pin); };
  return ctx;
}

Outcome Centre::execute(const Command& command, const Actor& actor) {
  Outcome out;
  try {
    refresh();  // decide on everything on disk, also what the sync thread just pulled
    Decision d = decide(state_, command, actor, context());
    if (d.refusal) {
      out.refusal = d.refusal;
      return out;
    }
    out.notice = d.notice;
    out.new_id = d.new_id;
    if (d.events.empty()) return out;
    std::int64_t first_seq = 0;
    {
      Transaction tx(*db_);
      out.events = stamp_and_append(*db_, terminal_id_, actor.id, d.events, now_ms(), state_.max_hlc);
      first_seq = db_->last_insert_rowid() - static_cast<std::int64_t>(out.events.size()) + 1;
      // A lifted lock and its event are one change: both or neither.
      if (std::holds_alternative<LiftLock>(command)) clear_attempts(std::get<LiftLock>(command).subject_id);
      tx.commit();
    }
    if (first_seq == last_seq_ + 1) {  // nothing else arrived in between: fold what we wrote as it is
      for (const auto& e : out.events) evolve(state_, e);
      last_seq_ = first_seq + static_cast<std::int64_t>(out.events.size()) - 1;
    } else {
      refresh();
    }
  } catch (const StoreFailure& f) {
    out.events.clear();
    out.new_id.clear();
    out.refusal = Refusal{"store." + f.error.code, {}};
  }
  return out;
}

}  // namespace ft
