// The municipal server's database; see server_store.hpp.
//
// Sections: connections · opening and upgrading · centres · join codes and
// tokens · push · pull · jobcentre-side events · counts and projections.
#include "sync/server/server_store.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "sync/protocol/limits.hpp"
#include "sync/server/group_commit.hpp"
#include "sync/server/jobcentre.hpp"
#include "sync/server/projection.hpp"
#include "sync/server/schema.hpp"
#include "sync/server/secrets.hpp"
#include "sync/server/staff_names.hpp"
#include "terminal/core/hlc.hpp"

namespace ft::server {

// ---- connections -------------------------------------------------------------------------

// A fixed set of connections handed out one request at a time. A connection
// found broken (PostgreSQL restarted) is reconnected when next handed out; if
// that fails the request gets the SqlError, and the terminal retries.
class ServerStore::Pool {
 public:
  std::vector<std::unique_ptr<SqlDb>> idle;
  std::mutex mutex;
  std::condition_variable returned;
};

struct ServerStore::Lease {
  Pool* pool;
  std::unique_ptr<SqlDb> db;
  Lease(Pool* p, std::unique_ptr<SqlDb> d) : pool(p), db(std::move(d)) {}
  Lease(Lease&&) = default;
  ~Lease() {
    if (!db) return;
    std::lock_guard lock(pool->mutex);
    pool->idle.push_back(std::move(db));
    pool->returned.notify_one();
  }
  SqlDb& operator*() { return *db; }
  SqlDb* operator->() { return db.get(); }
};

ServerStore::ServerStore()
    : pool_(std::make_unique<Pool>()), readers_(std::make_unique<Pool>()), frames_(std::make_unique<PullFrames>()) {}
ServerStore::~ServerStore() = default;

ServerStore::Lease ServerStore::lease() { return take(*pool_); }

ServerStore::Lease ServerStore::lease_reader() { return reader_connections_ ? take(*readers_) : lease(); }

// A pooled connection for each group commit's leader, for its group: on
// PostgreSQL the groups of different centres are written on different ones.
std::function<void(const std::function<void(SqlDb&)>&)> ServerStore::writer() {
  return [this](const std::function<void(SqlDb&)>& work) {
    auto db = lease();
    work(*db);
  };
}

ServerStore::Lease ServerStore::take(Pool& pool) {
  std::unique_lock lock(pool.mutex);
  pool.returned.wait(lock, [&] { return !pool.idle.empty(); });
  auto db = std::move(pool.idle.back());
  pool.idle.pop_back();
  lock.unlock();
  Lease l(&pool, std::move(db));
  if (!l.db->healthy()) {
    l.db->reconnect();  // throws SqlError while the database is away
    // The database that answers now may be a restored copy or a promoted
    // standby that gives seq values again: cached spans may no longer be it.
    frames_->clear();
  }
  return l;
}

// ---- opening and upgrading ----------------------------------------------------------------

namespace {

// Looks before SQLite touches it: a file that is not ours stays byte-for-byte as it was.
bool looks_like_ours(const std::string& path, std::string& error) {
  char header[16] = {};
  std::ifstream f(path, std::ios::binary);
  f.read(header, sizeof header);
  if (!f || std::memcmp(header, "SQLite format 3", 16) != 0) {
    error = path + " is not a sync-server database; choose another --db path.";
    return false;
  }
  try {
    auto probe = SqlDb::open_sqlite(path, false);
    if (schema_version(*probe) == 0) {
      error = path + " is a database of another program; choose another --db path.";
      return false;
    }
    SqlStmt app(*probe, "SELECT value FROM server_meta WHERE key='app'");
    if (!app.step() || app.text(0) != kServerAppName) {
      error = path + " is a database of another program; choose another --db path.";
      return false;
    }
  } catch (const SqlError& e) {
    error = path + " cannot be read as a sync-server database (" + e.what() + ").";
    return false;
  }
  return true;
}

// SQLite's online backup into a file born 0600: the copy kept before an upgrade.
bool keep_copy(const std::string& path, const std::string& copy, std::string& error) {
  const int fd = ::open(copy.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) {
    error = "cannot keep a copy of the database before upgrading it (" + copy + ": " + std::strerror(errno) + ").";
    return false;
  }
  ::close(fd);
  sqlite3 *from = nullptr, *to = nullptr;
  bool ok = sqlite3_open_v2(path.c_str(), &from, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
            sqlite3_open_v2(copy.c_str(), &to, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK;
  if (ok) {
    sqlite3_busy_timeout(from, 5000);
    sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
    ok = b && sqlite3_backup_step(b, -1) == SQLITE_DONE;
    ok = sqlite3_backup_finish(b) == SQLITE_OK && ok;
  }
  if (!ok) error = "cannot keep a copy of the database before upgrading it: " + std::string(sqlite3_errmsg(to ? to : from)) + ".";
  sqlite3_close(to);
  sqlite3_close(from);
  return ok;
}

std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::unique_ptr<ServerStore> ServerStore::open(const std::string& db, std::string& error, int connections,
                                               const std::string& first_centre_name) {
  std::unique_ptr<ServerStore> store(new ServerStore());
  store->postgres_ = is_postgres_uri(db);
  try {
    if (store->postgres_) {
      auto first = SqlDb::open_postgres(db);
      {
        SqlTx tx(*first);
        // One process creates the schema at a time, also when several start together.
        first->exec("SELECT pg_advisory_xact_lock(724201)");
        const int version = schema_version(*first);
        if (version > kServerSchema) {
          error = "the database was written by a newer sync-server (schema " + std::to_string(version) + ").";
          return nullptr;
        }
        create_schema(*first);
        move_handled_marks_to_events(*first);
        fold_staff_names_once(*first);
        tx.commit();
      }
      store->pool_->idle.push_back(std::move(first));
      for (int i = 1; i < connections; ++i) store->pool_->idle.push_back(SqlDb::open_postgres(db));
      store->group_commit_ = std::make_unique<GroupCommit>(store->writer(), GroupCommit::Lanes::PerCentre);
      return store;
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(db, ec) && fs::file_size(db, ec) > 0) {
      if (!looks_like_ours(db, error)) return nullptr;
    } else {
      // Owner-only from the first byte: it holds token hashes and personal data.
      const int fd = ::open(db.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
      if (fd < 0) {
        error = "cannot create the server database " + db + ": " + std::strerror(errno) + ".";
        return nullptr;
      }
      ::close(fd);
    }
    ::chmod(db.c_str(), 0600);
    auto conn = SqlDb::open_sqlite(db, true);
    int version = schema_version(*conn);
    if (version > kServerSchema) {
      error = db + " was written by a newer sync-server (schema " + std::to_string(version) + ").";
      return nullptr;
    }
    if (version == 1) {
      // Named for the step that rewrites rows (to centres, schema 2); later steps only add tables.
      if (!keep_copy(db, db + ".before-schema-2", error)) return nullptr;
      SqlTx tx(*conn);
      if (schema_version(*conn) == 1) upgrade_from_single_centre(*conn, first_centre_name, wall_ms());
      tx.commit();
    } else {
      SqlTx tx(*conn);
      create_schema(*conn);
      move_handled_marks_to_events(*conn);
      fold_staff_names_once(*conn);
      tx.commit();
    }
    store->pool_->idle.push_back(std::move(conn));
    store->group_commit_ = std::make_unique<GroupCommit>(store->writer(), GroupCommit::Lanes::One);
    // SQLite has one writer at a time whatever we do; pulls and logins read
    // beside it instead of queueing behind a push's commit.
    store->reader_connections_ = std::max(1, std::min(connections, 8));
    for (int i = 0; i < store->reader_connections_; ++i) store->readers_->idle.push_back(SqlDb::open_sqlite(db, false));
    return store;
  } catch (const SqlError& e) {
    error = std::string("cannot open the server database: ") + e.what();
    return nullptr;
  }
}

// ---- centres ---------------------------------------------------------------------------------

CentreInfo ServerStore::add_centre(const std::string& name, int capacity, std::int64_t now_ms) {
  auto db = lease();
  SqlTx tx(*db);
  CentreInfo c{new_event_id(now_ms), name, capacity};
  SqlStmt(*db, "INSERT INTO centres(centre_id, name, capacity, created_ms) VALUES (?,?,?,?)")
      .bind(1, c.id)
      .bind(2, c.name)
      .bind(3, static_cast<std::int64_t>(capacity))
      .bind(4, now_ms)
      .run();
  // The centre's terminals learn its name and capacity from its own log.
  append_server_event_in(*db, c.id, ev::kCentreNamed, Json{{"name", name}, {"capacity", capacity}}, now_ms);
  tx.commit();
  return c;
}

std::optional<StoreRefusal> ServerStore::update_centre(const std::string& centre_id,
                                                       const std::optional<std::string>& name,
                                                       std::optional<int> capacity, std::int64_t now_ms) {
  auto db = lease();
  SqlTx tx(*db);
  db->lock_centre(centre_id);
  CentreInfo c;
  {
    SqlStmt s(*db, "SELECT name, capacity FROM centres WHERE centre_id=?");
    s.bind(1, centre_id);
    if (!s.step()) return StoreRefusal{"There is no centre with the id " + centre_id + "."};
    c = CentreInfo{centre_id, name.value_or(s.text(0)), capacity.value_or(static_cast<int>(s.int64(1)))};
  }
  SqlStmt(*db, "UPDATE centres SET name=?, capacity=? WHERE centre_id=?")
      .bind(1, c.name)
      .bind(2, static_cast<std::int64_t>(c.capacity))
      .bind(3, centre_id)
      .run();
  append_server_event_in(*db, centre_id, ev::kCentreNamed, Json{{"name", c.name}, {"capacity", c.capacity}}, now_ms);
  tx.commit();
  return std::nullopt;
}

std::vector<CentreInfo> ServerStore::centres() {
  auto db = lease_reader();
  std::vector<CentreInfo> out;
  SqlStmt s(*db, "SELECT centre_id, name, capacity FROM centres ORDER BY created_ms, centre_id");
  while (s.step()) out.push_back(CentreInfo{s.text(0), s.text(1), static_cast<int>(s.int64(2))});
  return out;
}

std::optional<CentreInfo> ServerStore::resolve_centre(const std::optional<std::string>& given, std::string& error) {
  const auto all = centres();
  if (given) {
    for (const auto& c : all)
      if (c.id == *given) return c;
    error = "There is no centre with the id " + *given + "; sync-server status --db ... --json lists them.";
    return std::nullopt;
  }
  if (all.size() == 1) return all.front();
  error = all.empty() ? "The server has no centre yet; add one first: sync-server add-centre --db ... --name NAME."
                      : "The server has " + std::to_string(all.size()) +
                            " centres; say which with --centre ID (sync-server status --db ... --json lists them).";
  return std::nullopt;
}

// ---- join codes and tokens ------------------------------------------------------------------

std::string ServerStore::add_join_code(const std::string& centre_id, const std::string& terminal_name,
                                       std::int64_t now_ms) {
  auto db = lease();
  const std::string code = new_join_code();
  SqlTx tx(*db);
  SqlStmt(*db, "INSERT INTO join_codes(code_hash, centre_id, name, created_ms, expires_ms) VALUES (?,?,?,?,?)")
      .bind(1, sha256_hex(normalise_code(code)))
      .bind(2, centre_id)
      .bind(3, terminal_name)
      .bind(4, now_ms)
      .bind(5, now_ms + kJoinCodeLifetimeMs)
      .run();
  tx.commit();
  return code;
}

std::optional<Enrolment> ServerStore::enrol(const std::string& code, const std::string& terminal_id,
                                            std::int64_t now_ms, EnrolRefusal& refusal) {
  auto db = lease();
  SqlTx tx(*db);
  const std::string code_hash = sha256_hex(normalise_code(code));
  Enrolment e;
  {
    SqlStmt find(*db,
                 "SELECT j.name, c.centre_id, c.name, c.capacity FROM join_codes j JOIN centres c "
                 "ON c.centre_id=j.centre_id WHERE j.code_hash=? AND j.used_ms IS NULL AND j.expires_ms>?");
    find.bind(1, code_hash).bind(2, now_ms);
    if (!find.step()) {
      refusal = EnrolRefusal::CodeInvalid;
      return std::nullopt;
    }
    e = Enrolment{random_token(), find.text(0), CentreInfo{find.text(1), find.text(2), static_cast<int>(find.int64(3))}};
  }
  {
    // A terminal holds its centre's personal data: a code of another centre cannot move it there.
    SqlStmt known(*db, "SELECT centre_id FROM terminals WHERE terminal_id=?");
    known.bind(1, terminal_id);
    if (known.step() && known.text(0) != e.centre.id) {
      refusal = EnrolRefusal::OtherCentre;
      return std::nullopt;
    }
  }
  SqlStmt(*db, "UPDATE join_codes SET used_ms=?, terminal_id=? WHERE code_hash=?")
      .bind(1, now_ms)
      .bind(2, terminal_id)
      .bind(3, code_hash)
      .run();
  // Joining again (a lost token, a reinstalled PC) replaces the old token: it stops working now.
  SqlStmt(*db,
          "INSERT INTO terminals(terminal_id, centre_id, name, token_hash, enrolled_ms) VALUES (?,?,?,?,?) "
          "ON CONFLICT(terminal_id) DO UPDATE SET name=excluded.name, token_hash=excluded.token_hash, "
          "enrolled_ms=excluded.enrolled_ms")
      .bind(1, terminal_id)
      .bind(2, e.centre.id)
      .bind(3, e.terminal_name)
      .bind(4, sha256_hex(e.token))
      .bind(5, now_ms)
      .run();
  tx.commit();
  refusal = EnrolRefusal::None;
  return e;
}

std::optional<TerminalIdentity> ServerStore::authenticate(const std::string& token) {
  if (token.empty() || token.size() > sync::kMaxTokenChars) return std::nullopt;
  auto db = lease_reader();
  SqlStmt s(*db, "SELECT terminal_id, centre_id FROM terminals WHERE token_hash=?");
  s.bind(1, sha256_hex(token));
  if (!s.step()) return std::nullopt;
  return TerminalIdentity{s.text(0), s.text(1)};
}

// ---- push ------------------------------------------------------------------------------------

std::int64_t ServerStore::high_seq(SqlDb& db, const std::string& terminal_id) {
  SqlStmt s(db, "SELECT COALESCE(MAX(terminal_seq), 0) FROM events WHERE terminal_id=?");
  s.bind(1, terminal_id);
  s.step();
  return s.int64(0);
}

sync::PushResult ServerStore::store_one(SqlDb& db, const TerminalIdentity& who, const sync::PushItem& item,
                                        std::int64_t now_ms, std::vector<Event>& inserted) {
  using sync::PushStatus;
  if (!item.event) return {item.event_id, PushStatus::Rejected, item.error};
  const Event& e = *item.event;
  if (e.terminal_id != who.terminal_id)
    return {e.event_id, PushStatus::Rejected, "the event belongs to another terminal"};
  // Stored nowhere and sent to no other terminal; the terminal keeps it as a
  // dead letter and its queue moves on (sync/PROTOCOL.md, section 5).
  if (auto why = refused_from_terminal(e)) return {e.event_id, PushStatus::Rejected, *why};
  {
    // The common case in one statement; a conflict is looked at only when it happens.
    SqlStmt insert(db,
                   "INSERT INTO events(centre_id, event_id, terminal_id, terminal_seq, body, received_ms) "
                   "VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING RETURNING seq");
    insert.bind(1, who.centre_id)
        .bind(2, e.event_id)
        .bind(3, e.terminal_id)
        .bind(4, e.terminal_seq)
        // The text decode_push_request made; a caller that built the item by hand gets it made here.
        .bind(5, item.text.empty() ? event_to_json(e).dump() : item.text)
        .bind(6, now_ms);
    if (insert.step()) {
      insert.run();
      inserted.push_back(e);
      return {e.event_id, PushStatus::Inserted, ""};
    }
  }
  SqlStmt by_id(db, "SELECT terminal_id, terminal_seq FROM events WHERE event_id=?");
  by_id.bind(1, e.event_id);
  if (by_id.step()) {
    if (by_id.text(0) == e.terminal_id && by_id.int64(1) == e.terminal_seq)
      return {e.event_id, PushStatus::Duplicate, ""};
    return {e.event_id, PushStatus::Conflict, "the event id is already used by another event"};
  }
  return {e.event_id, PushStatus::Conflict,
          "the server holds another event with this terminal_seq; the terminal's database was restored"};
}

PushOutcome ServerStore::push(const TerminalIdentity& who, const std::string& idempotency_key,
                              const std::string& body_hash, const std::vector<sync::PushItem>& items,
                              std::int64_t now_ms) {
  PushOutcome outcome;
  // One flush for the pushes that arrive together: all of them on SQLite,
  // those of this centre on PostgreSQL, under the centre's lock (group_commit.hpp).
  group_commit_->run(who.centre_id,
                     [&](SqlDb& db) { outcome = push_in(db, who, idempotency_key, body_hash, items, now_ms); });
  return outcome;
}

PushOutcome ServerStore::push_in(SqlDb& db, const TerminalIdentity& who, const std::string& idempotency_key,
                                 const std::string& body_hash, const std::vector<sync::PushItem>& items,
                                 std::int64_t now_ms) {
  {
    SqlStmt seen(db, "SELECT body_hash, reply FROM idempotency WHERE terminal_id=? AND key=?");
    seen.bind(1, who.terminal_id).bind(2, idempotency_key);
    if (seen.step()) {
      if (seen.text(0) != body_hash) return {"", true};
      return {seen.text(1), false};  // a retry of a batch already stored: the same answer again
    }
  }
  sync::PushReply reply;
  std::vector<Event> inserted;
  bool settled = true;  // every result so far lets the terminal move its acknowledged mark
  for (const auto& item : items) {
    auto result = store_one(db, who, item, now_ms, inserted);
    if (result.status == sync::PushStatus::Conflict) settled = false;
    if (settled) {
      const std::int64_t seq = item.event ? item.event->terminal_seq : item.terminal_seq;
      if (seq > reply.acked_seq) reply.acked_seq = seq;
    }
    reply.results.push_back(std::move(result));
  }
  project_events(db, who.centre_id, inserted);
  erase_bases_of_erased(db, who.centre_id, inserted);  // an erasure takes the legal basis with it
  reply.high_seq = high_seq(db, who.terminal_id);
  reply.server_time_ms = now_ms;
  std::string text = sync::encode(reply);
  SqlStmt(db, "INSERT INTO idempotency(terminal_id, key, body_hash, reply, created_ms) VALUES (?,?,?,?,?)")
      .bind(1, who.terminal_id)
      .bind(2, idempotency_key)
      .bind(3, body_hash)
      .bind(4, text)
      .bind(5, now_ms)
      .run();
  SqlStmt(db, "UPDATE terminals SET last_push_ms=? WHERE terminal_id=?").bind(1, now_ms).bind(2, who.terminal_id).run();
  // Replies older than a day are of no use to a retry any more.
  SqlStmt(db, "DELETE FROM idempotency WHERE terminal_id=? AND created_ms<?")
      .bind(1, who.terminal_id)
      .bind(2, now_ms - 24LL * 3600 * 1000)
      .run();
  return {std::move(text), false};
}

// ---- pull ------------------------------------------------------------------------------------

PullPage ServerStore::pull(const TerminalIdentity& who, std::int64_t after, int limit, bool as_frames) {
  auto db = lease_reader();
  PullPage page;
  SqlTx snapshot(*db, /*write=*/false);  // the top seq and the page come from one snapshot
  std::int64_t max_seq = 0, last = after;
  {
    SqlStmt top(*db, "SELECT COALESCE(MAX(seq), 0) FROM events WHERE centre_id=?");
    top.bind(1, who.centre_id);
    top.step();
    max_seq = top.int64(0);
  }
  if (after > max_seq) {
    // Beyond this centre's log: either the server was restored from an older
    // copy, or the cursor was made before the centres existed and counts
    // other centres' events. Only the first is a real gap.
    SqlStmt any(*db, "SELECT COALESCE(MAX(seq), 0) FROM events");
    any.step();
    if (after > any.int64(0)) {
      page.cursor_ahead = true;
      return page;
    }
  }
  if (as_frames) {
    last = read_page_pieces(*db, *frames_, who.centre_id, who.terminal_id, after, limit, max_seq, page.pieces, page.more);
  } else {
    // Only this centre's events, and not the terminal's own: it has them already.
    SqlStmt s(*db,
              "SELECT seq, body FROM events WHERE centre_id=? AND seq>? AND terminal_id<>? ORDER BY seq LIMIT ?");
    s.bind(1, who.centre_id).bind(2, after).bind(3, who.terminal_id).bind(4, static_cast<std::int64_t>(limit) + 1);
    while (s.step()) {
      if (static_cast<int>(page.event_texts.size()) == limit) {
        page.more = true;
        break;
      }
      last = s.int64(0);
      page.event_texts.push_back(s.text(1));
    }
  }
  page.high_seq = high_seq(*db, who.terminal_id);
  snapshot.commit();
  // On the last page the cursor also passes the terminal's own trailing events.
  page.next = page.more ? last : std::max(max_seq, after);
  return page;
}

// ---- jobcentre-side events -------------------------------------------------------------------

Event ServerStore::append_server_event(const std::string& centre_id, const std::string& type, const Json& payload,
                                       std::int64_t now_ms) {
  return *append_server_event(centre_id, type, payload, now_ms, Beside{});
}

std::optional<Event> ServerStore::append_server_event(const std::string& centre_id, const std::string& type,
                                                      const Json& payload, std::int64_t now_ms, const Beside& beside) {
  auto db = lease();
  SqlTx tx(*db);
  db->lock_centre(centre_id);
  if (beside.wanted && !beside.wanted(*db)) return std::nullopt;  // the transaction rolls back, nothing written
  Event e = append_server_event_in(*db, centre_id, type, payload, now_ms);
  if (beside.also) beside.also(*db, e);
  tx.commit();
  return e;
}

std::optional<Event> ServerStore::append_approval(const std::string& centre_id, const Json& payload,
                                                 const std::string& basis, const std::string& reason,
                                                 std::int64_t now_ms,
                                                 const std::function<void(SqlDb&, const Event&)>& within,
                                                 const std::function<bool(SqlDb&)>& wanted) {
  auto keep_basis = [&](SqlDb& db, const Event& e) {
    SqlStmt(db, "INSERT INTO internship_bases(centre_id, trainee_id, event_id, basis, reason, weeks, day) "
                "VALUES (?,?,?,?,?,?,?)")
        .bind(1, centre_id)
        .bind(2, payload.at("trainee_id").get<std::string>())
        .bind(3, e.event_id)
        .bind(4, basis)
        .bind(5, reason)
        .bind(6, payload.at("weeks").get<std::int64_t>())
        .bind(7, payload.at("day").get<std::string>())
        .run();
    if (within) within(db, e);
  };
  return append_server_event(centre_id, ev::kInternshipApproved, payload, now_ms, Beside{wanted, keep_basis});
}

void ServerStore::move_handled_marks_to_events(SqlDb& db) {
  {
    SqlStmt has(db, db.is_postgres() ? "SELECT count(*) FROM information_schema.tables WHERE "
                                       "table_schema=current_schema() AND table_name='web_absences_handled'"
                                     : "SELECT count(*) FROM sqlite_master WHERE type='table' AND "
                                       "name='web_absences_handled'");
    if (!has.step() || has.int64(0) == 0) return;
  }
  struct Mark {
    std::string trainee, centre, kind, by;
    std::int64_t day, at_ms;
  };
  std::vector<Mark> marks;
  {
    // A mark could only be made for a trainee of a centre: the projection names the centre.
    SqlStmt s(db, "SELECT h.trainee_id, c.centre_id, h.day, h.kind, h.handled_by, h.handled_ms "
                  "FROM web_absences_handled h JOIN trainee_core c ON c.trainee_id=h.trainee_id "
                  "ORDER BY h.handled_ms, h.trainee_id, h.day");
    while (s.step()) marks.push_back(Mark{s.text(0), s.text(1), s.text(3), s.text(4), s.int64(2), s.int64(5)});
  }
  for (const auto& m : marks) {
    db.lock_centre(m.centre);
    // Stamped when the caseworker marked it, so the terminals see the day it was done.
    append_server_event_in(db, m.centre, ev::kAbsenceHandled,
                           Json{{"trainee_id", m.trainee}, {"day", format_day(static_cast<Day>(m.day))},
                                {"kind", m.kind}, {"by", m.by}},
                           m.at_ms);
    SqlStmt(db, "DELETE FROM web_absences_handled WHERE trainee_id=? AND day=?").bind(1, m.trainee).bind(2, m.day).run();
  }
  // A row naming no known trainee stays where it is rather than vanish.
  bool empty = false;
  {
    SqlStmt left(db, "SELECT count(*) FROM web_absences_handled");
    empty = left.step() && left.int64(0) == 0;
  }  // finished before the DROP: SQLite refuses to drop a table a statement still reads
  if (empty) db.exec("DROP TABLE web_absences_handled");
}

Event ServerStore::append_server_event_in(SqlDb& db, const std::string& centre_id, const std::string& type,
                                          const Json& payload, std::int64_t now_ms) {
  Event e;
  Hlc last = 0;
  {
    // The row lock serialises the jobcentre's own numbering across processes (PostgreSQL).
    SqlStmt s(db, db.is_postgres() ? "SELECT value FROM server_meta WHERE key='hlc' FOR UPDATE"
                                   : "SELECT value FROM server_meta WHERE key='hlc'");
    if (s.step()) last = std::stoll(s.text(0));
  }
  e.event_id = new_event_id(now_ms);
  e.terminal_id = sync::kServerTerminalId;
  e.terminal_seq = high_seq(db, e.terminal_id) + 1;
  e.actor_id = kJobcentreActor;
  e.hlc = hlc_tick(last, now_ms);
  e.wall_ms = now_ms;
  e.type = type;
  e.payload = payload;
  SqlStmt(db, "INSERT INTO server_meta(key, value) VALUES ('hlc', ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value")
      .bind(1, std::to_string(e.hlc))
      .run();
  SqlStmt(db,
          "INSERT INTO events(centre_id, event_id, terminal_id, terminal_seq, body, received_ms) VALUES (?,?,?,?,?,?)")
      .bind(1, centre_id)
      .bind(2, e.event_id)
      .bind(3, e.terminal_id)
      .bind(4, e.terminal_seq)
      .bind(5, event_to_json(e).dump())
      .bind(6, now_ms)
      .run();
  project_events(db, centre_id, {e});
  return e;
}

// ---- counts and projections ------------------------------------------------------------------

namespace {
std::int64_t count(SqlDb& db, const char* all, const char* one, const std::string& centre_id) {
  SqlStmt s(db, centre_id.empty() ? all : one);
  if (!centre_id.empty()) s.bind(1, centre_id);
  s.step();
  return s.int64(0);
}
}  // namespace

std::int64_t ServerStore::event_count(const std::string& centre_id) {
  auto db = lease_reader();
  return count(*db, "SELECT count(*) FROM events", "SELECT count(*) FROM events WHERE centre_id=?", centre_id);
}

std::int64_t ServerStore::terminal_count(const std::string& centre_id) {
  auto db = lease_reader();
  return count(*db, "SELECT count(*) FROM terminals", "SELECT count(*) FROM terminals WHERE centre_id=?", centre_id);
}

std::int64_t ServerStore::open_code_count(std::int64_t now_ms) {
  auto db = lease();
  SqlStmt s(*db, "SELECT count(*) FROM join_codes WHERE used_ms IS NULL AND expires_ms>?");
  s.bind(1, now_ms);
  s.step();
  return s.int64(0);
}

std::vector<Trainee> ServerStore::trainees(const std::string& centre_id) {
  std::vector<Trainee> out;
  with_reader([&](SqlDb& db) { out = centre_trainees(db, centre_id); });  // the three tables from one moment
  return out;
}

void ServerStore::with_db(const std::function<void(SqlDb&)>& work) {
  auto db = lease();
  work(*db);
}

void ServerStore::with_reader(const std::function<void(SqlDb&)>& work) {
  auto db = lease_reader();
  SqlTx snapshot(*db, /*write=*/false);
  work(*db);
  snapshot.commit();
}

}  // namespace ft::server
