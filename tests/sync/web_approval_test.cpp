// The jobcentre's internship approval on the web view (issue 20): a
// caseworker of the trainee's centre approves on the trainee's page, through
// the same approve_internship() the command line runs; a refusal shows in the
// user's language naming the limit and writes nothing; supervisors,
// administrators, other centres' caseworkers and forged forms are refused.
// A real sync-server over HTTPS and a real terminal that pulls the approval.
// Runs on SQLite and, as sync_web_approval_pg, on PostgreSQL.
#include <doctest/doctest.h>

#include <regex>

#include "terminal/core/approval_rules.hpp"
#include "terminal/core/dates.hpp"
#include "tests/sync/sync_fixture.hpp"
#include "tests/sync/web_client.hpp"

using namespace ft;
using namespace ft::test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

Json terminal_trainee(const std::string& db, const std::string& id) {
  auto synced = floor_terminal({"sync", "--db", db});
  REQUIRE_MESSAGE(synced.exit_code == 0, synced.err);
  auto r = floor_terminal({"status", "--db", db, "--json"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const Json status = Json::parse(r.out);  // held: a range-for over a temporary's member would dangle
  for (const auto& t : status.at("trainees"))
    if (t.at("id") == id) return t;
  FAIL("the terminal does not know the trainee ", id);
  return nullptr;
}

// A server with the centre's caseworker, supervisor and administrator, another centre's caseworker,
// and a terminal on which a trainee has an internship agreement of 13 weeks, awaiting the approval.
struct Scene {
  TempDir dir;
  ServerProcess server{dir.file("server.db"), pki(), dir.file("server.log")};
  std::string terminal = dir.file("terminal.db");
  std::string trainee, start, page;

  Scene() {
    use_test_timeouts_in_children();
    add_web_user(server, "carl", "caseworker", {server.centre_id()});
    add_web_user(server, "sofie", "supervisor", {server.centre_id()});
    add_web_user(server, "ida", "admin", {server.centre_id()});
    server.start();
    auto staff = sync_server({"add-staff", "--db", server.db(), "--name", "Sanne Konsulent", "--role", "supervisor",
                              "--pin", "24680"});
    REQUIRE_MESSAGE(staff.exit_code == 0, staff.err);
    auto joined = floor_terminal({"join", "--db", terminal, "--server", server.url(), "--ca", pki().ca, "--code",
                                  server.add_terminal("Gulv 1")});
    REQUIRE_MESSAGE(joined.exit_code == 0, joined.err);
    REQUIRE(floor_terminal({"host", "--db", terminal, "--name", "Elite Miljø A/S", "--cvr", "12345674", "--staff", "120"})
                .exit_code == 0);
    trainee = last_line(floor_terminal({"enrol", "--db", terminal, "--name", "Åse Ærø"}).out);
    start = terminal_trainee(terminal, trainee).at("started").get<std::string>();
    auto agreed = floor_terminal({"stage", "--db", terminal, "--trainee", trainee, "--to", "internship", "--host",
                                  "12345674", "--start", start, "--weeks", "13", "--hours", "30", "--purpose",
                                  "Kontorrengøring", "--as", last_line(staff.out), "--pin", "24680"});
    REQUIRE_MESSAGE(agreed.exit_code == 0, agreed.err);
    CHECK(terminal_trainee(terminal, trainee).at("internship").at("approved_weeks").is_null());
    page = "/trainees/" + trainee;
    add_web_user(server, "herning", "caseworker", {server.add_centre("Træningscenter Herning")});
  }
  std::string action() const { return page + "/internship-approval"; }
};

}  // namespace

TEST_CASE("a caseworker approves on the trainee's page; the terminal pulls the approved weeks and the end") {
  Scene s;
  WebClient carl(s.server);
  carl.log_in("carl");
  const auto shown = carl.get(s.page);
  REQUIRE(shown.status == 200);
  // The bases in force, each with its limit in words; the agreement as the terminal made it.
  CHECK(contains(shown.body, "action=\"" + s.action() + "\""));
  CHECK(contains(shown.body, "lab61-13w: højst 13 uger i alt"));
  CHECK(contains(shown.body, "lab61-further-13w: 13 uger mere ad gangen, efter en godkendelse på mindst 26 uger"));
  CHECK(contains(shown.body, "Ikke godkendt endnu"));
  CHECK(contains(shown.body, "Kontorrengøring"));
  // Its days in words: the start in the facts, and the rules' first day and the start in the hint.
  const Day start = *parse_day(s.start);
  const std::string in_force = format_day(rule_set_in_force(default_approval_rules(), start)->from);
  CHECK(contains(shown.body, "Praktikken starter</dt><dd>" + day_in_words("da", s.start) + "</dd>"));
  CHECK(contains(shown.body, "Reglerne gældende fra " + day_in_words("da", in_force) + ", for en praktik der starter " +
                                 day_in_words("da", s.start) + "."));
  const std::string csrf = WebClient::csrf_in(shown.body);
  const auto events = s.server.event_count();

  SUBCASE("beyond the basis' maximum: refused naming the limit, in Danish and in English, and nothing written") {
    auto over = carl.post(s.action(), {{"csrf", csrf}, {"basis", "lab61-13w"}, {"weeks", "14"}, {"reason", ""}});
    CHECK(over.status == 422);
    CHECK(contains(over.body, "En godkendelse efter lab61-13w er højst 13 uger i alt efter reglerne gældende fra " +
                                  day_in_words("da", in_force) + "."));
    CHECK(contains(over.body, "14 uger kan ikke godkendes."));
    CHECK(contains(over.body, "value=\"14\""));  // what was typed is kept
    auto no_reason = carl.post(s.action(), {{"csrf", csrf}, {"basis", "lab61-further-13w"}, {"weeks", "39"}});
    CHECK(no_reason.status == 422);
    CHECK(contains(no_reason.body, "lab61-further-13w forlænger en godkendelse på mindst 26 uger"));
    auto no_basis = carl.post(s.action(), {{"csrf", csrf}, {"weeks", "4"}});
    CHECK(no_basis.status == 422);
    CHECK(contains(no_basis.body, "Vælg et lovgrundlag."));
    auto bad_weeks = carl.post(s.action(), {{"csrf", csrf}, {"basis", "lab61-4w"}, {"weeks", "4 uger"}});
    CHECK(bad_weeks.status == 422);
    CHECK(contains(bad_weeks.body, "Skriv antal uger i alt som et helt tal fra 1 til 104."));

    REQUIRE(carl.post("/language", {{"csrf", csrf}, {"to", "en"}, {"back", s.page}}).status == 303);
    auto english = carl.post(s.action(), {{"csrf", csrf}, {"basis", "lab61-13w"}, {"weeks", "14"}});
    CHECK(english.status == 422);
    CHECK(contains(english.body, "An approval on lab61-13w is at most 13 weeks in all under the rules in force from " +
                                     day_in_words("en", in_force) + "."));
    CHECK(contains(english.body, "The internship starts</dt><dd>" + day_in_words("en", s.start) + "</dd>"));
    CHECK(contains(english.body, "14 weeks cannot be approved."));

    CHECK(s.server.event_count() == events);
    CHECK(access_rows(s.server, "approve_internship", s.trainee) == 0);
    CHECK(terminal_trainee(s.terminal, s.trainee).at("internship").at("approved_weeks").is_null());
  }

  SUBCASE("the same form sent twice (a double click): the second is refused as approved already, nothing more written") {
    const httplib::Params form{{"csrf", csrf}, {"basis", "lab61-13w"}, {"weeks", "13"}, {"reason", ""}};
    REQUIRE(carl.post(s.action(), form).status == 303);
    auto twice = carl.post(s.action(), form);
    CHECK(twice.status == 422);
    CHECK(contains(twice.body, "13 uger i alt er allerede godkendt, så intet er ændret."));
    CHECK(s.server.event_count() == events + 1);
    CHECK(access_rows(s.server, "approve_internship", s.trainee) == 1);
    CHECK(terminal_trainee(s.terminal, s.trainee).at("internship").at("approved_weeks") == 13);
  }

  SUBCASE("within the maximum: approved, logged as a change to the person, and pulled by the terminal") {
    auto ok = carl.post(s.action(), {{"csrf", csrf}, {"basis", "lab61-13w"}, {"weeks", "13"}, {"reason", ""}});
    CHECK(ok.status == 303);
    CHECK(ok.get_header_value("Location") == s.page + "#internship");
    CHECK(s.server.event_count() == events + 1);
    CHECK(access_rows(s.server, "approve_internship", s.trainee) == 1);
    const std::string approved = carl.get(s.page).body;
    // The day of the approval is the server's today: in words, whatever day that is.
    CHECK(std::regex_search(approved, std::regex("13 uger i alt \\(godkendt [0-9]{1,2}\\. [a-zæøå]+ [0-9]{4}\\)")));
    CHECK(contains(approved, "Sidste dag</dt><dd>" + day_in_words("da", format_day(start + 13 * 7 - 1)) + "</dd>"));

    const Json internship = terminal_trainee(s.terminal, s.trainee).at("internship");
    CHECK(internship.at("approved_weeks") == 13);
    CHECK(internship.at("ends") == format_day(*parse_day(s.start) + 13 * 7 - 1));
    // The extension beyond 26 weeks needs the reason, and with it goes through too.
    REQUIRE(carl.post(s.action(), {{"csrf", csrf}, {"basis", "lab61-26w"}, {"weeks", "26"}}).status == 303);
    REQUIRE(carl.post(s.action(), {{"csrf", csrf}, {"basis", "lab61-further-13w"}, {"weeks", "39"},
                                   {"reason", "Særligt behov: ny arbejdsfunktion"}})
                .status == 303);
    CHECK(terminal_trainee(s.terminal, s.trainee).at("internship").at("approved_weeks") == 39);
  }
}

TEST_CASE("only the centre's caseworkers approve; a missing or forged token is refused; nothing is written") {
  Scene s;
  const auto events = s.server.event_count();
  const httplib::Params approve{{"basis", "lab61-13w"}, {"weeks", "13"}};
  auto with_csrf = [&](const std::string& csrf) {
    httplib::Params p = approve;
    p.emplace("csrf", csrf);
    return p;
  };

  SUBCASE("a supervisor sees the internship but no form, and the POST is refused") {
    WebClient sofie(s.server);
    sofie.log_in("sofie");
    const auto shown = sofie.get(s.page);
    CHECK(contains(shown.body, "Praktik og jobcentrets godkendelse"));
    CHECK_FALSE(contains(shown.body, "internship-approval"));
    auto r = sofie.post(s.action(), with_csrf(WebClient::csrf_in(shown.body)));
    CHECK(r.status == 403);
    CHECK(contains(r.body, "Kun jobcentrets sagsbehandlere kan godkende en praktik."));
  }
  SUBCASE("an administrator of the centre is refused") {
    WebClient ida(s.server);
    ida.log_in("ida");
    const auto shown = ida.get(s.page);
    CHECK_FALSE(contains(shown.body, "internship-approval"));
    CHECK(ida.post(s.action(), with_csrf(WebClient::csrf_in(shown.body))).status == 403);
  }
  SUBCASE("another centre's caseworker finds no such trainee") {
    WebClient herning(s.server);
    herning.log_in("herning");
    const auto index = herning.get("/");
    auto r = herning.post(s.action(), with_csrf(WebClient::csrf_in(index.body)));
    CHECK(r.status == 404);
  }
  SUBCASE("the centre's caseworker without the form's token, or with a forged one") {
    WebClient carl(s.server);
    carl.log_in("carl");
    CHECK(carl.post(s.action(), approve).status == 403);
    CHECK(carl.post(s.action(), with_csrf("forged")).status == 403);
    CHECK(carl.post(s.action(), with_csrf(std::string(256, '0'))).status == 403);
  }
  SUBCASE("without a session: to the login form") {
    WebClient nobody(s.server);
    auto r = nobody.post(s.action(), with_csrf("forged"));
    CHECK(r.status == 303);
    CHECK(r.get_header_value("Location") == "/login");
  }
  CHECK(s.server.event_count() == events);
  CHECK(access_rows(s.server, "approve_internship", s.trainee) == 0);
}
