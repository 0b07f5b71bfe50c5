// The SQLite store as a user meets it: a real file in a temporary folder.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "terminal/core/dates.hpp"
#include "terminal/core/evolve.hpp"
#include "terminal/store/centre.hpp"
#include "terminal/store/centre_database.hpp"
#include "terminal/store/schema.hpp"
#include "terminal/store/sync_ledger.hpp"
#include "tests/test_support.hpp"

using namespace ft;
using ft::test::TempDir;

namespace {
constexpr std::int64_t kMonday0800 = 1772409600000LL + 8 * 3600 * 1000;  // 2026-03-02 08:00 UTC

std::unique_ptr<Centre> open_centre(const std::string& path, std::int64_t ms = kMonday0800) {
  StoreError error;
  auto c = Centre::open(path, Rules{}, test::catalogue(), error, Clock::fixed(ms));
  INFO(error.code, ": ", error.detail);
  REQUIRE(c);
  return c;
}

std::string enrol(Centre& c, const std::string& name, std::optional<std::string> pin = std::nullopt) {
  Enrol e;
  e.name = name;
  e.pin = pin;
  auto out = c.execute(e, local_admin());
  REQUIRE(out.ok());
  return out.new_id;
}

std::int64_t count_rows(Database& db, const char* table) {
  Statement q(db, (std::string("SELECT COUNT(*) FROM ") + table).c_str());
  q.step();
  return q.int64(0);
}
}  // namespace

