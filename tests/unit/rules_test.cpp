// The centre's rules, each with its refusal (DOMAIN.md "Rules").
#include <doctest/doctest.h>

#include "tests/unit/centre_fixture.hpp"

using namespace ft;
using ft::test::CentreFixture;

TEST_CASE("a 16th trainee is refused while the centre is full, and may join the waiting list") {
  CentreFixture c;
  for (int i = 0; i < 15; ++i) CHECK_FALSE(c.enrol("Trainee " + std::to_string(i)).empty());
  CHECK(c.state.in_centre() == 15);
  const auto events_before = c.log.size();
  Enrol sixteenth;
  sixteenth.name = "Number Sixteen";
  auto d = c.run(sixteenth, local_admin());
  REQUIRE(d.refusal);
  CHECK(d.refusal->code == "centre_full");
  CHECK(d.refusal->params["capacity"] == "15");
  CHECK(c.log.size() == events_before);

  const auto waiting = c.enrol("Number Sixteen", true);
  REQUIRE_FALSE(waiting.empty());
  CHECK(c.state.trainee(waiting)->stage() == Stage::Referred);
  CHECK(c.state.in_centre() == 15);
}

TEST_CASE("capacity is configurable") {
  CentreFixture c;
  c.rules.capacity = 2;
  c.enrol("A A");
  c.enrol("B B");
  Enrol third;
  third.name = "C C";
  CHECK(c.run(third, local_admin()).refusal->code == "centre_full");
}

TEST_CASE("moving a referred trainee into a full centre is refused") {
  CentreFixture c;
  c.rules.capacity = 1;
  c.enrol("In Centre");
  const auto waiting = c.enrol("Waiting One", true);
  const auto boss = c.staff(Role::Supervisor);
  auto d = c.run(ChangeStage{waiting, Stage::Centre, "", ""}, boss);
  REQUIRE(d.refusal);
  CHECK(d.refusal->code == "centre_full");
}

TEST_CASE("stages move referred -> centre -> internship -> employed, with a host") {
  CentreFixture c;
  const auto boss = c.staff(Role::Supervisor);
  const auto id = c.enrol("Åse Ærø-Ødegaard", true);
  CHECK_FALSE(c.run(ChangeStage{id, Stage::Centre, "", ""}, boss).refusal);
  CHECK(c.state.trainee(id)->centre_start() == c.today);
  auto no_host = c.run(ChangeStage{id, Stage::Internship, "  ", ""}, boss);
  REQUIRE(no_host.refusal);
  CHECK(no_host.refusal->code == "host_required");
  CHECK_FALSE(c.run(ChangeStage{id, Stage::Internship, "Elite Miljø A/S", ""}, boss).refusal);
  CHECK(c.state.trainee(id)->host() == "Elite Miljø A/S");
  CHECK_FALSE(c.run(ChangeStage{id, Stage::Employed, "", ""}, boss).refusal);  // host carried over
  CHECK(c.state.trainee(id)->stage() == Stage::Employed);
  CHECK(c.state.trainee(id)->host() == "Elite Miljø A/S");
}

TEST_CASE("an invalid stage change is refused with both stages named") {
  CentreFixture c;
  const auto boss = c.staff(Role::Supervisor);
  const auto id = c.enrol("Waiting Person", true);
  auto d = c.run(ChangeStage{id, Stage::Employed, "Elite Miljø", ""}, boss);
  REQUIRE(d.refusal);
  CHECK(d.refusal->code == "invalid_transition");
  CHECK(d.refusal->params["from"] == "@stage.referred");
  CHECK(d.refusal->params["to"] == "@stage.employed");
  CHECK(c.run(ChangeStage{id, Stage::Referred, "", ""}, boss).refusal->code == "same_stage");
}

TEST_CASE("leaving needs a known reason, and a trainee who left cannot move on") {
  CentreFixture c;
  const auto boss = c.staff(Role::Supervisor);
  const auto id = c.enrol("Leaving Soon");
  CHECK(c.run(ChangeStage{id, Stage::Exited, "", ""}, boss).refusal->code == "exit_reason_required");
  CHECK(c.run(ChangeStage{id, Stage::Exited, "", "bored"}, boss).refusal->code == "exit_reason_required");
  CHECK_FALSE(c.run(ChangeStage{id, Stage::Exited, "", "moved"}, boss).refusal);
  CHECK(c.run(ChangeStage{id, Stage::Centre, "", ""}, boss).refusal->code == "trainee_left");
  CHECK(c.run(CheckIn{id}, c.as_trainee(id)).refusal->code == "not_in_centre");
}

