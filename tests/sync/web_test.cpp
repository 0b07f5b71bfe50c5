// The town hall's web view (issue 19), tested as a user meets it: the
// accounts made with sync-server's commands, then a real sync-server
// serving HTTPS on 127.0.0.1 with a certificate made at test time, asked
// as a browser asks. Runs on SQLite and, as sync_web_pg, on PostgreSQL.
//
// Sections: helpers · accounts · login and sessions · walls · escaping and
// headers · the access log · a centre with a history (reports, absences to
// act on, charts).
#include <doctest/doctest.h>
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>

#include "sync/server/sql.hpp"
#include "terminal/core/i18n.hpp"
#include "terminal/core/progress.hpp"
#include "tests/sync/sync_fixture.hpp"
#include "tests/sync/web_client.hpp"

using namespace ft;
using namespace ft::test;
using ft::server::SqlDb;
using ft::server::SqlStmt;
using ft::server::is_postgres_uri;

namespace {

// ---- helpers ----------------------------------------------------------------------------

Json access_log(const ServerProcess& server, const std::vector<std::string>& filters = {}) {
  std::vector<std::string> args{"access-log", "--db", server.db(), "--json"};
  args.insert(args.end(), filters.begin(), filters.end());
  auto r = sync_server(args);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return Json::parse(r.out);
}

using Browser = WebClient;

constexpr const char* kPassword = kWebPassword;

std::string add_referral(const ServerProcess& server, const std::string& centre, const std::string& name) {
  auto r = sync_server({"add-referral", "--db", server.db(), "--centre", centre, "--name", name});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return last_line(r.out);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A terminal with the demo centre's year of history, joined to the server's first centre and synced:
// the server's projection then holds stages, attendance, absence, skills and notes.
std::string demo_terminal(const TempDir& dir, ServerProcess& server) {
  use_test_timeouts_in_children();
  const std::string db = dir.file("terminal.db");
  auto seeded = floor_terminal({"seed-demo", "--db", db});
  REQUIRE_MESSAGE(seeded.exit_code == 0, seeded.err);
  auto joined = floor_terminal({"join", "--db", db, "--server", server.url(), "--ca", pki().ca, "--code",
                        server.add_terminal("Gulv 1")});
  REQUIRE_MESSAGE(joined.exit_code == 0, joined.err);
  for (int i = 0; i < 2; ++i) {
    auto synced = floor_terminal({"sync", "--db", db});
    REQUIRE_MESSAGE(synced.exit_code == 0, synced.err);
  }
  return db;
}

// The first link to a trainee's page on `html`: the id.
std::string first_trainee_id(const std::string& html) {
  const std::string marker = "href=\"/trainees/";
  const auto at = html.find(marker);
  REQUIRE(at != std::string::npos);
  const auto from = at + marker.size();
  return html.substr(from, html.find_first_of("\"?/", from) - from);
}

// The value of a hidden field `name` after position `from` in `html`.
std::string hidden_value(const std::string& html, const std::string& name, size_t from = 0) {
  const std::string marker = "name=\"" + name + "\" value=\"";
  const auto at = html.find(marker, from);
  REQUIRE(at != std::string::npos);
  const auto start = at + marker.size();
  return html.substr(start, html.find('"', start) - start);
}

// The first ISO date a person would read on `html`, "" when none: a date in an attribute (a form value,
// <time datetime>, a link) is data and opens with a quote; anywhere else it is text and should be worded.
std::string iso_date_shown(const std::string& html) {
  for (size_t at = 0; at + 10 <= html.size(); ++at) {
    const bool after_digit = at > 0 && std::isdigit(static_cast<unsigned char>(html[at - 1]));
    if (after_digit || !parse_day(html.substr(at, 10))) continue;
    if (at == 0 || html[at - 1] != '"') return html.substr(at > 40 ? at - 40 : 0, 60);  // with its context
  }
  return "";
}

int count_rows(const Json& log, const std::string& action, const std::string& person = "") {
  int n = 0;
  for (const auto& row : log)
    if (row.at("action") == action && (person.empty() || row.at("person") == person)) ++n;
  return n;
}

}  // namespace

// ---- dates as people read them -----------------------------------------------------------------

TEST_CASE("the web view words a day as its reader reads it: 9. juli 2026 in Danish, 9 July 2026 in English") {
  using server::web::day_words;
  const Translations& da = web_texts().in("da");
  const Translations& en = web_texts().in("en");
  CHECK(day_words(da, *parse_day("2026-07-09")) == "9. juli 2026");
  CHECK(day_words(da, *parse_day("2027-01-01")) == "1. januar 2027");
  CHECK(day_words(da, *parse_day("2026-12-31")) == "31. december 2026");
  CHECK(day_words(en, *parse_day("2026-07-09")) == "9 July 2026");
  CHECK(day_words(en, *parse_day("2027-01-01")) == "1 January 2027");
  CHECK(day_words(en, *parse_day("2026-12-31")) == "31 December 2026");
  // The calendar's week labels, where a year would not fit.
  CHECK(server::web::day_words_short(da, *parse_day("2026-07-06")) == "6. jul.");
  CHECK(server::web::day_words_short(en, *parse_day("2026-07-06")) == "6 Jul");
  // For machines the ISO day stays beside the words.
  CHECK(server::web::day_time_html(da, *parse_day("2026-07-09")) ==
        "<time datetime=\"2026-07-09\">9. juli 2026</time>");
  // A reason's days are worded, its other parameters left as they are.
  const auto params = ft::days_worded(en, {{"date", "2026-12-31"}, {"weeks", "13"}});
  CHECK(params.at("date") == "31 December 2026");
  CHECK(params.at("weeks") == "13");
}

// ---- accounts ---------------------------------------------------------------------------------

TEST_CASE("an administrator adds a caseworker for a centre; the password comes on stdin and the id last") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  const std::string id =
      add_web_user(server, "anna.caseworker", "caseworker", {server.centre_id()}, "korrekt hest batteri");
  CHECK(id.size() == 36);

