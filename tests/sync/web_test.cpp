// The town hall's web view (issue 19), tested as a user meets it: the
// accounts made with sync-server's commands, then a real sync-server
// serving HTTPS on 127.0.0.1 with a certificate made at test time, asked
// as a browser asks. Runs on SQLite and, as sync_web_pg, on PostgreSQL.
//
// Sections: helpers · accounts · (HTTP cases follow in later sections).
#include <doctest/doctest.h>

#include "tests/sync/sync_fixture.hpp"

using namespace ft;
using namespace ft::test;

namespace {

// ---- helpers ----------------------------------------------------------------------------

RunResult server_cli(const std::vector<std::string>& args, const std::string& stdin_text = "") {
  std::vector<std::string> argv{binary("sync-server")};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv, stdin_text);
}

// A user made as an administrator makes one; returns the new id.
std::string add_user(const ServerProcess& server, const std::string& login, const std::string& role,
                     const std::vector<std::string>& centres, const std::string& password) {
  std::vector<std::string> args{"add-user", "--db", server.db(), "--name", login, "--role", role};
  for (const auto& c : centres) args.insert(args.end(), {"--centre", c});
  auto r = server_cli(args, password + "\n");
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return last_line(r.out);
}

Json access_log(const ServerProcess& server, const std::vector<std::string>& filters = {}) {
  std::vector<std::string> args{"access-log", "--db", server.db(), "--json"};
  args.insert(args.end(), filters.begin(), filters.end());
  auto r = server_cli(args);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return Json::parse(r.out);
}

}  // namespace

// ---- accounts ---------------------------------------------------------------------------------

TEST_CASE("an administrator adds a caseworker for a centre; the password comes on stdin and the id last") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  const std::string id = add_user(server, "anna.caseworker", "caseworker", {server.centre_id()}, "korrekt hest batteri");
  CHECK(id.size() == 36);

  SUBCASE("the same login again is refused") {
    auto r = server_cli({"add-user", "--db", server.db(), "--name", "anna.caseworker", "--role", "admin"},
                        "another long password\n");
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("taken") != std::string::npos);
  }
  SUBCASE("a short password, an unknown role and an unknown centre are refused") {
    CHECK(server_cli({"add-user", "--db", server.db(), "--name", "bo", "--role", "admin"}, "kort\n").exit_code == 1);
    CHECK(server_cli({"add-user", "--db", server.db(), "--name", "bo", "--role", "mayor"}, "long enough pw\n")
              .exit_code == 2);
    CHECK(server_cli({"add-user", "--db", server.db(), "--name", "bo", "--role", "caseworker", "--centre", "nowhere"},
                     "long enough pw\n")
              .exit_code == 1);
  }
  SUBCASE("disable, unlock and set-password name an existing login") {
    CHECK(server_cli({"unlock-user", "--db", server.db(), "--name", "anna.caseworker"}).exit_code == 0);
    CHECK(server_cli({"set-password", "--db", server.db(), "--name", "anna.caseworker"}, "et nyt langt kodeord\n")
              .exit_code == 0);
    CHECK(server_cli({"disable-user", "--db", server.db(), "--name", "anna.caseworker"}).exit_code == 0);
    CHECK(server_cli({"disable-user", "--db", server.db(), "--name", "nobody"}).exit_code == 1);
  }
  SUBCASE("the access log starts empty and --for-citizen needs --person") {
    CHECK(access_log(server).empty());
    CHECK(server_cli({"access-log", "--db", server.db(), "--for-citizen", "--json"}).exit_code == 2);
  }
}
