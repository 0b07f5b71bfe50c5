// Server figures: a municipality's terminals all syncing at once.
//
//   server_many_terminals  500 terminals (10 centres of 50), each with its own
//                          token and connection, push a day's events (20
//                          each) and then pull their centre's, all at once, on
//                          SQLite; against the same events pushed by one
//                          client in batches of 500 into the same store.
//   server_postgres        the same load on PostgreSQL (a throwaway cluster
//                          started here), against SQLite's in this run.
//   server_rss             the server's resident memory with 500 terminals connected.
//
// The load comes from one thread (tests/bench/https_load.hpp), so the client
// costs little beside the server on a 2-core machine.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "sync/protocol/messages.hpp"
#include "sync/server/server_store.hpp"
#include "tests/bench/bench.hpp"
#include "tests/bench/https_load.hpp"
#include "tests/bench/server_process.hpp"
#include "tests/sync/postgres_cluster.hpp"

namespace ft::bench {

namespace {

constexpr int kEventsPerTerminal = 20;

std::string uuid(std::uint64_t n) {
  char b[40];
  std::snprintf(b, sizeof b, "01900000-0000-7000-8000-%012llx", static_cast<unsigned long long>(n));
  return b;
}

// A terminal's day: two trainees enrolled, three days of check-in and
// check-out, and assessments; `first_seq` numbers them from there.
std::vector<Event> day_of(const std::string& terminal_id, std::uint64_t unique, std::int64_t first_seq) {
  std::vector<Event> out;
  std::int64_t seq = first_seq;
  std::int64_t ms = 1780000000000LL + static_cast<std::int64_t>(unique % 100000) * 1000;
  auto add = [&](const char* type, Json payload) {
    Event e;
    e.event_id = uuid(unique * 100 + static_cast<std::uint64_t>(seq - first_seq));
    e.terminal_id = terminal_id;
    e.terminal_seq = seq++;
    e.actor_id = "admin";
    e.hlc = (ms += 60000) << 16;
    e.wall_ms = ms;
    e.type = type;
    e.payload = std::move(payload);
    out.push_back(std::move(e));
  };
  const std::string a = uuid(unique * 100 + 90), b = uuid(unique * 100 + 91);
  for (const auto& id : {a, b})
    add(ev::kTraineeEnrolled, {{"trainee_id", id}, {"name", "Kursist " + id.substr(30)}, {"language", "da"},
                               {"stage", "centre"}, {"day", "2026-06-01"}});
  for (int d = 1; d <= 3; ++d) {
    const std::string day = "2026-06-0" + std::to_string(d + 1);
    for (const auto& id : {a, b}) {
      add(ev::kCheckedIn, {{"trainee_id", id}, {"day", day}, {"time", "07:31"}});
      add(ev::kCheckedOut, {{"trainee_id", id}, {"day", day}, {"time", "15:02"}});
      add(ev::kSkillAssessed, {{"trainee_id", id}, {"day", day}, {"skill", "floor-mopping"}, {"level", d}});
    }
  }
  return out;
}

struct LoadResult {
  double seconds = 0;
  int errors = 0;
  std::int64_t stored = 0, pulled_events = 0;
  double server_peak_mib = 0, server_rss_connected_mib = 0;
  double server_cpu_s = 0, client_cpu_s = 0;  // CPU time each side used in the timed part
  int handshakes = 0, resumed = 0;            // TLS handshakes in the timed part, and resumed ones
  double first_push_s = 0, last_push_s = 0;   // when the first and the last push were answered
};

double own_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

// `terminals` terminals in `centres` centres enrol (not timed), then all at
// once push their day and pull their centre's events (timed).
// `resume`: each terminal resumes the TLS session of its enrolment, as a
// kiosk resumes the one of its last round; else every handshake is full, as
// when every kiosk has just started.
LoadResult many_terminals(const std::string& db, const Pki& pki, int terminals, int centres, bool resume) {
  Server server(db, pki, {"--threads", "600"});
  std::vector<std::string> centre_ids{server.centre_id()};
  for (int c = 1; c < centres; ++c) centre_ids.push_back(server.add_centre("Bench centre " + std::to_string(c)));
  std::vector<std::string> codes, tokens(static_cast<size_t>(terminals));
  {
    std::string error;
    auto store = server::ServerStore::open(db, error);
    if (!store) throw std::runtime_error(error);
    // Made now, as add-terminal would: a code made at time 0 expired long ago.
    const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch()).count();
    for (int t = 0; t < terminals; ++t)
      codes.push_back(store->add_join_code(centre_ids[static_cast<size_t>(t % centres)], "T" + std::to_string(t), now_ms));
  }
  auto terminal_id = [](int t) { return "bench-terminal-" + std::to_string(t); };
  LoadResult result;
  HttpsLoad load(pki.ca, port_of(server.url()));  // for the enrolment and the day: each terminal's sessions
  {
    for (int t = 0; t < terminals; ++t)
      load.start({t, 0, "POST", "/v1/terminals/enrol", {},
                  Json{{"code", codes[static_cast<size_t>(t)]}, {"terminal_id", terminal_id(t)}}.dump(), true});
    load.run([&](const HttpsReply& r) {
      if (!r.ok()) throw std::runtime_error("enrolment failed: " + r.error + r.body);
      tokens[static_cast<size_t>(r.terminal)] = "Authorization: Bearer " + Json::parse(r.body).at("token").get<std::string>();
    });
  }
  std::vector<std::string> bodies;
  for (int t = 0; t < terminals; ++t)
    bodies.push_back(sync::encode_push_request(day_of(terminal_id(t), static_cast<std::uint64_t>(t) + 1, 1)));