  SUBCASE("the same login again is refused") {
    auto r = sync_server({"add-user", "--db", server.db(), "--name", "anna.caseworker", "--role", "admin"},
                        "another long password\n");
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("taken") != std::string::npos);
  }
  SUBCASE("a short password, an unknown role and an unknown centre are refused") {
    CHECK(sync_server({"add-user", "--db", server.db(), "--name", "bo", "--role", "admin"}, "kort\n").exit_code == 1);
    CHECK(sync_server({"add-user", "--db", server.db(), "--name", "bo", "--role", "mayor"}, "long enough pw\n")
              .exit_code == 2);
    CHECK(sync_server({"add-user", "--db", server.db(), "--name", "bo", "--role", "caseworker", "--centre", "nowhere"},
                     "long enough pw\n")
              .exit_code == 1);
  }
  SUBCASE("disable, unlock and set-password name an existing login") {
    CHECK(sync_server({"unlock-user", "--db", server.db(), "--name", "anna.caseworker"}).exit_code == 0);
    CHECK(sync_server({"set-password", "--db", server.db(), "--name", "anna.caseworker"}, "et nyt langt kodeord\n")
              .exit_code == 0);
    CHECK(sync_server({"disable-user", "--db", server.db(), "--name", "anna.caseworker"}).exit_code == 0);
    CHECK(sync_server({"disable-user", "--db", server.db(), "--name", "nobody"}).exit_code == 1);
  }
  SUBCASE("the access log starts empty and --for-citizen needs --person") {
    CHECK(access_log(server).empty());
    CHECK(sync_server({"access-log", "--db", server.db(), "--for-citizen", "--json"}).exit_code == 2);
  }
}

// ---- login and sessions -------------------------------------------------------------------------

TEST_CASE("a caseworker logs in, sees the centre, and logs out with the form's token") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  add_web_user(server, "anna", "caseworker", {server.centre_id()}, kPassword);
  add_referral(server, server.centre_id(), "Rikke Aasted");
  server.start();
  Browser b(server);

  SUBCASE("every page needs a session: without one the browser is sent to the login form") {
    for (const std::string& path : std::vector<std::string>{"/", "/centres/" + server.centre_id(), "/trainees/x"}) {
      auto r = b.get(path);
      CHECK(r.status == 303);
      CHECK(r.get_header_value("Location") == "/login");
    }
  }
  SUBCASE("the login form has username, password and a hidden csrf field") {
    auto r = b.get("/login");
    CHECK(r.status == 200);
    CHECK(contains(r.body, "name=\"username\""));
    CHECK(contains(r.body, "name=\"password\" type=\"password\""));
    CHECK(Browser::csrf_in(r.body).size() == 256);  // a 64-digit token, masked: pad and token XOR pad
    CHECK(contains(r.body, "lang=\"da\""));  // Danish by default
  }
  SUBCASE("a login without the form's token is refused and starts no session") {
    auto r = b.post("/login", {{"csrf", "forged"}, {"username", "anna"}, {"password", kPassword}});
    CHECK(r.status == 403);
    CHECK_FALSE(b.cookies.count("ft_session"));
  }
  SUBCASE("the right password gives a Secure, HttpOnly, SameSite=Strict session cookie and a redirect") {
    auto r = b.log_in("anna", kPassword);
    CHECK(r.status == 303);
    CHECK(r.get_header_value("Location") == "/");
    bool flagged = false;
    for (const auto& line : b.set_cookie_lines)
      if (line.rfind("ft_session=", 0) == 0)
        flagged = contains(line, "; Secure") && contains(line, "; HttpOnly") && contains(line, "SameSite=Strict");
    CHECK(flagged);
    auto index = b.get("/");
    CHECK(index.status == 200);
    CHECK(contains(index.body, "/centres/" + server.centre_id()));
    auto centre = b.get("/centres/" + server.centre_id());
    CHECK(centre.status == 200);
    CHECK(contains(centre.body, "Rikke Aasted"));

    // The token is masked anew in every page (BREACH: pages are gzipped), and each mask works.
    auto again = b.get("/centres/" + server.centre_id());
    CHECK(Browser::csrf_in(again.body) != Browser::csrf_in(centre.body));
    CHECK(b.post("/language", {{"csrf", Browser::csrf_in(again.body)}, {"to", "da"}, {"back", "/"}}).status == 303);

    // Logging out needs the session's token; then the old cookie opens nothing.
    const auto old = b.cookies;
    CHECK(b.post("/logout", {{"csrf", "forged"}}).status == 403);
    auto out = b.post("/logout", {{"csrf", Browser::csrf_in(centre.body)}});
    CHECK(out.status == 303);
    b.cookies = old;
    CHECK(b.get("/centres/" + server.centre_id()).status == 303);
  }
  SUBCASE("a wrong password gives the form again with the error at the top, and no session") {
    auto r = b.log_in("anna", "not the password");
    CHECK(r.status == 200);
    CHECK(contains(r.body, "error-summary"));
    CHECK_FALSE(b.cookies.count("ft_session"));
  }
  SUBCASE("the user can switch to English") {
    auto r = b.log_in("anna", kPassword);
    auto centre = b.get("/centres/" + server.centre_id());
    auto back =
        b.post("/language",
               {{"csrf", Browser::csrf_in(centre.body)}, {"to", "en"}, {"back", "/centres/" + server.centre_id()}});
    CHECK(back.status == 303);
    CHECK(back.get_header_value("Location") == "/centres/" + server.centre_id());
    CHECK(contains(b.get("/centres/" + server.centre_id()).body, "lang=\"en\""));
    // Never back to another site.
    auto away =
        b.post("/language", {{"csrf", Browser::csrf_in(centre.body)}, {"to", "da"}, {"back", "//evil.example/"}});
    CHECK(away.get_header_value("Location") == "/");
    // Nor to a path with a line break in it (a header of the attacker's own).
    auto split =
        b.post("/language", {{"csrf", Browser::csrf_in(centre.body)}, {"to", "da"}, {"back", "/x\r\nSet-Cookie: a=b"}});
    CHECK(split.get_header_value("Location") == "/");
  }
}

