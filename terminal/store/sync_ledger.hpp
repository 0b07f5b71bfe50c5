// The sync engine's narrow view of the terminal database: which local events
// the server has not acknowledged, recording acknowledgements, applying pulled
// events together with the new cursor, and the sync settings and status.
// It uses its own Database connection, so it can live on the sync thread.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "terminal/core/event.hpp"
#include "terminal/store/database.hpp"

namespace ft {

struct SyncSettings {
  std::string server_url;   // https://...
  std::string ca_file;      // PEM bundle that verifies the server
  std::string pinned_key;   // optional "sha256//..." public-key pin
  std::string token;        // bearer token from enrolment
  std::string terminal_name;
  bool configured() const { return !server_url.empty() && !token.empty(); }
};

struct SyncStatus {
  bool configured = false;
  std::int64_t pending = 0;
  std::optional<std::string> last_success;  // ISO 8601 UTC
  std::optional<std::string> last_error;    // a plain sentence
  std::int64_t dead_letters = 0;
  std::optional<std::string> last_error_code;  // "sync.<code>" translates it
  std::optional<std::int64_t> clock_skew_ms;   // server time minus ours at the last reply
  bool blocked = false;                        // stopped until a person acts (see blocked())
};

struct Rejection {  // an event the server refused for good
  std::string event_id;
  std::string reason;
};

class SyncLedger {
 public:
  explicit SyncLedger(Database& db) : db_(db) {}

  SyncSettings settings();
  void save_settings(const SyncSettings& s);

  // This terminal's own events with terminal_seq > the acknowledged mark, in terminal_seq order.
  std::vector<Event> pending(int limit);
  std::int64_t pending_count();
  std::int64_t acked_seq();
  // Durably records that the server holds every own event up to `terminal_seq`.
  void mark_acked(std::int64_t terminal_seq);
  // The batch being sent: its idempotency key is stored before the first send and reused on retries.
  std::string batch_key_for(std::int64_t first_seq, std::int64_t last_seq, const std::string& fresh_key);
  void dead_letter(const std::string& event_id, const std::string& reason, std::int64_t now_ms);
  std::int64_t dead_letter_count();

  // In one transaction: rejected events go to the dead letters and the mark
  // moves to `terminal_seq`. Never called before the server answered.
  void acknowledge(std::int64_t terminal_seq, const std::vector<Rejection>& rejected, std::int64_t now_ms);
  // Lowers the mark (the server lost events it had acknowledged: they are sent again).
  void lower_acked(std::int64_t terminal_seq);

  // This database's terminal id (meta "terminal_id"), created like Centre::open does when missing.
  std::string terminal_id();
  // Highest terminal_seq among this terminal's own events (0 when none).
  std::int64_t own_high_seq();
  bool has_event(const std::string& event_id);

  // A state only a person can end (a restored database): rounds refuse to run until cleared.
  std::optional<std::string> blocked();
  void set_blocked(const std::string& sentence);
  void clear_blocked();
  // Joining a different server: everything is sent again and pulled from the start.
  void reset_progress();

  std::int64_t cursor();
  // Inserts pulled events (each once, by event id) and moves the cursor, in one transaction.
  // Returns how many were new.
  int apply_pulled(const std::vector<Event>& events, std::int64_t new_cursor);

  SyncStatus status();
  void record_success(const std::string& iso_time);
  void record_error(const std::string& sentence);
  void record_error(const std::string& code, const std::string& sentence);
  void record_clock_skew(std::int64_t skew_ms);

 private:
  Database& db_;
};

}  // namespace ft
