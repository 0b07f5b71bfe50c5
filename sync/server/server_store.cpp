// The reference server's database; see server_store.hpp.
//
// Sections: opening and schema · join codes and tokens · push · pull ·
// jobcentre-side events · counts.
#include "sync/server/server_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "sync/protocol/limits.hpp"
#include "sync/server/secrets.hpp"
#include "terminal/core/hlc.hpp"

namespace ft::server {

namespace {
constexpr const char* kAppName = "floor-sync-server";
}

// ---- opening and schema -------------------------------------------------------

std::unique_ptr<ServerStore> ServerStore::open(const std::string& path, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(path, ec) && fs::file_size(path, ec) > 0) {
    // Look before SQLite touches it: a file that is not ours stays byte-for-byte as it was.
    char header[16] = {};
    std::ifstream f(path, std::ios::binary);
    f.read(header, sizeof header);
    if (!f || std::memcmp(header, "SQLite format 3", 16) != 0) {
      error = path + " is not a sync-server database; choose another --db path.";
      return nullptr;
    }
    try {
      SqlDb probe(path, false);
      SqlStmt s(probe, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='server_meta'");
      s.step();
      if (s.int64(0) == 0) {
        error = path + " is a database of another program; choose another --db path.";
        return nullptr;
      }
      SqlStmt app(probe, "SELECT value FROM server_meta WHERE key='app'");
      if (!app.step() || app.text(0) != kAppName) {
        error = path + " is a database of another program; choose another --db path.";
        return nullptr;
      }
    } catch (const SqlError& e) {
      error = path + " cannot be read as a sync-server database (" + e.what() + ").";
      return nullptr;
    }
  } else {
    // Owner-only from the first byte: it holds token hashes and personal data.
    const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
      error = "cannot create the server database " + path + ": " + std::strerror(errno) + ".";
      return nullptr;
    }
    ::close(fd);
  }
  ::chmod(path.c_str(), 0600);
  try {
    std::unique_ptr<ServerStore> store(new ServerStore(path));
    store->migrate();
    return store;
  } catch (const SqlError& e) {
    error = std::string("cannot open the server database: ") + e.what() + ".";
    return nullptr;
  }
}

void ServerStore::migrate() {
  std::lock_guard lock(mutex_);
  SqlTx tx(db_);
  db_.exec(R"sql(
    CREATE TABLE IF NOT EXISTS server_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS terminals(
      terminal_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      enrolled_ms INTEGER NOT NULL,
      last_push_ms INTEGER);
    CREATE TABLE IF NOT EXISTS join_codes(
      code_hash TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      created_ms INTEGER NOT NULL,
      expires_ms INTEGER NOT NULL,
      used_ms INTEGER,
      terminal_id TEXT);
    CREATE TABLE IF NOT EXISTS events(
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      event_id TEXT NOT NULL UNIQUE,
      terminal_id TEXT NOT NULL,
      terminal_seq INTEGER NOT NULL,
      body TEXT NOT NULL,
      received_ms INTEGER NOT NULL,
      UNIQUE(terminal_id, terminal_seq));
    CREATE TABLE IF NOT EXISTS idempotency(
      terminal_id TEXT NOT NULL,
      key TEXT NOT NULL,
      body_hash TEXT NOT NULL,
      reply TEXT NOT NULL,
      created_ms INTEGER NOT NULL,
      PRIMARY KEY(terminal_id, key));
    CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
    INSERT OR IGNORE INTO server_meta(key, value) VALUES ('app', 'floor-sync-server'), ('schema', '1');
  )sql");
  tx.commit();
}

// ---- join codes and tokens ------------------------------------------------------

std::string ServerStore::add_join_code(const std::string& terminal_name, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  const std::string code = new_join_code();
  SqlTx tx(db_);
  SqlStmt(db_, "INSERT INTO join_codes(code_hash, name, created_ms, expires_ms) VALUES (?,?,?,?)")
      .bind(1, sha256_hex(normalise_code(code)))
      .bind(2, terminal_name)
      .bind(3, now_ms)
      .bind(4, now_ms + kJoinCodeLifetimeMs)
      .run();
  tx.commit();
  return code;
}

