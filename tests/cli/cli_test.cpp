// floor-terminal's command line (DESIGN.md §5), run as a separate process.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "terminal/store/database.hpp"
#include "tests/test_support.hpp"

using ft::test::run;
using ft::test::RunResult;
using ft::test::TempDir;
using Json = nlohmann::json;

namespace {

Json status(const std::string& db) {
  auto r = ft::test::floor_terminal({"status", "--db", db, "--json"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return Json::parse(r.out);
}

// The demo centre is seeded once and copied for each test that needs it.
std::string seeded_copy(const TempDir& dir) {
  static TempDir seed_dir;
  static const std::string seeded = [] {
    const auto path = seed_dir.file("demo.db");
    auto r = ft::test::floor_terminal({"seed-demo", "--db", path});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return path;
  }();
  const auto copy = dir.file("demo.db");
  std::filesystem::copy_file(seeded, copy);
  return copy;
}

}  // namespace

TEST_CASE("seed-demo makes a full, varied centre that status --json describes") {
  TempDir dir;
  const auto db = seeded_copy(dir);
  const Json s = status(db);
  CHECK(s["centre"]["capacity"] == 15);
  CHECK(s["centre"]["in_centre"] == 15);
  CHECK(s["centre"]["name"] == "Træningscenter Ikast");
  CHECK(s["events"].get<int>() > 1000);
  std::set<std::string> stages, statuses;
  int at_risk = 0;
  bool near_limit = false;
  for (const auto& t : s["trainees"]) {
    stages.insert(t["stage"].get<std::string>());
    statuses.insert(t["guarantee"]["status"].get<std::string>());
    if (t["guarantee"]["status"] == "at_risk") {
      ++at_risk;
      CHECK_FALSE(t["guarantee"]["reasons"].empty());
    }
    if (t["stage"] == "centre") {
      CHECK(t["attendance"]["rate_total"].get<double>() > 0);
      CHECK(t["skills"]["required"] == 30);
      CHECK(t["started"].is_string());
      CHECK(t["days_left"].is_number_integer());
    }
    if (!t["days_left"].is_null() && t["days_left"].get<int>() < 60) near_limit = true;
  }
  CHECK(stages.size() >= 4);
  CHECK(statuses.size() >= 3);
  CHECK(at_risk >= 1);
  CHECK(near_limit);
  CHECK(s["sync"]["configured"] == false);
  struct stat st{};
  REQUIRE(stat(db.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  auto verify = ft::test::floor_terminal({"verify", "--db", db});
  CHECK_MESSAGE(verify.exit_code == 0, verify.err);
}

TEST_CASE("a 16th enrolment is refused with a reason and leaves the event count unchanged") {
  TempDir dir;
  const auto db = seeded_copy(dir);
  const auto before = status(db)["events"].get<int>();
  auto r = ft::test::floor_terminal({"enrol", "--db", db, "--name", "Sekstende Person"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "The centre is full (15 trainees). Put the person on the waiting list, or move a trainee on first.\n");
  CHECK(r.out.empty());
  CHECK(status(db)["events"].get<int>() == before);
  auto waiting = ft::test::floor_terminal({"enrol", "--db", db, "--name", "Sekstende Person", "--waitlist"});
  CHECK(waiting.exit_code == 0);
  CHECK(status(db)["events"].get<int>() == before + 1);
}

TEST_CASE("odd names come back exactly through enrol and status") {
  TempDir dir;
  const auto db = dir.file("centre.db");
  const std::vector<std::string> names = {"Åse Ærø-Ødegaard", "O'Brien\"; DROP TABLE events;--", "محمد عبد الله",
                                          std::string(200, 'y'), "Zoë Łukasiewicz"};
  std::map<std::string, std::string> by_id;
  for (const auto& n : names) {
    auto r = ft::test::floor_terminal({"enrol", "--db", db, "--name", n});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    by_id[ft::test::last_line(r.out)] = n;
  }
  const Json s = status(db);  // kept alive: the loop reads into it
  for (const auto& t : s["trainees"]) CHECK(t["name"].get<std::string>() == by_id.at(t["id"].get<std::string>()));
  auto too_long = ft::test::floor_terminal({"enrol", "--db", db, "--name", std::string(201, 'y')});
  CHECK(too_long.exit_code == 1);
  CHECK(too_long.err == "The name is too long (at most 200 characters).\n");
  auto control = ft::test::floor_terminal({"enrol", "--db", db, "--name", "Bell\aName"});
  CHECK(control.exit_code == 1);
  CHECK(control.err.find("control characters") != std::string::npos);
}

TEST_CASE("a wrong PIN is refused and the right one checks in; check-out follows") {
  TempDir dir;
  const auto db = dir.file("centre.db");
  const auto id = ft::test::last_line(ft::test::floor_terminal({"enrol", "--db", db, "--name", "Pin Person", "--pin", "2468"}).out);
  auto wrong = ft::test::floor_terminal({"checkin", "--db", db, "--trainee", id, "--pin", "1111"});
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.err == "Wrong PIN. You have 4 tries left.\n");
  auto missing = ft::test::floor_terminal({"checkin", "--db", db, "--trainee", id});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == "This person has a PIN. Enter it.\n");
  auto right = ft::test::floor_terminal({"checkin", "--db", db, "--trainee", id, "--pin", "2468"});
  CHECK_MESSAGE(right.exit_code == 0, right.err);
  CHECK(right.out.rfind("checked in ", 0) == 0);
  CHECK(status(db)["trainees"][0]["checked_in"] == true);
  auto again = ft::test::floor_terminal({"checkin", "--db", db, "--trainee", id, "--pin", "2468"});
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("already") != std::string::npos);
  CHECK(status(db)["events"] == 2);
  auto out = ft::test::floor_terminal({"checkout", "--db", db, "--trainee", id, "--pin", "2468"});
  CHECK_MESSAGE(out.exit_code == 0, out.err);
  CHECK(status(db)["trainees"][0]["checked_in"] == false);
}

TEST_CASE("a trainee guessing PINs is locked out") {
  TempDir dir;
  const auto db = dir.file("centre.db");
  const auto id = ft::test::last_line(ft::test::floor_terminal({"enrol", "--db", db, "--name", "Guesser", "--pin", "2468"}).out);
  for (int i = 0; i < 4; ++i) ft::test::floor_terminal({"checkin", "--db", db, "--trainee", id, "--pin", "0000"});
  auto fifth = ft::test::floor_terminal({"checkin", "--db", db, "--trainee", id, "--pin", "0000"});
  CHECK(fifth.err == "Too many wrong tries. Try again in 5 min, or ask an instructor.\n");
  auto right = ft::test::floor_terminal({"checkin", "--db", db, "--trainee", id, "--pin", "2468"});
  CHECK(right.exit_code == 1);
  CHECK(right.err.find("Too many wrong tries") == 0);
  CHECK(status(db)["events"] == 1);
}

TEST_CASE("staff assess, change stages and record absence with their PIN; roles are enforced") {
  TempDir dir;
  const auto db = dir.file("centre.db");
  const auto trainee = ft::test::last_line(ft::test::floor_terminal({"enrol", "--db", db, "--name", "Læring Lærling"}).out);
  const auto other = ft::test::last_line(ft::test::floor_terminal({"enrol", "--db", db, "--name", "Anden Lærling"}).out);
  auto add = [&](const char* name, const char* role, const char* pin) {
    auto r = ft::test::floor_terminal({"add-staff", "--db", db, "--name", name, "--role", role, "--pin", pin});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return ft::test::last_line(r.out);
  };
  const auto instructor = add("Ib Instruktør", "instructor", "11111");
  const auto supervisor = add("Sanne Konsulent", "supervisor", "33333");
  auto assessed = ft::test::floor_terminal({"assess", "--db", db, "--trainee", trainee + "," + other, "--skill", "floor-mopping",
                          "--level", "3", "--as", instructor, "--pin", "11111"});
  CHECK_MESSAGE(assessed.exit_code == 0, assessed.err);
  auto staged = ft::test::floor_terminal({"stage", "--db", db, "--trainee", trainee, "--to", "internship", "--as", instructor, "--pin", "11111"});
  CHECK(staged.exit_code == 1);
  CHECK(staged.err == "As instructor you may not change stage.\n");
  staged = ft::test::floor_terminal({"stage", "--db", db, "--trainee", trainee, "--to", "internship", "--host", "Elite Miljø A/S",
                   "--as", supervisor, "--pin", "33333"});
  CHECK_MESSAGE(staged.exit_code == 0, staged.err);
  auto absence = ft::test::floor_terminal({"absence", "--db", db, "--trainee", other, "--date", "2026-11-20", "--reason", "sick",
                         "--as", supervisor, "--pin", "33333"});
  CHECK_MESSAGE(absence.exit_code == 0, absence.err);
  auto weekend = ft::test::floor_terminal({"absence", "--db", db, "--trainee", other, "--date", "2026-11-21", "--reason", "sick",
                         "--as", supervisor, "--pin", "33333"});
  CHECK(weekend.exit_code == 1);
  CHECK(weekend.err == "2026-11-21 is not an expected day.\n");
  auto wrong_pin = ft::test::floor_terminal({"assess", "--db", db, "--trainee", trainee, "--skill", "windows", "--level", "2", "--as",
                           instructor, "--pin", "99999"});
  CHECK(wrong_pin.exit_code == 1);
  const Json s = status(db);
  for (const auto& t : s["trainees"]) {
    CHECK(t["skills"]["assessed"] == 1);
    if (t["id"] == trainee) {
      CHECK(t["stage"] == "internship");
      CHECK(t["host"] == "Elite Miljø A/S");
    }
  }
}

TEST_CASE("usage errors and a foreign file") {
  TempDir dir;
  auto r = ft::test::floor_terminal({"enrol", "--db", dir.file("x.db"), "--name", "A", "--colour", "red"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "The option --colour is not known for 'enrol'.\n");
  r = ft::test::floor_terminal({"enrol", "--db", dir.file("x.db")});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "The option --name is required for 'enrol'.\n");
  const auto foreign = dir.file("notes.txt");
  { std::ofstream(foreign) << "Dette er ikke en database.\n"; }
  r = ft::test::floor_terminal({"status", "--db", foreign, "--json"});
  CHECK(r.exit_code != 0);
  CHECK(r.err == "The file " + foreign + " is not a floor-terminal database. It was left unchanged.\n");
  CHECK(ft::test::read_file(foreign) == "Dette er ikke en database.\n");
  r = ft::test::floor_terminal({"status", "--db", dir.file("missing.db"), "--json"});
  CHECK(r.exit_code != 0);
  CHECK_FALSE(std::filesystem::exists(dir.file("missing.db")));
}

TEST_CASE("a bad configuration names the key and the line") {
  TempDir dir;
  const auto config = dir.file("config.toml");
  { std::ofstream(config) << "[centre]\nname = \"Ikast\"\ncapacity = \"many\"\n"; }
  auto r = ft::test::floor_terminal({"status", "--db", dir.file("c.db"), "--json", "--config", config});
  CHECK(r.exit_code == 2);
  CHECK(r.err == config + " line 3: 'centre.capacity' must be a whole number\n");
  // A float is no whole number, also one beyond any integer's range (toml++ would convert it
  // unchecked; tests/fuzz/corpus/config/float_beyond_long.toml holds it for clang's UBSan).
  for (const char* days : {"1.5", "1e300"}) {
    { std::ofstream(config) << "[privacy]\nerase_after_days = " << days << "\n"; }
    r = ft::test::floor_terminal({"status", "--db", dir.file("c.db"), "--json", "--config", config});
    CHECK(r.exit_code == 2);
    CHECK(r.err == config + " line 2: 'privacy.erase_after_days' must be a whole number\n");
  }
  { std::ofstream(config) << "[centre]\ncapasity = 12\n"; }
  r = ft::test::floor_terminal({"status", "--db", dir.file("c.db"), "--json", "--config", config});
  CHECK(r.err == config + " line 2: 'centre.capasity' is not a known setting\n");
  { std::ofstream(config) << "[centre]\ncapacity = 2\n"; }
  const auto db = dir.file("c.db");
  CHECK(ft::test::floor_terminal({"enrol", "--db", db, "--name", "A A", "--config", config}).exit_code == 0);
  CHECK(ft::test::floor_terminal({"enrol", "--db", db, "--name", "B B", "--config", config}).exit_code == 0);
  r = ft::test::floor_terminal({"enrol", "--db", db, "--name", "C C", "--config", config});
  CHECK(r.err == "The centre is full (2 trainees). Put the person on the waiting list, or move a trainee on first.\n");
}

TEST_CASE("the kiosk without a display refuses a bad configuration first, naming the line, and creates nothing") {
  // The kiosk reads its configuration on its worker thread once glfwInit() is
  // done; without a display it reads it at once, so the sentence is the configuration's.
  TempDir dir;
  const auto config = dir.file("config.toml");
  { std::ofstream(config) << "[centre]\ncapacity = \"many\"\n"; }
  const auto db = dir.file("c.db");
  auto r = ft::test::run({"/usr/bin/env", "-u", "DISPLAY", ft::test::binary("floor-terminal"), "--db", db, "--config", config});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(config + " line 2: 'centre.capacity' must be a whole number\n") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(db));
  // A good configuration: the kiosk says, in Danish, that it needs a display.
  { std::ofstream(config) << "[centre]\ncapacity = 12\n"; }
  r = ft::test::run({"/usr/bin/env", "-u", "DISPLAY", ft::test::binary("floor-terminal"), "--db", db, "--config", config});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Ingen skærm") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("skills lists the catalogue") {
  auto r = ft::test::floor_terminal({"skills", "--db", "unused.db", "--json"});
  REQUIRE(r.exit_code == 0);
  const auto list = Json::parse(r.out);
  CHECK(list.size() == 30);
  CHECK(list[0]["key"] == "daily-cleaning");
  CHECK(list[0]["labels"]["da"] == "Daglig rengøring af kontorer og lokaler");
  CHECK(list[0]["labels"]["pl"] == "Codzienne sprzątanie biur i pomieszczeń");
  CHECK(list[0]["labels"]["uk"] == "Щоденне прибирання офісів і приміщень");
}

TEST_CASE("language sets a trainee's own language and read-aloud, and status --json shows both") {
  TempDir dir;
  const auto db = dir.file("centre.db");
  const auto id = ft::test::last_line(ft::test::floor_terminal({"enrol", "--db", db, "--name", "Олена Шевченко"}).out);
  Json s = status(db);
  CHECK(s["trainees"][0]["language"] == "da");
  CHECK(s["trainees"][0]["read_aloud"] == false);
  const auto before = s["events"].get<int>();

  auto r = ft::test::floor_terminal({"language", "--db", db, "--trainee", id, "--lang", "uk", "--read-aloud", "on"});
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out == "language uk, read-aloud on\n");
  s = status(db);
  CHECK(s["events"].get<int>() == before + 1);
  CHECK(s["trainees"][0]["language"] == "uk");
  CHECK(s["trainees"][0]["read_aloud"] == true);