TEST_CASE("after 3 failed logins the account stays blocked until an administrator unlocks it") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  add_web_user(server, "anna", "caseworker", {server.centre_id()}, kPassword);
  server.start();
  Browser b(server);
  CHECK_FALSE(contains(b.log_in("anna", "wrong one").body, "spærret"));
  CHECK_FALSE(contains(b.log_in("anna", "wrong two").body, "spærret"));
  CHECK(contains(b.log_in("anna", "wrong three").body, "spærret"));
  // Now even the right password is refused.
  auto r = b.log_in("anna", kPassword);
  CHECK(r.status == 200);
  CHECK(contains(r.body, "spærret"));
  CHECK_FALSE(b.cookies.count("ft_session"));

  const Json log = access_log(server, {"--user", "anna"});
  CHECK(count_rows(log, "login_failed") == 2);
  CHECK(count_rows(log, "login_blocked") == 1);
  CHECK(count_rows(log, "login_refused_blocked") == 1);

  REQUIRE(sync_server({"unlock-user", "--db", server.db(), "--name", "anna"}).exit_code == 0);
  CHECK(b.log_in("anna", kPassword).status == 303);
  CHECK(count_rows(access_log(server, {"--user", "anna"}), "login") == 1);
}

TEST_CASE("the lockout's number of failures is the server's setting") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.extra_args = {"--login-failures", "5"};
  add_web_user(server, "anna", "caseworker", {server.centre_id()}, kPassword);
  server.start();
  Browser b(server);
  for (int i = 0; i < 4; ++i) b.log_in("anna", "wrong");
  CHECK(b.log_in("anna", kPassword).status == 303);
}

TEST_CASE("a session left idle longer than the server's setting is over; the form says why") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.extra_args = {"--session-idle-seconds", "1"};
  add_web_user(server, "anna", "caseworker", {server.centre_id()}, kPassword);
  server.start();
  Browser b(server);
  REQUIRE(b.log_in("anna", kPassword).status == 303);
  ::sleep(3);  // idle, on purpose: longer than the 1 s the server was given
  auto r = b.get("/centres/" + server.centre_id());
  CHECK(r.status == 303);
  CHECK(r.get_header_value("Location") == "/login?expired=1");
  CHECK(contains(b.get("/login?expired=1").body, "ikke har været brugt"));
}

TEST_CASE("a disabled user is out at once, and cannot log in again") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  add_web_user(server, "anna", "caseworker", {server.centre_id()}, kPassword);
  server.start();
  Browser b(server);
  REQUIRE(b.log_in("anna", kPassword).status == 303);
  REQUIRE(sync_server({"disable-user", "--db", server.db(), "--name", "anna"}).exit_code == 0);
  CHECK(b.get("/").status == 303);
  CHECK(b.log_in("anna", kPassword).status == 200);
  CHECK_FALSE(b.cookies.count("ft_session"));
}

