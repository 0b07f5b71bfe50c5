// The kiosk process killed with SIGKILL at random moments while badges are
// scanned into it (xdotool types into its window as a reader would), 30
// times: no event is half-written, integrity_check and verify pass, and each
// restart opens the same centre. Skipped (with a message) without a display.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "terminal/store/database.hpp"
#include "tests/test_support.hpp"

using namespace ft::test;

namespace {

std::string visible_window() {
  for (int i = 0; i < 600; ++i) {  // a loaded machine (sanitizers) starts GL slowly
    const auto id = last_line(run({"/usr/bin/xdotool", "search", "--onlyvisible", "--name", "Floor terminal"}).out);
    if (!id.empty()) return id;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return "";
}
}  // namespace

TEST_CASE("the kiosk killed at random moments while badges are scanned leaves a whole, consistent log") {
  if (!std::getenv("DISPLAY") || access("/usr/bin/xdotool", X_OK) != 0) {
    MESSAGE("skipped: needs a display (xvfb-run) and xdotool");
    return;
  }
  TempDir dir;
  const auto db = dir.file("centre.db");
  const auto config = dir.file("config.toml");
  { std::ofstream(config) << "[attendance]\ndouble_tap_seconds = 0\n"; }  // every scan is a punch here
  for (int i = 0; i < 4; ++i)
    REQUIRE(ft::test::floor_terminal({"enrol", "--db", db, "--name", "Kursist " + std::to_string(i), "--badge", std::to_string(5000 + i)})
                .exit_code == 0);
  std::mt19937 rng(2211);
  int kills = 0;
  for (int round = 0; round < 30; ++round) {
    Child kiosk = spawn({binary("floor-terminal"), "--db", db, "--windowed", "--config", config});
    const std::string window = visible_window();
    REQUIRE_MESSAGE(!window.empty(), "the kiosk window did not appear");
    std::thread scanner([&] {
      for (int scan = 0; scan < 3; ++scan) {
        run({"/usr/bin/xdotool", "type", "--window", window, "--delay", "5", std::to_string(5000 + rng() % 4)});
        run({"/usr/bin/xdotool", "key", "--window", window, "Return"});
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 400));
    kill(kiosk.pid, SIGKILL);
    scanner.join();
    bool killed = false;
    finish(kiosk, killed);
    kills += killed;
    auto verify = ft::test::floor_terminal({"verify", "--db", db});
    REQUIRE_MESSAGE(verify.exit_code == 0, verify.err);
  }
  CHECK(kills == 30);
  ft::StoreError error;
  auto database = ft::Database::open(db, error);
  REQUIRE(database);
  ft::Statement q(*database, "SELECT COUNT(*) FROM events WHERE type IN ('CheckedIn', 'CheckedOut')");
  REQUIRE(q.step());
  MESSAGE("punches that reached the log before a kill: ", q.int64(0));
  CHECK(q.int64(0) > 0);  // the scans really were written while the kiosk was being killed
  ft::Statement integrity(*database, "PRAGMA integrity_check");
  REQUIRE(integrity.step());
  CHECK(integrity.text(0) == "ok");
}
