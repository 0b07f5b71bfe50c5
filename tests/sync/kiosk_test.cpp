// The kiosk process with its sync engine, under Xvfb: what another terminal
// did arrives on the kiosk by itself, the kiosk stops cleanly on SIGTERM, and
// its log names no one. Skipped (with a message) without a display.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "tests/sync/sync_fixture.hpp"

using namespace ft::test;
using Json = nlohmann::json;

namespace {

Json trainee_status(const std::string& db, const std::string& id) {
  auto r = ft::test::floor_terminal({"status", "--db", db, "--json"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const Json status = Json::parse(r.out);  // kept alive: the loop reads into it
  for (const auto& t : status["trainees"])
    if (t["id"] == id) return t;
  return Json();
}

// Polls `condition` every 200 ms, at most `tries` times; the kiosk and the
// server work on their own clocks, so the test waits for them, not for a time.
template <class F>
bool eventually(F condition, int tries = 300) {
  for (int i = 0; i < tries; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return false;
}
}  // namespace

TEST_CASE("the kiosk's sync engine pulls what another terminal did, and its log names no one") {
  if (!std::getenv("DISPLAY")) {
    MESSAGE("skipped: needs a display (xvfb-run)");
    return;
  }
  // The client's production timeouts: under a loaded machine (sanitizers) the
  // small test timeouts made the first rounds fail and back off past the wait.
  TempDir dir;
  const Pki pki = make_pki(dir);
  ServerProcess server(dir.file("server.db"), pki, dir.file("server.log"));
  server.start();
  const auto kiosk_db = dir.file("kiosk.db"), office_db = dir.file("office.db");
  const auto trainee = last_line(ft::test::floor_terminal({"enrol", "--db", kiosk_db, "--name", "Åse Ærø-Ødegaard", "--badge", "4711"}).out);
  for (const auto& [db, name] : {std::pair{kiosk_db, "kiosk"}, std::pair{office_db, "office"}}) {
    auto r = ft::test::floor_terminal({"join", "--db", db, "--server", server.url(), "--ca", pki.ca, "--code", server.add_terminal(name)});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
  REQUIRE(ft::test::floor_terminal({"sync", "--db", kiosk_db}).exit_code == 0);
  REQUIRE(ft::test::floor_terminal({"sync", "--db", office_db}).exit_code == 0);
  // The office checks the trainee in by badge (no PIN) before the kiosk starts.
  REQUIRE(ft::test::floor_terminal({"checkin", "--db", office_db, "--trainee", trainee}).exit_code == 0);
  REQUIRE(ft::test::floor_terminal({"sync", "--db", office_db}).exit_code == 0);

  const pid_t kiosk = spawn({binary("floor-terminal"), "--db", kiosk_db, "--windowed"}, dir.file("kiosk.log"));
  // 1. Pulled by the kiosk's engine on its own.
  CHECK_MESSAGE(eventually([&] { return trainee_status(kiosk_db, trainee)["checked_in"] == true; }),
                "kiosk log:\n", read_file(dir.file("kiosk.log")), "status:\n",
                ft::test::floor_terminal({"status", "--db", kiosk_db, "--json"}).out);
  kill(kiosk, SIGTERM);
  int status = 0;
  waitpid(kiosk, &status, 0);
  CHECK_MESSAGE(WIFEXITED(status), "kiosk log:\n", read_file(dir.file("kiosk.log")));
  CHECK_MESSAGE(WEXITSTATUS(status) == 0, "kiosk log:\n", read_file(dir.file("kiosk.log")));
  // Nothing personal in the kiosk's log: ids only.
  const auto log = read_file(dir.file("kiosk.log"));
  CHECK(log.find("kiosk started") != std::string::npos);
  CHECK(log.find("Åse") == std::string::npos);
  CHECK(log.find("Ødegaard") == std::string::npos);
  CHECK(server.event_count() == 2 + kSetupEvents);  // enrolled and checked in, each once
}
