// The command-line contract as a site administrator uses it: floor-terminal
// join and sync against a real sync-server over HTTPS on loopback.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "tests/sync/sync_fixture.hpp"

using namespace ft;
using namespace ft::test;

namespace {

Json status_of(const std::string& db) {
  auto r = floor_terminal({"status", "--db", db, "--json"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return Json::parse(r.out);
}

bool checked_in(const Json& status, const std::string& id) {
  for (const auto& t : status.at("trainees"))
    if (t.at("id") == id) return t.at("checked_in").get<bool>();
  FAIL("trainee not on this terminal: ", id);
  return false;
}

int one_line(const std::string& text) {
  int lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

}  // namespace

TEST_CASE("joining over plain http is refused before anything is written") {
  use_test_timeouts_in_children();
  TempDir dir;
  auto r = floor_terminal({"join", "--db", dir.file("t.db"), "--server", "http://127.0.0.1:9", "--ca", pki().ca, "--code",
                   "ABCD-EFGH-JKLM"});
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("http") != std::string::npos);
  CHECK(one_line(r.err) == 1);
  CHECK_FALSE(std::filesystem::exists(dir.file("t.db")));
}

TEST_CASE("joining a server whose certificate the given CA does not trust is refused") {
  use_test_timeouts_in_children();
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  const std::string code = server.add_terminal("Floor A");
  auto r = floor_terminal({"join", "--db", dir.file("t.db"), "--server", server.url(), "--ca", pki().rogue_ca, "--code", code});
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("not trusted") != std::string::npos);
  CHECK(one_line(r.err) == 1);
  CHECK_FALSE(status_of(dir.file("t.db")).at("sync").at("configured").get<bool>());
  // The code was not spent on the refused attempt: the right CA joins with it.
  auto ok = floor_terminal({"join", "--db", dir.file("t.db"), "--server", server.url(), "--ca", pki().ca, "--code", code});
  CHECK_MESSAGE(ok.exit_code == 0, ok.err);
  // A used code does not work twice.
  auto again = floor_terminal({"join", "--db", dir.file("t2.db"), "--server", server.url(), "--ca", pki().ca, "--code", code});
  CHECK(again.exit_code != 0);
  CHECK(again.err.find("code") != std::string::npos);
}

TEST_CASE("sync before joining says to join first") {
  TempDir dir;
  auto made = floor_terminal({"enrol", "--db", dir.file("t.db"), "--name", "Anna Jensen"});
  REQUIRE_MESSAGE(made.exit_code == 0, made.err);
  auto r = floor_terminal({"sync", "--db", dir.file("t.db")});
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("join") != std::string::npos);
}

