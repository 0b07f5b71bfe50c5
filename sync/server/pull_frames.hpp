// Pull pages from shared compressed frames.
//
// When a centre's terminals sync together (every morning, or after a line
// was down), each asks for the same run of its centre's log, and the server
// read and compressed the same events once per terminal. A zstd body may be
// several frames one after another, which zstd and libcurl decode as one
// stream, so a page can be sent as frames compressed once and shared:
//
//   - The log of a centre is cut at fixed seq boundaries into spans of
//     `kSpan` seq values. A span is final once the centre holds an event at
//     or past its end: a centre's events get their seq in commit order (the
//     write lock on SQLite, the centre's row lock on PostgreSQL), so nothing
//     can still arrive inside it, and events are immutable (a trigger says so).
//   - Of a final span the cache keeps how many events it holds, the last
//     one's seq, whose they are, and two zstd frames of the events joined by
//     commas: one after a comma, one without for a page that starts there.
//   - A final span after the cursor that holds none of the asking terminal's
//     own events (which a page leaves out) and fits in the page goes out as
//     its frame, without reading the database. Everything else on the page
//     (its head, a span cut by the cursor or the page's end, or holding the
//     terminal's own events, its tail) is read and compressed now.
//
// The cache is per process, bounded in bytes, least recently used out first.
// It holds what the database holds, compressed; it is never written to disk.
// It is emptied whenever a database connection is made again: a PostgreSQL
// restored from a dump or a standby promoted without the last commits may
// give seq values again that a cached span already holds.
#pragma once
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace ft::server {

class SqlDb;

// A page's events in order, as pieces: a shared frame or texts to compress now.
struct PullPiece {
  std::shared_ptr<const std::string> frame;  // zstd: events joined by commas, after a comma unless first
  std::vector<std::string> texts;            // when there is no frame
};

// What the cache keeps of one final span of a centre's log.
struct SpanFrames {
  int count = 0;               // events in the span
  std::int64_t last_seq = 0;   // of the span's last event
  std::vector<std::string> terminals;  // whose events they are
  std::shared_ptr<const std::string> first, after_comma;  // zstd frames: no comma before, and one
  bool holds_events_of(const std::string& terminal_id) const;
  std::size_t bytes() const;
};

class PullFrames {
 public:
  static constexpr std::int64_t kSpan = 256;  // seq values per span
  explicit PullFrames(std::size_t budget_bytes = std::size_t{32} << 20);

  std::shared_ptr<const SpanFrames> find(const std::string& centre_id, std::int64_t span);
  // Keeps the span (evicting the least recently used beyond the budget) and
  // returns it shared; a span another thread kept meanwhile wins.
  std::shared_ptr<const SpanFrames> keep(const std::string& centre_id, std::int64_t span, SpanFrames frames);

  std::size_t bytes();  // held now
  void clear();

  // Held while a span is read and compressed, so that terminals pulling the
  // same cold span at once make it once: the others wait, then find it.
  std::mutex& maker_of(const std::string& centre_id, std::int64_t span);

 private:
  using Key = std::pair<std::string, std::int64_t>;  // centre, span
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      return std::hash<std::string>()(k.first) ^ std::hash<std::int64_t>()(k.second);
    }
  };
  struct Entry {
    std::shared_ptr<const SpanFrames> frames;
    std::list<Key>::iterator age;
  };
  std::size_t budget_, bytes_ = 0;
  std::mutex mutex_;
  std::list<Key> ages_;  // most recently used first
  std::unordered_map<Key, Entry, KeyHash> entries_;
  std::mutex makers_[16];
};

// Reads the page of terminal `terminal_id` of centre `centre_id` after
// `after` (at most `limit` events, not its own) as pieces, inside the
// caller's read snapshot in which the centre's highest seq is `max_seq`.
// Returns the seq of the page's last event (`after` when it has none) and
// sets `more` when events are left for another page.
std::int64_t read_page_pieces(SqlDb& db, PullFrames& frames, const std::string& centre_id,
                              const std::string& terminal_id, std::int64_t after, int limit, std::int64_t max_seq,
                              std::vector<PullPiece>& pieces, bool& more);

// The pull reply as concatenated zstd frames: the same JSON as
// sync::encode_pull_reply once decoded.
std::string zstd_pull_reply(const std::vector<PullPiece>& pieces, std::int64_t next, bool more, std::int64_t high_seq,
                            std::int64_t server_time_ms);

}  // namespace ft::server