  // Either option alone changes only that.
  r = ft::test::floor_terminal({"language", "--db", db, "--trainee", id, "--read-aloud", "off"});
  CHECK(r.out == "language uk, read-aloud off\n");
  r = ft::test::floor_terminal({"language", "--db", db, "--trainee", id, "--lang", "pl"});
  CHECK(r.out == "language pl, read-aloud off\n");
  s = status(db);
  CHECK(s["events"].get<int>() == before + 3);
  CHECK(s["trainees"][0]["language"] == "pl");
  CHECK(s["trainees"][0]["read_aloud"] == false);

  auto help = ft::test::floor_terminal({"--help"});
  CHECK(help.out.find("language --db PATH --trainee ID --lang da|en|pl|uk [--read-aloud on|off]") != std::string::npos);
}

TEST_CASE("--version and version name the program and the schema it writes, and start no kiosk") {
  const std::string expected =
      "floor-terminal " FT_TEST_VERSION " (database schema " + std::to_string(ft::kSchemaVersion) + ")\n";
  for (const auto& args : {std::vector<std::string>{"--version"}, std::vector<std::string>{"version"}}) {
    const auto r = ft::test::floor_terminal(args);
    CHECK(r.exit_code == 0);
    CHECK(r.out == expected);
  }
  CHECK(ft::test::floor_terminal({"--help"}).out.find("version ") != std::string::npos);
}

