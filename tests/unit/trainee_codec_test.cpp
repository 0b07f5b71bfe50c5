// The municipal server keeps each trainee's fold as a row and folds new
// events into it: encoding must lose nothing that a later fold or the
// status reads, so "fold some, encode, decode, fold the rest" is the same
// as folding everything, in any order.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "terminal/core/evolve.hpp"
#include "terminal/core/trainee_codec.hpp"
#include "terminal/core/trainee_status.hpp"
#include "tests/unit/centre_fixture.hpp"

using namespace ft;

namespace {

// A centre's worth of history about one trainee and a few others.
std::vector<Event> history(std::vector<std::string>& ids) {
  ft::test::CentreFixture c;
  const auto boss = c.staff(Role::Supervisor);
  const auto instructor = c.staff(Role::Instructor);
  for (int i = 0; i < 3; ++i) ids.push_back(c.enrol(i == 0 ? "Åse \"Ærø\" Ødegaard" : "Kursist " + std::to_string(i)));
  for (int day = 0; day < 30; ++day) {
    c.today += 1;
    if (weekday(c.today) >= 5) continue;
    for (size_t i = 0; i < ids.size(); ++i) {
      c.minutes = 7 * 60 + 20 + static_cast<int>(i + day) % 40;
      if ((i + day) % 7 == 0) {
        c.run(RecordAbsence{ids[i], c.today, AbsenceKind::NotLegitimate, "transport"}, boss);
        continue;
      }
      c.run(CheckIn{ids[i]}, Actor{ids[i], Role::Trainee});
      c.minutes = 15 * 60;
      if ((i + day) % 5 != 0) c.run(CheckOut{ids[i]}, Actor{ids[i], Role::Trainee});
      c.run(Assess{{ids[i]}, day % 2 ? "floor-mopping" : "punctuality", 1 + (day % 4), "note, \"quoted\""}, instructor);
    }
  }
  c.run(AddNote{ids[0], "Sundhed: kun til vejleder", false, true}, boss);
  c.run(AddNote{ids[0], "Deles ved opfølgning", true, false}, instructor);
  c.run(SetPin{ids[0], "2468"}, boss);
  c.run(ChangeStage{ids[0], Stage::Internship, "Elite Miljø A/S", ""}, boss);
  c.run(RegisterHost{"Elite Miljø A/S", "12345674", 120}, local_admin());
  c.run(AgreeInternship{ids[0], "12345674", c.today, 13, 30, "Rengøring af kontorer"}, boss);
  {
    Event approval;  // as the server writes it
    approval.event_id = "0190f0f0-0000-7000-8000-0000000000a1";
    approval.terminal_id = "server";
    approval.hlc = c.hlc + 1;
    approval.type = ev::kInternshipApproved;
    approval.payload = {{"trainee_id", ids[0]}, {"weeks", 13}, {"day", format_day(c.today)}};
    evolve(c.state, approval);
    c.log.push_back(approval);
  }
  {
    Event handled;  // the jobcentre's mark on a no-show, as the server writes it
    handled.event_id = "0190f0f0-0000-7000-8000-0000000000a2";
    handled.terminal_id = "server";
    handled.hlc = c.hlc + 2;
    handled.type = ev::kAbsenceHandled;
    handled.payload = {{"trainee_id", ids[1]}, {"day", format_day(c.today - 3)}, {"kind", "no_show"}, {"by", "anna"}};
    evolve(c.state, handled);
    c.log.push_back(handled);
  }
  c.run(ConfirmInternship{ids[0]}, boss);
  c.run(ChangeStage{ids[1], Stage::Exited, "", "moved"}, boss);
  return c.log;
}

}  // namespace

TEST_CASE("a trainee encoded and decoded folds on exactly as if never stored") {
  std::vector<std::string> ids;
  const auto log = history(ids);
  const State whole = fold(log);
  std::mt19937 rng(42);
  for (int round = 0; round < 20; ++round) {
    auto shuffled = log;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    const size_t cut = shuffled.size() * static_cast<size_t>(round + 1) / 22;
    State first = fold(std::vector<Event>(shuffled.begin(), shuffled.begin() + static_cast<long>(cut)));
    State rest;  // only what a server row would give back: each trainee decoded
    for (const auto& [id, t] : first.trainees) rest.trainees.emplace(id, trainee_from_json(trainee_to_json(t)));
    for (size_t i = cut; i < shuffled.size(); ++i) evolve(rest, shuffled[i]);
    for (const auto& id : ids) {
      CAPTURE(round);
      CHECK(trainee_to_json(rest.trainees.at(id)) == trainee_to_json(whole.trainees.at(id)));
    }
  }
}

TEST_CASE("the status of a decoded trainee is the status of the folded one") {
  std::vector<std::string> ids;
  const auto log = history(ids);
  const State s = fold(log);
  Translations tr;
  tr.language = "en";
  Rules rules;
  const Day today = day_from_civil(2026, 6, 1);
  for (const auto& id : ids) {
    const Trainee& t = s.trainees.at(id);
    const Trainee back = trainee_from_json(Json::parse(trainee_to_json(t).dump()));
    CHECK(trainee_status_json(back, ft::test::catalogue(), rules, today, tr) ==
          trainee_status_json(t, ft::test::catalogue(), rules, today, tr));
  }
  // The whole range of fields is there to lose: notes of both kinds, absences, a confirmed internship.
  const Trainee& first = s.trainees.at(ids[0]);
  CHECK(first.notes.size() == 2);
  CHECK_FALSE(first.absences.empty());
  CHECK(first.internship_confirmed_hlc > 0);
  CHECK(first.agreements.size() == 1);
  CHECK(first.approvals.size() == 1);
  CHECK_FALSE(first.pin_hash.value.empty());
}

TEST_CASE("the centre's capacity from the server wins over the configured one") {
  State s;
  CHECK(s.capacity(15) == 15);
  Event e;
  e.event_id = "0190f0f0-0000-7000-8000-000000000003";
  e.type = ev::kCentreNamed;
  e.hlc = 10;
  e.payload = {{"name", "Væksthuset"}, {"capacity", 12}};
  evolve(s, e);
  CHECK(s.capacity(15) == 12);
  CHECK(s.centre_name.value == "Væksthuset");
  // A name without a capacity (a terminal's own CentreNamed) leaves the capacity as it was.
  e.event_id = "0190f0f0-0000-7000-8000-000000000004";
  e.hlc = 11;
  e.payload = {{"name", "Træningscenter Ikast"}};
  evolve(s, e);
  CHECK(s.capacity(15) == 12);
}