std::optional<Enrolment> ServerStore::enrol(const std::string& code, const std::string& terminal_id,
                                            std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  SqlTx tx(db_);
  const std::string code_hash = sha256_hex(normalise_code(code));
  Enrolment e;
  {
    SqlStmt find(db_, "SELECT name FROM join_codes WHERE code_hash=? AND used_ms IS NULL AND expires_ms>?");
    find.bind(1, code_hash).bind(2, now_ms);
    if (!find.step()) return std::nullopt;
    e = Enrolment{random_token(), find.text(0)};
  }
  SqlStmt(db_, "UPDATE join_codes SET used_ms=?, terminal_id=? WHERE code_hash=?")
      .bind(1, now_ms)
      .bind(2, terminal_id)
      .bind(3, code_hash)
      .run();
  // Joining again (a lost token, a reinstalled PC) replaces the old token: it stops working now.
  SqlStmt(db_,
          "INSERT INTO terminals(terminal_id, name, token_hash, enrolled_ms) VALUES (?,?,?,?) "
          "ON CONFLICT(terminal_id) DO UPDATE SET name=excluded.name, token_hash=excluded.token_hash, "
          "enrolled_ms=excluded.enrolled_ms")
      .bind(1, terminal_id)
      .bind(2, e.terminal_name)
      .bind(3, sha256_hex(e.token))
      .bind(4, now_ms)
      .run();
  tx.commit();
  return e;
}