TEST_CASE("language refuses an unknown language, an unknown trainee and bad options, and writes nothing") {
  TempDir dir;
  const auto db = dir.file("centre.db");
  const auto id = ft::test::last_line(ft::test::floor_terminal({"enrol", "--db", db, "--name", "Łukasz Świątek"}).out);
  const auto before = status(db)["events"].get<int>();
  struct Case {
    std::vector<std::string> args;
    int exit_code;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"--trainee", id, "--lang", "xx"}, 1, "The language xx is not available.\n"},
      {{"--trainee", id, "--lang", "Ukrainian"}, 1, "The language Ukrainian is not available.\n"},
      {{"--trainee", "no-such-id", "--lang", "uk"}, 1, "There is no trainee with id no-such-id.\n"},
      {{"--trainee", id, "--lang", "uk", "--read-aloud", "yes"}, 2, "The option --read-aloud must be on or off.\n"},
      {{"--trainee", id, "--lang", "uk", "--colour", "red"}, 2, "The option --colour is not known for 'language'.\n"},
      {{"--trainee", id}, 2, "Give --lang, --read-aloud or both for 'language'.\n"},
      {{"--lang", "uk"}, 2, "The option --trainee is required for 'language'.\n"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"language", "--db", db};
    args.insert(args.end(), c.args.begin(), c.args.end());
    CAPTURE(c.err);
    auto r = ft::test::floor_terminal(args);
    CHECK(r.exit_code == c.exit_code);
    CHECK(r.err == c.err);
    CHECK(r.out.empty());
  }
  const Json s = status(db);
  CHECK(s["events"].get<int>() == before);
  CHECK(s["trainees"][0]["language"] == "da");
  CHECK(s["trainees"][0]["read_aloud"] == false);
  auto missing = ft::test::floor_terminal({"language", "--db", dir.file("none.db"), "--trainee", id, "--lang", "uk"});
  CHECK(missing.exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(dir.file("none.db")));
}