TEST_CASE("no active course beyond 18 months") {
  CentreFixture c;
  const auto boss = c.staff(Role::Supervisor);
  const auto id = c.enrol("Long Course");
  c.today = add_months(c.today, 18);
  auto d = c.run(CheckIn{id}, c.as_trainee(id));
  REQUIRE(d.refusal);
  CHECK(d.refusal->code == "course_over");
  CHECK(c.run(ChangeStage{id, Stage::Internship, "Elite Miljø", ""}, boss).refusal->code == "course_over");
  CHECK_FALSE(c.run(ChangeStage{id, Stage::Employed, "Elite Miljø", ""}, boss).refusal);
}

TEST_CASE("a second check-in the same day changes nothing and says since when") {
  CentreFixture c;
  const auto id = c.enrol("Mads Sørensen");
  c.minutes = 7 * 60 + 58;
  REQUIRE(c.run(CheckIn{id}, c.as_trainee(id)).events.size() == 1);
  c.minutes = 8 * 60 + 30;
  auto again = c.run(CheckIn{id}, c.as_trainee(id));
  CHECK(again.ok());
  CHECK(again.events.empty());
  REQUIRE(again.notice);
  CHECK(again.notice->code == "already_in");
  CHECK(again.notice->params["time"] == "07:58");
  CHECK(c.state.trainee(id)->days.at(c.today).check_in == 7 * 60 + 58);
}

TEST_CASE("check-out needs a check-in, and a second check-out changes nothing") {
  CentreFixture c;
  const auto id = c.enrol("Out Early");
  CHECK(c.run(CheckOut{id}, c.as_trainee(id)).refusal->code == "not_checked_in");
  c.run(CheckIn{id}, c.as_trainee(id));
  c.minutes = 14 * 60;
  CHECK(c.run(CheckOut{id}, c.as_trainee(id)).events.size() == 1);
  auto again = c.run(CheckOut{id}, c.as_trainee(id));
  CHECK(again.events.empty());
  CHECK(again.notice->code == "already_out");
  CHECK(c.run(CheckIn{id}, c.as_trainee(id)).refusal->code == "already_checked_out");
}

TEST_CASE("a forgotten check-out is closed at the end of the day and flagged") {
  CentreFixture c;
  const auto id = c.enrol("Forgetful Person");
  const Day monday = c.today;
  c.run(CheckIn{id}, c.as_trainee(id));
  CHECK(day_status(*c.state.trainee(id), monday, c.rules, monday) == DayStatus::Present);
  c.today = monday + 1;
  CHECK(day_status(*c.state.trainee(id), monday, c.rules, c.today) == DayStatus::ForgottenCheckout);
  // The trainee proposes a time; the day stays flagged until staff confirm.
  CHECK_FALSE(c.run(ProposeCheckout{id, monday, 15 * 60}, c.as_trainee(id)).refusal);
  CHECK(day_status(*c.state.trainee(id), monday, c.rules, c.today) == DayStatus::ForgottenCheckout);
  const auto instructor = c.staff(Role::Instructor);
  CHECK(c.run(ConfirmCheckout{id, monday, 6 * 60}, instructor).refusal->code == "time_invalid");
  CHECK_FALSE(c.run(ConfirmCheckout{id, monday, 15 * 60}, instructor).refusal);
  CHECK(day_status(*c.state.trainee(id), monday, c.rules, c.today) == DayStatus::Present);
  CHECK(c.run(ConfirmCheckout{id, monday, 15 * 60}, instructor).refusal->code == "checkout_not_missing");
}

TEST_CASE("absence is recorded by a supervisor with a reason, on an expected day") {
  CentreFixture c;
  const auto id = c.enrol("Sick Person");
  const auto boss = c.staff(Role::Supervisor);
  const auto instructor = c.staff(Role::Instructor);
  CHECK(c.run(RecordAbsence{id, c.today, AbsenceKind::Sick, "sick"}, instructor).refusal->code == "not_allowed");
  CHECK(c.run(RecordAbsence{id, c.today - 2, AbsenceKind::Sick, "sick"}, boss).refusal->code == "not_expected_day");
  CHECK(c.run(RecordAbsence{id, c.today, AbsenceKind::Sick, "flu"}, boss).refusal->code == "unknown_cause");
  CHECK_FALSE(c.run(RecordAbsence{id, c.today, AbsenceKind::Legitimate, "doctor"}, boss).refusal);
  CHECK(day_status(*c.state.trainee(id), c.today, c.rules, c.today + 1) == DayStatus::AbsentLegitimate);
  c.run(CheckIn{id}, c.as_trainee(id));  // came after all: the check-in wins on the calendar
  CHECK(c.run(RecordAbsence{id, c.today, AbsenceKind::Sick, "sick"}, boss).refusal->code == "present_that_day");
}

