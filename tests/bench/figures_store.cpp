// Store figures: check-in to a durable commit, rebuilding all state from the
// log, and how both grow with the size of the log.
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "terminal/store/centre.hpp"
#include "terminal/store/centre_database.hpp"
#include "tests/bench/bench.hpp"

namespace ft::bench {

namespace {
double ms(Clock::time_point t) { return seconds_since(t) * 1000.0; }

// The baseline: one INSERT in its own transaction, WAL and synchronous=FULL,
// as the terminal's file. One file for the whole run, like ours, so both
// meet SQLite's automatic checkpoints as their WAL grows.
class RawInserts {
 public:
  explicit RawInserts(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) throw std::runtime_error("cannot open baseline db");
    sqlite3_exec(db_,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                 "CREATE TABLE t(id INTEGER PRIMARY KEY, event_id TEXT, payload TEXT)",
                 nullptr, nullptr, nullptr);
    sqlite3_prepare_v2(db_, "INSERT INTO t(event_id, payload) VALUES(?, ?)", -1, &insert_, nullptr);
  }
  ~RawInserts() {
    sqlite3_finalize(insert_);
    sqlite3_close(db_);
  }
  void run(int n, std::vector<double>& samples) {
    const std::string payload = R"({"trainee_id":"0190f0f0-0000-7000-8000-000000000001","day":"2026-11-23","time":"07:31"})";
    for (int i = 0; i < n; ++i) {
      const auto t = Clock::now();
      const std::string id = "0190f0f0-0000-7000-8000-" + std::to_string(100000000000LL + next_++);
      sqlite3_bind_text(insert_, 1, id.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert_, 2, payload.c_str(), -1, SQLITE_STATIC);
      if (sqlite3_step(insert_) != SQLITE_DONE) throw std::runtime_error("baseline insert failed");
      sqlite3_reset(insert_);
      samples.push_back(ms(t));
    }
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  long long next_ = 0;
};
}  // namespace

void bench_checkin(const Workdir& w, bool quick) {
  const int n = quick ? 200 : 2000;  // enough that p99 is twenty samples, not four
  Rules rules;
  rules.capacity = n + 10;
  StoreError error;
  auto centre = Centre::open(w.file("checkin.db"), rules, catalogue(), error);
  if (!centre) throw std::runtime_error("cannot open the check-in database");
  centre_database(*centre).exec("PRAGMA synchronous=OFF");  // setting up is not measured
  std::vector<std::string> badges;
  for (int i = 0; i < n; ++i) {
    Enrol e;
    e.name = "Kursist " + std::to_string(i);
    e.badge = std::to_string(100000 + i);
    if (!centre->execute(e, local_admin()).ok()) throw std::runtime_error("enrol failed");
    badges.push_back(e.badge);
  }
  centre_database(*centre).exec("PRAGMA synchronous=FULL");
  centre_database(*centre).exec("PRAGMA wal_checkpoint(TRUNCATE)");  // both start from an empty WAL
  if (!centre->checkpoint_in_background(error)) throw std::runtime_error("no checkpoint thread: " + error.detail);  // as the kiosk
  RawInserts raw(w.file("raw.db"));
  // Interleave ours and the baseline in blocks so both meet the same disk weather.
  std::vector<double> ours, baseline;
  const int block = 50;
  for (int start = 0; start < n; start += block) {
    for (int i = start; i < std::min(n, start + block); ++i) {
      const auto t = Clock::now();
      auto who = centre->authenticate_badge(badges[static_cast<size_t>(i)]);  // the badge reader's path
      if (!who.actor) throw std::runtime_error("badge not found");
      auto out = centre->execute(CheckIn{who.actor->id}, *who.actor);
      if (!out.ok() || out.events.size() != 1) throw std::runtime_error("check-in failed");
      ours.push_back(ms(t));
    }
    raw.run(block, baseline);
  }
  note("checkin_durable: badge -> decide -> append + projections -> COMMIT with synchronous=FULL, " + std::to_string(n) +
       " check-ins, WAL checkpoints on the kiosk's checkpoint thread (" + std::to_string(centre->checkpointer()->checkpoints_done()) +
       " passes); baseline one INSERT, WAL, synchronous=FULL, SQLite's own checkpoints, one file for the run, same disk (ms)");
  figure("checkin_durable_p50", percentile(ours, 0.5), percentile(baseline, 0.5), 1.5, true, "ms");
  figure("checkin_durable_p99", percentile(ours, 0.99), percentile(baseline, 0.99), 1.5, true, "ms");
}

namespace {
double bare_scan(const std::string& path) {
  sqlite3* db;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* q;
  sqlite3_prepare_v2(db, "SELECT seq, event_id, terminal_id, terminal_seq, actor_id, hlc, wall_ms, type, payload, schema FROM events ORDER BY seq",
                     -1, &q, nullptr);
  const auto t = Clock::now();
  std::size_t bytes = 0;
  while (sqlite3_step(q) == SQLITE_ROW)
    for (int c : {1, 2, 4, 7, 8}) bytes += static_cast<std::size_t>(sqlite3_column_bytes(q, c));
  const double s = seconds_since(t);
  sqlite3_finalize(q);
  sqlite3_close(db);
  if (bytes == 0) throw std::runtime_error("empty scan");
  return s;
}

double rebuild(const std::string& path) {
  const auto t = Clock::now();
  StoreError error;
  auto centre = Centre::open(path, Rules{}, catalogue(), error, ft::Clock::fixed(1700000000000LL));
  if (!centre) throw std::runtime_error("cannot open " + path);
  const double s = seconds_since(t);
  if (centre->state().trainees.empty()) throw std::runtime_error("nothing rebuilt");
  return s;
}
}  // namespace

void bench_rebuild(const Workdir& w, bool quick) {
  const std::int64_t n = quick ? 50000 : 200000;
  const auto path = w.file("history.db");
  make_history(path, n);
  double ours = 1e9, scan = 1e9;
  for (int i = 0; i < 3; ++i) {  // best of three, each warm in the page cache
    scan = std::min(scan, bare_scan(path));
    ours = std::min(ours, rebuild(path));
  }
  note("rebuild_state: open + fold of " + std::to_string(n) + " events into the full state; baseline SELECT of every column of every event (s)");
  figure("rebuild_state", ours, scan, 3.0, true, "s");
}

int rebuild_child(const std::string& path) {
  const double seconds = rebuild(path);
  std::printf("%.6f %.2f\n", seconds, vm_hwm_mib(getpid()));  // the peak of this process alone, read before exit
  return 0;
}

void bench_scaling(const Workdir& w, bool quick) {
  std::vector<std::int64_t> sizes = quick ? std::vector<std::int64_t>{10000, 50000}
                                          : std::vector<std::int64_t>{10000, 50000, 200000, 1000000};
  note("scaling: rebuild of all state (open + fold) in a fresh process (floor-bench --rebuild-child); size, seconds, "
       "peak MiB (VmHWM of that process), microseconds per event");
  for (auto n : sizes) {
    const auto path = w.file("scale-" + std::to_string(n) + ".db");
    make_history(path, n);
    const Run r = run_process({binary("floor-bench"), "--rebuild-child", path});
    double seconds = 0, peak_mib = 0;
    if (r.exit_code != 0 || std::sscanf(r.out.c_str(), "%lf %lf", &seconds, &peak_mib) != 2)
      throw std::runtime_error("the rebuild child failed: " + r.out);
    std::printf("scaling: rebuild events=%lld seconds=%.3f peak_mib=%.1f us_per_event=%.2f\n", static_cast<long long>(n),
                seconds, peak_mib, seconds * 1e6 / static_cast<double>(n));
    std::fflush(stdout);
    std::filesystem::remove(path);
  }
}

}  // namespace ft::bench
