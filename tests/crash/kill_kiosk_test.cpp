// The kiosk process killed with SIGKILL at random moments while a badge
// reader scans into it, 150 times (kill_writers_test.cpp adds the command
// line's 240 writers).
//
// Cards reach the kiosk as real key events into its focused window (see
// kiosk_process.hpp). A punch is acknowledged once another connection sees
// it: the kiosk commits it (synchronous=FULL) in the frame that shows the
// confirmation. After every kill: every acknowledged punch is still in the
// log, no scan wrote more than one event, and verify passes; at the end
// integrity_check too, and the kiosk's log names no one.
//
// Each round starts a kiosk and: (1) scans two cards back to back, the
// second while the first one's confirmation shows, and both must land — the
// input path is reliable; (2) scans three more while the kiosk is killed at
// a random moment among them. A centre of 150 trainees (each punches in and
// out once a day) lasts 50 rounds; three centres follow one another.
// Skipped (with a message) without a display or xdotool.
#include <doctest/doctest.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "terminal/core/commands.hpp"
#include "terminal/store/centre.hpp"
#include "terminal/store/centre_database.hpp"
#include "terminal/store/database.hpp"
#include "tests/crash/kiosk_process.hpp"

using namespace ft::test;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kCentres = 3;
constexpr int kRoundsPerCentre = 50;
constexpr int kTrainees = 150;  // 300 punches: room for 50 rounds of at most five

struct Tally {
  int kills = 0;
  int acknowledged = 0;
  int burst_scans_written = 0;
  int cut_mid_burst = 0;  // rounds killed between a scan's first key and its commit
};

std::set<std::string> punches(ft::Database& db) {
  std::set<std::string> ids;
  ft::Statement q(db, "SELECT event_id FROM events WHERE type IN ('CheckedIn', 'CheckedOut')");
  while (q.step()) ids.insert(q.text(0));
  return ids;
}

// Badges whose scan today writes a punch: not yet in, or in and not yet out.
std::vector<std::string> punchable(ft::Centre& centre) {
  centre.refresh();
  std::vector<std::string> badges;
  for (const auto& [id, t] : centre.state().trainees) {
    auto day = t.days.find(centre.today());
    if (day == t.days.end() || !day->second.has_check_out()) badges.push_back(t.badge.value);
  }
  return badges;
}