TEST_CASE("holidays are not expected days") {
  CentreFixture c;
  const auto id = c.enrol("Holiday Person");
  const auto boss = c.staff(Role::Supervisor);
  c.rules.holidays.insert(c.today);
  CHECK(c.run(RecordAbsence{id, c.today, AbsenceKind::Sick, "sick"}, boss).refusal->code == "not_expected_day");
}

TEST_CASE("skills: level 1 to 4 by staff, the latest counts, history is kept") {
  CentreFixture c;
  const auto a = c.enrol("First Trainee");
  const auto b = c.enrol("Second Trainee");
  const auto instructor = c.staff(Role::Instructor);
  CHECK(c.run(Assess{{a}, "floor-mopping", 5, ""}, instructor).refusal->code == "level_out_of_range");
  CHECK(c.run(Assess{{a}, "juggling", 2, ""}, instructor).refusal->code == "unknown_skill");
  CHECK(c.run(Assess{{}, "floor-mopping", 2, ""}, instructor).refusal->code == "no_trainees_chosen");
  CHECK(c.run(Assess{{a, a}, "floor-mopping", 2, ""}, instructor).refusal->code == "duplicate_trainee");
  CHECK(c.run(Assess{{a, b}, "floor-mopping", 2, "god start"}, instructor).events.size() == 2);
  c.run(Assess{{a}, "floor-mopping", 3, ""}, instructor);
  const auto& t = *c.state.trainee(a);
  CHECK(t.assessments.size() == 2);
  CHECK(t.latest_assessments().at("floor-mopping")->level == 3);
  CHECK(c.state.trainee(b)->latest_assessments().at("floor-mopping")->note == "god start");
}

TEST_CASE("trainees only act for themselves") {
  CentreFixture c;
  const auto a = c.enrol("Anna A");
  const auto b = c.enrol("Bo B");
  CHECK(c.run(CheckIn{b}, c.as_trainee(a)).refusal->code == "self_only");
  CHECK(c.run(CheckIn{a}, c.as_trainee(a)).ok());
}

TEST_CASE("unknown trainees are named in the refusal") {
  CentreFixture c;
  auto d = c.run(CheckIn{"no-such-id"}, Actor{"no-such-id", Role::Trainee});
  CHECK(d.refusal->code == "unknown_trainee");
  CHECK(d.refusal->params["id"] == "no-such-id");
}

TEST_CASE("names: control characters, empty and over-long names are refused") {
  CentreFixture c;
  for (const auto& [name, code] : std::vector<std::pair<std::string, std::string>>{
           {"", "text_empty"}, {"   ", "text_empty"}, {"Tab\there", "text_control"},
           {"New\nline", "text_control"}, {std::string(201, 'x'), "text_too_long"},
           {"bad \xff utf8", "text_invalid_utf8"}}) {
    Enrol e;
    e.name = name;
    auto d = c.run(e, local_admin());
    REQUIRE(d.refusal);
    CHECK(d.refusal->code == code);
    CHECK(d.refusal->params["field"] == "@field.name");
  }
  CHECK(c.log.empty());
}

TEST_CASE("PIN shapes: trainees 4-6 digits, staff 5-8") {
  CentreFixture c;
  Enrol e;
  e.name = "Pin Person";
  e.pin = "123";
  CHECK(c.run(e, local_admin()).refusal->code == "pin_shape_trainee");
  e.pin = "12a4";
  CHECK(c.run(e, local_admin()).refusal->code == "pin_shape_trainee");
  e.pin = "123456";
  CHECK(c.run(e, local_admin()).ok());
  AddStaff s;
  s.name = "Staff Person";
  s.role = Role::Instructor;
  s.pin = "1234";
  CHECK(c.run(s, local_admin()).refusal->code == "pin_shape_staff");
  s.pin = "123456789";
  CHECK(c.run(s, local_admin()).refusal->code == "pin_shape_staff");
}

TEST_CASE("badges are digits and belong to one person") {
  CentreFixture c;
  Enrol e;
  e.name = "Badge One";
  e.badge = "00123456";
  CHECK(c.run(e, local_admin()).ok());
  e.name = "Badge Two";
  CHECK(c.run(e, local_admin()).refusal->code == "duplicate_badge");
  e.badge = "12ab";
  CHECK(c.run(e, local_admin()).refusal->code == "badge_shape");
}
