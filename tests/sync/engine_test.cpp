// The kiosk's sync thread: a local event leads to a round, the status
// callback reports it, and stop() ends the thread also while a transfer hangs.
#include "sync/client/engine.hpp"

#include <doctest/doctest.h>

#include <condition_variable>
#include <mutex>

#include "sync/client/round.hpp"
#include "terminal/store/centre_database.hpp"
#include "tests/sync/hostile_server.hpp"
#include "tests/sync/sync_fixture.hpp"

using namespace ft;
using namespace ft::test;

namespace {

// Collects the engine's reports; waits for one that satisfies a condition.
struct Reports {
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<sync::SyncSnapshot> seen;
  void add(const sync::SyncSnapshot& s) {
    std::lock_guard lock(mutex);
    seen.push_back(s);
    changed.notify_all();
  }
  // The deadline only keeps a broken build from hanging CI; nothing asserts on time.
  bool wait_for(const std::function<bool(const sync::SyncSnapshot&)>& ok) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, std::chrono::seconds(60), [&] {
      for (const auto& s : seen)
        if (ok(s)) return true;
      return false;
    });
  }
};

}  // namespace

TEST_CASE("a check-in on the kiosk is sent by the engine after notify(), and the status says so") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  Terminal t(dir.file("t.db"), kMonday0730);
  {
    SyncLedger ledger(centre_database(*t.centre));
    sync::HttpsClient http(test_http_options());
    REQUIRE_FALSE(sync::join_server(ledger, http, server.url(), pki().ca, server.add_terminal("Floor A")).fault);
  }
  Reports reports;
  sync::EngineOptions o;
  o.db_path = t.path;
  o.period = std::chrono::hours(1);  // only notify() and the start-up round
  o.http = test_http_options();
  o.on_status = [&](const sync::SyncSnapshot& s) { reports.add(s); };
  sync::SyncEngine engine(o);
  engine.start();
  REQUIRE(reports.wait_for([](const sync::SyncSnapshot& s) { return s.online && !s.running; }));

  Enrol e;
  e.name = "Anna Jensen";
  auto enrolled = t.centre->execute(e, local_admin());
  REQUIRE(enrolled.ok());
  REQUIRE(t.centre->execute(CheckIn{enrolled.new_id}, Actor{enrolled.new_id, Role::Trainee}).ok());
  engine.notify();
  REQUIRE(reports.wait_for([](const sync::SyncSnapshot& s) { return s.online && s.pushed == 2; }));
  engine.stop();
  CHECK(server.event_count() == 2 + kSetupEvents);
  CHECK(SyncLedger(centre_database(*t.centre)).status().pending == 0);
  CHECK(SyncLedger(centre_database(*t.centre)).status().last_success);
}

TEST_CASE("the terminal's HTTPS client resumes its TLS session when it connects again") {
  // The engine keeps one client for its life; a round after the server let
  // go of the connection resumes the session instead of a full handshake.
  TempDir dir;
  const auto log = dir.file("server.log");
  ServerProcess server(dir.file("server.db"), pki(), log);
  server.start();
  sync::HttpsClient http(test_http_options());
  http.set_trust(pki().ca, "");
  for (int i = 0; i < 2; ++i) {
    sync::Fault fault;
    // "Connection: close": the server ends the connection after its reply, so the next request connects anew.
    auto reply = http.get(server.url() + "/v1/nothing-here", {"Connection: close"}, fault);
    REQUIRE(reply);
    CHECK(reply->status == 404);
  }
  server.stop();
  const std::string text = read_file(log);
  const auto first = text.find("GET /v1/nothing-here 404"), second = text.find("GET /v1/nothing-here 404", first + 1);
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  CHECK(text.substr(first, text.find('\n', first) - first) == "GET /v1/nothing-here 404");  // a full handshake
  CHECK(text.substr(second, text.find('\n', second) - second) == "GET /v1/nothing-here 404 tls-resumed");
}

TEST_CASE("stop() ends the engine while a reply never ends, and nothing is marked sent") {
  TempDir dir;
  HostileServer server(pki().cert, pki().key, Misbehaviour::NeverEnds);
  Terminal t(dir.file("t.db"), kMonday0730);
  Enrol e;
  e.name = "Anna Jensen";
  e.waitlist = true;
  REQUIRE(t.centre->execute(e, local_admin()).ok());
  SyncLedger(centre_database(*t.centre)).save_settings({server.url(), pki().ca, "", "0123456789abcdef", "Floor A"});
  Reports reports;
  sync::EngineOptions o;
  o.db_path = t.path;
  o.http = sync::HttpOptions{};  // production timeouts: only stop() can end this transfer early
  o.http.ca_file = pki().ca;
  o.on_status = [&](const sync::SyncSnapshot& s) { reports.add(s); };
  sync::SyncEngine engine(o);
  engine.start();
  REQUIRE(reports.wait_for([](const sync::SyncSnapshot& s) { return s.running; }));
  while (server.requests() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  engine.stop();
  CHECK(SyncLedger(centre_database(*t.centre)).pending_count() == 1);
  CHECK(SyncLedger(centre_database(*t.centre)).acked_seq() == 0);
}

TEST_CASE("a failing round is reported with its reason and the engine keeps running") {
  TempDir dir;
  HostileServer server(pki().cert, pki().key, Misbehaviour::ServerError500);
  Terminal t(dir.file("t.db"), kMonday0730);
  SyncLedger(centre_database(*t.centre)).save_settings({server.url(), pki().ca, "", "0123456789abcdef", "Floor A"});
  Reports reports;
  sync::EngineOptions o;
  o.db_path = t.path;
  o.http = test_http_options();
  o.backoff.base = std::chrono::milliseconds(10);  // retry quickly so a second failure shows up
  o.on_status = [&](const sync::SyncSnapshot& s) { reports.add(s); };
  sync::SyncEngine engine(o);
  engine.start();
  REQUIRE(reports.wait_for([&](const sync::SyncSnapshot&) { return server.requests() >= 2; }));
  engine.stop();
  bool reported = false;
  for (const auto& s : reports.seen)
    if (!s.running && s.fault && s.fault->code == "server_error" && !s.online && s.status.last_error) reported = true;
  CHECK(reported);
}
