// SyncEngine: runs sync rounds on a thread of its own in the kiosk.
//
//   notify()  (after each local event)  ─┐
//   every `period` while idle            ├─> round ─ ok ──> wait for the next reason
//   sync_now() (a supervisor's button)  ─┘        └ fault ─> wait backoff (full jitter,
//                                                            Retry-After as a floor)
//
// It opens its own connection to the terminal database, reports a
// SyncSnapshot through a callback after every round (the callback runs on the
// engine's thread: the kiosk posts it to its main thread and calls
// glfwPostEmptyEvent), and stops within about a second, also mid-transfer.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "sync/client/backoff.hpp"
#include "sync/client/fault.hpp"
#include "sync/client/http.hpp"
#include "terminal/store/sync_ledger.hpp"

namespace ft::sync {

// What the kiosk shows: when it last synced, how much is waiting, offline, errors in words.
struct SyncSnapshot {
  SyncStatus status;                      // from the ledger after the round
  bool online = false;                    // the last round reached the server and completed
  bool running = false;                   // a round is under way
  std::optional<Fault> fault;             // why the last round failed
  std::int64_t next_attempt_in_ms = 0;    // until the next automatic round
  std::int64_t pushed = 0, pulled = 0;    // by the last round
};

struct EngineOptions {
  std::string db_path;
  std::chrono::milliseconds period{60'000};   // a round this often even without local events
  std::chrono::milliseconds settle{300};      // after notify(), so a burst of events goes in one round
  BackoffPolicy backoff;
  HttpOptions http = HttpOptions::from_environment();
  std::function<void(const SyncSnapshot&)> on_status;  // called on the engine thread
};

class SyncEngine {
 public:
  explicit SyncEngine(EngineOptions options);
  ~SyncEngine();  // stop()
  SyncEngine(const SyncEngine&) = delete;
  SyncEngine& operator=(const SyncEngine&) = delete;

  void start();
  void notify();    // a local event was written; during backoff it waits for the backoff
  void sync_now();  // run a round now, backoff or not
  void stop();      // returns once the thread has ended

 private:
  void run();
  EngineOptions options_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool wanted_ = false;  // guarded by mutex_
  bool urgent_ = false;  // guarded by mutex_
  std::atomic<bool> stop_{false};
};

}  // namespace ft::sync
