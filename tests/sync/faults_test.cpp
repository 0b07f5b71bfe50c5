// The sync client against servers that misbehave: every fault ends the round
// with a clear reason, in bounded time (the client's own small timeouts), and
// with nothing marked sent, no cursor moved and no event added.
#include <doctest/doctest.h>

#include <filesystem>

#include "sync/client/curl_library.hpp"
#include "sync/client/round.hpp"
#include "terminal/store/centre_database.hpp"
#include "terminal/store/sync_ledger.hpp"
#include "tests/sync/hostile_server.hpp"
#include "tests/sync/sync_fixture.hpp"

using namespace ft;
using namespace ft::test;

namespace {

struct Observed {
  std::int64_t acked, pending, cursor, dead, events;
};

Observed observe(Terminal& t) {
  SyncLedger l(centre_database(*t.centre));
  Statement q(centre_database(*t.centre), "SELECT count(*) FROM events");
  q.step();
  return {l.acked_seq(), l.pending_count(), l.cursor(), l.dead_letter_count(), q.int64(0)};
}

void point_at(Terminal& t, const std::string& url, const std::string& ca) {
  SyncLedger(centre_database(*t.centre)).save_settings({url, ca, "", "0123456789abcdef", "Floor A"});
}

void enrol_some(Terminal& t, int n) {
  for (int i = 0; i < n; ++i) {
    Enrol e;
    e.name = "Kursist " + std::to_string(i);
    e.waitlist = true;
    REQUIRE(t.centre->execute(e, local_admin()).ok());
  }
}

// Runs one round against a hostile server and checks that nothing moved.
sync::RoundReport round_against(Misbehaviour how, bool with_pending, const std::string& cert, const std::string& key) {
  TempDir dir;
  HostileServer server(cert, key, how);
  Terminal t(dir.file("t.db"), kMonday0730);
  if (with_pending) enrol_some(t, 3);
  point_at(t, server.url(), pki().ca);
  const Observed before = observe(t);
  SyncLedger ledger(centre_database(*t.centre));
  sync::HttpsClient http(test_http_options());
  auto report = sync::run_round(ledger, http);
  const Observed after = observe(t);
  CHECK_FALSE(report.ok);
  REQUIRE(report.fault);
  CHECK_FALSE(report.fault->sentence.empty());
  CHECK(after.acked == before.acked);
  CHECK(after.pending == before.pending);
  CHECK(after.cursor == before.cursor);
  CHECK(after.dead == 0);
  CHECK(after.events == before.events);
  // The reason is kept for the status screen.
  CHECK(SyncLedger(centre_database(*t.centre)).status().last_error == report.fault->sentence);
  return report;
}

sync::RoundReport push_fault(Misbehaviour how) { return round_against(how, true, pki().cert, pki().key); }
sync::RoundReport pull_fault(Misbehaviour how) { return round_against(how, false, pki().cert, pki().key); }

}  // namespace

TEST_CASE("a 500 while pushing fails as a server error and is retried later") {
  auto r = push_fault(Misbehaviour::ServerError500);
  CHECK(r.fault->code == "server_error");
  CHECK(r.fault->transient);
  CHECK(r.fault->sentence.find("disk on fire") != std::string::npos);
}

TEST_CASE("429 and 503 carry the server's Retry-After to the backoff") {
  auto busy = push_fault(Misbehaviour::Busy429);
  CHECK(busy.fault->code == "server_busy");
  REQUIRE(busy.fault->retry_after_s);
  CHECK(*busy.fault->retry_after_s == 7);
  auto unavailable = push_fault(Misbehaviour::Unavailable503);
  CHECK(unavailable.fault->code == "server_busy");
  REQUIRE(unavailable.fault->retry_after_s);
  CHECK(*unavailable.fault->retry_after_s == 3600);  // a date in 2100, capped at an hour
}

TEST_CASE("a connection reset mid-request is a lost connection") {
  CHECK(push_fault(Misbehaviour::ResetConnection).fault->code == "connection_lost");
}

TEST_CASE("a truncated body is a lost connection, when pushing and when pulling") {
  CHECK(push_fault(Misbehaviour::TruncatedBody).fault->code == "connection_lost");
  CHECK(pull_fault(Misbehaviour::TruncatedBody).fault->code == "connection_lost");
}