// ---- walls --------------------------------------------------------------------------------------

TEST_CASE("a caseworker sees only the centres given to them, and only their trainees") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  const std::string ikast = server.centre_id(), brande = server.add_centre("Væksthuset Brande", 12);
  add_web_user(server, "anna", "caseworker", {ikast}, kPassword);
  add_web_user(server, "bent", "supervisor", {ikast, brande}, kPassword);
  const std::string rikke = add_referral(server, ikast, "Rikke Aasted");
  const std::string bodil = add_referral(server, brande, "Bodil Bækgaard");
  server.start();

  Browser anna(server);
  REQUIRE(anna.log_in("anna", kPassword).status == 303);
  CHECK_FALSE(contains(anna.get("/").body, brande));
  const auto refused = anna.get("/centres/" + brande);
  CHECK(refused.status == 403);
  CHECK(contains(refused.body, "<p class=\"back\"><a href=\"/\">"));  // not a dead end
  CHECK(anna.get("/trainees/" + bodil).status == 404);  // reads as unknown: who is in the programme is not told
  CHECK(anna.get("/trainees/" + rikke).status == 200);
  CHECK_FALSE(contains(anna.get("/centres/" + ikast).body, "Bodil"));

  Browser bent(server);
  REQUIRE(bent.log_in("bent", kPassword).status == 303);
  CHECK(bent.get("/centres/" + brande).status == 200);
  CHECK(bent.get("/trainees/" + bodil).status == 200);
  // Nothing about Bodil was shown to anna, so the log holds no look of hers at Bodil.
  const Json bodil_log = access_log(server, {"--person", bodil});
  for (const auto& row : bodil_log) CHECK(row.at("user") == "bent");
}

// ---- escaping and headers -------------------------------------------------------------------------

TEST_CASE("names with markup, quotes, Æ Ø Å and Arabic come out as text, never as markup") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  add_web_user(server, "anna", "caseworker", {server.centre_id()}, kPassword);
  const std::string hostile = "<script>alert(\"x\")</script> O'Hara & Æbelø Åse";
  const std::string arabic =
      "\xd9\x81\xd8\xa7\xd8\xb7\xd9\x85\xd8\xa9 \xd8\xa7\xd9\x84\xd8\xb2\xd9\x87\xd8\xb1\xd8\xa7\xd8\xa1";  // Fatima
                                                                                                            // Al-Zahra
  const std::string id = add_referral(server, server.centre_id(), hostile);
  add_referral(server, server.centre_id(), arabic);
  server.start();
  Browser b(server);
  REQUIRE(b.log_in("anna", kPassword).status == 303);
  for (const std::string& path : std::vector<std::string>{"/centres/" + server.centre_id(), "/trainees/" + id}) {
    auto r = b.get(path);
    REQUIRE(r.status == 200);
    CHECK_FALSE(contains(r.body, "<script"));
    CHECK(contains(r.body, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Hara &amp; Æbelø Åse"));
  }
  CHECK(contains(b.get("/centres/" + server.centre_id()).body, arabic));
}

TEST_CASE("every page carries the security headers; pages about persons are never cached") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  add_web_user(server, "anna", "caseworker", {server.centre_id()}, kPassword);
  const std::string id = add_referral(server, server.centre_id(), "Rikke Aasted");
  server.start();
  Browser b(server);
  REQUIRE(b.log_in("anna", kPassword).status == 303);
  for (const std::string& path :
       std::vector<std::string>{"/login", "/", "/centres/" + server.centre_id(), "/trainees/" + id}) {
    auto r = b.get(path);
    INFO(path);
    const std::string csp = r.get_header_value("Content-Security-Policy");
    CHECK(contains(csp, "frame-ancestors 'none'"));
    CHECK(contains(csp, "default-src 'none'"));
    CHECK_FALSE(contains(csp, "unsafe-inline"));
    CHECK(contains(r.get_header_value("Strict-Transport-Security"), "max-age="));
    CHECK(r.get_header_value("Referrer-Policy") == "no-referrer");
    CHECK(r.get_header_value("Cache-Control") == "no-store");
    CHECK_FALSE(contains(r.body, "<script"));
    CHECK_FALSE(contains(r.body, "style=\""));  // the CSP would refuse inline style
  }
}

// ---- the access log ----------------------------------------------------------------------------

TEST_CASE("every look at a person is in the access log; a citizen's copy leaves out who looked") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  add_web_user(server, "anna", "caseworker", {server.centre_id()}, kPassword);
  const std::string rikke = add_referral(server, server.centre_id(), "Rikke Aasted");
  const std::string bo = add_referral(server, server.centre_id(), "Bo Ibsen");
  server.start();
  Browser b(server);
  REQUIRE(b.log_in("anna", kPassword).status == 303);
  b.get("/centres/" + server.centre_id());
  b.get("/trainees/" + rikke);

  const Json all = access_log(server);
  CHECK(count_rows(all, "login") == 1);
  CHECK(count_rows(all, "view_centre", rikke) == 1);
  CHECK(count_rows(all, "view_centre", bo) == 1);
  CHECK(count_rows(all, "view_trainee", rikke) == 1);
  for (const auto& row : all) {
    CHECK(row.at("user") == "anna");
    CHECK(row.at("source") == "127.0.0.1");
    CHECK(row.at("time").get<std::string>().size() == 20);
  }
  const Json citizen = access_log(server, {"--person", rikke, "--for-citizen"});
  CHECK(citizen.size() == 2);
  for (const auto& row : citizen) {
    CHECK(row.at("user").is_null());
    CHECK_FALSE(row.contains("source"));
  }
}

