// The sync client killed with SIGKILL at random moments mid-round, then run
// again: the server and every terminal end with each event exactly once,
// and the terminal databases stay sound.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <random>
#include <thread>

#include "sync/client/round.hpp"
#include "terminal/store/centre_database.hpp"
#include "terminal/store/sync_ledger.hpp"
#include "tests/sync/sync_fixture.hpp"

using namespace ft;
using namespace ft::test;

namespace {

void join(const std::string& db, ServerProcess& server, const std::string& name) {
  auto r = run({binary("floor-terminal"), "join", "--db", db, "--server", server.url(), "--ca", pki().ca, "--code",
                server.add_terminal(name)});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

// Many events at once, in one transaction, the way the store stamps them.
void make_events(const std::string& db_path, int n) {
  Terminal t(db_path, kMonday0730);
  std::vector<Draft> drafts;
  for (int i = 0; i < n; ++i)
    drafts.push_back(Draft{ev::kTraineeEnrolled,
                           Json{{"trainee_id", new_uuid(kMonday0730)}, {"name", "Kursist " + std::to_string(i)},
                                {"language", "da"}, {"stage", "referred"}, {"day", "2026-03-02"}}});
  Transaction tx(centre_database(*t.centre));
  stamp_and_append(centre_database(*t.centre), t.centre->terminal_id(), "admin", drafts, kMonday0730);
  tx.commit();
}

std::int64_t scalar(const std::string& db_path, const char* sql) {
  Terminal t(db_path, kMonday0730);
  Statement q(centre_database(*t.centre), sql);
  q.step();
  return q.int64(0);
}

// Progress after each kill is printed, to show the kills land mid-round.
void kill_syncs_at_random(const std::string& db, int times, std::mt19937& rng, const std::string& log,
                          const std::function<std::int64_t()>& progress) {
  std::string seen;
  for (int i = 0; i < times; ++i) {
    const pid_t pid = spawn({binary("floor-terminal"), "sync", "--db", db}, log);
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(1, 120)(rng)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    seen += std::to_string(progress()) + " ";
  }
  MESSAGE("events held after each kill: ", seen);
}


}  // namespace

TEST_CASE("a sync client killed mid-round and restarted leaves every event exactly once everywhere") {
  use_test_timeouts_in_children();
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  const std::string t1 = dir.file("t1.db"), t2 = dir.file("t2.db");
  join(t1, server, "Floor A");
  join(t2, server, "Floor B");
  constexpr int kEvents = 3000;
  make_events(t1, kEvents);
  std::mt19937 rng(7);

  kill_syncs_at_random(t1, 12, rng, dir.file("kills.log"), [&] { return server.event_count(); });  // pushes cut short
  auto done1 = run({binary("floor-terminal"), "sync", "--db", t1});
  REQUIRE_MESSAGE(done1.exit_code == 0, done1.err);
  CHECK(server.event_count() == kEvents + kSetupEvents);

  kill_syncs_at_random(t2, 12, rng, dir.file("kills.log"),
                       [&] { return scalar(t2, "SELECT count(*) FROM events"); });  // pulls cut short
  auto done2 = run({binary("floor-terminal"), "sync", "--db", t2});
  REQUIRE_MESSAGE(done2.exit_code == 0, done2.err);

  const auto server_ids = server.event_ids();
  CHECK(server_ids.size() == kEvents + kSetupEvents);
  for (const auto& db : {t1, t2}) {
    CAPTURE(db);
    Terminal t(db, kMonday0730);
    CHECK(t.event_ids() == server_ids);
    CHECK(scalar(db, "SELECT count(*) FROM events") == kEvents + kSetupEvents);
    CHECK(SyncLedger(centre_database(*t.centre)).pending_count() == 0);
    Statement check(centre_database(*t.centre), "PRAGMA integrity_check");
    REQUIRE(check.step());
    CHECK(check.text(0) == "ok");
    auto verify = run({binary("floor-terminal"), "verify", "--db", db});
    CHECK_MESSAGE(verify.exit_code == 0, verify.out, verify.err);
  }
  // One more round each changes nothing.
  CHECK(run({binary("floor-terminal"), "sync", "--db", t1}).exit_code == 0);
  CHECK(run({binary("floor-terminal"), "sync", "--db", t2}).exit_code == 0);
  CHECK(server.event_count() == kEvents + kSetupEvents);
}
