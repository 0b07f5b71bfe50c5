#include "sync/server/pull_frames.hpp"

#include <algorithm>
#include <iterator>
#include <stdexcept>

#include "sync/protocol/messages.hpp"
#include "sync/server/json_reply.hpp"
#include "sync/server/sql.hpp"

namespace ft::server {

bool SpanFrames::holds_events_of(const std::string& terminal_id) const {
  for (const auto& t : terminals)
    if (t == terminal_id) return true;
  return false;
}

std::size_t SpanFrames::bytes() const {
  std::size_t n = sizeof(SpanFrames) + first->capacity() + after_comma->capacity();
  for (const auto& t : terminals) n += t.capacity();
  return n;
}

PullFrames::PullFrames(std::size_t budget_bytes) : budget_(budget_bytes) {}

std::shared_ptr<const SpanFrames> PullFrames::find(const std::string& centre_id, std::int64_t span) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find({centre_id, span});
  if (it == entries_.end()) return nullptr;
  ages_.splice(ages_.begin(), ages_, it->second.age);
  return it->second.frames;
}

std::shared_ptr<const SpanFrames> PullFrames::keep(const std::string& centre_id, std::int64_t span,
                                                   SpanFrames frames) {
  auto shared = std::make_shared<const SpanFrames>(std::move(frames));
  std::lock_guard lock(mutex_);
  Key key{centre_id, span};
  auto it = entries_.find(key);
  if (it != entries_.end()) {  // the same events, made meanwhile
    ages_.splice(ages_.begin(), ages_, it->second.age);
    return it->second.frames;
  }
  ages_.push_front(key);
  entries_.emplace(key, Entry{shared, ages_.begin()});
  bytes_ += shared->bytes();
  while (bytes_ > budget_ && !ages_.empty()) {
    auto oldest = entries_.find(ages_.back());
    bytes_ -= oldest->second.frames->bytes();  // a page still sending it keeps its own share
    entries_.erase(oldest);
    ages_.pop_back();
  }
  return shared;
}

std::size_t PullFrames::bytes() {
  std::lock_guard lock(mutex_);
  return bytes_;
}

void PullFrames::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  ages_.clear();
  bytes_ = 0;
}

std::mutex& PullFrames::maker_of(const std::string& centre_id, std::int64_t span) {
  return makers_[KeyHash()({centre_id, span}) % std::size(makers_)];
}

namespace {

std::int64_t span_of(std::int64_t seq) { return seq / PullFrames::kSpan; }

std::shared_ptr<const std::string> compressed(const std::string& text) {
  std::string frame = zstd_fast(text);
  if (frame.empty()) throw std::runtime_error("zstd could not compress a span of the log");
  // Kept for long: no larger than it is (zstd_fast's buffer is about the input's size).
  frame.shrink_to_fit();
  return std::make_shared<const std::string>(std::move(frame));
}

// A final span of the centre's log, from the cache or read and compressed now;
// null when the centre has no event in it.
std::shared_ptr<const SpanFrames> span_frames(SqlDb& db, PullFrames& frames, const std::string& centre_id,
                                              std::int64_t span) {
  if (auto cached = frames.find(centre_id, span)) return cached;
  std::lock_guard making(frames.maker_of(centre_id, span));
  if (auto made_meanwhile = frames.find(centre_id, span)) return made_meanwhile;
  SpanFrames made;
  std::string text;  // the events joined by commas
  SqlStmt s(db, "SELECT seq, terminal_id, body FROM events WHERE centre_id=? AND seq>=? AND seq<? ORDER BY seq");
  s.bind(1, centre_id).bind(2, span * PullFrames::kSpan).bind(3, (span + 1) * PullFrames::kSpan);
  while (s.step()) {
    ++made.count;
    made.last_seq = s.int64(0);
    std::string terminal = s.text(1);
    if (!made.holds_events_of(terminal)) made.terminals.push_back(std::move(terminal));
    if (!text.empty()) text += ',';
    text += s.text(2);
  }
  if (made.count == 0) return nullptr;
  made.first = compressed(text);
  made.after_comma = compressed("," + text);
  return frames.keep(centre_id, span, std::move(made));
}

// The centre's first seq at or after `from`, or 0 when there is none.
std::int64_t next_seq_from(SqlDb& db, const std::string& centre_id, std::int64_t from) {
  SqlStmt s(db, "SELECT COALESCE(MIN(seq), 0) FROM events WHERE centre_id=? AND seq>=?");
  s.bind(1, centre_id).bind(2, from);
  s.step();
  return s.int64(0);
}

}  // namespace