  // Every terminal connects and asks for news (none yet), and holds its
  // connection open: the server's memory with all of them connected.
  for (int t = 0; t < terminals; ++t)
    load.start({t, 0, "GET", "/v1/events?after=0&limit=1", {tokens[static_cast<size_t>(t)]}, "", false});
  load.run([&](const HttpsReply& r) {
    if (!r.ok()) throw std::runtime_error("a first pull failed: " + r.error + r.body);
  });
  result.server_rss_connected_mib = server.rss_mib();
  load.close_idle();
  if (!resume) load.forget_sessions();
  const int handshakes_before = load.handshakes(), resumed_before = load.resumed();
  const auto start = Clock::now();
  const double server_cpu_start = server.cpu_seconds(), client_cpu_start = own_cpu_seconds();
  for (int t = 0; t < terminals; ++t)
    load.start({t, 0, "POST", "/v1/events", {tokens[static_cast<size_t>(t)], "Idempotency-Key: day-1"},
                std::move(bodies[static_cast<size_t>(t)]), false});
  load.run([&](const HttpsReply& r) {
    if (!r.ok()) {
      if (!result.errors++) note("server: the first failed request: " + std::to_string(r.status) + " " + r.error + r.body.substr(0, 200));
      return;
    }
    if (r.stage == 0) {
      result.last_push_s = seconds_since(start);
      if (result.first_push_s == 0) result.first_push_s = result.last_push_s;
      // A terminal that is done lets go of its connection, as the kiosk does between rounds.
      load.start({r.terminal, 1, "GET", "/v1/events?after=0&limit=1000", {tokens[static_cast<size_t>(r.terminal)]}, "", true});
    } else {
      // Counted, not parsed: a real terminal parses its page on its own PC,
      // while this one thread stands in for all of them, and parsing 500
      // pages here took more CPU than the server spent serving them.
      const std::string& page = r.body;
      for (auto at = page.find("\"event_id\""); at != std::string::npos; at = page.find("\"event_id\"", at + 1))
        ++result.pulled_events;
    }
  });
  result.seconds = seconds_since(start);
  result.server_cpu_s = server.cpu_seconds() - server_cpu_start;
  result.client_cpu_s = own_cpu_seconds() - client_cpu_start;
  result.server_peak_mib = server.peak_mib();
  result.handshakes = load.handshakes() - handshakes_before;
  result.resumed = load.resumed() - resumed_before;
  std::string error;
  auto store = server::ServerStore::open(db, error);
  result.stored = store->event_count() - centres;  // less each centre's own name event
  return result;
}

// The baseline: the same number of events, as one terminal's, pushed in batches of 500 on one connection.
double one_client(const std::string& db, const Pki& pki, int events) {
  Server server(db, pki);
  HttpsLoad load(pki.ca, port_of(server.url()));
  std::string token;
  load.start({0, 0, "POST", "/v1/terminals/enrol", {},
              Json{{"code", server.join_code("batch")}, {"terminal_id", "bench-batch"}}.dump(), false});
  load.run([&](const HttpsReply& r) {
    if (!r.ok()) throw std::runtime_error("enrolment failed: " + r.error + r.body);
    token = "Authorization: Bearer " + Json::parse(r.body).at("token").get<std::string>();
  });
  std::vector<Event> all;
  for (int t = 0; all.size() < static_cast<size_t>(events); ++t) {
    auto day = day_of("bench-batch", static_cast<std::uint64_t>(t) + 1, static_cast<std::int64_t>(all.size()) + 1);
    all.insert(all.end(), day.begin(), day.end());
  }
  std::vector<std::string> bodies;
  for (size_t i = 0; i < all.size(); i += 500)
    bodies.push_back(sync::encode_push_request(
        std::vector<Event>(all.begin() + static_cast<long>(i), all.begin() + static_cast<long>(std::min(all.size(), i + 500)))));
  const auto start = Clock::now();
  size_t next = 0;
  int errors = 0;
  auto send = [&] {
    load.start({0, static_cast<int>(next), "POST", "/v1/events", {token, "Idempotency-Key: b" + std::to_string(next)},
                bodies[next], next + 1 == bodies.size()});
    ++next;
  };
  send();
  load.run([&](const HttpsReply& r) {
    errors += !r.ok();
    if (next < bodies.size()) send();
  });
  const double s = seconds_since(start);
  if (errors) throw std::runtime_error("the one-client baseline had failed requests");
  return s;
}

void remove_sqlite(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", ".log"}) std::filesystem::remove(path + suffix);
}

}  // namespace