TEST_CASE("malformed, wrongly typed, mismatched and too deep replies change nothing") {
  for (auto how : {Misbehaviour::MalformedJson, Misbehaviour::WrongTypes, Misbehaviour::WrongResults,
                   Misbehaviour::TooDeep}) {
    CAPTURE(static_cast<int>(how));
    CHECK(push_fault(how).fault->code == "bad_reply");
  }
  for (auto how : {Misbehaviour::MalformedJson, Misbehaviour::WrongTypes, Misbehaviour::TooDeep}) {
    CAPTURE(static_cast<int>(how));
    CHECK(pull_fault(how).fault->code == "bad_reply");
  }
}

TEST_CASE("a reply announcing 100 MB is refused at the size cap") {
  CHECK(pull_fault(Misbehaviour::TooLarge).fault->code == "reply_too_large");
}

TEST_CASE("a reply that never ends is given up on by the client's own low-speed timeout") {
  CHECK(push_fault(Misbehaviour::NeverEnds).fault->code == "timeout");
  CHECK(pull_fault(Misbehaviour::NeverEnds).fault->code == "timeout");
}

TEST_CASE("a redirect to plain http is not followed") {
  auto r = push_fault(Misbehaviour::RedirectToHttp);
  CHECK(r.fault->code == "redirect_refused");
  CHECK_FALSE(r.fault->transient);
}

TEST_CASE("a certificate from an unknown CA, or for another host, is refused") {
  auto rogue = round_against(Misbehaviour::Normal, true, pki().rogue_cert, pki().rogue_key);
  CHECK(rogue.fault->code == "untrusted_certificate");
  auto wrong_host = round_against(Misbehaviour::Normal, true, pki().wrong_host_cert, pki().wrong_host_key);
  CHECK(wrong_host.fault->code == "untrusted_certificate");
}

TEST_CASE("the hostile server's well-behaved mode completes a round (the faults above are real)") {
  TempDir dir;
  HostileServer server(pki().cert, pki().key, Misbehaviour::Normal);
  Terminal t(dir.file("t.db"), kMonday0730);
  point_at(t, server.url(), pki().ca);
  SyncLedger ledger(centre_database(*t.centre));
  sync::HttpsClient http(test_http_options());
  auto r = sync::run_round(ledger, http);
  CHECK(r.ok);
  CHECK(server.requests() == 1);
}

TEST_CASE("a server that is down fails the round as unreachable and keeps the events pending") {
  TempDir dir;
  int port = 0;
  { HostileServer gone(pki().cert, pki().key, Misbehaviour::Normal); port = gone.port(); }
  Terminal t(dir.file("t.db"), kMonday0730);
  enrol_some(t, 2);
  point_at(t, "https://127.0.0.1:" + std::to_string(port), pki().ca);
  SyncLedger ledger(centre_database(*t.centre));
  sync::HttpsClient http(test_http_options());
  auto r = sync::run_round(ledger, http);
  REQUIRE(r.fault);
  CHECK(r.fault->code == "connect_failed");
  CHECK(ledger.pending_count() == 2);
}

// ---- against the real reference server ------------------------------------------------

TEST_CASE("an unknown token is refused with 401 and the terminal is told to join again") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  Terminal t(dir.file("t.db"), kMonday0730);
  enrol_some(t, 1);
  point_at(t, server.url(), pki().ca);
  SyncLedger ledger(centre_database(*t.centre));
  sync::HttpsClient http(test_http_options());
  auto r = sync::run_round(ledger, http);
  REQUIRE(r.fault);
  CHECK(r.fault->code == "unauthorized");
  CHECK_FALSE(r.fault->transient);
  CHECK(ledger.pending_count() == 1);
  CHECK(server.event_count() == kSetupEvents);
}