TEST_CASE("the database file is created with mode 0600, in WAL mode with full sync") {
  TempDir dir;
  auto c = open_centre(dir.file("centre.db"));
  enrol(*c, "Mode Check");
  struct stat st{};
  REQUIRE(stat(dir.file("centre.db").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(stat(dir.file("centre.db-wal").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  Statement q(centre_database(*c), "PRAGMA journal_mode");
  q.step();
  CHECK(q.text(0) == "wal");
  Statement s(centre_database(*c), "PRAGMA synchronous");
  s.step();
  CHECK(s.int64(0) == 2);  // FULL
}

TEST_CASE("odd names come back exactly after a reopen") {
  TempDir dir;
  const std::vector<std::string> names = {
      "Åse Ærø-Ødegaard", "O'Brien\"; DROP TABLE events;--", "محمد عبد الله", std::string(200, 'x'),
      "Zoë Łukasiewicz-Çelik", "Олена Шевченко"};
  std::vector<std::string> ids;
  {
    auto c = open_centre(dir.file("centre.db"));
    for (const auto& n : names) ids.push_back(enrol(*c, n));
  }
  auto c = open_centre(dir.file("centre.db"));
  for (size_t i = 0; i < names.size(); ++i) CHECK(c->state().trainee(ids[i])->name.value == names[i]);
  CHECK(count_rows(centre_database(*c), "events") == static_cast<std::int64_t>(names.size()));
}

TEST_CASE("a file that is not ours is refused and left byte-for-byte untouched") {
  TempDir dir;
  for (const std::string& content : {std::string("just some text\n"), std::string(4096, '\x5a')}) {
    const auto path = dir.file("foreign.bin");
    { std::ofstream(path, std::ios::binary) << content; }
    StoreError error;
    CHECK_FALSE(Database::open(path, error));
    CHECK(error.code == "not_ours");
    CHECK(test::read_file(path) == content);
    CHECK_FALSE(std::filesystem::exists(path + "-wal"));
  }
  // Another program's SQLite database is not ours either.
  const auto other = dir.file("other.sqlite");
  {
    sqlite3* db;
    sqlite3_open(other.c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE things(x); INSERT INTO things VALUES(1);", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  const auto before = test::read_file(other);
  StoreError error;
  CHECK_FALSE(Database::open(other, error));
  CHECK(error.code == "not_ours");
  CHECK(test::read_file(other) == before);
}

TEST_CASE("the event log is append-only") {
  TempDir dir;
  auto c = open_centre(dir.file("centre.db"));
  enrol(*c, "Append Only");
  CHECK_THROWS_AS(centre_database(*c).exec("UPDATE events SET type = 'x'"), StoreFailure);
  CHECK_THROWS_AS(centre_database(*c).exec("DELETE FROM events"), StoreFailure);
  CHECK(count_rows(centre_database(*c), "events") == 1);
}

TEST_CASE("a refusal writes nothing: the 16th enrolment leaves the event count unchanged") {
  TempDir dir;
  auto c = open_centre(dir.file("centre.db"));
  for (int i = 0; i < 15; ++i) enrol(*c, "Trainee " + std::to_string(i));
  const auto before = count_rows(centre_database(*c), "events");
  Enrol e;
  e.name = "Sixteen";
  auto out = c->execute(e, local_admin());
  REQUIRE(out.refusal);
  CHECK(out.refusal->code == "centre_full");
  CHECK(count_rows(centre_database(*c), "events") == before);
}

TEST_CASE("schema migrations run from every earlier version") {
  const auto& steps = migrations();
  CHECK(static_cast<int>(steps.size()) == kSchemaVersion);
  for (int from = 1; from < kSchemaVersion; ++from) {
    INFO("from version ", from);
    TempDir dir;
    const auto path = dir.file("old.db");
    {
      sqlite3* db;
      sqlite3_open(path.c_str(), &db);
      for (int v = 0; v < from; ++v) REQUIRE(sqlite3_exec(db, steps[v], nullptr, nullptr, nullptr) == SQLITE_OK);
      const auto pragmas = "PRAGMA application_id=" + std::to_string(kApplicationId) + "; PRAGMA user_version=" + std::to_string(from);
      sqlite3_exec(db, pragmas.c_str(), nullptr, nullptr, nullptr);
      // An event written by the old version survives the migration.
      sqlite3_exec(db,
                   "INSERT INTO events(event_id, terminal_id, terminal_seq, actor_id, hlc, wall_ms, type, payload, schema) "
                   "VALUES('0190f0f0-0000-7000-8000-000000000001','old',1,'admin',1,1,'TraineeEnrolled',"
                   "'{\"trainee_id\":\"t1\",\"name\":\"Gammel Kursist\",\"stage\":\"centre\",\"day\":\"2026-01-05\"}',1)",
                   nullptr, nullptr, nullptr);
      sqlite3_close(db);
    }
    auto c = open_centre(path);
    Statement q(centre_database(*c), "PRAGMA user_version");
    q.step();
    CHECK(q.int64(0) == kSchemaVersion);
    REQUIRE(c->state().trainee("t1"));
    CHECK(c->state().trainee("t1")->name.value == "Gammel Kursist");
    enrol(*c, "New After Migration");
    // The file as it was before the update is kept beside it.
    const auto kept = path + ".before-schema-" + std::to_string(kSchemaVersion);
    REQUIRE(std::filesystem::exists(kept));
    sqlite3* old;
    sqlite3_open(kept.c_str(), &old);
    sqlite3_stmt* version_query;
    sqlite3_prepare_v2(old, "PRAGMA user_version", -1, &version_query, nullptr);
    sqlite3_step(version_query);
    CHECK(sqlite3_column_int(version_query, 0) == from);
    sqlite3_finalize(version_query);
    sqlite3_close(old);
  }
}

TEST_CASE("a database from a newer version is refused") {
  TempDir dir;
  const auto path = dir.file("newer.db");
  { open_centre(path); }
  {
    sqlite3* db;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  StoreError error;
  CHECK_FALSE(Database::open(path, error));
  CHECK(error.code == "newer_schema");
}

TEST_CASE("a wrong PIN is refused and the right one checks in") {
  TempDir dir;
  auto c = open_centre(dir.file("centre.db"));
  const auto id = enrol(*c, "Pin Tester", "2468");
  auto wrong = c->authenticate(id, "1111");
  REQUIRE(wrong.refusal);
  CHECK(wrong.refusal->code == "wrong_pin");
  CHECK(wrong.refusal->params["attempts_left"] == "4");
  auto right = c->authenticate(id, "2468");
  REQUIRE(right.actor);
  CHECK(c->execute(CheckIn{id}, *right.actor).events.size() == 1);
  CHECK(c->state().trainee(id)->days.count(c->today()));
}

TEST_CASE("five wrong PINs lock a trainee out for five minutes, across restarts, and for staff too") {
  TempDir dir;
  const auto path = dir.file("centre.db");
  std::string trainee, staff;
  {
    auto c = open_centre(path);
    trainee = enrol(*c, "Guessing Person", "2468");
    AddStaff s;
    s.name = "Instruktør Ib";
    s.role = Role::Instructor;
    s.pin = "13579";
    staff = c->execute(s, local_admin()).new_id;
    for (const auto& id : {trainee, staff}) {
      for (int i = 0; i < 4; ++i) CHECK(c->authenticate(id, "0000").refusal->code == "wrong_pin");
      CHECK(c->authenticate(id, "00000").refusal->code == "locked");
    }
  }
  auto c = open_centre(path, kMonday0800 + 60 * 1000);
  auto locked = c->authenticate(trainee, "2468");  // even the right PIN waits out the lock
  REQUIRE(locked.refusal);
  CHECK(locked.refusal->code == "locked");
  CHECK(locked.refusal->params["minutes"] == "4");
  CHECK(c->authenticate(staff, "13579").refusal->code == "locked");
  c->set_clock(Clock::fixed(kMonday0800 + 5 * 60 * 1000 + 1));
  CHECK(c->authenticate(trainee, "2468").actor);
  // The next lockout lasts twice as long.
  for (int i = 0; i < 5; ++i) c->authenticate(trainee, "0000");
  c->set_clock(Clock::fixed(kMonday0800 + 14 * 60 * 1000));
  CHECK(c->authenticate(trainee, "2468").refusal->code == "locked");
}

TEST_CASE("projections are updated with each event and agree with the fold") {
  TempDir dir;
  auto c = open_centre(dir.file("centre.db"));
  const auto id = enrol(*c, "Projected Person");
  c->execute(CheckIn{id}, Actor{id, Role::Trainee});
  Statement q(centre_database(*c),
              "SELECT r.name, r.stage, a.check_in FROM trainee_roster r JOIN attendance a USING(trainee_id)");
  REQUIRE(q.step());
  CHECK(q.text(0) == "Projected Person");
  CHECK(q.text(1) == "centre");
  CHECK(q.text(2) == "08:00");
}

TEST_CASE("events appended by another connection are folded in on refresh") {
  TempDir dir;
  const auto path = dir.file("centre.db");
  auto kiosk = open_centre(path);
  auto other = open_centre(path);
  const auto id = enrol(*other, "From Elsewhere");
  CHECK_FALSE(kiosk->state().trainee(id));
  CHECK(kiosk->refresh() == 1);
  CHECK(kiosk->state().trainee(id));
}

TEST_CASE("a badge opens for its holder only: after a new badge from another terminal, a staff card and erasure") {
  TempDir dir;
  const auto path = dir.file("centre.db");
  auto c = open_centre(path);
  Enrol e;
  e.name = "Kortholder Åse";
  e.badge = "1001";
  const auto id = c->execute(e, local_admin()).new_id;
  REQUIRE(!id.empty());
  REQUIRE(c->authenticate_badge("1001").actor);
  CHECK(c->authenticate_badge("1001").actor->id == id);
  CHECK(c->authenticate_badge("1001").actor->role == Role::Trainee);
  CHECK(c->authenticate_badge("9999").refusal->code == "unknown_person");
  CHECK(c->authenticate_badge("").refusal->code == "unknown_person");
  REQUIRE(c->execute(CheckIn{id}, Actor{id, Role::Trainee}).ok());  // the day's events leave the badges as they are
  CHECK(c->authenticate_badge("1001").actor->id == id);

  {  // Another terminal gives her a new card; this one learns of it on refresh.
    auto other = open_centre(path);
    Transaction tx(centre_database(*other));
    stamp_and_append(centre_database(*other), other->terminal_id(), local_admin().id,
                     {Draft{ev::kTraineeUpdated, Json{{"trainee_id", id}, {"badge", "2002"}}}}, kMonday0800);
    tx.commit();
  }
  CHECK(c->authenticate_badge("1001").actor);  // not folded in yet
  CHECK(c->refresh() == 1);
  CHECK(c->authenticate_badge("1001").refusal->code == "unknown_person");
  CHECK(c->authenticate_badge("2002").actor->id == id);

  AddStaff s;
  s.name = "Mette Holm";
  s.role = Role::Supervisor;
  s.pin = "33333";
  s.badge = "3003";
  const Actor boss{c->execute(s, local_admin()).new_id, Role::Supervisor};
  REQUIRE(c->authenticate_badge("3003").actor);
  CHECK(c->authenticate_badge("3003").actor->id == boss.id);
  CHECK(c->authenticate_badge("3003").actor->role == Role::Supervisor);

  REQUIRE(c->execute(ChangeStage{id, Stage::Exited, "", "moved"}, boss).ok());
  c->set_clock(Clock::fixed(kMonday0800 + 366LL * 24 * 3600 * 1000));
  REQUIRE(c->execute(EraseTrainee{id}, local_admin()).ok());
  CHECK(c->authenticate_badge("2002").refusal->code == "unknown_person");
  CHECK(c->authenticate_badge("3003").actor->id == boss.id);
}

TEST_CASE("checkpoints run on their own thread, beside the commits, and lose nothing") {
  TempDir dir;
  const auto path = dir.file("centre.db");
  StoreError error;
  {  // The kiosk's: SQLite's own threshold of 1000 pages, ended with the centre.
    auto kiosk = open_centre(path);
    REQUIRE(kiosk->checkpoint_in_background(error));
    REQUIRE(kiosk->checkpointer());
    enrol(*kiosk, "Før Lukning");
    CHECK(kiosk->checkpointer()->checkpoints_done() == 0);
  }
  // One with a threshold a few commits reach.
  auto c = open_centre(path);
  auto thread = BackgroundCheckpointer::start(centre_database(*c), error, 8);
  REQUIRE(thread);
  const auto before = std::filesystem::file_size(path);
  std::vector<std::string> ids;
  for (int i = 0; i < 12; ++i) ids.push_back(enrol(*c, "Kursist Ærø " + std::to_string(i)));
  for (const auto& id : ids) REQUIRE(c->execute(CheckIn{id}, Actor{id, Role::Trainee}).ok());
  thread->wait_for_checkpoints(1);
  // The committing connection no longer checkpoints itself (and its 1000
  // pages are not reached here): only the thread can have copied the log
  // into the database file.
  CHECK(std::filesystem::file_size(path) > before);
  thread.reset();
  auto again = open_centre(path);
  CHECK(again->state().trainees.size() == 13);
  CHECK(again->state().in_centre() == 13);
  for (const auto& id : ids) CHECK(again->state().trainee(id)->days.count(again->today()));
  Statement check(centre_database(*again), "PRAGMA integrity_check");
  REQUIRE(check.step());
  CHECK(check.text(0) == "ok");
}

TEST_CASE("terminal sequence numbers are gap-free and the hlc increases") {
  TempDir dir;
  auto c = open_centre(dir.file("centre.db"));
  for (int i = 0; i < 5; ++i) enrol(*c, "Seq " + std::to_string(i));
  std::int64_t last = 0;
  auto events = load_events(centre_database(*c), 0, last);
  REQUIRE(events.size() == 5);
  for (size_t i = 0; i < events.size(); ++i) {
    CHECK(events[i].terminal_seq == static_cast<std::int64_t>(i) + 1);
    if (i) CHECK(events[i].hlc > events[i - 1].hlc);
  }
}

TEST_CASE("erasure strips a leaver's personal data from every stored event and keeps the log consistent") {
  TempDir dir;
  auto c = open_centre(dir.file("centre.db"));
  const auto id = enrol(*c, "Åse Ærø-Ødegaard", "2468");
  const auto other = enrol(*c, "Bliver Her");
  AddStaff s;
  s.name = "Mette Holm";
  s.role = Role::Supervisor;
  s.pin = "33333";
  const Actor boss{c->execute(s, local_admin()).new_id, Role::Supervisor};
  REQUIRE(c->execute(AddNote{id, "Personlig note om Åse", true, false}, boss).ok());
  REQUIRE(c->execute(ChangeStage{id, Stage::Exited, "", "moved"}, boss).ok());
  auto early = c->execute(EraseTrainee{id}, local_admin());
  REQUIRE(early.refusal);
  CHECK(early.refusal->code == "not_expired");
  c->set_clock(Clock::fixed(kMonday0800 + 366LL * 24 * 3600 * 1000));
  REQUIRE(c->execute(EraseTrainee{id}, local_admin()).ok());
  CHECK(c->state().trainee(id)->name.value.empty());
  CHECK(c->state().trainee(id)->notes.front().text.empty());
  CHECK(c->state().trainee(other)->name.value == "Bliver Her");
  Statement q(centre_database(*c),
              "SELECT COUNT(*) FROM events WHERE payload LIKE '%Åse%' OR payload LIKE '%argon2%2468%'");
  q.step();
  CHECK(q.int64(0) == 0);
  Statement hashes(
      centre_database(*c),
      "SELECT COUNT(*) FROM events WHERE json_extract(payload, '$.trainee_id') = ? AND payload LIKE '%argon2%'");
  hashes.bind(1, id);
  hashes.step();
  CHECK(hashes.int64(0) == 0);
  // A fresh fold of the rewritten log agrees, and the log is still append-only.
  auto reopened = open_centre(dir.file("centre.db"));
  CHECK(reopened->state().trainee(id)->name.value.empty());
  CHECK(reopened->state().trainee(id)->stage() == Stage::Exited);
  CHECK_THROWS_AS(centre_database(*c).exec("UPDATE events SET type = 'x'"), StoreFailure);
  CHECK(c->execute(EraseTrainee{id}, local_admin()).refusal->code == "already_erased");
}

TEST_CASE("an own event whose stored payload is not a JSON object is never pushed, and says so") {
  TempDir dir;
  auto c = open_centre(dir.file("centre.db"));
  enrol(*c, "Before The Damage");
  // A damaged row, as a faulty disk or a hand edit would leave it: the fold
  // reads it as empty, but the sync must not send it on.
  Statement(centre_database(*c),
            "INSERT INTO events(event_id, terminal_id, terminal_seq, actor_id, hlc, wall_ms, type, payload, schema) "
            "VALUES ('0190f0f0-0000-7000-8000-00000000dead', ?, 2, 'admin', 1, 1, 'NoteAdded', '[1,2]', 1)")
      .bind(1, c->terminal_id())
      .run();
  SyncLedger ledger(centre_database(*c));
  CHECK(ledger.pending(1).size() == 1);  // the good event before it still goes
  try {
    ledger.pending(10);
    FAIL("a damaged payload was handed to the sync");
  } catch (const StoreFailure& f) {
    CHECK(f.error.code == "corrupt");
    CHECK(f.error.detail.find("0190f0f0-0000-7000-8000-00000000dead") != std::string::npos);
  }
  std::int64_t last = 0;
  CHECK(load_events(centre_database(*c), 0, last).back().payload == Json::object());  // the fold reads it as empty
}

TEST_CASE("a second connection in the same process keeps the first one's locks, so another process cannot drop the WAL") {
  // POSIX record locks belong to the process: closing any descriptor of the
  // file drops all of them, also those SQLite holds for other connections.
  // The kiosk opens the file twice (the board and the sync engine); another
  // process (the command line, a backup) must still see every write after.
  TempDir dir;
  const std::string path = dir.file("centre.db");
  auto board = open_centre(path);
  enrol(*board, "Åse Ærø-Ødegaard");
  StoreError error;
  auto engine = Database::open(path, error);  // the sync engine's connection, opened second
  REQUIRE(engine);
  const auto events_elsewhere = [&] {
    auto r = test::run({"/usr/bin/sqlite3", path, "SELECT COUNT(*) FROM events"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return std::stoll(r.out);
  };
  CHECK(events_elsewhere() == 1);  // that process closes its connection: it must not think it is the last
  CHECK(std::filesystem::exists(path + "-wal"));
  enrol(*board, "Bo Kristensen");
  CHECK(events_elsewhere() == 2);
  engine.reset();
  enrol(*board, "Nour Haddad");  // and after the second connection closes again
  CHECK(events_elsewhere() == 3);
}
