// Internships on the command line (issue 20): `host` and `stage --to
// internship` with the agreement's terms. Every refusal is one sentence on
// stderr, a non-zero exit, and no event written.
#include <doctest/doctest.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "terminal/core/dates.hpp"
#include "tests/test_support.hpp"

using ft::test::TempDir;
using Json = nlohmann::json;

namespace {

// Today in the process's time zone, as the terminal reads it, moved by `offset` days.
ft::Day today_plus(int offset) {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return ft::day_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) + offset;
}
const std::string kTomorrow = ft::format_day(today_plus(1));

Json status(const std::string& db) {
  auto r = ft::test::floor_terminal({"status", "--db", db, "--json"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return Json::parse(r.out);
}

// A centre with one trainee, one supervisor (PIN 33333) and two hosts:
// a small bakery (4 staff: 1 place) and a cleaning firm (120 staff).
struct Placing {
  TempDir dir;
  std::string db = dir.file("centre.db");
  std::string trainee, other, supervisor;
  Placing() {
    trainee = ft::test::last_line(ft::test::floor_terminal({"enrol", "--db", db, "--name", "Åse Ærø"}).out);
    other = ft::test::last_line(ft::test::floor_terminal({"enrol", "--db", db, "--name", "Bo Bæk"}).out);
    auto s = ft::test::floor_terminal(
        {"add-staff", "--db", db, "--name", "Sanne Konsulent", "--role", "supervisor", "--pin", "33333"});
    REQUIRE_MESSAGE(s.exit_code == 0, s.err);
    supervisor = ft::test::last_line(s.out);
    host("Bageriet Ikast", "29310009", "4");
    host("Elite Miljø A/S", "12345674", "120");
  }
  void host(const std::string& name, const std::string& cvr, const std::string& staff) {
    auto r = ft::test::floor_terminal({"host", "--db", db, "--name", name, "--cvr", cvr, "--staff", staff});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
  ft::test::RunResult stage(const std::string& id, const std::string& host, const std::string& weeks,
                            const std::string& hours, const std::string& purpose,
                            const std::string& start = kTomorrow) {
    return ft::test::floor_terminal({"stage", "--db", db, "--trainee", id, "--to", "internship", "--host", host,
                                     "--start", start, "--weeks", weeks, "--hours", hours, "--purpose", purpose,
                                     "--as", supervisor, "--pin", "33333"});
  }
  int events() { return status(db)["events"].get<int>(); }
};

}  // namespace

TEST_CASE("host registers a firm by its CVR number and a second call updates it") {
  Placing c;
  const Json s = status(c.db);
  REQUIRE(s["hosts"].size() == 2);
  c.host("Bageriet Ikast ApS", "DK 29 31 00 09", "7");
  const Json after = status(c.db);
  REQUIRE(after["hosts"].size() == 2);
  for (const auto& h : after["hosts"])
    if (h["cvr"] == "29310009") {
      CHECK(h["name"] == "Bageriet Ikast ApS");
      CHECK(h["staff"] == 7);
      CHECK(h["places"] == 1);
    }
}

TEST_CASE("host refuses a CVR number that fails the modulus-11 check, and a bad staff count, writing nothing") {
  Placing c;
  const int before = c.events();
  auto r = ft::test::floor_terminal({"host", "--db", c.db, "--name", "Firma", "--cvr", "12345678", "--staff", "3"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "The CVR number 12345678 is not valid: a CVR number is 8 digits that pass the modulus-11 check.\n");
  r = ft::test::floor_terminal({"host", "--db", c.db, "--name", "Firma", "--cvr", "12345674", "--staff", "many"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "The number of ordinary staff must be a whole number from 0 up.\n");
  CHECK(c.events() == before);
}

TEST_CASE("stage --to internship refuses more than 37 hours, an empty purpose and an unknown host, writing nothing") {
  Placing c;
  const int before = c.events();
  auto r = c.stage(c.trainee, "Elite Miljø A/S", "4", "38", "Kontorrengøring");
  CHECK(r.exit_code == 1);
  CHECK(r.err == "38 hours a week is too many: an internship is at most 37 hours a week.\n");
  r = c.stage(c.trainee, "Elite Miljø A/S", "4", "30", "   ");
  CHECK(r.exit_code == 1);
  CHECK(r.err == "Write the internship's purpose: what the trainee is to try out or learn there.\n");
  r = c.stage(c.trainee, "Ukendt Firma", "4", "30", "Kontorrengøring");
  CHECK(r.exit_code == 1);
  CHECK(r.err == "There is no host company Ukendt Firma. Register it first with its CVR number.\n");
  r = c.stage(c.trainee, "Elite Miljø A/S", "4", "30", "Kontorrengøring", "7 December");
  CHECK(r.exit_code == 1);
  CHECK(r.err == "Write the date as YYYY-MM-DD.\n");
  CHECK(c.events() == before);
  CHECK(status(c.db)["trainees"][0]["internship"].is_null());
}

TEST_CASE("without an approval the agreement is accepted and the trainee awaits the jobcentre") {
  Placing c;
  auto r = c.stage(c.trainee, "12345674", "13", "37", "Afprøve rengøring på kontor");
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out == "stage internship, awaiting the jobcentre's approval\n");
  const Json now = status(c.db);  // kept: a range-for over a temporary's member reads freed memory
  for (const auto& t : now["trainees"]) {
    if (t["id"] != c.trainee) {
      CHECK(t["internship"].is_null());
      continue;
    }
    CHECK(t["stage"] == "internship");
    const Json& i = t["internship"];
    CHECK(i["host"] == "Elite Miljø A/S");
    CHECK(i["cvr"] == "12345674");
    CHECK(i["start"] == kTomorrow);
    CHECK(i["weeks"] == 13);
    CHECK(i["approved_weeks"].is_null());
    CHECK(i["ends"] == ft::format_day(today_plus(1 + 13 * 7 - 1)));
    CHECK(i["hours_per_week"] == 37);
    CHECK(i["days_left"] == 13 * 7);
    const Json& codes = t["guarantee"]["reason_codes"];
    const Json& texts = t["guarantee"]["reasons"];
    REQUIRE(codes.size() == texts.size());
    bool awaiting = false;
    for (size_t k = 0; k < codes.size(); ++k)
      awaiting |= codes[k] == "internship_awaiting_approval" &&
                  texts[k] == "The internship is awaiting the jobcentre's approval.";
    CHECK(awaiting);
  }
}

TEST_CASE("a placement over the host's ratio is accepted, said, flagged with a reason and named in the host's line") {
  Placing c;
  REQUIRE(c.stage(c.trainee, "Bageriet Ikast", "4", "30", "Opvask og rengøring").exit_code == 0);
  auto r = c.stage(c.other, "29310009", "4", "30", "Opvask og rengøring");
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out.find("Bageriet Ikast now has more people in internship than its 1 place(s) for 4 ordinary staff") !=
        std::string::npos);
  const Json s = status(c.db);
  for (const auto& h : s["hosts"])
    if (h["cvr"] == "29310009") {
      CHECK(h["placed"] == 2);
      CHECK(h["over_ratio"] == true);
    }
  for (const auto& t : s["trainees"])
    if (t["id"] == c.other) {
      bool flagged = false;
      for (const auto& code : t["guarantee"]["reason_codes"]) flagged |= code == "internship_over_ratio";
      CHECK(flagged);
    }
}

TEST_CASE("agreement options belong to --to internship only, and all of them are needed") {
  Placing c;
  const int before = c.events();
  auto r = ft::test::floor_terminal({"stage", "--db", c.db, "--trainee", c.trainee, "--to", "employed", "--weeks", "4",
                                     "--as", c.supervisor, "--pin", "33333"});
  CHECK(r.exit_code == 2);
  r = ft::test::floor_terminal({"stage", "--db", c.db, "--trainee", c.trainee, "--to", "internship", "--host",
                                "Elite Miljø A/S", "--weeks", "4", "--as", c.supervisor, "--pin", "33333"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--start") != std::string::npos);
  CHECK(c.events() == before);
}

TEST_CASE("the demo centre shows approved, awaiting, nearly ending and over-ratio placements on its own") {
  // With no jobcentre connected the demo's stand-in approvals count (docs/internships.md, "Demo").
  TempDir dir;
  const std::string db = dir.file("demo.db");
  auto seeded = ft::test::floor_terminal({"seed-demo", "--db", db});
  REQUIRE_MESSAGE(seeded.exit_code == 0, seeded.err);
  const Json s = status(db);
  int approved = 0, awaiting = 0, nearly_ending = 0;
  for (const auto& t : s["trainees"]) {
    if (t["internship"].is_null()) continue;
    (t["internship"]["approved_weeks"].is_null() ? awaiting : approved) += 1;
    for (const auto& code : t["guarantee"]["reason_codes"]) nearly_ending += code == "internship_decision";
  }
  CHECK(approved >= 1);
  CHECK(awaiting >= 1);
  CHECK(nearly_ending >= 1);
  bool over_ratio = false;
  for (const auto& h : s["hosts"]) over_ratio |= h["over_ratio"].get<bool>();
  CHECK(over_ratio);
}