void bench_server(const Workdir& w, bool quick) {
  const int terminals = quick ? 100 : 500, centres = quick ? 2 : 10;
  const int events = terminals * kEventsPerTerminal;
  const Pki pki = make_pki(w);

  const auto sqlite = many_terminals(w.file("server-load.db"), pki, terminals, centres, true);
  remove_sqlite(w.file("server-load.db"));
  const auto sqlite_full = many_terminals(w.file("server-load.db"), pki, terminals, centres, false);
  remove_sqlite(w.file("server-load.db"));
  const double batch_s = one_client(w.file("server-batch.db"), pki, events);
  remove_sqlite(w.file("server-batch.db"));

  auto& cluster = test::PostgresCluster::shared();
  const auto pg = many_terminals(cluster.new_database(), pki, terminals, centres, true);

  char line[600];
  std::snprintf(line, sizeof line,
                "server: %d terminals in %d centres, %d events each, push then pull, all at once over HTTPS. "
                "SQLite %.2f s (%d errors, %lld events stored, %lld pulled); PostgreSQL %.2f s (%d errors, %lld "
                "stored, %lld pulled); one client in batches of 500: %.2f s; events stored per second",
                terminals, centres, kEventsPerTerminal, sqlite.seconds, sqlite.errors,
                static_cast<long long>(sqlite.stored), static_cast<long long>(sqlite.pulled_events), pg.seconds,
                pg.errors, static_cast<long long>(pg.stored), static_cast<long long>(pg.pulled_events), batch_s);
  note(line);
  std::snprintf(line, sizeof line,
                "server: CPU time in the timed part: SQLite server %.2f s, PostgreSQL server %.2f s (its own "
                "processes not counted), load generator %.2f s and %.2f s",
                sqlite.server_cpu_s, pg.server_cpu_s, sqlite.client_cpu_s, pg.client_cpu_s);
  note(line);
  std::snprintf(line, sizeof line,
                "server: TLS: %d of %d handshakes resumed a session, as kiosks that synced before do (SQLite; "
                "PostgreSQL %d of %d). With every handshake full, as when all kiosks have just started: SQLite "
                "%.2f s (%d errors, %lld stored), server CPU %.2f s, load generator %.2f s",
                sqlite.resumed, sqlite.handshakes, pg.resumed, pg.handshakes, sqlite_full.seconds, sqlite_full.errors,
                static_cast<long long>(sqlite_full.stored), sqlite_full.server_cpu_s, sqlite_full.client_cpu_s);
  note(line);
  std::snprintf(line, sizeof line,
                "server: pushes answered from %.2f s to %.2f s on SQLite (one writer; the baseline's %d events "
                "took it %.2f s), from %.2f s to %.2f s on PostgreSQL",
                sqlite.first_push_s, sqlite.last_push_s, events, batch_s, pg.first_push_s, pg.last_push_s);
  note(line);
  if (sqlite.errors || pg.errors || sqlite.stored != events || pg.stored != events)
    note("server: NOT every event stored exactly once, or requests failed: the figures below are short by rule");
  const bool whole = !sqlite.errors && sqlite.stored == events;
  figure("server_many_terminals", whole ? events / sqlite.seconds : 0, events / batch_s, 0.5, false, "events/s");
  const bool whole_pg = !pg.errors && pg.stored == events;
  figure("server_postgres", whole_pg ? events / pg.seconds : 0, events / sqlite.seconds, 0.5, false, "events/s");
  std::snprintf(line, sizeof line,
                "server_rss: resident %.1f MiB with %d terminals connected (peak %.1f MiB) on SQLite; %.1f MiB "
                "(peak %.1f) on PostgreSQL",
                sqlite.server_rss_connected_mib, terminals, sqlite.server_peak_mib, pg.server_rss_connected_mib,
                pg.server_peak_mib);
  note(line);
}

}  // namespace ft::bench
