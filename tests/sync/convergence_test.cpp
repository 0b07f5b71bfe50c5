// Two and three terminals doing random offline work between random syncs
// end with the same events as the server and the same folded state — both
// the state each kiosk keeps in memory and a fresh fold of its log.
#include <doctest/doctest.h>

#include <random>

#include "sync/client/round.hpp"
#include "terminal/store/centre_database.hpp"
#include "terminal/store/sync_ledger.hpp"
#include "tests/sync/sync_fixture.hpp"

using namespace ft;
using namespace ft::test;

namespace {

template <typename Map>
std::string pick_key(const Map& m, std::mt19937& rng) {
  if (m.empty()) return "";
  auto it = m.begin();
  std::advance(it, std::uniform_int_distribution<size_t>(0, m.size() - 1)(rng));
  return it->first;
}

// One piece of floor work on a terminal, chosen at random; refusals are part of life.
void random_work(Terminal& t, std::mt19937& rng, int& counter) {
  t.advance_minutes(std::uniform_int_distribution<int>(1, 240)(rng));
  const State& s = t.centre->state();
  const std::string trainee = pick_key(s.trainees, rng);
  std::string staff_id;
  Role staff_role = Role::Instructor;
  if (!s.staff.empty()) {
    staff_id = pick_key(s.staff, rng);
    staff_role = s.staff.at(staff_id).role;
  }
  const Actor staff{staff_id, staff_role};
  const Actor self{trainee, Role::Trainee};
  switch (std::uniform_int_distribution<int>(0, 7)(rng)) {
    case 0: {
      Enrol e;
      e.name = "Kursist " + std::to_string(++counter);
      e.waitlist = std::uniform_int_distribution<int>(0, 2)(rng) == 0;
      t.centre->execute(e, local_admin());
      break;
    }
    case 1:
      if (!trainee.empty()) t.centre->execute(CheckIn{trainee}, self);
      break;
    case 2:
      if (!trainee.empty()) t.centre->execute(CheckOut{trainee}, self);
      break;
    case 3:
      if (!trainee.empty() && !staff_id.empty()) {
        Assess a;
        a.trainee_ids = {trainee};
        const auto& skills = catalogue().skills;
        a.skill = skills[std::uniform_int_distribution<size_t>(0, skills.size() - 1)(rng)].key;
        a.level = std::uniform_int_distribution<int>(1, 4)(rng);
        t.centre->execute(a, staff);
      }
      break;
    case 4:
      if (!trainee.empty() && !staff_id.empty()) {
        AddNote n;
        n.trainee_id = trainee;
        n.text = "Note " + std::to_string(++counter);
        t.centre->execute(n, staff);
      }
      break;
    case 5:
      if (!trainee.empty() && staff_role == Role::Supervisor) {
        ChangeStage c;
        c.trainee_id = trainee;
        c.to = std::uniform_int_distribution<int>(0, 1)(rng) ? Stage::Internship : Stage::Centre;
        if (c.to == Stage::Internship) c.host = "Elite Miljø";
        t.centre->execute(c, staff);
      }
      break;
    case 6:  // internships: a host firm, then agreements and extensions with it
      if (s.hosts.empty()) {
        t.centre->execute(RegisterHost{"Elite Miljø A/S", "12345674", 12}, local_admin());
      } else if (!trainee.empty() && staff_role == Role::Supervisor) {
        const Day today = t.centre->today();
        t.centre->execute(AgreeInternship{trainee, "12345674", today, std::uniform_int_distribution<int>(1, 13)(rng),
                                          30, "Kontorrengøring " + std::to_string(++counter)},
                          staff);
      }
      break;
    default:
      break;  // a quiet moment
  }
}

bool sync_once(Terminal& t, sync::HttpsClient& http) {
  SyncLedger ledger(centre_database(*t.centre));
  auto report = sync::run_round(ledger, http);
  t.centre->refresh();
  if (!report.ok) MESSAGE("round failed: ", report.fault ? report.fault->sentence : "");
  return report.ok;
}

void converge(int terminal_count, unsigned seed) {
  CAPTURE(seed);
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  // The jobcentre has a supervisor, an instructor and two referrals waiting.
  run({binary("sync-server"), "add-staff", "--db", server.db(), "--name", "Sanne Supervisor", "--role",
       "supervisor", "--pin", "24680"});
  run({binary("sync-server"), "add-staff", "--db", server.db(), "--name", "Ivan Instruktør", "--role",
       "instructor", "--pin", "13579"});
  run({binary("sync-server"), "add-referral", "--db", server.db(), "--name", "Rikke Henvist"});
  run({binary("sync-server"), "add-referral", "--db", server.db(), "--name", "Rasmus Henvist"});

  std::mt19937 rng(seed);
  std::vector<std::unique_ptr<Terminal>> terminals;
  std::vector<std::unique_ptr<sync::HttpsClient>> clients;
  for (int i = 0; i < terminal_count; ++i) {
    terminals.push_back(std::make_unique<Terminal>(dir.file("t" + std::to_string(i) + ".db"),
                                                   kMonday0730 + i * 7'000));
    clients.push_back(std::make_unique<sync::HttpsClient>(test_http_options()));
    SyncLedger ledger(centre_database(*terminals[i]->centre));
    auto joined = sync::join_server(ledger, *clients[i], server.url(), pki().ca,
                                    server.add_terminal("Floor " + std::to_string(i)));
    REQUIRE_FALSE(joined.fault);
  }
  int counter = 0;
  for (int step = 0; step < 250; ++step) {
    const int i = std::uniform_int_distribution<int>(0, terminal_count - 1)(rng);
    if (std::uniform_int_distribution<int>(0, 4)(rng) == 0) REQUIRE(sync_once(*terminals[i], *clients[i]));
    else random_work(*terminals[i], rng, counter);
  }
  // Everyone pushes, then everyone pulls what the others pushed.
  for (int round = 0; round < 2; ++round)
    for (int i = 0; i < terminal_count; ++i) REQUIRE(sync_once(*terminals[i], *clients[i]));

  const auto server_ids = server.event_ids();
  CHECK(static_cast<std::int64_t>(server_ids.size()) == server.event_count());
  const std::string expected = digest(terminals[0]->centre->state());
  // The random work really happened: attendance and assessments from several terminals.
  CHECK(expected.find("  day ") != std::string::npos);
  CHECK(expected.find("  assessed ") != std::string::npos);
  CHECK(expected.find("  agreement ") != std::string::npos);
  CHECK(server_ids.size() > 40);
  MESSAGE(terminal_count, " terminals converged on ", server_ids.size(), " events");
  for (int i = 0; i < terminal_count; ++i) {
    CAPTURE(i);
    CHECK(terminals[i]->event_ids() == server_ids);
    CHECK(SyncLedger(centre_database(*terminals[i]->centre)).pending_count() == 0);
    CHECK(digest(terminals[i]->centre->state()) == expected);
    CHECK(digest_of_log(centre_database(*terminals[i]->centre)) == expected);
  }
}

}  // namespace

TEST_CASE("two terminals with random offline work and syncs end in identical state") {
  for (unsigned seed : {1u, 2u, 3u}) converge(2, seed);
}

TEST_CASE("three terminals with random offline work and syncs end in identical state") {
  for (unsigned seed : {11u, 12u}) converge(3, seed);
}