// ---- a centre with a history ------------------------------------------------------------------

// The demo centre's year synced into a server, and anna, its caseworker, logged in.
struct DemoCentre {
  TempDir dir;
  ServerProcess server{dir.file("server.db"), pki(), dir.file("server.log")};
  std::string terminal = start_with_demo();
  Browser b{server};
  DemoCentre() { REQUIRE(b.log_in("anna", kPassword).status == 303); }

 private:
  std::string start_with_demo() {
    add_web_user(server, "anna", "caseworker", {server.centre_id()}, kPassword);
    server.start();
    return demo_terminal(dir, server);
  }
};

TEST_CASE_FIXTURE(DemoCentre, "the centre's CSV from the web is the very file `floor-terminal report` makes of the same centre") {

  auto csv = b.get("/centres/" + server.centre_id() + "/report.csv");
  REQUIRE(csv.status == 200);
  CHECK(contains(csv.get_header_value("Content-Type"), "text/csv"));
  CHECK(contains(csv.get_header_value("Content-Disposition"), "attachment"));
  CHECK(csv.get_header_value("Cache-Control") == "no-store");
  auto made = floor_terminal({"report", "--db", terminal, "--format", "csv", "--out", dir.file("floor.csv"), "--lang", "da"});
  REQUIRE_MESSAGE(made.exit_code == 0, made.err);
  CHECK(csv.body == read_file(dir.file("floor.csv")));

  // Every person the file names is logged as exported, by anna.
  const Json log = access_log(server);
  // The roster is the first table (the agreements of those in internship follow after a blank line).
  const std::string roster = csv.body.substr(0, csv.body.find("\r\n\r\n") + 2);
  const int rows = static_cast<int>(std::count(roster.begin(), roster.end(), '\n')) - 1;  // less the header
  CHECK(rows >= 20);
  CHECK(count_rows(log, "export_csv") == rows);
}

TEST_CASE("a trainee's PDF report downloads in the user's language, with the wall and the log") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  const std::string other = server.add_centre("Væksthuset Brande", 12);
  add_web_user(server, "anna", "caseworker", {server.centre_id()}, kPassword);
  add_web_user(server, "olga", "caseworker", {other}, kPassword);
  add_web_user(server, "bent", "supervisor", {server.centre_id()}, kPassword);
  server.start();
  demo_terminal(dir, server);
  Browser b(server);
  REQUIRE(b.log_in("anna", kPassword).status == 303);
  const std::string id = first_trainee_id(b.get("/centres/" + server.centre_id()).body);
  auto trainee = b.get("/trainees/" + id);
  REQUIRE(trainee.status == 200);
  CHECK(contains(trainee.body, "/trainees/" + id + "/report.pdf"));

  auto pdf = b.get("/trainees/" + id + "/report.pdf");
  REQUIRE(pdf.status == 200);
  CHECK(pdf.get_header_value("Content-Type") == "application/pdf");
  CHECK(pdf.get_header_value("Cache-Control") == "no-store");
  REQUIRE(pdf.body.rfind("%PDF-", 0) == 0);
  {
    std::ofstream(dir.file("web.pdf"), std::ios::binary) << pdf.body;
  }
  auto text = run({"/usr/bin/pdftotext", "-enc", "UTF-8", dir.file("web.pdf"), "-"});
  REQUIRE_MESSAGE(text.exit_code == 0, text.err);
  CHECK(contains(text.out, "Træningscenter Ikast"));
  CHECK(contains(text.out, "Fremmøde"));  // Danish, the session's language
  CHECK(count_rows(access_log(server, {"--person", id}), "export_pdf") == 1);
  // Health notes are a supervisor's, and only when asked for: a caseworker asking gets the plain report.
  REQUIRE(b.get("/trainees/" + id + "/report.pdf?health=1").status == 200);
  CHECK(count_rows(access_log(server, {"--person", id}), "export_pdf") == 2);
  Browser bent(server);
  REQUIRE(bent.log_in("bent", kPassword).status == 303);
  REQUIRE(bent.get("/trainees/" + id + "/report.pdf?health=1").status == 200);
  CHECK(count_rows(access_log(server, {"--user", "bent", "--person", id}), "export_pdf_with_health") == 1);

  // Another centre's caseworker finds no such report, and nothing of it is logged as theirs.
  Browser olga(server);
  REQUIRE(olga.log_in("olga", kPassword).status == 303);
  CHECK(olga.get("/trainees/" + id + "/report.pdf").status == 404);
  CHECK(olga.get("/centres/" + server.centre_id() + "/report.csv").status == 403);
  CHECK(access_log(server, {"--user", "olga", "--person", id}).empty());
}

