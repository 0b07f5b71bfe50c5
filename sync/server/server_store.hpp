// The reference server's database: enrolled terminals (tokens hashed), join
// codes (hashed, one use, 7 days), the event log in commit order, and the
// replies to idempotent pushes.
//
// One writer at a time: every method takes the store's mutex and writes
// inside one BEGIN IMMEDIATE transaction, so the `seq` an event gets (an
// INTEGER PRIMARY KEY assigned inside that transaction) follows commit order,
// and a pulling terminal's cursor can never skip an event committed later
// with a smaller seq.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sync/protocol/messages.hpp"
#include "sync/server/sql.hpp"

namespace ft::server {

constexpr std::int64_t kJoinCodeLifetimeMs = 7LL * 24 * 3600 * 1000;

struct Enrolment {
  std::string token;  // shown once, stored hashed
  std::string terminal_name;
};

struct PushOutcome {
  std::string reply;          // the JSON reply body (fresh or replayed)
  bool key_conflict = false;  // the idempotency key was used before for a different body
};

struct PullPage {
  std::vector<std::string> event_texts;
  std::int64_t next = 0;
  bool more = false;
  std::int64_t high_seq = 0;  // of the asking terminal
  bool cursor_ahead = false;  // the terminal knows of events this server does not hold
};

class ServerStore {
 public:
  // Creates the file (mode 0600) when missing; refuses a file that is not a sync-server database.
  static std::unique_ptr<ServerStore> open(const std::string& path, std::string& error);

  std::string add_join_code(const std::string& terminal_name, std::int64_t now_ms);
  // nullopt when the code is unknown, used or expired.
  std::optional<Enrolment> enrol(const std::string& code, const std::string& terminal_id, std::int64_t now_ms);
  // The terminal a bearer token belongs to.
  std::optional<std::string> authenticate(const std::string& token);

  PushOutcome push(const std::string& terminal_id, const std::string& idempotency_key, const std::string& body_hash,
                   const std::vector<sync::PushItem>& items, std::int64_t now_ms);
  PullPage pull(const std::string& terminal_id, std::int64_t after, int limit);

  // A jobcentre-side event (terminal "server"), stamped and stored; returns it.
  Event append_server_event(const std::string& type, const Json& payload, std::int64_t now_ms);

  std::int64_t event_count();
  std::int64_t terminal_count();
  std::int64_t open_code_count(std::int64_t now_ms);

 private:
  explicit ServerStore(const std::string& path) : db_(path, true) {}
  void migrate();
  sync::PushResult store_one(const std::string& terminal_id, const sync::PushItem& item, std::int64_t now_ms);
  std::int64_t high_seq(const std::string& terminal_id);

  std::mutex mutex_;
  SqlDb db_;
};

}  // namespace ft::server