// One centre's rounds: a kiosk started, scanned into and killed, each time.
void kill_rounds(const TempDir& dir, std::mt19937& rng, Tally& tally) {
  const auto db = dir.file("centre.db");
  const auto config = dir.file("config.toml");
  const auto log = dir.file("kiosk.log");
  // Every scan is a punch (no double-tap guard), and room for all the trainees.
  { std::ofstream(config) << "[centre]\ncapacity = " << kTrainees << "\n[attendance]\ndouble_tap_seconds = 0\n"; }
  ft::Rules rules;
  rules.capacity = kTrainees;
  ft::StoreError error;
  auto centre = ft::Centre::open(db, rules, catalogue(), error);  // also the test's own reading connection
  REQUIRE_MESSAGE(centre, error.code);
  for (int i = 0; i < kTrainees; ++i) {
    ft::Enrol e;
    e.name = "Åse Kursist " + std::to_string(i);
    e.badge = std::to_string(70000 + i);
    REQUIRE(centre->execute(e, ft::local_admin()).ok());
  }

  std::set<std::string> acknowledged;
  for (int round = 0; round < kRoundsPerCentre; ++round) {
    CAPTURE(round);
    auto badges = punchable(*centre);
    REQUIRE(badges.size() >= 5);
    std::shuffle(badges.begin(), badges.end(), rng);
    const std::size_t before = punches(centre_database(*centre)).size();

    Child kiosk = spawn_logged({binary("floor-terminal"), "--db", db, "--windowed", "--config", config}, log);
    const KillOnExit guard{kiosk};
    REQUIRE_MESSAGE(!focused_window_of(kiosk).empty(), "the kiosk window did not appear or take the focus; its log:\n",
                    read_file(log));

    // (1) Two cards back to back: both land, whatever the kiosk was showing.
    const auto start = Clock::now();
    scan(badges[0]);
    scan(badges[1]);
    std::set<std::string> seen;
    for (int i = 0; i < 6000 && (seen = punches(centre_database(*centre))).size() < before + 2 && still_running(kiosk);
         ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const std::size_t landed = seen.size() - before;
    REQUIRE_MESSAGE(landed == 2, landed, " of 2 scans were written; the kiosk's log:\n", read_file(log));
    acknowledged.insert(seen.begin(), seen.end());
    const auto two_scans = Clock::now() - start;

    // (2) Three more, and SIGKILL at a random moment among them: the span
    // follows this machine's speed, as the two scans measured it.
    std::atomic<int> begun{0};
    std::thread reader([&] {
      for (int s = 2; s < 5; ++s) {
        ++begun;
        scan(badges[s]);
      }
    });
    const auto kill_at =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(two_scans * 2.0 * (rng() % 1000) / 1000.0);
    do {  // what another connection sees before the kill is acknowledged
      seen = punches(centre_database(*centre));
      acknowledged.insert(seen.begin(), seen.end());
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    } while (Clock::now() < kill_at);
    seen = punches(centre_database(*centre));
    acknowledged.insert(seen.begin(), seen.end());
    const int begun_before_kill = begun;
    kill(kiosk.pid, SIGKILL);
    const int begun_at_kill = begun;  // read after the kill: no later scan can land
    reader.join();
    bool killed = false;
    finish(kiosk, killed);
    tally.kills += killed;
    CHECK_MESSAGE(killed, "the kiosk ended by itself; its log:\n", read_file(log));

    const std::set<std::string> after = punches(centre_database(*centre));
    for (const auto& id : acknowledged) CHECK_MESSAGE(after.count(id) == 1, "acknowledged punch lost: ", id);
    const int written = static_cast<int>(after.size() - before) - 2;
    CHECK(written >= 0);
    CHECK(written <= begun_at_kill);  // one punch per scan at most, and only once it is typed
    tally.burst_scans_written += written;
    if (written < begun_before_kill) ++tally.cut_mid_burst;
    auto verify = ft::test::floor_terminal({"verify", "--db", db});
    REQUIRE_MESSAGE(verify.exit_code == 0, verify.err);
  }
  tally.acknowledged += static_cast<int>(acknowledged.size());

  ft::Statement integrity(centre_database(*centre), "PRAGMA integrity_check");
  REQUIRE(integrity.step());
  CHECK(integrity.text(0) == "ok");
  ft::Statement whole(centre_database(*centre),
                      "SELECT COUNT(*) FROM events WHERE type IN ('CheckedIn', 'CheckedOut') AND "
                      "(json_extract(payload, '$.trainee_id') IS NULL OR json_extract(payload, '$.time') IS NULL)");
  REQUIRE(whole.step());
  CHECK(whole.int64(0) == 0);                                  // no punch without its trainee or its time
  CHECK(read_file(log).find("Kursist") == std::string::npos);  // the log carries ids, never names
}

}  // namespace

TEST_CASE("the kiosk killed at random moments while badges are scanned keeps every acknowledged punch, whole") {
  if (!have_display_and_xdotool()) {
    MESSAGE("skipped: needs a display (xvfb-run) and xdotool");
    return;
  }
  const HeldDisplay display;
  REQUIRE_MESSAGE(display.held, "cannot connect to the display ", std::getenv("DISPLAY"));
  std::mt19937 rng(2211);
  Tally tally;
  for (int c = 0; c < kCentres; ++c) {
    CAPTURE(c);
    const TempDir dir;
    kill_rounds(dir, rng, tally);
  }
  MESSAGE("kiosk killed ", tally.kills, " times; ", tally.acknowledged, " punches acknowledged; ",
          tally.burst_scans_written, " of ", 3 * kCentres * kRoundsPerCentre, " scans around the kills written; ",
          tally.cut_mid_burst, " kills between a scan's first key and its commit");
  CHECK(tally.kills == kCentres * kRoundsPerCentre);
  CHECK(tally.cut_mid_burst > 0);  // the kills really did land among the scans
}