TEST_CASE_FIXTURE(DemoCentre, "a note in the web's PDF names its writer, as the terminal's own report does") {
  // The demo trainee with an instructor's shared note.
  const std::string centre = b.get("/centres/" + server.centre_id()).body;
  std::string id;
  for (size_t at = centre.find("href=\"/trainees/"); at != std::string::npos && id.empty();
       at = centre.find("href=\"/trainees/", at + 1)) {
    const std::string candidate = first_trainee_id(centre.substr(at));
    if (contains(b.get("/trainees/" + candidate).body, "Viser andre, hvordan moppen")) id = candidate;
  }
  REQUIRE_FALSE(id.empty());
  auto made = floor_terminal({"report", "--db", terminal, "--trainee", id, "--format", "json", "--out",
                              dir.file("terminal.json")});
  REQUIRE_MESSAGE(made.exit_code == 0, made.err);
  std::string writer;
  const Json report = Json::parse(read_file(dir.file("terminal.json")));  // held: the loop runs over its member
  for (const auto& n : report.at("notes"))
    if (contains(n.at("text").get<std::string>(), "Viser andre")) writer = n.at("by").get<std::string>();
  REQUIRE_FALSE(writer.empty());

  auto pdf = b.get("/trainees/" + id + "/report.pdf");
  REQUIRE(pdf.status == 200);
  {
    std::ofstream(dir.file("web.pdf"), std::ios::binary) << pdf.body;
  }
  auto text = run({"/usr/bin/pdftotext", "-enc", "UTF-8", dir.file("web.pdf"), "-"});
  REQUIRE_MESSAGE(text.exit_code == 0, text.err);
  CHECK(contains(text.out, "(" + writer + "):"));
}

TEST_CASE("absences to act on: newest first; a caseworker marks one handled with the form's token, and it stays") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  add_web_user(server, "anna", "caseworker", {server.centre_id()}, kPassword);
  server.start();
  demo_terminal(dir, server);
  Browser b(server);
  REQUIRE(b.log_in("anna", kPassword).status == 303);
  const std::string path = "/centres/" + server.centre_id() + "/absences";
  CHECK(contains(b.get("/centres/" + server.centre_id()).body, "href=\"" + path + "\""));
  auto list = b.get(path);
  REQUIRE(list.status == 200);
  CHECK(list.get_header_value("Cache-Control") == "no-store");

  // The dates of the rows run from the newest down.
  std::vector<std::string> days;
  for (size_t at = list.body.find("name=\"day\" value=\""); at != std::string::npos;
       at = list.body.find("name=\"day\" value=\"", at + 1))
    days.push_back(hidden_value(list.body, "day", at));
  REQUIRE(days.size() >= 2);  // the demo centre has its no-shows and late mornings
  CHECK(std::is_sorted(days.rbegin(), days.rend()));
  // Each row says its day in words, the ISO day beside them for machines; none is shown as ISO.
  for (const auto& day : days)
    CHECK(contains(list.body, "<time datetime=\"" + day + "\">" +
                                  day_in_words("da", day) + "</time>"));
  CHECK_MESSAGE(iso_date_shown(list.body).empty(), iso_date_shown(list.body));
  CHECK_MESSAGE(iso_date_shown(b.get("/centres/" + server.centre_id()).body).empty(), "the centre page");

  const std::string trainee = hidden_value(list.body, "trainee"), day = hidden_value(list.body, "day");
  const std::string csrf = Browser::csrf_in(list.body);
  SUBCASE("without the token nothing is marked") {
    CHECK(b.post(path, {{"trainee", trainee}, {"day", day}, {"csrf", "forged"}}).status == 403);
    CHECK(count_rows(access_log(server), "mark_absence_handled") == 0);
  }
  SUBCASE("a day that is not one to act on cannot be marked") {
    CHECK(b.post(path, {{"trainee", trainee}, {"day", "2001-01-01"}, {"csrf", csrf}}).status == 404);
  }
  SUBCASE("marked, it moves to the handled list with who did it, and is there after a restart") {
    auto r = b.post(path, {{"trainee", trainee}, {"day", day}, {"csrf", csrf}});
    CHECK(r.status == 303);
    CHECK(r.get_header_value("Location") == path);
    const size_t before = days.size();
    auto after = b.get(path);
    CHECK(contains(after.body, "Håndteret af anna"));
    server.stop();
    server.start();
    REQUIRE(b.log_in("anna", kPassword).status == 303);
    after = b.get(path);
    CHECK(contains(after.body, "Håndteret af anna"));
    size_t open = 0;
    for (size_t at = after.body.find("name=\"day\" value=\""); at != std::string::npos;
         at = after.body.find("name=\"day\" value=\"", at + 1))
      ++open;
    CHECK(open == before - 1);
    const Json log = access_log(server, {"--person", trainee});
    CHECK(count_rows(log, "mark_absence_handled", trainee) == 1);
    CHECK(count_rows(log, "view_absences", trainee) >= 1);
  }
}

