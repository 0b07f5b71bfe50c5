// The sync engine's thread; see engine.hpp.
#include "sync/client/engine.hpp"

#include "sync/client/round.hpp"
#include "terminal/store/database.hpp"

namespace ft::sync {

SyncEngine::SyncEngine(EngineOptions options) : options_(std::move(options)) {}

SyncEngine::~SyncEngine() { stop(); }

void SyncEngine::start() {
  if (thread_.joinable()) return;
  stop_ = false;
  thread_ = std::thread([this] { run(); });
}

void SyncEngine::notify() {
  {
    std::lock_guard lock(mutex_);
    wanted_ = true;
  }
  wake_.notify_one();
}

void SyncEngine::sync_now() {
  {
    std::lock_guard lock(mutex_);
    wanted_ = urgent_ = true;
  }
  wake_.notify_one();
}

void SyncEngine::stop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;  // also read by the transfer's progress callback, which aborts it
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void SyncEngine::run() {
  using Clock = std::chrono::steady_clock;
  std::mt19937_64 random{std::random_device{}()};
  HttpsClient http(options_.http);  // one handle for the engine's life: connections are reused
  StoreError error;
  auto db = Database::open(options_.db_path, error);
  SyncSnapshot snapshot;
  if (!db) {
    snapshot.fault = Fault{"store_" + error.code, "The sync engine cannot open the terminal database.", false,
                           std::nullopt};
    if (options_.on_status) options_.on_status(snapshot);
    return;
  }
  SyncLedger ledger(*db);
  int failures = 0;
  auto next_round = Clock::now();  // a first round at start-up
  bool in_backoff = false;

  while (!stop_) {
    {
      std::unique_lock lock(mutex_);
      while (!stop_) {
        const auto now = Clock::now();
        if (urgent_) break;
        // A local event starts a round soon, unless the server asked us to wait.
        if (wanted_ && !in_backoff) next_round = std::min(next_round, now + options_.settle);
        if (now >= next_round) break;
        wake_.wait_until(lock, next_round);
      }
      if (stop_) break;
      wanted_ = urgent_ = false;
    }

    snapshot.running = true;
    try {
      snapshot.status = ledger.status();
    } catch (const StoreFailure&) {
    }
    if (options_.on_status) options_.on_status(snapshot);

    RoundReport report = run_round(ledger, http, system_now_ms, &stop_);
    if (stop_) break;
    snapshot.running = false;
    snapshot.online = report.ok;
    snapshot.fault = report.fault;
    snapshot.pushed = report.pushed;
    snapshot.pulled = report.pulled;
    std::chrono::milliseconds wait = options_.period;
    if (report.ok) {
      failures = 0;
      in_backoff = false;
    } else {
      // A fault only a person can fix waits the longest; the rest back off with jitter.
      const bool needs_person = report.fault && !report.fault->transient;
      failures += 1;
      wait = needs_person ? options_.backoff.cap
                          : backoff_delay(options_.backoff, failures,
                                          report.fault ? report.fault->retry_after_s : std::nullopt, random);
      in_backoff = true;
    }
    next_round = Clock::now() + wait;
    snapshot.next_attempt_in_ms = wait.count();
    try {
      snapshot.status = ledger.status();
    } catch (const StoreFailure&) {
    }
    if (options_.on_status) options_.on_status(snapshot);
  }
}

}  // namespace ft::sync