std::int64_t read_page_pieces(SqlDb& db, PullFrames& frames, const std::string& centre_id,
                              const std::string& terminal_id, std::int64_t after, int limit, std::int64_t max_seq,
                              std::vector<PullPiece>& pieces, bool& more) {
  std::int64_t last = after;  // the page's last event
  int taken = 0;
  std::vector<std::string> texts;  // read now, for the next piece
  auto flush_texts = [&] {         // never an empty piece: a first-piece frame must come first
    if (!texts.empty()) pieces.push_back({nullptr, std::move(texts)});
    texts.clear();
  };
  std::int64_t span = span_of(after + 1);
  while (taken < limit && span * PullFrames::kSpan <= max_seq) {
    const bool final_after_cursor = span * PullFrames::kSpan > after && max_seq >= (span + 1) * PullFrames::kSpan - 1;
    if (final_after_cursor) {
      auto whole = frames.find(centre_id, span);
      if (!whole) {
        // Not cached: skip the spans in which the centre has no event (other
        // centres' seq values lie between), then make this one.
        const std::int64_t next = next_seq_from(db, centre_id, span * PullFrames::kSpan);
        if (next == 0) break;
        if (span_of(next) > span) {
          span = span_of(next);
          continue;
        }
        whole = span_frames(db, frames, centre_id, span);
      }
      if (whole && !whole->holds_events_of(terminal_id) && taken + whole->count <= limit) {
        flush_texts();
        pieces.push_back({pieces.empty() ? whole->first : whole->after_comma, {}});
        taken += whole->count;
        last = whole->last_seq;
        ++span;
        continue;
      }
    }
    // Cut by the cursor, not final, holding the terminal's own events or
    // larger than the page has room for: its events on the page, read now.
    SqlStmt s(db,
              "SELECT seq, body FROM events WHERE centre_id=? AND seq>? AND seq<? AND terminal_id<>? ORDER BY seq "
              "LIMIT ?");
    s.bind(1, centre_id)
        .bind(2, std::max(after, span * PullFrames::kSpan - 1))
        .bind(3, (span + 1) * PullFrames::kSpan)
        .bind(4, terminal_id)
        .bind(5, static_cast<std::int64_t>(limit - taken));
    while (s.step()) {
      last = s.int64(0);
      texts.push_back(s.text(1));
      ++taken;
    }
    ++span;
  }
  flush_texts();
  if (taken == limit) {  // full: is anything left for the terminal after it?
    SqlStmt s(db, "SELECT 1 FROM events WHERE centre_id=? AND seq>? AND terminal_id<>? LIMIT 1");
    s.bind(1, centre_id).bind(2, last).bind(3, terminal_id);
    more = s.step();
  }
  return last;
}

std::string zstd_pull_reply(const std::vector<PullPiece>& pieces, std::int64_t next, bool more, std::int64_t high_seq,
                            std::int64_t server_time_ms) {
  std::string out, text = "{\"events\":[";
  bool first = true;  // no comma before the page's first event
  auto flush = [&] {  // the text gathered so far as one frame of its own
    if (text.empty()) return;
    std::string frame = zstd_fast(text);
    if (frame.empty()) throw std::runtime_error("zstd could not compress a pull page");
    out += frame;
    text.clear();
  };
  for (const auto& piece : pieces) {
    if (piece.frame) {  // it holds its own comma unless it is first
      flush();
      out += *piece.frame;
      first = false;
      continue;
    }
    for (const auto& t : piece.texts) {
      if (!first) text += ',';
      text += t;
      first = false;
    }
  }
  text += sync::pull_reply_tail(next, more, high_seq, server_time_ms);
  flush();
  return out;
}

}  // namespace ft::server