// The floor terminal's own status of one trainee, after a sync round.
Json terminal_status_of(const std::string& terminal_db, const std::string& trainee) {
  auto synced = floor_terminal({"sync", "--db", terminal_db});
  REQUIRE_MESSAGE(synced.exit_code == 0, synced.err);
  auto status = floor_terminal({"status", "--db", terminal_db, "--json"});
  REQUIRE_MESSAGE(status.exit_code == 0, status.err);
  const Json all = Json::parse(status.out);
  for (const auto& t : all.at("trainees"))
    if (t.at("id") == trainee) return t;
  FAIL("the terminal does not know the trainee");
  return nullptr;
}

TEST_CASE_FIXTURE(DemoCentre, "a handled absence is an event: a second click adds none, and the floor terminal pulls and shows it") {
  const std::string path = "/centres/" + server.centre_id() + "/absences";
  const auto list = b.get(path);
  const std::string trainee = hidden_value(list.body, "trainee"), day = hidden_value(list.body, "day");
  const std::string csrf = Browser::csrf_in(list.body);
  CHECK(terminal_status_of(terminal, trainee).at("absences_handled").empty());

  const std::int64_t before = server.event_count();
  CHECK(b.post(path, {{"trainee", trainee}, {"day", day}, {"csrf", csrf}}).status == 303);
  CHECK(server.event_count() == before + 1);
  // The same form sent again (a double click, the back button): redirected, nothing added.
  CHECK(b.post(path, {{"trainee", trainee}, {"day", day}, {"csrf", csrf}}).status == 303);
  CHECK(server.event_count() == before + 1);
  CHECK(count_rows(access_log(server, {"--person", trainee}), "mark_absence_handled", trainee) == 1);

  const Json seen = terminal_status_of(terminal, trainee).at("absences_handled");
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].at("day") == day);
  CHECK(seen[0].at("by") == "anna");
  CHECK((seen[0].at("kind") == "no_show" || seen[0].at("kind") == "late"));
  // The list reads the mark from the same fold: the day is under "handled" now.
  CHECK(contains(b.get(path).body, "Håndteret af anna"));
}

TEST_CASE_FIXTURE(DemoCentre, "marks kept in the web view's old table move into the log once, and none is lost") {
  const auto list = b.get("/centres/" + server.centre_id() + "/absences");
  const std::string trainee = hidden_value(list.body, "trainee"), day = hidden_value(list.body, "day");
  server.stop();
  const std::int64_t before = server.event_count();
  {
    // The table as the web view's first version made it, with a mark in it.
    auto db = is_postgres_uri(server.db()) ? SqlDb::open_postgres(server.db()) : SqlDb::open_sqlite(server.db(), false);
    db->exec("CREATE TABLE web_absences_handled(trainee_id TEXT NOT NULL, day INTEGER NOT NULL, kind TEXT NOT NULL, "
             "handled_by TEXT NOT NULL, handled_ms BIGINT NOT NULL, PRIMARY KEY(trainee_id, day))");
    SqlStmt(*db, "INSERT INTO web_absences_handled VALUES (?,?,'no_show','gammel.bruger',?)")
        .bind(1, trainee)
        .bind(2, std::int64_t{*parse_day(day)})
        .bind(3, kMonday0730)
        .run();
  }
  server.start();  // opening the database moves the mark
  CHECK(server.event_count() == before + 1);
  server.stop();
  server.start();
  CHECK(server.event_count() == before + 1);  // once
  const Json seen = terminal_status_of(terminal, trainee).at("absences_handled");
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].at("day") == day);
  CHECK(seen[0].at("by") == "gammel.bruger");
  REQUIRE(b.log_in("anna", kPassword).status == 303);
  CHECK(contains(b.get("/centres/" + server.centre_id() + "/absences").body, "Håndteret af gammel.bruger"));
}