TEST_CASE("two terminals see each other's check-ins and check-outs, also after the server was down") {
  use_test_timeouts_in_children();
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  const std::string t1 = dir.file("t1.db"), t2 = dir.file("t2.db");
  for (const auto& [db, name] : {std::pair{t1, "Floor A"}, std::pair{t2, "Floor B"}}) {
    auto r = floor_terminal({"join", "--db", db, "--server", server.url(), "--ca", pki().ca, "--code", server.add_terminal(name)});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
  auto sync = [&](const std::string& db) {
    auto r = floor_terminal({"sync", "--db", db});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
  };
  auto a = floor_terminal({"enrol", "--db", t1, "--name", "Anna Jensen"});
  auto b = floor_terminal({"enrol", "--db", t2, "--name", "Bo Nielsen"});
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  const std::string anna = last_line(a.out), bo = last_line(b.out);
  sync(t1), sync(t2), sync(t1);

  REQUIRE(floor_terminal({"checkin", "--db", t1, "--trainee", anna}).exit_code == 0);
  REQUIRE(floor_terminal({"checkin", "--db", t2, "--trainee", bo}).exit_code == 0);
  sync(t1), sync(t2), sync(t1);
  for (const auto& db : {t1, t2}) {
    const Json s = status_of(db);
    CHECK(checked_in(s, anna));
    CHECK(checked_in(s, bo));
  }

  // Each checks out on the other terminal.
  auto out_a = floor_terminal({"checkout", "--db", t2, "--trainee", anna});
  auto out_b = floor_terminal({"checkout", "--db", t1, "--trainee", bo});
  CHECK_MESSAGE(out_a.exit_code == 0, out_a.err);
  CHECK_MESSAGE(out_b.exit_code == 0, out_b.err);

  server.stop();
  auto down = floor_terminal({"sync", "--db", t1});
  CHECK(down.exit_code != 0);
  CHECK(down.err.find("reach") != std::string::npos);
  CHECK(one_line(down.err) == 1);
  CHECK(status_of(t1).at("sync").at("pending").get<int>() == 1);
  CHECK_FALSE(status_of(t1).at("sync").at("last_error").is_null());

  server.start();  // the same port
  sync(t1), sync(t2), sync(t1);
  const Json s1 = status_of(t1), s2 = status_of(t2);
  CHECK_FALSE(checked_in(s1, anna));
  CHECK_FALSE(checked_in(s2, bo));
  CHECK(s1.at("events") == s2.at("events"));
  CHECK(s1.at("events").get<std::int64_t>() == server.event_count());
  CHECK(s1.at("sync").at("pending") == 0);
  CHECK(s2.at("sync").at("pending") == 0);
  CHECK(s1.at("sync").at("last_error").is_null());
}

TEST_CASE("jobcentre referrals and staff made on the server reach the terminals") {
  use_test_timeouts_in_children();
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  const std::string t1 = dir.file("t1.db");
  REQUIRE(floor_terminal({"join", "--db", t1, "--server", server.url(), "--ca", pki().ca, "--code",
                  server.add_terminal("Floor A")})
              .exit_code == 0);
  auto referral = run({binary("sync-server"), "add-referral", "--db", server.db(), "--name", "Rikke Holm"});
  REQUIRE_MESSAGE(referral.exit_code == 0, referral.err);
  auto staff = run({binary("sync-server"), "add-staff", "--db", server.db(), "--name", "Ivan Berg", "--role",
                    "instructor", "--pin", "13579"});
  REQUIRE_MESSAGE(staff.exit_code == 0, staff.err);
  auto bad = run({binary("sync-server"), "add-staff", "--db", server.db(), "--name", "X", "--role", "boss",
                  "--pin", "13579"});
  CHECK(bad.exit_code != 0);
  REQUIRE(floor_terminal({"sync", "--db", t1}).exit_code == 0);
  const Json s = status_of(t1);
  bool found = false;
  for (const auto& t : s.at("trainees"))
    if (t.at("id") == last_line(referral.out)) found = t.at("stage") == "referred";
  CHECK(found);
  // The instructor can assess on the terminal with the PIN set at the jobcentre.
  auto assess = floor_terminal({"assess", "--db", t1, "--trainee", last_line(referral.out), "--skill", "vacuuming", "--level",
                        "2", "--as", last_line(staff.out), "--pin", "13579"});
  CHECK_MESSAGE(assess.exit_code == 0, assess.err);
  const Json server_status = Json::parse(run({binary("sync-server"), "status", "--db", server.db(), "--json"}).out);
  CHECK(server_status.at("events") == 3);  // the centre's name and capacity, the referral, the staff account
  CHECK(server_status.at("terminals") == 1);
}

// An operator who starts a second server on the same port by mistake must hear
// of it at once: with cpp-httplib's default SO_REUSEPORT the second one started
// silently and took part of the terminals to its own database. `timeout`
// bounds the second process: before the fix it served on (exit 124).
TEST_CASE("a second sync-server on a port in use fails and says why") {
  TempDir dir;
  ServerProcess first(dir.file("first.db"), pki(), dir.file("first.log"));
  first.start();
  auto second = run({"/usr/bin/timeout", "20", binary("sync-server"), "--db", dir.file("second.db"), "--listen",
                     "127.0.0.1:" + std::to_string(first.port()), "--cert", pki().cert, "--key", pki().key});
  CHECK(second.exit_code == 1);
  CHECK_MESSAGE(second.err.find("another process already listens there") != std::string::npos, second.err);
  CHECK(second.out.find("listening on") == std::string::npos);
}

TEST_CASE("two sync-servers share a port only when both ask for it with --reuse-port") {
  TempDir dir;
  const std::string first_out = dir.file("first.out");
  const pid_t first = spawn({binary("sync-server"), "--db", dir.file("first.db"), "--listen", "127.0.0.1:0", "--cert",
                             pki().cert, "--key", pki().key, "--reuse-port"},
                            first_out);
  std::string line;
  for (int i = 0; i < 600 && line.find('\n') == std::string::npos; ++i) {
    usleep(50'000);
    line = read_file(first_out);
  }
  REQUIRE_MESSAGE(line.rfind("listening on https://127.0.0.1:", 0) == 0, line);
  const std::string port = line.substr(line.rfind(':') + 1, line.find('\n') - line.rfind(':') - 1);
  // Still serving after two seconds: timeout ends it (124), so it bound the shared port.
  auto second = run({"/usr/bin/timeout", "2", binary("sync-server"), "--db", dir.file("second.db"), "--listen",
                     "127.0.0.1:" + port, "--cert", pki().cert, "--key", pki().key, "--reuse-port"});
  kill(first, SIGTERM);
  int status = 0;
  waitpid(first, &status, 0);
  CHECK_MESSAGE(second.exit_code == 124, second.err);
  CHECK(second.out.rfind("listening on https://127.0.0.1:" + port, 0) == 0);
}
