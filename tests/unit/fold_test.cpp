// The state depends only on the set of events, not the order they arrive in.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "tests/unit/centre_fixture.hpp"

using namespace ft;

namespace {
// A comparable summary of everything the state holds.
std::string fingerprint(const State& s) {
  Json j;
  j["centre"] = s.centre_name.value;
  j["events"] = s.event_count;
  for (const auto& [id, t] : s.trainees) {
    Json tj{{"enrolled", t.enrolled}, {"name", t.name.value}, {"stage", stage_name(t.stage())}, {"host", t.host()},
            {"pin", t.pin_hash.value}, {"lang", t.language.value}, {"confirmed", t.internship_confirmed_hlc}};
    for (const auto& [day, d] : t.days)
      tj["days"].push_back({day, d.check_in, d.check_out, d.proposed_out, d.confirmed_out});
    for (const auto& [day, a] : t.absences) tj["absences"].push_back({day, absence_kind_name(a.kind), a.cause});
    for (const auto& a : t.assessments) tj["assessments"].push_back({a.event_id, a.skill, a.level});
    for (const auto& [skill, a] : t.latest_assessments()) tj["latest"][skill] = a->level;
    for (const auto& n : t.notes) tj["notes"].push_back(n.text);
    for (const auto& st : t.stages) tj["stages"].push_back({st.event_id, stage_name(st.to)});
    j["trainees"][id] = tj;
  }
  for (const auto& [id, m] : s.staff) j["staff"][id] = {m.name.value, role_name(m.role), m.pin_hash.value};
  return j.dump();
}
}  // namespace

TEST_CASE("the fold gives the same state for every order of the same events") {
  ft::test::CentreFixture c;
  const auto boss = c.staff(Role::Supervisor);
  const auto instructor = c.staff(Role::Instructor);
  std::vector<std::string> ids;
  for (int i = 0; i < 6; ++i) ids.push_back(c.enrol("Trainee " + std::to_string(i)));
  for (int day = 0; day < 10; ++day) {
    c.today += 1;
    if (weekday(c.today) >= 5) continue;
    for (size_t i = 0; i < ids.size(); ++i) {
      c.minutes = 7 * 60 + 20 + static_cast<int>(i) * 5;
      if ((i + day) % 4 == 0) {
        c.run(RecordAbsence{ids[i], c.today, AbsenceKind::Sick, "sick"}, boss);
        continue;
      }
      c.run(CheckIn{ids[i]}, Actor{ids[i], Role::Trainee});
      c.minutes = 15 * 60;
      if ((i + day) % 5 != 0) c.run(CheckOut{ids[i]}, Actor{ids[i], Role::Trainee});
      c.run(Assess{{ids[i]}, "floor-mopping", 1 + (day % 4), ""}, instructor);
    }
  }
  c.run(ChangeStage{ids[0], Stage::Internship, "Elite Miljø", ""}, boss);
  c.run(ConfirmInternship{ids[0]}, boss);
  c.run(ChangeStage{ids[1], Stage::Exited, "", "moved"}, boss);
  c.run(AddNote{ids[2], "Arbejder godt i dag", true, false}, instructor);
  c.run(SetPin{ids[3], "2468"}, boss);
  // Concurrent check-ins for the same day from a second terminal: earliest wins.
  c.terminal = "terminal-b";
  c.minutes = 6 * 60;
  auto copy = c.state;
  c.state.trainees[ids[4]].days.erase(c.today);
  c.run(CheckIn{ids[4]}, Actor{ids[4], Role::Trainee});
  c.state = copy;

  const std::string expected = fingerprint(fold(c.log));
  std::mt19937 rng(20261122);
  for (int round = 0; round < 50; ++round) {
    auto shuffled = c.log;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    REQUIRE(fingerprint(fold(shuffled)) == expected);
  }
  // Folding an event twice changes nothing but the count of events seen.
  auto doubled = c.log;
  doubled.insert(doubled.end(), c.log.begin(), c.log.end());
  State twice = fold(doubled);
  twice.event_count = static_cast<std::int64_t>(c.log.size());
  CHECK(fingerprint(twice) == expected);
}

TEST_CASE("last writer wins by hlc for the stage, whichever arrives last") {
  ft::test::CentreFixture c;
  const auto boss = c.staff(Role::Supervisor);
  const auto id = c.enrol("Contested Stage");
  c.run(ChangeStage{id, Stage::Internship, "Elite Miljø", ""}, boss);
  c.run(ChangeStage{id, Stage::Internship, "Ikast Rengøring ApS", ""}, boss);
  auto reversed = c.log;
  std::reverse(reversed.begin(), reversed.end());
  CHECK(fold(reversed).trainee(id)->host() == "Ikast Rengøring ApS");
}

TEST_CASE("a mark on a no-show from a terminal is not the jobcentre's and never counts, whatever its actor") {
  auto mark = [](const char* id, const char* terminal, const char* actor, Hlc hlc, const char* by) {
    Event e;
    e.event_id = id;
    e.terminal_id = terminal;
    e.actor_id = actor;
    e.hlc = hlc;
    e.type = ev::kAbsenceHandled;
    e.payload = {{"trainee_id", "t1"}, {"day", "2026-03-02"}, {"kind", "no_show"}, {"by", by}};
    return e;
  };
  // Forged earlier than the real one, so it would win if it counted.
  const Event forged = mark("0190f0f0-0000-7000-8000-0000000000c1", "t-1", "some-staff-id", 5, "anne");
  const Event named = mark("0190f0f0-0000-7000-8000-0000000000c2", "t-1", "jobcentre", 6, "anne");
  const Event real = mark("0190f0f0-0000-7000-8000-0000000000c3", "server", "jobcentre", 10, "bo");
  CHECK(fold({forged, named}).trainees.count("t1") == 0);
  for (const auto& log : {std::vector<Event>{forged, named, real}, std::vector<Event>{real, named, forged}}) {
    const State s = fold(log);
    REQUIRE(s.trainees.count("t1"));
    const auto& handled = s.trainees.at("t1").handled;
    REQUIRE(handled.size() == 1);
    CHECK(handled.begin()->second.by == "bo");
    CHECK(handled.begin()->second.event_id == real.event_id);
  }
}