TEST_CASE("a trainee's page draws the timeline, the attendance calendar and the skills chart as SVG") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  add_web_user(server, "anna", "caseworker", {server.centre_id()}, kPassword);
  server.start();
  demo_terminal(dir, server);
  Browser b(server);
  REQUIRE(b.log_in("anna", kPassword).status == 303);
  const std::string centre = b.get("/centres/" + server.centre_id()).body;
  // Every trainee who has started has a timeline; one with skills required has the chart too.
  int pages = 0, timelines = 0, skill_charts = 0, calendars = 0;
  for (size_t at = centre.find("href=\"/trainees/"); at != std::string::npos;
       at = centre.find("href=\"/trainees/", at + 1)) {
    const std::string id = first_trainee_id(centre.substr(at));
    auto page = b.get("/trainees/" + id);
    REQUIRE(page.status == 200);
    CHECK_FALSE(contains(page.body, "style=\""));
    // Dates in words: the facts, the tables, the notes, the reasons and the pictures' titles.
    CHECK_MESSAGE(iso_date_shown(page.body).empty(), iso_date_shown(page.body));
    ++pages;
    timelines += contains(page.body, "id=\"timeline-" + id + "\"");
    // The calendar: a picture with its title and the days counted in words, one shape per status in the legend.
    calendars += contains(page.body, "<title id=\"calendar-" + id + "\">Fremmøde de seneste 8 uger</title>") &&
                 contains(page.body, "<desc id=\"calendar-" + id + "-desc\">") &&
                 contains(page.body, "Udeblevet") && contains(page.body, "Håndteret af en sagsbehandler");
    skill_charts += contains(page.body, "id=\"skills-" + id + "\"");
  }
  CHECK(calendars == pages);
  CHECK(timelines >= 10);
  CHECK(skill_charts >= 10);

  // In English the same page words its days in English.
  const std::string first = "/trainees/" + first_trainee_id(centre);
  REQUIRE(b.post("/language", {{"csrf", Browser::csrf_in(centre)}, {"to", "en"}, {"back", first}}).status == 303);
  const std::string english = b.get(first).body;
  CHECK_MESSAGE(iso_date_shown(english).empty(), iso_date_shown(english));
  const std::string marker = "<time datetime=\"";
  const auto at = english.find(marker);
  REQUIRE(at != std::string::npos);
  const std::string iso = english.substr(at + marker.size(), 10);
  CHECK(contains(english, marker + iso + "\">" + day_in_words("en", iso) +
                              "</time>"));
}

TEST_CASE_FIXTURE(DemoCentre, "the calendar counts the very days core's day_status() gives the terminal's own fold") {
  // Someone in the centre, whose last weeks hold more than one kind of day.
  const std::string id = hidden_value(b.get("/centres/" + server.centre_id() + "/absences").body, "trainee");
  const std::string page = b.get("/trainees/" + id).body;
  const std::string marker = "<desc id=\"calendar-" + id + "-desc\">";
  const auto at = page.find(marker);
  REQUIRE(at != std::string::npos);
  const std::string desc = page.substr(at + marker.size(), page.find("</desc>", at) - at - marker.size());

  StoreError error;
  auto floor = Centre::open(terminal, Rules{}, catalogue(), error);
  REQUIRE(floor);
  const Trainee* t = floor->state().trainee(id);
  REQUIRE(t);
  std::string why;
  const auto da = parse_translations("da", read_file(asset("i18n/da.json")), why);
  REQUIRE(da);
  std::map<std::string, int> counts;
  const Day today = floor->today(), monday = today - weekday(today);
  for (int w = 0; w < 8; ++w)
    for (int d = 0; d < 5; ++d) {
      const DayStatus s = day_status(*t, monday - 7 * w + d, Rules{}, today);
      const char* key = s == DayStatus::Present             ? "day.present"
                        : s == DayStatus::Late                ? "day.late"
                        : s == DayStatus::ForgottenCheckout   ? "day.forgotten"
                        : s == DayStatus::AbsentSick          ? "day.sick"
                        : s == DayStatus::AbsentLegitimate    ? "day.legitimate"
                        : s == DayStatus::AbsentNotLegitimate ? "day.not_legitimate"
                        : s == DayStatus::Unrecorded          ? "day.unrecorded"
                        : s == DayStatus::Upcoming            ? "day.upcoming"
                                                              : "day.not_expected";
      counts[(*da)(key)] += 1;
    }
  REQUIRE(counts.size() >= 2);
  for (const auto& [word, n] : counts) {
    CAPTURE(word);
    CHECK(contains(", " + desc + ",", ", " + word + ": " + std::to_string(n) + ","));
  }
}

TEST_CASE("administrators read the access log in the browser; the reading and its terms are logged too") {
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  add_web_user(server, "anna", "caseworker", {server.centre_id()}, kPassword);
  add_web_user(server, "root.admin", "admin", {}, kPassword);
  const std::string rikke = add_referral(server, server.centre_id(), "Rikke Aasted");
  server.start();
  Browser anna(server);
  REQUIRE(anna.log_in("anna", kPassword).status == 303);
  anna.get("/trainees/" + rikke);
  CHECK(anna.get("/access-log").status == 403);  // a caseworker does not read who looked

  Browser admin(server);
  REQUIRE(admin.log_in("root.admin", kPassword).status == 303);
  CHECK(contains(admin.get("/").body, "href=\"/access-log\""));
  auto page = admin.get("/access-log?person=" + rikke);
  REQUIRE(page.status == 200);
  CHECK(page.get_header_value("Cache-Control") == "no-store");
  CHECK(contains(page.body, "view_trainee"));
  CHECK(contains(page.body, ">anna<"));
  CHECK_FALSE(contains(page.body, ">login<"));  // only rows about Rikke
  const Json log = access_log(server, {"--user", "root.admin"});
  CHECK(count_rows(log, "read_access_log", rikke) == 1);
}
