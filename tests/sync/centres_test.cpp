// One municipal server, several centres: each terminal pushes into its own
// centre and pulls only that centre's events; the server folds them with the
// terminal's own core into the same picture the floor shows; a database of
// the single-centre server upgrades in place. Runs on SQLite and, as
// sync_centres_pg, on PostgreSQL.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>

#include <httplib.h>
#include <zlib.h>
#include <zstd.h>

#include "sync/server/json_reply.hpp"
#include "sync/server/sql.hpp"
#include "tests/sync/postgres_cluster.hpp"
#include "tests/sync/sync_fixture.hpp"

using namespace ft;
using namespace ft::test;

namespace {

void join(const std::string& db, ServerProcess& server, const std::string& code) {
  auto r = floor_terminal({"join", "--db", db, "--server", server.url(), "--ca", pki().ca, "--code", code});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

void sync_now(const std::string& db) {
  auto r = floor_terminal({"sync", "--db", db});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

Json terminal_status(const std::string& db) {
  auto r = floor_terminal({"status", "--db", db, "--json"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return Json::parse(r.out);
}

Json server_status(const ServerProcess& server) {
  auto r = sync_server({"status", "--db", server.db(), "--json"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return Json::parse(r.out);
}

const Json& centre_in(const Json& status, const std::string& id) {
  for (const auto& c : status.at("centres"))
    if (c.at("id") == id) return c;
  FAIL("no centre ", id);
  throw std::logic_error("unreachable");
}

std::set<std::string> names(const Json& trainees) {
  std::set<std::string> out;
  for (const auto& t : trainees) out.insert(t.at("name").get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("a terminal of one centre receives none of another centre's people") {
  use_test_timeouts_in_children();
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  const std::string ikast = server.centre_id(), brande = server.add_centre("Væksthuset Brande", 12);
  const std::string ta = dir.file("ikast.db"), tb = dir.file("brande.db");
  join(ta, server, server.add_terminal("Gulv Ikast", ikast));
  join(tb, server, server.add_terminal("Gulv Brande", brande));

  REQUIRE(sync_server({"add-referral", "--db", server.db(), "--centre", ikast, "--name", "Rikke Aasted"}).exit_code == 0);
  REQUIRE(sync_server({"add-referral", "--db", server.db(), "--centre", brande, "--name", "Bodil Bækgaard"}).exit_code == 0);
  REQUIRE(sync_server({"add-staff", "--db", server.db(), "--centre", brande, "--name", "Svend Brandevej", "--role",
                      "supervisor", "--pin", "24680"})
              .exit_code == 0);
  auto birgitte = floor_terminal({"enrol", "--db", tb, "--name", "Birgitte Brøndum"});
  REQUIRE(birgitte.exit_code == 0);
  REQUIRE(floor_terminal({"checkin", "--db", tb, "--trainee", last_line(birgitte.out)}).exit_code == 0);
  sync_now(tb), sync_now(ta), sync_now(tb);

  CHECK(names(terminal_status(ta).at("trainees")) == std::set<std::string>{"Rikke Aasted"});
  CHECK(names(terminal_status(tb).at("trainees")) == std::set<std::string>{"Bodil Bækgaard", "Birgitte Brøndum"});
  // Nothing of Brande's people is anywhere in Ikast's terminal database, not even in its log.
  const std::string ikast_bytes =
      read_file(ta) + (std::filesystem::exists(ta + "-wal") ? read_file(ta + "-wal") : std::string());
  for (const char* word : {"Bodil", "Birgitte", "Brøndum", "Svend", "Brandevej", "Brande"})
    CHECK_MESSAGE(ikast_bytes.find(word) == std::string::npos, word);

  const Json s = server_status(server);
  CHECK(names(centre_in(s, ikast).at("trainees")) == std::set<std::string>{"Rikke Aasted"});
  CHECK(names(centre_in(s, brande).at("trainees")) == std::set<std::string>{"Bodil Bækgaard", "Birgitte Brøndum"});
  CHECK(centre_in(s, brande).at("name") == "Væksthuset Brande");
  CHECK(centre_in(s, brande).at("capacity") == 12);
  CHECK(centre_in(s, brande).at("terminals") == 1);
  CHECK(centre_in(s, brande).at("in_centre") == 1);
  CHECK(s.at("terminals") == 2);
  CHECK(s.at("events").get<std::int64_t>() ==
        centre_in(s, ikast).at("events").get<std::int64_t>() + centre_in(s, brande).at("events").get<std::int64_t>());
  // Each terminal holds exactly its own centre's events, which it learnt its name from.
  CHECK(terminal_status(tb).at("centre").at("name") == "Væksthuset Brande");
  CHECK(terminal_status(ta).at("events") == centre_in(s, ikast).at("events"));
  CHECK(terminal_status(tb).at("events") == centre_in(s, brande).at("events"));
}

TEST_CASE("a join code of another centre cannot move a terminal and its data") {
  use_test_timeouts_in_children();
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  const std::string other = server.add_centre("Væksthuset Brande");
  const std::string ta = dir.file("ikast.db");
  join(ta, server, server.add_terminal("Gulv Ikast"));
  REQUIRE(floor_terminal({"enrol", "--db", ta, "--name", "Anna Jensen"}).exit_code == 0);
  sync_now(ta);
  const std::string code = server.add_terminal("Gulv Brande", other);
  auto moved = floor_terminal({"join", "--db", ta, "--server", server.url(), "--ca", pki().ca, "--code", code});
  CHECK(moved.exit_code != 0);
  CHECK_MESSAGE(moved.err.find("another centre") != std::string::npos, moved.err);
  // The terminal goes on in its own centre, and the code was not spent on the refusal.
  REQUIRE(floor_terminal({"enrol", "--db", ta, "--name", "Bo Nielsen"}).exit_code == 0);
  sync_now(ta);
  CHECK(names(centre_in(server_status(server), server.centre_id()).at("trainees")) ==
        std::set<std::string>{"Anna Jensen", "Bo Nielsen"});
  join(dir.file("brande.db"), server, code);
  CHECK(names(centre_in(server_status(server), other).at("trainees")).empty());
}

TEST_CASE("commands name their centre once there are two, and an unknown centre changes nothing") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  // One centre: --centre may be left out.
  auto one = sync_server({"add-referral", "--db", server.db(), "--name", "Rikke Aasted"});
  CHECK_MESSAGE(one.exit_code == 0, one.err);
  server.add_centre("Væksthuset Brande");
  const auto before = server.event_count();
  auto which = sync_server({"add-referral", "--db", server.db(), "--name", "Bo Nielsen"});
  CHECK(which.exit_code == 1);
  CHECK(which.err.find("--centre") != std::string::npos);
  auto unknown = sync_server({"add-staff", "--db", server.db(), "--centre", "no-such-centre", "--name", "Ivan Berg",
                             "--role", "instructor", "--pin", "13579"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("no-such-centre") != std::string::npos);
  auto code = sync_server({"add-terminal", "--db", server.db(), "--centre", "no-such-centre", "--name", "Gulv"});
  CHECK(code.exit_code == 1);
  CHECK(server.event_count() == before);
  CHECK(sync_server({"add-centre", "--db", server.db(), "--name", "X", "--capacity", "0"}).exit_code == 2);
  CHECK(sync_server({"add-centre", "--db", server.db(), "--name", ""}).exit_code == 1);
  CHECK(server_status(server).at("centres").size() == 2);
}

TEST_CASE("capacity is the centre's own, on the server and on its terminals") {
  use_test_timeouts_in_children();
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  const std::string small = server.add_centre("Lille centre", 2), big = server.add_centre("Stort centre", 3);
  const std::string ts = dir.file("small.db"), tb = dir.file("big.db");
  join(ts, server, server.add_terminal("Gulv", small));
  join(tb, server, server.add_terminal("Gulv", big));
  sync_now(ts), sync_now(tb);  // the terminals learn their centre's capacity
  for (const char* n : {"Anna", "Bo"}) CHECK(floor_terminal({"enrol", "--db", ts, "--name", n}).exit_code == 0);
  auto full = floor_terminal({"enrol", "--db", ts, "--name", "Carl"});
  CHECK(full.exit_code == 1);
  CHECK(full.err.find("2") != std::string::npos);
  for (const char* n : {"Anna", "Bo", "Carl"}) CHECK(floor_terminal({"enrol", "--db", tb, "--name", n}).exit_code == 0);
  CHECK(floor_terminal({"enrol", "--db", tb, "--name", "Dorte"}).exit_code == 1);
  CHECK(terminal_status(ts).at("centre").at("capacity") == 2);
  // Raising the capacity on the server reaches the terminal at its next sync.
  REQUIRE(sync_server({"update-centre", "--db", server.db(), "--centre", small, "--capacity", "3"}).exit_code == 0);
  sync_now(ts);
  CHECK(floor_terminal({"enrol", "--db", ts, "--name", "Carl"}).exit_code == 0);
  sync_now(ts), sync_now(tb);
  const Json s = server_status(server);
  CHECK(centre_in(s, small).at("in_centre") == 3);
  CHECK(centre_in(s, small).at("capacity") == 3);
  CHECK(centre_in(s, big).at("in_centre") == 3);
}

TEST_CASE("every trainee on the server has exactly the fields and values the floor shows after a sync") {
  use_test_timeouts_in_children();
  setenv("FT_LANG", "en", 1);
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  // A year of a real centre's history: stages, hosts, attendance, absence, skills, notes.
  const std::string t1 = dir.file("t1.db"), t2 = dir.file("t2.db");
  auto seeded = floor_terminal({"seed-demo", "--db", t1});
  REQUIRE_MESSAGE(seeded.exit_code == 0, seeded.err);
  join(t1, server, server.add_terminal("Gulv 1"));
  join(t2, server, server.add_terminal("Gulv 2"));
  sync_now(t1), sync_now(t2), sync_now(t1);

  const Json on_server = centre_in(server_status(server), server.centre_id()).at("trainees");
  REQUIRE(on_server.size() >= 20);
  for (const auto& db : {t1, t2}) {
    const Json floor = terminal_status(db).at("trainees");
    REQUIRE(floor.size() == on_server.size());
    for (size_t i = 0; i < floor.size(); ++i) {
      CAPTURE(floor[i].at("name"));
      CHECK(floor[i] == on_server[i]);
      for (const auto& [key, value] : floor[i].items()) CHECK_MESSAGE(on_server[i].at(key) == value, key);
    }
  }
  // The picture has the whole range a centre has: more than one stage and guarantee status.
  std::set<std::string> stages, statuses;
  for (const auto& t : on_server) {
    stages.insert(t.at("stage").get<std::string>());
    statuses.insert(t.at("guarantee").at("status").get<std::string>());
  }
  CHECK(stages.size() >= 4);
  CHECK(statuses.size() >= 3);
  unsetenv("FT_LANG");
}

TEST_CASE("a database of the single-centre server upgrades in place and its terminals go on syncing") {
  if (testing_postgres()) return;  // the single-centre server only ever wrote SQLite
  use_test_timeouts_in_children();
  TempDir dir;
  const std::string db = dir.file("server.db"), terminal = dir.file("t.db");
  ServerProcess server(db, pki(), dir.file("server.log"));
  server.start();
  join(terminal, server, server.add_terminal("Gulv 1"));
  auto anna = floor_terminal({"enrol", "--db", terminal, "--name", "Anna Jensen"});
  REQUIRE(anna.exit_code == 0);
  REQUIRE(sync_server({"add-referral", "--db", db, "--name", "Rikke Aasted"}).exit_code == 0);
  sync_now(terminal);
  server.stop();

  // The same rows as the single-centre server wrote them (its schema 1, as it stood in
  // sync/server/server_store.cpp before centres), with the same token hash and log.
  std::filesystem::rename(db, dir.file("new.db"));
  std::filesystem::remove(db + "-wal");
  std::filesystem::remove(db + "-shm");
  {
    auto old = server::SqlDb::open_sqlite(db, true);
    old->exec(R"sql(
      CREATE TABLE server_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE terminals(terminal_id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
        enrolled_ms INTEGER NOT NULL, last_push_ms INTEGER);
      CREATE TABLE join_codes(code_hash TEXT PRIMARY KEY, name TEXT NOT NULL, created_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL, used_ms INTEGER, terminal_id TEXT);
      CREATE TABLE events(seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE,
        terminal_id TEXT NOT NULL, terminal_seq INTEGER NOT NULL, body TEXT NOT NULL, received_ms INTEGER NOT NULL,
        UNIQUE(terminal_id, terminal_seq));
      CREATE TABLE idempotency(terminal_id TEXT NOT NULL, key TEXT NOT NULL, body_hash TEXT NOT NULL,
        reply TEXT NOT NULL, created_ms INTEGER NOT NULL, PRIMARY KEY(terminal_id, key));
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
    )sql");
    old->exec(("ATTACH '" + dir.file("new.db") + "' AS n").c_str());
    old->exec(R"sql(
      INSERT INTO server_meta SELECT key, value FROM n.server_meta WHERE key IN ('app', 'hlc');
      INSERT INTO server_meta VALUES ('schema', '1');
      INSERT INTO terminals SELECT terminal_id, name, token_hash, enrolled_ms, last_push_ms FROM n.terminals;
      INSERT INTO join_codes SELECT code_hash, name, created_ms, expires_ms, used_ms, terminal_id FROM n.join_codes;
      INSERT INTO events SELECT seq, event_id, terminal_id, terminal_seq, body, received_ms FROM n.events;
      INSERT INTO idempotency SELECT * FROM n.idempotency;
    )sql");
  }
  ::chmod(db.c_str(), 0644);  // as an operator may have left it
  const auto old_bytes = read_file(db);

  server.start();  // upgrades on opening
  struct stat st{};
  REQUIRE(::stat((db + ".before-schema-2").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(read_file(db + ".before-schema-2").size() == old_bytes.size());
  // The terminal joined before the upgrade goes on without joining again.
  auto bo = floor_terminal({"enrol", "--db", terminal, "--name", "Bo Nielsen"});
  REQUIRE(bo.exit_code == 0);
  sync_now(terminal);
  const Json s = server_status(server);
  REQUIRE(s.at("centres").size() == 1);
  const Json& centre = s.at("centres")[0];
  CHECK(centre.at("name") == "Centre 1");
  CHECK(centre.at("terminals") == 1);
  CHECK(names(centre.at("trainees")) == std::set<std::string>{"Anna Jensen", "Bo Nielsen", "Rikke Aasted"});
  // One centre: the operator renames it without naming it.
  auto renamed = sync_server({"update-centre", "--db", db, "--name", "Træningscenter Ikast"});
  CHECK_MESSAGE(renamed.exit_code == 0, renamed.err);
  sync_now(terminal);
  CHECK(terminal_status(terminal).at("centre").at("name") == "Træningscenter Ikast");
  CHECK(server.event_ids() == Terminal(terminal, kMonday0730).event_ids());
  CHECK(terminal_status(terminal).at("sync").at("pending") == 0);
}

namespace {
std::string gunzip(const std::string& in) {
  z_stream z{};
  REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
  std::string out;
  char buf[16384];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
  }
  inflateEnd(&z);
  CHECK(rc == Z_STREAM_END);
  return out;
}
// zstd's own decoder; the terminals decode with libcurl's (the sync suites).
std::string unzstd(const std::string& packed) {
  const auto size = ZSTD_getFrameContentSize(packed.data(), packed.size());
  REQUIRE(size != ZSTD_CONTENTSIZE_ERROR);
  REQUIRE(size != ZSTD_CONTENTSIZE_UNKNOWN);
  std::string out(static_cast<size_t>(size), '\0');
  const size_t got = ZSTD_decompress(out.data(), out.size(), packed.data(), packed.size());
  REQUIRE_FALSE(ZSTD_isError(got));
  out.resize(got);
  return out;
}
}  // namespace

TEST_CASE("a pull page is compressed once, zstd when offered, else gzip, and says the same either way") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  for (int i = 0; i < 12; ++i)
    REQUIRE(sync_server({"add-referral", "--db", server.db(), "--name", "Kursist Æblegård " + std::to_string(i)})
                .exit_code == 0);
  httplib::SSLClient client("127.0.0.1", server.port());
  client.set_ca_cert_path(pki().ca.c_str());
  client.set_decompress(false);  // look at the bytes as they travel
  const Json enrol{{"code", server.add_terminal("Gulv")}, {"terminal_id", "gzip-terminal"}};
  auto joined = client.Post("/v1/terminals/enrol", enrol.dump(), "application/json");
  REQUIRE(joined);
  REQUIRE(joined->status == 200);
  const std::string bearer = "Bearer " + Json::parse(joined->body).at("token").get<std::string>();

  auto packed = client.Get("/v1/events?after=0", {{"Authorization", bearer}, {"Accept-Encoding", "gzip, deflate"}});
  auto zstd = client.Get("/v1/events?after=0", {{"Authorization", bearer}, {"Accept-Encoding", "zstd, gzip"}});
  auto zstd_refused =
      client.Get("/v1/events?after=0", {{"Authorization", bearer}, {"Accept-Encoding", "gzip, zstd;q=0"}});
  auto plain = client.Get("/v1/events?after=0", {{"Authorization", bearer}});
  auto refused = client.Get("/v1/events?after=0", {{"Authorization", bearer}, {"Accept-Encoding", "gzip;q=0"}});
  REQUIRE(packed);
  REQUIRE(plain);
  REQUIRE(refused);
  REQUIRE(zstd);
  REQUIRE(zstd_refused);
  CHECK(zstd->get_header_value_count("Content-Encoding") == 1);
  CHECK(zstd->get_header_value("Content-Encoding") == "zstd");
  CHECK(zstd_refused->get_header_value("Content-Encoding") == "gzip");
  CHECK(packed->get_header_value_count("Content-Encoding") == 1);
  CHECK(packed->get_header_value("Content-Encoding") == "gzip");
  CHECK(plain->get_header_value_count("Content-Encoding") == 0);
  CHECK(refused->get_header_value_count("Content-Encoding") == 0);
  CHECK(packed->body.size() < plain->body.size());
  const Json a = Json::parse(gunzip(packed->body)), b = Json::parse(plain->body);
  CHECK(a.at("events") == b.at("events"));
  CHECK(a.at("events").size() == 13);  // the centre's name and the twelve referrals
  CHECK(Json::parse(unzstd(zstd->body)).at("events") == b.at("events"));
  CHECK(plain->get_header_value("Content-Type") == "application/json; charset=utf-8");
}

TEST_CASE("Accept-Encoding is read as RFC 9110 writes it") {
  auto accepts_gzip = [](const std::string& header) { return ft::server::accepts_coding(header, "gzip"); };
  auto accepts_zstd = [](const std::string& header) { return ft::server::accepts_coding(header, "zstd"); };
  CHECK(accepts_zstd("zstd, gzip"));
  CHECK(accepts_zstd("gzip;q=1, ZSTD;q=0.5"));
  CHECK_FALSE(accepts_zstd("gzip"));
  CHECK_FALSE(accepts_zstd("zstd;q=0"));
  CHECK_FALSE(accepts_zstd("x-zstd"));
  CHECK(accepts_gzip("gzip"));
  CHECK(accepts_gzip("deflate, GZIP"));
  CHECK(accepts_gzip("br;q=1.0, gzip;q=0.5"));
  CHECK(accepts_gzip("x-gzip"));
  CHECK_FALSE(accepts_gzip(""));
  CHECK_FALSE(accepts_gzip("identity"));
  CHECK_FALSE(accepts_gzip("gzip;q=0"));
  CHECK_FALSE(accepts_gzip("gzip; q=0.000"));
  CHECK_FALSE(accepts_gzip("gzipped"));
}