std::optional<std::string> ServerStore::authenticate(const std::string& token) {
  if (token.empty() || token.size() > sync::kMaxTokenChars) return std::nullopt;
  std::lock_guard lock(mutex_);
  SqlStmt s(db_, "SELECT terminal_id FROM terminals WHERE token_hash=?");
  s.bind(1, sha256_hex(token));
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

// ---- push ----------------------------------------------------------------------

std::int64_t ServerStore::high_seq(const std::string& terminal_id) {
  SqlStmt s(db_, "SELECT COALESCE(MAX(terminal_seq), 0) FROM events WHERE terminal_id=?");
  s.bind(1, terminal_id);
  s.step();
  return s.int64(0);
}

sync::PushResult ServerStore::store_one(const std::string& terminal_id, const sync::PushItem& item,
                                        std::int64_t now_ms) {
  using sync::PushStatus;
  if (!item.event) return {item.event_id, PushStatus::Rejected, item.error};
  const Event& e = *item.event;
  if (e.terminal_id != terminal_id)
    return {e.event_id, PushStatus::Rejected, "the event belongs to another terminal"};
  SqlStmt by_id(db_, "SELECT terminal_id, terminal_seq FROM events WHERE event_id=?");
  by_id.bind(1, e.event_id);
  if (by_id.step()) {
    if (by_id.text(0) == e.terminal_id && by_id.int64(1) == e.terminal_seq)
      return {e.event_id, PushStatus::Duplicate, ""};
    return {e.event_id, PushStatus::Conflict, "the event id is already used by another event"};
  }
  SqlStmt by_seq(db_, "SELECT 1 FROM events WHERE terminal_id=? AND terminal_seq=?");
  by_seq.bind(1, e.terminal_id).bind(2, e.terminal_seq);
  if (by_seq.step())
    return {e.event_id, PushStatus::Conflict,
            "the server holds another event with this terminal_seq; the terminal's database was restored"};
  SqlStmt(db_, "INSERT INTO events(event_id, terminal_id, terminal_seq, body, received_ms) VALUES (?,?,?,?,?)")
      .bind(1, e.event_id)
      .bind(2, e.terminal_id)
      .bind(3, e.terminal_seq)
      .bind(4, event_to_json(e).dump())
      .bind(5, now_ms)
      .run();
  return {e.event_id, PushStatus::Inserted, ""};
}

PushOutcome ServerStore::push(const std::string& terminal_id, const std::string& idempotency_key,
                              const std::string& body_hash, const std::vector<sync::PushItem>& items,
                              std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  SqlTx tx(db_);
  {
    SqlStmt seen(db_, "SELECT body_hash, reply FROM idempotency WHERE terminal_id=? AND key=?");
    seen.bind(1, terminal_id).bind(2, idempotency_key);
    if (seen.step()) {
      if (seen.text(0) != body_hash) return {"", true};
      return {seen.text(1), false};  // a retry of a batch already stored: the same answer again
    }
  }
  sync::PushReply reply;
  bool settled = true;  // every result so far lets the terminal move its acknowledged mark
  for (const auto& item : items) {
    auto result = store_one(terminal_id, item, now_ms);
    if (result.status == sync::PushStatus::Conflict) settled = false;
    if (settled) {
      const std::int64_t seq = item.event ? item.event->terminal_seq : item.terminal_seq;
      if (seq > reply.acked_seq) reply.acked_seq = seq;
    }
    reply.results.push_back(std::move(result));
  }
  reply.high_seq = high_seq(terminal_id);
  reply.server_time_ms = now_ms;
  std::string text = sync::encode(reply);
  SqlStmt(db_, "INSERT INTO idempotency(terminal_id, key, body_hash, reply, created_ms) VALUES (?,?,?,?,?)")
      .bind(1, terminal_id)
      .bind(2, idempotency_key)
      .bind(3, body_hash)
      .bind(4, text)
      .bind(5, now_ms)
      .run();
  SqlStmt(db_, "UPDATE terminals SET last_push_ms=? WHERE terminal_id=?").bind(1, now_ms).bind(2, terminal_id).run();
  // Replies older than a day are of no use to a retry any more.
  SqlStmt(db_, "DELETE FROM idempotency WHERE created_ms<?").bind(1, now_ms - 24LL * 3600 * 1000).run();
  tx.commit();
  return {std::move(text), false};
}

// ---- pull ----------------------------------------------------------------------

PullPage ServerStore::pull(const std::string& terminal_id, std::int64_t after, int limit) {
  std::lock_guard lock(mutex_);
  PullPage page;
  SqlTx snapshot(db_, /*immediate=*/false);  // the top seq and the page come from one snapshot
  std::int64_t max_seq = 0, last = after;
  {
    SqlStmt top(db_, "SELECT COALESCE(MAX(seq), 0) FROM events");
    top.step();
    max_seq = top.int64(0);
  }
  if (after > max_seq) {
    page.cursor_ahead = true;
    return page;
  }
  {
    // A terminal's own events are not sent back: it has them already.
    SqlStmt s(db_, "SELECT seq, body FROM events WHERE seq>? AND terminal_id<>? ORDER BY seq LIMIT ?");
    s.bind(1, after).bind(2, terminal_id).bind(3, static_cast<std::int64_t>(limit) + 1);
    while (s.step()) {
      if (static_cast<int>(page.event_texts.size()) == limit) {
        page.more = true;
        break;
      }
      last = s.int64(0);
      page.event_texts.push_back(s.text(1));
    }
  }
  page.high_seq = high_seq(terminal_id);
  snapshot.commit();
  // On the last page the cursor also passes the terminal's own trailing events.
  page.next = page.more ? last : max_seq;
  return page;
}

// ---- jobcentre-side events -------------------------------------------------------

Event ServerStore::append_server_event(const std::string& type, const Json& payload, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  SqlTx tx(db_);
  Event e;
  e.event_id = new_event_id(now_ms);
  e.terminal_id = sync::kServerTerminalId;
  e.terminal_seq = high_seq(e.terminal_id) + 1;
  e.actor_id = "jobcentre";
  Hlc last = 0;
  {
    SqlStmt s(db_, "SELECT value FROM server_meta WHERE key='hlc'");
    if (s.step()) last = std::stoll(s.text(0));
  }
  e.hlc = hlc_tick(last, now_ms);
  e.wall_ms = now_ms;
  e.type = type;
  e.payload = payload;
  SqlStmt(db_, "INSERT INTO server_meta(key, value) VALUES ('hlc', ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value")
      .bind(1, std::to_string(e.hlc))
      .run();
  SqlStmt(db_, "INSERT INTO events(event_id, terminal_id, terminal_seq, body, received_ms) VALUES (?,?,?,?,?)")
      .bind(1, e.event_id)
      .bind(2, e.terminal_id)
      .bind(3, e.terminal_seq)
      .bind(4, event_to_json(e).dump())
      .bind(5, now_ms)
      .run();
  tx.commit();
  return e;
}

// ---- counts ----------------------------------------------------------------------

std::int64_t ServerStore::event_count() {
  std::lock_guard lock(mutex_);
  SqlStmt s(db_, "SELECT count(*) FROM events");
  s.step();
  return s.int64(0);
}

std::int64_t ServerStore::terminal_count() {
  std::lock_guard lock(mutex_);
  SqlStmt s(db_, "SELECT count(*) FROM terminals");
  s.step();
  return s.int64(0);
}

std::int64_t ServerStore::open_code_count(std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  SqlStmt s(db_, "SELECT count(*) FROM join_codes WHERE used_ms IS NULL AND expires_ms>?");
  s.bind(1, now_ms);
  s.step();
  return s.int64(0);
}

}  // namespace ft::server
