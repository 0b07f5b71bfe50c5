// The sync engine's bookkeeping in the terminal database; see sync_ledger.hpp.
//
// Everything lives in `meta` (keys below) except the dead letters, which have
// their own table (schema migration 2 -> 3). Every write that the protocol
// relies on — the acknowledged mark, the cursor with the pulled events —
// happens in one transaction, after the server answered.
//
// Sections: meta keys · settings · pending and acknowledgements · identity and
// blocking · pulled events · status.
#include "terminal/store/sync_ledger.hpp"

#include <chrono>

#include "terminal/store/centre.hpp"

namespace ft {

// ---- meta keys -------------------------------------------------------------------

namespace {
constexpr const char* kAcked = "acked_seq";
constexpr const char* kCursor = "cursor";
constexpr const char* kServerUrl = "sync.server_url";
constexpr const char* kCaFile = "sync.ca_file";
constexpr const char* kPinnedKey = "sync.pinned_key";
constexpr const char* kToken = "sync.token";
constexpr const char* kTerminalName = "sync.terminal_name";
constexpr const char* kBatch = "sync.batch";  // "first:last:key" of the batch in flight
constexpr const char* kLastSuccess = "sync.last_success";
constexpr const char* kLastError = "sync.last_error";
constexpr const char* kLastErrorCode = "sync.last_error_code";
constexpr const char* kBlocked = "sync.blocked";
constexpr const char* kClockSkew = "sync.clock_skew_ms";

std::int64_t meta_int(Database& db, const char* key) {
  auto v = db.meta(key);
  if (!v || v->empty()) return 0;
  try {
    return std::stoll(*v);
  } catch (const std::exception&) {
    return 0;
  }
}

void delete_meta(Database& db, const char* key) { Statement(db, "DELETE FROM meta WHERE key = ?").bind(1, key).run(); }

}  // namespace

// ---- settings --------------------------------------------------------------------

SyncSettings SyncLedger::settings() {
  SyncSettings s;
  s.server_url = db_.meta(kServerUrl).value_or("");
  s.ca_file = db_.meta(kCaFile).value_or("");
  s.pinned_key = db_.meta(kPinnedKey).value_or("");
  s.token = db_.meta(kToken).value_or("");
  s.terminal_name = db_.meta(kTerminalName).value_or("");
  return s;
}

void SyncLedger::save_settings(const SyncSettings& s) {
  Transaction tx(db_);
  db_.set_meta(kServerUrl, s.server_url);
  db_.set_meta(kCaFile, s.ca_file);
  db_.set_meta(kPinnedKey, s.pinned_key);
  db_.set_meta(kToken, s.token);
  db_.set_meta(kTerminalName, s.terminal_name);
  tx.commit();
}

// ---- pending and acknowledgements ---------------------------------------------------

std::vector<Event> SyncLedger::pending(int limit) {
  std::vector<Event> out;
  static const std::string sql = std::string("SELECT ") + kEventColumns +
                                 " FROM events WHERE terminal_id = ? AND terminal_seq > ? ORDER BY terminal_seq LIMIT ?";
  Statement q(db_, sql.c_str());
  q.bind(1, terminal_id()).bind(2, acked_seq()).bind(3, static_cast<std::int64_t>(limit));
  while (q.step()) {
    Event e = event_from_row(q);
    // Never send what we cannot read: stop the push with a clear cause.
    if (e.payload.is_discarded() || !e.payload.is_object())
      throw StoreFailure({"corrupt", "the payload of event " + e.event_id + " is not a JSON object"});
    out.push_back(std::move(e));
  }
  return out;
}

std::int64_t SyncLedger::pending_count() {
  Statement q(db_, "SELECT count(*) FROM events WHERE terminal_id = ? AND terminal_seq > ?");
  q.bind(1, terminal_id()).bind(2, acked_seq());
  return q.step() ? q.int64(0) : 0;
}

std::int64_t SyncLedger::acked_seq() { return meta_int(db_, kAcked); }

void SyncLedger::mark_acked(std::int64_t terminal_seq) {
  Transaction tx(db_);
  if (terminal_seq > acked_seq()) db_.set_meta(kAcked, std::to_string(terminal_seq));
  tx.commit();
}

void SyncLedger::lower_acked(std::int64_t terminal_seq) {
  Transaction tx(db_);
  if (terminal_seq < acked_seq()) db_.set_meta(kAcked, std::to_string(terminal_seq < 0 ? 0 : terminal_seq));
  delete_meta(db_, kBatch);
  tx.commit();
}

std::string SyncLedger::batch_key_for(std::int64_t first_seq, std::int64_t last_seq, const std::string& fresh_key) {
  const std::string range = std::to_string(first_seq) + ":" + std::to_string(last_seq) + ":";
  if (auto stored = db_.meta(kBatch); stored && stored->rfind(range, 0) == 0 && stored->size() > range.size())
    return stored->substr(range.size());
  // Durable before the first send, so a retry after a crash reuses it.
  db_.set_meta(kBatch, range + fresh_key);
  return fresh_key;
}

void SyncLedger::dead_letter(const std::string& event_id, const std::string& reason, std::int64_t now_ms) {
  Statement(db_, "INSERT OR IGNORE INTO dead_letters(event_id, reason, at_ms) VALUES(?, ?, ?)")
      .bind(1, event_id)
      .bind(2, reason)
      .bind(3, now_ms)
      .run();
}

std::int64_t SyncLedger::dead_letter_count() {
  Statement q(db_, "SELECT count(*) FROM dead_letters");
  return q.step() ? q.int64(0) : 0;
}

void SyncLedger::acknowledge(std::int64_t terminal_seq, const std::vector<Rejection>& rejected, std::int64_t now_ms) {
  Transaction tx(db_);
  for (const auto& r : rejected) dead_letter(r.event_id, r.reason, now_ms);
  if (terminal_seq > acked_seq()) db_.set_meta(kAcked, std::to_string(terminal_seq));
  delete_meta(db_, kBatch);
  tx.commit();
}

// ---- identity and blocking ------------------------------------------------------------

std::string SyncLedger::terminal_id() {
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return terminal_id_of(db_, now);
}

std::int64_t SyncLedger::own_high_seq() {
  Statement q(db_, "SELECT COALESCE(MAX(terminal_seq), 0) FROM events WHERE terminal_id = ?");
  q.bind(1, terminal_id());
  return q.step() ? q.int64(0) : 0;
}

bool SyncLedger::has_event(const std::string& event_id) {
  Statement q(db_, "SELECT 1 FROM events WHERE event_id = ?");
  q.bind(1, event_id);
  return q.step();
}

std::optional<std::string> SyncLedger::blocked() {
  auto v = db_.meta(kBlocked);
  if (!v || v->empty()) return std::nullopt;
  return v;
}

void SyncLedger::set_blocked(const std::string& sentence) { db_.set_meta(kBlocked, sentence); }

void SyncLedger::clear_blocked() { delete_meta(db_, kBlocked); }

void SyncLedger::reset_progress() {
  Transaction tx(db_);
  db_.set_meta(kAcked, "0");
  db_.set_meta(kCursor, "0");
  delete_meta(db_, kBatch);
  tx.commit();
}

// ---- pulled events ----------------------------------------------------------------------

std::int64_t SyncLedger::cursor() { return meta_int(db_, kCursor); }

int SyncLedger::apply_pulled(const std::vector<Event>& events, std::int64_t new_cursor) {
  Transaction tx(db_);
  int inserted = 0;
  for (const auto& e : events)
    if (insert_event_once(db_, e)) ++inserted;
  if (new_cursor > cursor()) db_.set_meta(kCursor, std::to_string(new_cursor));
  tx.commit();
  return inserted;
}

// ---- status --------------------------------------------------------------------------------

SyncStatus SyncLedger::status() {
  SyncStatus s;
  s.configured = settings().configured();
  s.pending = pending_count();
  s.last_success = db_.meta(kLastSuccess);
  s.last_error = db_.meta(kLastError);
  s.last_error_code = db_.meta(kLastErrorCode);
  s.dead_letters = dead_letter_count();
  if (db_.meta(kClockSkew)) s.clock_skew_ms = meta_int(db_, kClockSkew);
  s.blocked = blocked().has_value();
  return s;
}

void SyncLedger::record_success(const std::string& iso_time) {
  Transaction tx(db_);
  db_.set_meta(kLastSuccess, iso_time);
  delete_meta(db_, kLastError);
  delete_meta(db_, kLastErrorCode);
  tx.commit();
}

void SyncLedger::record_error(const std::string& sentence) { record_error("failed", sentence); }

void SyncLedger::record_error(const std::string& code, const std::string& sentence) {
  Transaction tx(db_);
  db_.set_meta(kLastError, sentence);
  db_.set_meta(kLastErrorCode, code);
  tx.commit();
}

void SyncLedger::record_clock_skew(std::int64_t skew_ms) { db_.set_meta(kClockSkew, std::to_string(skew_ms)); }

}  // namespace ft
