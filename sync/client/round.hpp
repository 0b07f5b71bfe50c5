// One sync round and the enrolment, against a SyncLedger (the terminal
// database) and an HttpsClient (the server):
//
//   push: pending own events, terminal_seq order, batches of a few hundred
//         -> server stores each once -> ledger.acknowledge() (only now)
//   pull: GET after=cursor -> whole page validated -> events + cursor in
//         one transaction -> again while `more`
//
// A reply that fails validation changes nothing; a fault ends the round with
// a Fault that says why. Both functions are used by the command line and by
// the SyncEngine thread.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "sync/client/fault.hpp"
#include "sync/client/http.hpp"
#include "terminal/store/sync_ledger.hpp"

namespace ft::sync {

// Server and terminal clocks further apart than this are shown as a warning.
constexpr std::int64_t kClockWarnMs = 2 * 60 * 1000;

using NowMs = std::function<std::int64_t()>;
std::int64_t system_now_ms();

struct RoundReport {
  bool ok = false;
  std::int64_t pushed = 0;    // own events the server now holds (new or already there)
  std::int64_t rejected = 0;  // own events the server refused: now dead letters
  std::int64_t pulled = 0;    // events from elsewhere that were new here
  std::optional<Fault> fault;
  std::optional<std::int64_t> clock_skew_ms;  // server minus terminal, from the last reply
};

// Records the outcome in the ledger (last success or last error) as well.
RoundReport run_round(SyncLedger& ledger, HttpsClient& http, const NowMs& now_ms = system_now_ms,
                      const std::atomic<bool>* stop = nullptr);

struct JoinReport {
  std::optional<Fault> fault;
  std::string terminal_id;
  std::string terminal_name;
  std::optional<std::int64_t> clock_skew_ms;
};

// Enrols this terminal with a one-time code and stores the settings. Plain
// http, an unreadable CA file and an untrusted certificate are refused.
JoinReport join_server(SyncLedger& ledger, HttpsClient& http, const std::string& server_url,
                       const std::string& ca_file, const std::string& code, const NowMs& now_ms = system_now_ms);

}  // namespace ft::sync
