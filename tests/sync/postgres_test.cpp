// The server on PostgreSQL, where it differs from SQLite: several server
// processes share one database, a sequence does not follow commit order,
// the database may restart under load, and a connection URI may carry a
// password. Runs only as sync_postgres_pg (FT_TEST_STORE=postgres).
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <thread>

#include "sync/client/round.hpp"
#include "terminal/store/centre_database.hpp"
#include "terminal/store/sync_ledger.hpp"
#include "tests/sync/postgres_cluster.hpp"
#include "tests/sync/sync_fixture.hpp"

using namespace ft;
using namespace ft::test;

namespace {

void enrol_some(Terminal& t, int n, const std::string& tag) {
  for (int i = 0; i < n; ++i) {
    Enrol e;
    e.name = tag + " " + std::to_string(i);
    e.waitlist = true;  // capacity is not the subject here
    t.advance_minutes(1);
    REQUIRE(t.centre->execute(e, local_admin()).ok());
  }
}

bool round(Terminal& t, sync::HttpsClient& http) {
  SyncLedger ledger(centre_database(*t.centre));
  const auto r = sync::run_round(ledger, http);
  t.centre->refresh();
  return r.ok;
}

}  // namespace

TEST_CASE("terminals pushing through two server processes while others pull end with exactly the server's events") {
  REQUIRE_MESSAGE(testing_postgres(), "run with FT_TEST_STORE=postgres");
  TempDir dir;
  ServerProcess a(dir.file("unused.db"), pki(), dir.file("a.log"));
  ServerProcess b = a.sibling(dir.file("b.log"));
  a.start();
  b.start();
  constexpr int kPushers = 6, kPullers = 3, kRounds = 8, kEventsPerRound = 30;
  std::vector<std::unique_ptr<Terminal>> terminals;
  std::vector<std::unique_ptr<sync::HttpsClient>> to_a, to_b;
  for (int i = 0; i < kPushers + kPullers; ++i) {
    terminals.push_back(std::make_unique<Terminal>(dir.file("t" + std::to_string(i) + ".db"), kMonday0730 + i));
    to_a.push_back(std::make_unique<sync::HttpsClient>(test_http_options()));
    to_b.push_back(std::make_unique<sync::HttpsClient>(test_http_options()));
    SyncLedger ledger(centre_database(*terminals[i]->centre));
    ServerProcess& via = i % 2 ? b : a;
    REQUIRE_FALSE(sync::join_server(ledger, i % 2 ? *to_b[i] : *to_a[i], via.url(), pki().ca,
                                    via.add_terminal("Gulv " + std::to_string(i)))
                      .fault);
  }
  // Each pusher writes batches and pushes them through either process at
  // random; the pullers pull without pause all the while. A cursor that
  // skipped an event committed late with a smaller seq would leave a puller
  // without it for good.
  std::atomic<int> failures{0};
  std::atomic<bool> pushing{true};
  std::vector<std::thread> threads;
  for (int i = 0; i < kPushers + kPullers; ++i)
    threads.emplace_back([&, i] {
      std::mt19937 rng(static_cast<unsigned>(i));
      Terminal& t = *terminals[i];
      auto via = [&]() -> sync::HttpsClient& { return rng() % 2 ? *to_a[i] : *to_b[i]; };
      if (i < kPushers) {
        for (int r = 0; r < kRounds; ++r) {
          enrol_some(t, kEventsPerRound, "Kursist " + std::to_string(i) + "-" + std::to_string(r));
          if (!round(t, via())) ++failures;
        }
      } else {
        while (pushing)
          if (!round(t, via())) ++failures;
      }
    });
  for (int i = 0; i < kPushers; ++i) threads[i].join();
  pushing = false;
  for (int i = kPushers; i < kPushers + kPullers; ++i) threads[i].join();
  CHECK(failures == 0);
  // One more pull each, without anything new to push: nothing may be missing.
  for (int i = 0; i < kPushers + kPullers; ++i) REQUIRE(round(*terminals[i], *to_a[i]));
  const auto on_server = a.event_ids();
  CHECK(on_server.size() == static_cast<size_t>(kPushers * kRounds * kEventsPerRound + 1));  // + the centre's name
  CHECK(static_cast<std::int64_t>(on_server.size()) == a.event_count());
  for (int i = 0; i < kPushers + kPullers; ++i) {
    CAPTURE(i);
    CHECK(terminals[i]->event_ids() == on_server);
  }
}

TEST_CASE("a PostgreSQL restart in the middle of pushing loses and doubles nothing") {
  REQUIRE_MESSAGE(testing_postgres(), "run with FT_TEST_STORE=postgres");
  TempDir dir;
  ServerProcess server(dir.file("unused.db"), pki(), dir.file("server.log"));
  server.start();
  Terminal t(dir.file("t.db"), kMonday0730);
  sync::HttpsClient http(test_http_options());
  {
    SyncLedger ledger(centre_database(*t.centre));
    REQUIRE_FALSE(sync::join_server(ledger, http, server.url(), pki().ca, server.add_terminal("Gulv")).fault);
  }
  // Write and push without pause while the cluster stops and starts again.
  std::atomic<bool> restarted{false};
  std::thread restarter([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    PostgresCluster::shared().restart();
    restarted = true;
  });
  int failed_rounds = 0, batches = 0;
  while (!restarted && batches < 2000) {
    enrol_some(t, 20, "Kursist " + std::to_string(++batches));
    failed_rounds += !round(t, http);
  }
  restarter.join();
  // The database is back; rounds go on until everything is there, as the kiosk's engine would.
  for (int i = 0; i < 20 && SyncLedger(centre_database(*t.centre)).pending_count() > 0; ++i)
    failed_rounds += !round(t, http);
  MESSAGE(batches, " batches written, ", failed_rounds, " rounds failed while PostgreSQL restarted");
  CHECK(SyncLedger(centre_database(*t.centre)).pending_count() == 0);
  const auto ids = server.event_ids();
  CHECK(static_cast<std::int64_t>(ids.size()) == server.event_count());  // no event twice
  CHECK(ids == t.event_ids());
  CHECK(ids.size() == static_cast<size_t>(batches * 20 + 1));  // + the centre's name
}

TEST_CASE("a password in the database URI never reaches the output or the log") {
  REQUIRE_MESSAGE(testing_postgres(), "run with FT_TEST_STORE=postgres");
  TempDir dir;
  const std::string socket = PostgresCluster::shared().socket_dir();
  // A role that needs a password the server cannot give: the connection fails, and says so.
  for (const std::string& uri : {"postgresql://postgres:Hemmelig-Kode-42@/no_such_db?host=" + socket,
                                 "postgresql:///no_such_db?host=" + socket + "&password=Hemmelig-Kode-42"}) {
    auto status = run({binary("sync-server"), "status", "--db", uri, "--json"});
    CHECK(status.exit_code == 3);
    CHECK(status.err.find("no_such_db") != std::string::npos);
    CHECK(status.err.find("Hemmelig-Kode-42") == std::string::npos);
    auto serve = run({binary("sync-server"), "--db", uri, "--listen", "127.0.0.1:0", "--cert", pki().cert, "--key",
                      pki().key});
    CHECK(serve.exit_code != 0);
    CHECK(serve.err.find("Hemmelig-Kode-42") == std::string::npos);
    CHECK(serve.out.find("Hemmelig-Kode-42") == std::string::npos);
  }
}
