// Internships across the municipality (issue 20): the jobcentre approves on
// the server, two terminals agree, extend and end placements, and all three
// end with the same picture. Only the approved weeks travel: the legal basis
// stays in the server's database. Runs on SQLite and, as
// sync_internship_pg, on PostgreSQL.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "sync/server/jobcentre.hpp"
#include "sync/server/sql.hpp"
#include "terminal/store/centre_database.hpp"
#include "tests/sync/sync_fixture.hpp"

using namespace ft;
using namespace ft::test;

namespace {

void sync_now(const std::string& db) {
  auto r = floor_terminal({"sync", "--db", db});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

// A supervisor made at the jobcentre, PIN 24680; the id.
std::string add_supervisor(const ServerProcess& server) {
  auto staff = sync_server({"add-staff", "--db", server.db(), "--name", "Sanne Konsulent", "--role", "supervisor",
                            "--pin", "24680"});
  REQUIRE_MESSAGE(staff.exit_code == 0, staff.err);
  return last_line(staff.out);
}

void join(const std::string& db, ServerProcess& server, const std::string& name) {
  auto r = floor_terminal({"join", "--db", db, "--server", server.url(), "--ca", pki().ca, "--code",
                           server.add_terminal(name)});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

Json trainee_on(const Json& trainees, const std::string& id) {
  for (const auto& t : trainees)
    if (t.at("id") == id) return t;
  FAIL("no trainee ", id);
  return nullptr;
}

Json on_terminal(const std::string& db, const std::string& id) {
  auto r = floor_terminal({"status", "--db", db, "--json"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return trainee_on(Json::parse(r.out).at("trainees"), id);
}

Json on_server(const ServerProcess& server, const std::string& id) {
  auto r = sync_server({"status", "--db", server.db(), "--json"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return trainee_on(Json::parse(r.out).at("centres").at(0).at("trainees"), id);
}

// Every byte of a terminal's database files, to look for what must not be there.
std::string raw_bytes(const std::string& db) {
  std::string all;
  for (const char* suffix : {"", "-wal"})
    if (std::filesystem::exists(db + suffix)) all += read_file(db + suffix);
  return all;
}

}  // namespace

TEST_CASE("approvals and agreements converge across two terminals and the server; the basis stays on the server") {
  use_test_timeouts_in_children();
  setenv("FT_LANG", "en", 1);
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  const std::string supervisor = add_supervisor(server);
  const std::string t1 = dir.file("t1.db"), t2 = dir.file("t2.db");
  join(t1, server, "Gulv 1");
  join(t2, server, "Gulv 2");
  // Terminal 1 registers the host and enrols the trainee; terminal 2 learns both.
  REQUIRE(floor_terminal({"host", "--db", t1, "--name", "Elite Miljø A/S", "--cvr", "12345674", "--staff", "120"}).exit_code == 0);
  const std::string trainee = last_line(floor_terminal({"enrol", "--db", t1, "--name", "Åse Ærø"}).out);
  sync_now(t1), sync_now(t2);
  {
    auto r = floor_terminal({"status", "--db", t2, "--json"});
    const Json hosts = Json::parse(r.out).at("hosts");
    REQUIRE(hosts.size() == 1);
    CHECK(hosts[0].at("name") == "Elite Miljø A/S");
  }

  // The jobcentre: beyond the basis' maximum is refused with the limit named, and nothing is written.
  const auto events_before = server.event_count();
  auto over = sync_server({"approve-internship", "--db", server.db(), "--trainee", trainee, "--weeks", "14", "--basis",
                          "lab61-13w"});
  CHECK(over.exit_code == 1);
  CHECK(over.err.find("An approval on lab61-13w is at most 13 weeks in all under the rules in force from") == 0);
  auto unknown = sync_server({"approve-internship", "--db", server.db(), "--trainee", "no-such-id", "--weeks", "4",
                             "--basis", "lab61-4w"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err == "There is no trainee with the id no-such-id in this centre.\n");
  CHECK(server.event_count() == events_before);
  auto approved = sync_server({"approve-internship", "--db", server.db(), "--trainee", trainee, "--weeks", "13",
                              "--basis", "lab61-13w"});
  REQUIRE_MESSAGE(approved.exit_code == 0, approved.err);

  // Terminal 2 learns the approval: beyond it is refused; within it the agreement holds, with no "awaiting".
  sync_now(t2);
  auto too_long = floor_terminal({"stage", "--db", t2, "--trainee", trainee, "--to", "internship", "--host", "12345674",
                          "--start", on_terminal(t2, trainee).at("started").get<std::string>(), "--weeks", "14",
                          "--hours", "30", "--purpose", "Kontorrengøring", "--as", supervisor, "--pin", "24680"});
  CHECK(too_long.exit_code == 1);
  CHECK(too_long.err ==
        "14 weeks is longer than the jobcentre approved (13 weeks). Ask the jobcentre for an extension first.\n");
  const std::string start = on_terminal(t2, trainee).at("started").get<std::string>();
  auto agreed = floor_terminal({"stage", "--db", t2, "--trainee", trainee, "--to", "internship", "--host", "Elite Miljø A/S",
                        "--start", start, "--weeks", "13", "--hours", "30", "--purpose", "Kontorrengøring", "--as",
                        supervisor, "--pin", "24680"});
  REQUIRE_MESSAGE(agreed.exit_code == 0, agreed.err);
  CHECK(agreed.out == "stage internship\n");

  // The extension: 26 weeks on the server, then a further 13 that needs a reason.
  REQUIRE(sync_server({"approve-internship", "--db", server.db(), "--trainee", trainee, "--weeks", "26", "--basis",
                      "lab61-26w"})
              .exit_code == 0);
  auto no_reason = sync_server({"approve-internship", "--db", server.db(), "--trainee", trainee, "--weeks", "39",
                               "--basis", "lab61-further-13w"});
  CHECK(no_reason.exit_code == 1);
  CHECK(no_reason.err == "An approval on lab61-further-13w needs a reason: give --reason TEXT.\n");
  REQUIRE(sync_server({"approve-internship", "--db", server.db(), "--trainee", trainee, "--weeks", "39", "--basis",
                      "lab61-further-13w", "--reason", "Særligt behov: ny arbejdsfunktion"})
              .exit_code == 0);
  sync_now(t2), sync_now(t1);
  // Terminal 1 extends the agreement it never made itself.
  auto extended = floor_terminal({"stage", "--db", t1, "--trainee", trainee, "--to", "internship", "--host", "12345674",
                          "--start", start, "--weeks", "39", "--hours", "30", "--purpose", "Kontorrengøring", "--as",
                          supervisor, "--pin", "24680"});
  REQUIRE_MESSAGE(extended.exit_code == 0, extended.err);
  sync_now(t1), sync_now(t2), sync_now(t1);

  const Json a = on_terminal(t1, trainee), b = on_terminal(t2, trainee), s = on_server(server, trainee);
  CHECK(a == b);
  CHECK(a == s);
  CHECK(a.at("internship").at("approved_weeks") == 39);
  CHECK(a.at("internship").at("weeks") == 39);
  CHECK(a.at("internship").at("host") == "Elite Miljø A/S");
  CHECK(a.at("internship").at("ends") == format_day(*parse_day(start) + 39 * 7 - 1));
  // Neither the basis nor the reason ever reached a terminal.
  for (const auto& db : {t1, t2}) {
    const std::string bytes = raw_bytes(db);
    CHECK(bytes.find("lab61") == std::string::npos);
    CHECK(bytes.find("Særligt behov") == std::string::npos);
  }
  if (!server.db().starts_with("postgresql:")) CHECK(raw_bytes(server.db()).find("lab61-further-13w") != std::string::npos);

  // Ending early on terminal 2: back to the centre closes the internship everywhere.
  REQUIRE(floor_terminal({"stage", "--db", t2, "--trainee", trainee, "--to", "centre", "--as", supervisor, "--pin", "24680"})
              .exit_code == 0);
  sync_now(t2), sync_now(t1);
  CHECK(on_terminal(t1, trainee).at("internship").is_null());
  CHECK(on_server(server, trainee).at("internship").is_null());
  CHECK(on_terminal(t1, trainee) == on_server(server, trainee));
  unsetenv("FT_LANG");
}

TEST_CASE("the server's rule sets come from its configuration: the set in force decides the limit") {
  TempDir dir;
  const std::string db = dir.file("server.db");
  REQUIRE(sync_server({"add-centre", "--db", db, "--name", "Træningscenter Ikast"}).exit_code == 0);
  auto referral = sync_server({"add-referral", "--db", db, "--name", "Rikke Holm"});
  REQUIRE_MESSAGE(referral.exit_code == 0, referral.err);
  const std::string trainee = last_line(referral.out);
  // A set in force since 2026 that shortens the 13-week basis; the 2024 set before it allowed 13.
  const std::string rules = dir.file("rules.toml");
  {
    std::ofstream f(rules);
    f << "[[internship_rules]]\nfrom = \"2024-03-01\"\nbases = [ { key = \"lab61-13w\", max_weeks = 13 } ]\n"
         "[[internship_rules]]\nfrom = \"2026-01-01\"\nbases = [ { key = \"lab61-13w\", max_weeks = 10 } ]\n";
  }
  auto refused = sync_server({"approve-internship", "--db", db, "--trainee", trainee, "--weeks", "13", "--basis",
                             "lab61-13w", "--rules", rules});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err ==
        "An approval on lab61-13w is at most 10 weeks in all under the rules in force from 2026-01-01; 13 weeks cannot "
        "be approved.\n");
  auto unknown = sync_server({"approve-internship", "--db", db, "--trainee", trainee, "--weeks", "4", "--basis",
                             "lab61-4w", "--rules", rules});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("There is no basis lab61-4w in the rules in force from 2026-01-01") == 0);
  auto approved = sync_server({"approve-internship", "--db", db, "--trainee", trainee, "--weeks", "10", "--basis",
                              "lab61-13w", "--rules", rules});
  CHECK_MESSAGE(approved.exit_code == 0, approved.err);
  // A broken file names its line and writes nothing.
  {
    std::ofstream f(rules);
    f << "[[internship_rules]]\nfrom = \"1 March 2024\"\nbases = [ { key = \"lab61-4w\", max_weeks = 4 } ]\n";
  }
  const auto events = Json::parse(sync_server({"status", "--db", db, "--json"}).out).at("events");
  auto broken = sync_server({"approve-internship", "--db", db, "--trainee", trainee, "--weeks", "4", "--basis",
                            "lab61-4w", "--rules", rules});
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.find(rules + " line 1: 'from' must be the day the set takes effect, as YYYY-MM-DD.") == 0);
  CHECK(Json::parse(sync_server({"status", "--db", db, "--json"}).out).at("events") == events);
}

namespace {

std::int64_t wall_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Rows of the server's internship_bases about `trainee`, as "basis|reason".
std::vector<std::string> bases_on_server(const ServerProcess& server, const std::string& trainee) {
  auto db = server::is_postgres_uri(server.db()) ? server::SqlDb::open_postgres(server.db())
                                                 : server::SqlDb::open_sqlite(server.db(), false);
  server::SqlStmt s(*db, "SELECT basis, reason FROM internship_bases WHERE trainee_id=? ORDER BY basis");
  s.bind(1, trainee);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0) + "|" + s.text(1));
  return out;
}

// A server, two terminals joined to it, and a trainee enrolled on the first:
// where a terminal tries to write what only the jobcentre may.
struct TwoFloors {
  struct Timeouts {  // before the server starts a child
    Timeouts() { use_test_timeouts_in_children(); }
  } timeouts;
  TempDir dir;
  ServerProcess server{dir.file("server.db"), pki(), dir.file("server.log")};
  std::string t1 = dir.file("t1.db"), t2 = dir.file("t2.db"), trainee;
  TwoFloors() {
    server.start();
    join(t1, server, "Gulv 1");
    join(t2, server, "Gulv 2");
    trainee = last_line(floor_terminal({"enrol", "--db", t1, "--name", "Frede Falsk"}).out);
  }
};

}  // namespace

TEST_CASE("an approval a terminal writes itself is refused by the server, reaches no other terminal, and the queue drains") {
  TwoFloors floors;
  auto& server = floors.server;
  const std::string &t1 = floors.t1, &t2 = floors.t2, &trainee = floors.trainee;
  // Terminal 1's database gets an approval in the jobcentre's name, as only a hand on the file could write it,
  // and an ordinary enrolment after it in the queue.
  std::string forged;
  {
    Terminal t(t1, wall_now_ms());
    Transaction tx(centre_database(*t.centre));
    forged = stamp_and_append(centre_database(*t.centre), t.centre->terminal_id(), kJobcentreActor,
                              {Draft{ev::kInternshipApproved,
                                     {{"trainee_id", trainee}, {"weeks", 52}, {"day", format_day(t.centre->today())}}}},
                              t.now_ms, t.centre->state().max_hlc)
                 .at(0)
                 .event_id;
    tx.commit();
  }
  const std::string after = last_line(floor_terminal({"enrol", "--db", t1, "--name", "Efter Falsk"}).out);

  auto pushed = floor_terminal({"sync", "--db", t1});
  REQUIRE_MESSAGE(pushed.exit_code == 0, pushed.err);
  CHECK(pushed.out.find(" 1 refused by the server, 0 waiting.") != std::string::npos);
  const Json sync_state = Json::parse(floor_terminal({"status", "--db", t1, "--json"}).out).at("sync");
  CHECK(sync_state.at("dead_letters") == 1);
  CHECK(sync_state.at("pending") == 0);
  // The server kept the enrolment behind it and not the approval.
  CHECK_FALSE(server.event_ids().count(forged));
  CHECK(on_server(server, after).at("name") == "Efter Falsk");
  // Terminal 2 learns both people, and nothing of the approval.
  sync_now(t2);
  CHECK(on_terminal(t2, after).at("name") == "Efter Falsk");
  CHECK_FALSE(Terminal(t2, wall_now_ms()).event_ids().count(forged));
  // Nor does the forging terminal count it: the fold takes an approval only from the server.
  CHECK(Terminal(t1, wall_now_ms()).centre->state().trainee(trainee)->approvals.empty());
  // Nothing is sent again: the refused event stays a dead letter on terminal 1.
  auto again = floor_terminal({"sync", "--db", t1});
  REQUIRE_MESSAGE(again.exit_code == 0, again.err);
  CHECK(again.out.find("Sync complete: 0 sent") == 0);
}

TEST_CASE("a handled mark a terminal writes itself, under any actor, is refused and counted nowhere") {
  TwoFloors floors;
  auto& server = floors.server;
  const std::string &t1 = floors.t1, &t2 = floors.t2, &trainee = floors.trainee;
  // A no-show "handled by" a real caseworker's login, once under a staff id and once in the jobcentre's name.
  std::vector<std::string> forged;
  {
    Terminal t(t1, wall_now_ms());
    for (const char* actor : {"some-staff-id", kJobcentreActor}) {
      Transaction tx(centre_database(*t.centre));
      forged.push_back(stamp_and_append(centre_database(*t.centre), t.centre->terminal_id(), actor,
                                        {Draft{ev::kAbsenceHandled,
                                               {{"trainee_id", trainee}, {"day", format_day(t.centre->today() - 1)},
                                                {"kind", "no_show"}, {"by", "caseworker-anne"}}}},
                                        t.now_ms, t.centre->state().max_hlc)
                           .at(0)
                           .event_id);
      tx.commit();
      t.centre->refresh();
    }
    CHECK(t.centre->state().trainee(trainee)->handled.empty());  // not even before it is sent
  }
  auto pushed = floor_terminal({"sync", "--db", t1});
  REQUIRE_MESSAGE(pushed.exit_code == 0, pushed.err);
  CHECK(pushed.out.find(" 2 refused by the server, 0 waiting.") != std::string::npos);
  CHECK(Json::parse(floor_terminal({"status", "--db", t1, "--json"}).out).at("sync").at("dead_letters") == 2);
  sync_now(t2);
  for (const auto& id : forged) {
    CHECK_FALSE(server.event_ids().count(id));
    CHECK_FALSE(Terminal(t2, wall_now_ms()).event_ids().count(id));
  }
  CHECK(Terminal(t1, wall_now_ms()).centre->state().trainee(trainee)->handled.empty());
  CHECK(Terminal(t2, wall_now_ms()).centre->state().trainee(trainee)->handled.empty());
}

TEST_CASE("the same approval given twice is refused the second time as approved already; one event, one basis") {
  use_test_timeouts_in_children();
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  const std::string t1 = dir.file("t1.db");
  join(t1, server, "Gulv 1");
  const std::string trainee = last_line(floor_terminal({"enrol", "--db", t1, "--name", "Dobbelt Klik"}).out);
  sync_now(t1);
  const std::vector<std::string> approve{"approve-internship", "--db", server.db(), "--trainee", trainee, "--weeks",
                                         "13", "--basis", "lab61-26w"};
  REQUIRE(sync_server(approve).exit_code == 0);
  const auto events = server.event_ids().size();
  auto twice = sync_server(approve);
  CHECK(twice.exit_code != 0);
  CHECK(twice.err.find("13 weeks in all are approved already; nothing was changed.") != std::string::npos);
  CHECK(server.event_ids().size() == events);
  CHECK(bases_on_server(server, trainee) == std::vector<std::string>{"lab61-26w|"});
  // A different decision is still one: the extension to 26 weeks goes through.
  auto longer = approve;
  longer[6] = "26";
  CHECK(sync_server(longer).exit_code == 0);
  CHECK(bases_on_server(server, trainee).size() == 2);
}

TEST_CASE("a decision made before an approval or an exit landed is refused by the check inside the write") {
  TwoFloors floors;
  auto& server = floors.server;
  const std::string &t1 = floors.t1, &trainee = floors.trainee;
  const std::string supervisor = add_supervisor(server);
  sync_now(t1);
  const std::string centre =
      Json::parse(sync_server({"status", "--db", server.db(), "--json"}).out).at("centres").at(0).at("id");
  auto db = server::is_postgres_uri(server.db()) ? server::SqlDb::open_postgres(server.db())
                                                 : server::SqlDb::open_sqlite(server.db(), false);
  const auto rules = default_approval_rules();
  const Day today = server::local_day(wall_now_ms());
  auto refusal = [&](int weeks) {
    auto r = server::approval_refused_in(*db, centre, trainee, weeks, "lab61-26w", "", rules, today);
    return r ? r->code : std::string("none");
  };
  CHECK(refusal(13) == "none");  // what a caseworker's form was decided on
  // Another caseworker's 13 weeks land first: the same decision is now approved already.
  REQUIRE(sync_server({"approve-internship", "--db", server.db(), "--trainee", trainee, "--weeks", "13", "--basis",
                       "lab61-26w"})
              .exit_code == 0);
  CHECK(refusal(13) == "already_approved");
  CHECK(refusal(26) == "none");
  // The trainee leaves on the floor and the push lands: nothing is approvable any more.
  sync_now(t1);
  REQUIRE(floor_terminal({"stage", "--db", t1, "--trainee", trainee, "--to", "exited", "--reason", "moved", "--as",
                          supervisor, "--pin", "24680"})
              .exit_code == 0);
  sync_now(t1);
  CHECK(refusal(26) == "trainee_not_active");
}

TEST_CASE("when a trainee is erased, the legal basis and reason of their approvals leave the server with them") {
  use_test_timeouts_in_children();
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  const std::string supervisor = add_supervisor(server);
  const std::string t1 = dir.file("t1.db");
  join(t1, server, "Gulv 1");
  const std::string gone = last_line(floor_terminal({"enrol", "--db", t1, "--name", "Gitte Glemt"}).out);
  const std::string stays = last_line(floor_terminal({"enrol", "--db", t1, "--name", "Bo Bliver"}).out);
  sync_now(t1);
  for (const auto& id : {gone, stays})
    REQUIRE(sync_server({"approve-internship", "--db", server.db(), "--trainee", id, "--weeks", "13", "--basis",
                         "lab61-13w", "--reason", "Afklaring af arbejdsevne"})
                .exit_code == 0);
  CHECK(bases_on_server(server, gone) == std::vector<std::string>{"lab61-13w|Afklaring af arbejdsevne"});
  sync_now(t1);
  REQUIRE(floor_terminal({"stage", "--db", t1, "--trainee", gone, "--to", "exited", "--reason", "moved", "--as",
                          supervisor, "--pin", "24680"})
              .exit_code == 0);
  sync_now(t1);  // nothing is erased while events wait to be sent
  // A year and a day on, the terminal's erasure (erase-expired does the same) reaches the server.
  {
    Terminal t(t1, wall_now_ms() + 366LL * 24 * 3600 * 1000);
    REQUIRE(t.centre->execute(EraseTrainee{gone}, local_admin()).ok());
  }
  sync_now(t1);
  CHECK(bases_on_server(server, gone).empty());
  CHECK(bases_on_server(server, stays) == std::vector<std::string>{"lab61-13w|Afklaring af arbejdsevne"});
}