TEST_CASE("an event the server refuses becomes a dead letter and the events after it arrive") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  Terminal t(dir.file("t.db"), kMonday0730);
  SyncLedger ledger(centre_database(*t.centre));
  sync::HttpsClient http(test_http_options());
  REQUIRE_FALSE(sync::join_server(ledger, http, server.url(), pki().ca, server.add_terminal("Floor A")).fault);
  enrol_some(t, 1);
  // An event from a newer terminal version: the reference server refuses schema 2.
  Statement(centre_database(*t.centre),
            "INSERT INTO events(event_id, terminal_id, terminal_seq, actor_id, hlc, wall_ms, type, payload, schema) "
            "VALUES('01890000-0000-7000-8000-0000000000aa', ?, 2, 'admin', 1, 1, 'FutureThing', '{}', 2)")
      .bind(1, t.centre->terminal_id())
      .run();
  enrol_some(t, 1);
  auto r = sync::run_round(ledger, http);
  CHECK(r.ok);
  CHECK(r.pushed == 2);
  CHECK(r.rejected == 1);
  CHECK(ledger.dead_letter_count() == 1);
  CHECK(ledger.pending_count() == 0);
  CHECK(server.event_count() == 2 + kSetupEvents);
  // Sending again does not add it twice.
  CHECK(sync::run_round(ledger, http).ok);
  CHECK(ledger.dead_letter_count() == 1);
}

TEST_CASE("a terminal database restored from an older copy is detected and sync stops, keeping its events") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  const std::string path = dir.file("t.db");
  {
    Terminal t(path, kMonday0730);
    SyncLedger ledger(centre_database(*t.centre));
    sync::HttpsClient http(test_http_options());
    REQUIRE_FALSE(sync::join_server(ledger, http, server.url(), pki().ca, server.add_terminal("Floor A")).fault);
    enrol_some(t, 2);
    REQUIRE(sync::run_round(ledger, http).ok);
  }
  std::filesystem::copy_file(path, dir.file("backup.db"));
  {
    Terminal t(path, kMonday0730 + 60'000);
    enrol_some(t, 2);
    SyncLedger ledger(centre_database(*t.centre));
    sync::HttpsClient http(test_http_options());
    REQUIRE(sync::run_round(ledger, http).ok);
  }
  std::filesystem::copy_file(dir.file("backup.db"), path, std::filesystem::copy_options::overwrite_existing);
  Terminal t(path, kMonday0730 + 120'000);
  enrol_some(t, 1);  // terminal_seq 3 again, with another event
  SyncLedger ledger(centre_database(*t.centre));
  sync::HttpsClient http(test_http_options());
  auto r = sync::run_round(ledger, http);
  REQUIRE(r.fault);
  CHECK(r.fault->code == "restored_database");
  CHECK(ledger.status().blocked);
  CHECK(ledger.pending_count() == 1);
  CHECK(server.event_count() == 4 + kSetupEvents);
  // Blocked until a person acts: the next round does not touch the server.
  auto again = sync::run_round(ledger, http);
  REQUIRE(again.fault);
  CHECK(again.fault->code == "restored_database");
}

// ---- the HTTPS library itself ---------------------------------------------------------------

TEST_CASE("the kiosk starts without libcurl and opens it at the first request") {
  // Not linked: an offline terminal never loads the TLS stack, and a syncing
  // one loads it on the sync thread, after its first frame.
  const auto dynamic = run({"/usr/bin/readelf", "-d", binary("floor-terminal")});
  REQUIRE(dynamic.exit_code == 0);
  CHECK(dynamic.out.find("(NEEDED)") != std::string::npos);
  CHECK(dynamic.out.find("libcurl") == std::string::npos);

  std::string error;
  const auto curl = sync::load_curl_library(sync::kCurlSoname, error);
  REQUIRE_MESSAGE(curl, error);
  CURL* handle = curl->easy_init();
  REQUIRE(handle != nullptr);
  CHECK(std::string(curl->easy_strerror(CURLE_COULDNT_CONNECT)).size() > 5);
  CHECK(curl->getdate("Tue, 01 Dec 2026 08:00:00 GMT", nullptr) == 1796112000);
  curl->easy_cleanup(handle);
}

TEST_CASE("a missing HTTPS library is a sentence saying what to install") {
  std::string error;
  CHECK_FALSE(sync::load_curl_library("libcurl-that-is-not-here.so.4", error));
  CHECK(error.find("libcurl-that-is-not-here.so.4") != std::string::npos);
  CHECK(error.find("install libcurl4") != std::string::npos);
}