TEST_CASE("the jobcentre's mark on a no-show: the earliest counts, in any order; a second changes nothing") {
  auto mark = [](const char* id, Hlc hlc, const char* kind, const char* by) {
    Event e;  // as the municipal server writes it (sync/server/web/absences.cpp)
    e.event_id = id;
    e.terminal_id = "server";
    e.actor_id = "jobcentre";
    e.hlc = hlc;
    e.type = ev::kAbsenceHandled;
    e.payload = {{"trainee_id", "t1"}, {"day", "2026-03-02"}, {"kind", kind}, {"by", by}};
    return e;
  };
  const Event first = mark("0190f0f0-0000-7000-8000-0000000000b1", 10, "no_show", "anna");
  const Event second = mark("0190f0f0-0000-7000-8000-0000000000b2", 20, "no_show", "bo");
  for (const auto& log : {std::vector<Event>{first, second}, std::vector<Event>{second, first},
                          std::vector<Event>{second, first, first}}) {
    const State s = fold(log);
    REQUIRE(s.trainees.count("t1"));  // not enrolled in this log, so trainees[] rather than trainee()
    const auto& handled = s.trainees.at("t1").handled;
    REQUIRE(handled.size() == 1);
    const HandledMark& m = handled.begin()->second;
    CHECK(format_day(handled.begin()->first) == "2026-03-02");
    CHECK(m.kind == "no_show");
    CHECK(m.by == "anna");
    CHECK(m.event_id == first.event_id);
  }
  // A kind the list never offers is not a mark.
  CHECK(fold({mark("0190f0f0-0000-7000-8000-0000000000b3", 5, "sanction", "anna")}).trainees.count("t1") == 0);
}

TEST_CASE("events of an unknown type are counted and ignored") {
  Event e;
  e.event_id = "0190f0f0-0000-7000-8000-000000000001";
  e.type = "SomethingFromTheFuture";
  e.payload = {{"x", 1}};
  State s = fold({e});
  CHECK(s.event_count == 1);
  CHECK(s.trainees.empty());
}

TEST_CASE("a payload with wrong types does not crash the fold") {
  Event e;
  e.event_id = "0190f0f0-0000-7000-8000-000000000002";
  e.type = ev::kCheckedIn;
  e.payload = {{"trainee_id", 7}, {"day", true}, {"time", nullptr}};
  State s = fold({e});
  CHECK(s.trainee("7") == nullptr);
}

TEST_CASE("folding stored rows gives the same state as folding the events") {
  // The store rebuilds the state from rows (RowFolder over payload text); the
  // live path folds Event objects. Both must agree, escapes and odd payloads included.
  ft::test::CentreFixture c;
  const auto boss = c.staff(Role::Supervisor);
  const auto instructor = c.staff(Role::Instructor);
  const auto a = c.enrol("Åse \"Ærø\" Ødegaard \\ Ølstykke");
  const auto b = c.enrol("Zoë Ñúñez-Łukasiewicz Олена");
  c.run(CheckIn{a}, Actor{a, Role::Trainee});
  c.run(Assess{{a, b}, "floor-mopping", 3, "God teknik,\nmen husk \"farvekoder\" \t😀"}, instructor);
  c.run(AddNote{b, "Ny i dag — velkommen…", true, false}, instructor);
  c.run(ChangeStage{a, Stage::Internship, "Elite Miljø A/S", ""}, boss);
  // Payloads the flat reader declines (nested, a fraction, a huge integer) and
  // one that is not JSON at all: folded as Json reads them.
  auto odd = [&](const char* type, Json payload) {
    Event e = c.log.back();
    e.event_id = "0190f0f0-0000-7000-8000-0000000000" + std::to_string(10 + c.log.size() % 90);
    e.hlc += 1;
    e.type = type;
    e.payload = std::move(payload);
    c.log.push_back(e);
  };
  odd(ev::kCheckedOut, {{"trainee_id", a}, {"day", format_day(c.today)}, {"time", "15:30"}, {"extra", {{"x", 1}}}});
  odd(ev::kSkillAssessed, {{"trainee_id", b}, {"day", format_day(c.today)}, {"skill", "windows"}, {"level", 2.5}});
  odd(ev::kSkillAssessed,
      {{"trainee_id", b}, {"day", format_day(c.today)}, {"skill", "ppe"}, {"level", 18446744073709551615ULL}});

  std::vector<std::string> texts;
  for (const auto& e : c.log) texts.push_back(e.payload.dump());
  texts.back() = "{not json";  // a damaged row reads as an empty payload
  State from_rows;
  RowFolder folder(from_rows);
  for (size_t i = 0; i < c.log.size(); ++i)
    folder.fold(EventRow{c.log[i].event_id, c.log[i].terminal_id, c.log[i].actor_id, c.log[i].type, c.log[i].hlc, texts[i]});

  auto events = c.log;
  events.back().payload = Json::object();
  CHECK(fingerprint(from_rows) == fingerprint(fold(events)));
  CHECK(from_rows.trainee(a)->name.value == "Åse \"Ærø\" Ødegaard \\ Ølstykke");
}
